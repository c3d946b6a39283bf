package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void phoneNumbersInTheWaysPeopleWriteThemAreMasked() {
        assertEquals("Call [phone] now", Masking.mask("Call +221 77 123 45 67 now"));
        assertEquals("[phone] or [phone]", Masking.mask("77-123-4567 or (555) 123.4567"));
        assertEquals("ring [phone]", Masking.mask("ring 0033612345678"));
    }

    @Test
    void phoneNumbersWrittenInArabicIndicOrEasternArabicIndicDigitsAreMaskedToo() {
        assertEquals("اتصل بي على [phone]", Masking.mask("اتصل بي على ٠٧٧١٢٣٤٥٦٧"));
        assertEquals("رقمي [phone] شكرا", Masking.mask("رقمي ۰۷۷ ۱۲۳ ۴۵ ۶۷ شكرا"));
        assertEquals("call [phone]", Masking.mask("call +٢٢١ ٧٧ ١٢٣ ٤٥ ٦٧"));
        assertEquals("फ़ोन [phone]", Masking.mask("फ़ोन ०९८७६५४३२१"));
    }

    @Test
    void emailAddressesAreMaskedEvenWhenSpelledOut() {
        assertEquals("write to [e-mail].", Masking.mask("write to aminata.diallo@example.org."));
        assertEquals("[e-mail]", Masking.mask("awa (at) mail (dot) sn"));
    }

    @Test
    void yearsAgesAndShortNumbersStay() {
        assertEquals("In 2027, 12 of us, aged 15-17, met 3 times", Masking.mask("In 2027, 12 of us, aged 15-17, met 3 times"));
        assertEquals("في عام ٢٠٢٧ كنا ١٢", Masking.mask("في عام ٢٠٢٧ كنا ١٢"));
    }
}
