package org.beacon.training.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VisualTextTests {

    @Test
    void latinTextIsLeftAsItIs() {
        assertEquals("Ana Pereira · v2", VisualText.of("Ana Pereira · v2"));
    }

    @Test
    void anArabicNameIsJoinedAndDrawnRightToLeft() {
        // مريم: meem (initial) reh (final), yeh (initial) meem (final), drawn from the right.
        assertEquals("\uFEE2\uFEF3\uFEAE\uFEE3", VisualText.of("مريم"));
    }

    @Test
    void lamAlefBecomesOneLigatureAndLatinRunsKeepTheirOrder() {
        // سلام: seen (initial), lam-alef ligature (final), meem (isolated); then " BCN-42" stays readable.
        assertEquals("BCN-42 \uFEE1\uFEFC\uFEB3", VisualText.of("سلام BCN-42"));
    }
}
