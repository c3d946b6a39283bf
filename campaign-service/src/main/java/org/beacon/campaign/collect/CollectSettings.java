package org.beacon.campaign.collect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Collecting with OpenRosa clients (application.properties, beacon.collect.*). */
@ConfigMapping(prefix = "beacon.collect")
public interface CollectSettings {

    /**
     * Largest submission accepted, in bytes: the whole multipart body and its {@code xml_submission_file}. Beacon's
     * forms ask for no photos or recordings, so a filled form is text only; a 300-question form with long free
     * texts stays well under 1 MB. Announced to clients in {@code X-OpenRosa-Accept-Content-Length}.
     */
    @WithDefault("1048576")
    int maxSubmissionBytes();

    /** Submissions per collection link (CollectionRate). */
    RateLimit rateLimit();

    interface RateLimit {

        /**
         * Sustained submissions per second and link. One a second is more than a team can interview; a phone that
         * comes back from days offline sends its whole queue within the burst.
         */
        @WithDefault("1")
        double perSecond();

        /** Submissions a link may send at once: several phones' queues of a week in the field. */
        @WithDefault("600")
        double burst();
    }
}
