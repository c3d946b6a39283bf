package org.beacon.campaign.survey;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The survey settings ({@code beacon.surveys.*}; defaults here, values for each environment in
 * application.properties). The results side still reads min-cell-size and the fold's settings as properties; they
 * are declared here too because a mapping refuses properties under its prefix that it does not know.
 */
@ConfigMapping(prefix = "beacon.surveys")
public interface SurveysConfig {

    /** The gateway's address as respondents and collectors reach it: links, QR codes, Collect's server. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The longest free-text answer kept, in characters, on the web form, paper uploads and Collect alike. */
    @WithDefault("2000")
    int maxTextLength();

    /** The largest form or answers file a manager uploads, as sent. */
    @WithDefault("1572864")
    long maxUploadBytes();

    /** The smallest group a result shows (never below the disclosure floor). */
    @WithDefault("10")
    int minCellSize();

    /** Answers folded into the tallies per run, and how often the fold runs. */
    @WithDefault("5000")
    int foldBatch();

    @WithDefault("5s")
    String foldEvery();

    /** Public answers accepted per survey: a token bucket. */
    RateLimit rateLimit();

    /**
     * Copies of the forms' logic kept idle for the next respondent (FormEngine: each session needs a copy of its
     * own, and reading one costs 2-3 ms). A copy of a shipped survey takes about 130 KB of heap.
     */
    FormCopies formCopies();

    /**
     * The public addresses resolved to the survey version and wave state they serve, kept so that a page or a
     * submission costs no lookup (SurveyForms). This instance's own changes drop them at once; another instance's
     * change is seen within {@code recheck}, and no answer is ever stored against a version or a wave state other
     * than the stored one (the insert checks both).
     */
    Published published();

    interface Published {
        /** The addresses kept: the most recently used (an address is a survey and a wave). */
        @WithDefault("16")
        int addresses();

        /** How long an address is served from memory before the database is asked again. */
        @WithDefault("1s")
        Duration recheck();
    }

    /**
     * Group commit of web answers (GroupCommit): answers sent at the same moment are stored in one statement and
     * acknowledged together once it is durable, rather than one transaction each.
     */
    GroupCommitSettings groupCommit();

    interface GroupCommitSettings {
        @WithDefault("false")
        boolean enabled();

        /** The most answers one statement stores. */
        @WithDefault("64")
        int maxAnswers();

        /** How many such statements may be in flight at once, each on its own connection. */
        @WithDefault("2")
        int writers();
    }

    interface FormCopies {
        /** The forms that keep idle copies: the most recently answered. */
        @WithDefault("8")
        int forms();

        /** Idle copies kept for each; every session in progress holds one more. */
        @WithDefault("8")
        int perForm();
    }

    interface RateLimit {
        @WithName("per-second")
        @WithDefault("200")
        double perSecond();

        @WithDefault("1000")
        double burst();
    }
}
