package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.Wave;

/**
 * One dimension an evaluator may break results down by or filter on: a single-choice question (its choices are its
 * groups, plus "not stated" when it may be left unanswered), or the collection team (its groups are the survey's
 * collection links, plus the answers that came without one).
 *
 * @param id what the results' addresses call it: the question's name, or {@value #TEAM_ID}
 * @param question the question, null for the collection team
 * @param teams the collection links by id, for the collection team
 */
public record BreakdownAxis(Dimension dimension, String id, SurveyForm.Question question, Map<Integer, Team> teams) {

    /**
     * A collection link as a group: its team's name, and the wave it collects for. Every answer through it is of
     * that wave, so in the other wave its group is empty by design, which everyone who sees the link list knows.
     */
    public record Team(String name, Wave wave) {
    }

    public static final String TEAM_ID = "team";

    public static BreakdownAxis of(SurveyForm.Question question) {
        return new BreakdownAxis(Dimension.of(question.id()), question.name(), question, Map.of());
    }

    public static BreakdownAxis team(Map<Integer, Team> teams) {
        return new BreakdownAxis(Dimension.of(Dimension.TEAM), TEAM_ID, null, Map.copyOf(teams));
    }

    public boolean isTeam() {
        return question == null;
    }

    /**
     * The groups, "not stated" (0) last. A question's groups do not depend on who answered: an optional question
     * always has its "not stated" group, even when empty, since a group that appeared only when someone is in it
     * would tell by its absence that the answered count is the respondent count.
     *
     * @param notStatedSeen whether anyone of the wave is in the "not stated" group
     */
    List<Integer> values(boolean notStatedSeen) {
        List<Integer> values = new ArrayList<>();
        if (isTeam()) {
            values.addAll(teams.keySet().stream().sorted().toList());
            values.add(0);
            return values;
        }
        for (int v = 1; v <= question.choices().size(); v++) {
            values.add(v);
        }
        if (!question.required() || notStatedSeen) {
            values.add(0);
        }
        return values;
    }

    /** The group's name, or null for "not stated" (the caller's wording). */
    String label(int value, String language, String fallback) {
        if (value == 0) {
            return null;
        }
        if (isTeam()) {
            Team team = teams.get(value);
            return team != null ? team.name() : "#" + value;
        }
        return question.choices().get(value - 1).label(language, fallback);
    }

    /**
     * The group a filter names: a choice's name (or position), a collection link's id, or a pooled group's name
     * ({@link GroupPooling}, checked against the figures later); -1 when there is none.
     */
    int value(String name) {
        if (isTeam()) {
            try {
                int link = Integer.parseInt(name);
                return teams.containsKey(link) ? link : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return question.choice(name).map(SurveyForm.Choice::position)
                .orElseGet(() -> GroupPooling.namedValue(question, name));
    }

    /** The name a filter uses for a group. */
    String valueName(int value) {
        if (isTeam()) {
            return Integer.toString(value);
        }
        return value >= GroupPooling.POOL ? GroupPooling.valueName(question, value)
                : question.choices().get(value - 1).name();
    }
}
