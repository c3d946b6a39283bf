package org.beacon.training.certificate;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Text as a PDF must draw it. PDFBox places glyphs one after the other, left to right, and neither joins Arabic
 * letters nor reverses right-to-left runs; a name or an Arabic label would come out as separate letters in the
 * wrong order. So right-to-left text is first shaped (each Arabic letter in its joined form, lam-alef as one
 * ligature) and then put in visual order, with the paragraph's direction taken from its first strong letter.
 */
final class VisualText {

    private VisualText() {
    }

    static String of(String logical) {
        if (logical == null || !Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            return logical;
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL)
                    .shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical;
        }
        return new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR).writeReordered(Bidi.DO_MIRRORING);
    }
}
