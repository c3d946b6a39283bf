package org.beacon.campaign.results;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Interface strings of breakdowns, filters and the breakdown dimensions page; translations in messages/breakdown_*. */
@MessageBundle("breakdown")
public interface BreakdownMessages {

    @Message("Breakdown dimensions")
    String heading();

    @Message("Choose the questions evaluators may break this survey's results down by and filter on (for example "
            + "women only, by nationality). Only single-choice questions can be chosen. Small groups are hidden in "
            + "every breakdown as everywhere else, so each dimension you allow makes more groups and may hide more "
            + "figures. Saving recomputes the results from the stored answers.")
    String intro();

    @Message("Question")
    String question();

    @Message("Kind")
    String kind();

    @Message("Allowed")
    String allowed();

    @Message("Answers per collection team (field team's collection link)")
    String team_allowed();

    @Message("Collection team")
    String team();

    @Message("Save")
    String save();

    @Message("Until a campaign manager saves a choice here, the background questions, the single-choice questions "
            + "and the collection team are allowed.")
    String default_note();

    @Message("Last changed by {by} on {at}.")
    String changed(String by, String at);

    @Message("Filter")
    String filter();

    @Message("Everyone")
    String everyone();

    @Message("No breakdown")
    String no_breakdown();

    @Message("Figures of this group only: {group}")
    String filtered(String group);

    @Message("Change from baseline to endline per group")
    String group_changes();

    @Message("Group")
    String group();

    @Message("Saved: results are being recomputed with these dimensions.")
    String saved();

    @Message("Figures as of")
    String as_of();

    @Message("Answers received since then, being added:")
    String newer_answers();

    @Message("Other ({groups} groups)")
    String other_groups(String groups);

    /** A breakdown's row of a multiple-choice question pooling rare options: it counts choices, not people. */
    @Message("Mentions of: {options}")
    String mentions(String options);
}
