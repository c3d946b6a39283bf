package org.beacon.campaign.survey;

import java.util.Locale;

import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * A round of answers: the baseline before the campaign, the endline after it, or continuous collection. The
 * code is what a response row stores; the name is what URLs and exports show.
 */
public enum Wave {
    BASELINE(1), ENDLINE(2), CONTINUOUS(3);

    private final int code;

    Wave(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Wave ofCode(int code) {
        for (Wave wave : values()) {
            if (wave.code == code) {
                return wave;
            }
        }
        throw new IllegalArgumentException("No wave " + code);
    }

    /** The wave named in a URL or form; 404 for anything else, since the address then points nowhere. */
    public static Wave parse(String id) {
        for (Wave wave : values()) {
            if (wave.id().equals(id)) {
                return wave;
            }
        }
        throw ProblemException.notFound(Reason.of("survey.no-such-wave", id));
    }
}
