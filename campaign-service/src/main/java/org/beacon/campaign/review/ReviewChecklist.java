package org.beacon.campaign.review;

import java.util.ArrayList;
import java.util.List;

import org.beacon.commons.web.Reason;

/**
 * What a reviewer confirms before approving awareness material, grounded in the seeds: promote safe alternatives
 * rather than only risks (000 L5866), state the THB/SoM distinction correctly, be gender, child and LGBTI sensitive,
 * and never show an identifying image of a victim (000 L5955).
 */
public record ReviewChecklist(boolean safeAlternatives, boolean thbSomDistinction, boolean sensitivity,
        boolean noIdentifyingImage) {

    public static final String SAFE_ALTERNATIVES = "safe alternatives rather than only risks";
    public static final String THB_SOM_DISTINCTION = "the THB/SoM distinction is stated correctly";
    public static final String SENSITIVITY = "gender, child and LGBTI sensitivity";
    public static final String NO_IDENTIFYING_IMAGE = "no identifying image of a victim";

    /** The items not ticked, in checklist order; empty when the reviewer confirmed all four. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!safeAlternatives) {
            missing.add(SAFE_ALTERNATIVES);
        }
        if (!thbSomDistinction) {
            missing.add(THB_SOM_DISTINCTION);
        }
        if (!sensitivity) {
            missing.add(SENSITIVITY);
        }
        if (!noIdentifyingImage) {
            missing.add(NO_IDENTIFYING_IMAGE);
        }
        return missing;
    }

    /** {@link #missing()} as reasons, each "not confirmed: …" in the reader's language on a page. */
    public List<Reason> notConfirmed() {
        return missing().stream().map(item -> Reason.of("review.not-confirmed", switch (item) {
            case SAFE_ALTERNATIVES -> Reason.of("review.check-safe-alternatives");
            case THB_SOM_DISTINCTION -> Reason.of("review.check-thb-som");
            case SENSITIVITY -> Reason.of("review.check-sensitivity");
            default -> Reason.of("review.check-no-identifying-image");
        })).toList();
    }
}
