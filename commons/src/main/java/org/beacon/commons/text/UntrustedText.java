package org.beacon.commons.text;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Rules for text that comes from outside (JSON, form fields, uploaded files, imported archives), shared by every
 * service so that the same character is refused, or removed, the same way everywhere.
 *
 * <ul>
 * <li>U+0000 (NUL) cannot be stored by PostgreSQL ({@code invalid byte sequence for encoding "UTF8": 0x00}): a
 * request carrying it would fail at the database with a 500. It is refused at the edge with the field named
 * ({@code FormText.requireNoNul} in commons' web package, which owns the 400 it answers with); every JSON string
 * is checked by {@link #jacksonModule()}.</li>
 * <li>Bidirectional overrides and isolates and zero-width characters let a title, name or file name shown to
 * others read differently from what it is ({@code invoice\u202Efdp.exe} shows as {@code invoiceexe.pdf}); they are
 * removed by {@link #stripSpoofing}. The right-to-left and left-to-right marks (U+200F, U+200E) and the Arabic
 * letter mark (U+061C) stay: they change no order by themselves, and Arabic text typed on a phone carries them. The
 * zero-width non-joiner and joiner (U+200C, U+200D) stay too: Persian and Urdu words, Indic scripts and emoji
 * sequences are spelled with them, and they hide or reorder nothing.</li>
 * </ul>
 */
public final class UntrustedText {

    /** The message a refused NUL carries after the field's name; the JSON problem mapper reuses it. */
    public static final String NUL_MESSAGE = "contains the character U+0000 (NUL), which cannot be stored; remove it.";

    private UntrustedText() {
    }

    /** Whether {@code value} holds U+0000. */
    public static boolean containsNul(CharSequence value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\0') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code c} is a bidi override or isolate, or a zero-width character, which {@link #stripSpoofing} removes. */
    public static boolean isSpoofing(int c) {
        return (c >= 0x202A && c <= 0x202E) // LRE, RLE, PDF, LRO, RLO
                || (c >= 0x2066 && c <= 0x2069) // LRI, RLI, FSI, PDI
                || c == 0x200B // zero-width space
                || c == 0x2060 // word joiner
                || c == 0xFEFF; // zero-width no-break space (a byte order mark inside text)
    }

    /**
     * {@code value} without the characters that could make it read differently from what it is (see the class
     * comment); null stays null. For titles, names and file names shown to other people, not for running text such
     * as a lesson body, which is rendered as HTML with its own direction.
     */
    public static String stripSpoofing(String value) {
        if (value == null || value.codePoints().noneMatch(UntrustedText::isSpoofing)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> !isSpoofing(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A Jackson module that refuses U+0000 in every JSON string bound to a {@code String}; the error is an
     * {@link InvalidFormatException} carrying the JSON path, which {@code ProblemMappers} answers with a 400 naming
     * the field.
     */
    public static Module jacksonModule() {
        return new SimpleModule("beacon-untrusted-text").addDeserializer(String.class, new NulRefusingDeserializer())
                .addKeyDeserializer(String.class, new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                        if (containsNul(key)) {
                            throw ctxt.weirdKeyException(String.class, key, NUL_MESSAGE);
                        }
                        return key;
                    }
                });
    }

    static final class NulRefusingDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (containsNul(value)) {
                throw InvalidFormatException.from(p, NUL_MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
