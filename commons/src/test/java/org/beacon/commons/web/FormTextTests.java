package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.beacon.commons.text.UntrustedText;
import org.junit.jupiter.api.Test;

class FormTextTests {

    @Test
    void nulIsRefusedWithTheFieldNamed() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> FormText.requireNoNul("bank.fr.gift line 3", "a\0b"));
        assertEquals(400, e.status());
        assertEquals(List.of("bank.fr.gift line 3: " + UntrustedText.NUL_MESSAGE), e.errors());
        assertEquals("plain", FormText.requireNoNul("title", "plain"));
        assertNull(FormText.requireNoNul("title", null));
    }
}
