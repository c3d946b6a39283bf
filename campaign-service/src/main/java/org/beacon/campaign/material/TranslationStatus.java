package org.beacon.campaign.material;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * How far a material's text in one language follows the campaign's default language: the default language's own
 * text is the {@code original}; a translation is {@code in-progress}, {@code translated}, or {@code outdated} once
 * the original changed after it. {@link #value()} is the word stored (material_variant.translation_status), sent
 * by the pages' form and published in the API.
 */
public enum TranslationStatus {
    ORIGINAL("original"),
    IN_PROGRESS("in-progress"),
    TRANSLATED("translated"),
    OUTDATED("outdated");

    /** Every stored word, in the order the pages offer them. */
    public static final List<String> VALUES = Arrays.stream(values()).map(TranslationStatus::value).toList();

    private final String value;

    TranslationStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The status a stored or submitted word names; null for none (validated before: see {@link VariantText}). */
    public static TranslationStatus of(String value) {
        if (value == null) {
            return null;
        }
        for (TranslationStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("No translation status '" + value + "'");
    }

    /** Stores the status by its word: "in-progress" is no Java name, so {@code EnumType.STRING} cannot. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<TranslationStatus, String> {

        @Override
        public String convertToDatabaseColumn(TranslationStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public TranslationStatus convertToEntityAttribute(String value) {
            return of(value);
        }
    }
}
