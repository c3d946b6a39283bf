package org.beacon.campaign.survey;

/**
 * Where a survey wave stands. {@code open} and {@code closed} are spelled as stored (survey_wave.status) and as the
 * API publishes them; a wave that was never opened has no row, and pages and the API call it {@code not_opened}.
 */
public enum WaveStatus {
    /** Never opened: no survey_wave row (never stored). */
    not_opened,
    /** Taking answers. */
    open,
    /** Opened once and closed: no more answers, results kept. */
    closed;

    public boolean isOpen() {
        return this == open;
    }

    /** The status of a stored row, or {@code not_opened} without one. */
    static WaveStatus stored(String value) {
        return value == null ? not_opened : valueOf(value);
    }
}
