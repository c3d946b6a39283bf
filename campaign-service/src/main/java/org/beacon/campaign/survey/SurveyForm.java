package org.beacon.campaign.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.commons.i18n.Languages;

/**
 * An immutable snapshot of a survey definition with what answering and results need to know about its campaign.
 * Cached per revision, so the public form and every submission cost no definition queries.
 */
public record SurveyForm(long id, int revision, String slug, long campaignId, String campaignSlug,
        String organization, String title, String defaultLanguage, List<String> languages, Map<String, String> consent,
        List<Question> questions) {

    public record Question(long id, String name, String kind, String role, boolean required, Integer slot,
            Map<String, String> label, Map<String, String> hint, Integer answerKey, List<Choice> choices) {

        public boolean collectsAnswer() {
            return slot != null;
        }

        public boolean isChoice() {
            return !choices.isEmpty();
        }

        /** Counts of a single-answer question add up to the number who answered it. */
        public boolean isSingleAnswer() {
            return kind.equals(SurveyQuestion.SINGLE) || kind.equals(SurveyQuestion.LIKERT)
                    || kind.equals(SurveyQuestion.KNOWLEDGE);
        }

        public Optional<Choice> choice(String name) {
            return choices.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        public String label(String language, String fallback) {
            return text(label, language, fallback);
        }
    }

    public record Choice(int position, String name, Map<String, String> label) {
        public String label(String language, String fallback) {
            return text(label, language, fallback);
        }
    }

    public List<Question> answerable() {
        return questions.stream().filter(Question::collectsAnswer).toList();
    }

    public int slotCount() {
        return (int) questions.stream().filter(Question::collectsAnswer).count();
    }

    public Optional<Question> question(String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public Optional<Question> withRole(String role) {
        return questions.stream().filter(q -> role.equals(q.role())).findFirst();
    }

    public List<Question> knowledgeItems() {
        return questions.stream().filter(q -> q.kind().equals(SurveyQuestion.KNOWLEDGE)).toList();
    }

    /**
     * The survey language to show: the one asked for if the survey has it, else the same primary language (fr for
     * fr-SN), else the default language.
     */
    public String language(String requested) {
        if (requested != null && !requested.isBlank()) {
            String wanted = requested.trim();
            for (String language : languages) {
                if (language.equalsIgnoreCase(wanted)) {
                    return language;
                }
            }
            String primary = wanted.split("-")[0];
            for (String language : languages) {
                if (language.split("-")[0].equalsIgnoreCase(primary)) {
                    return language;
                }
            }
        }
        return defaultLanguage;
    }

    /** The interface language for a survey language: the same when Beacon's interface speaks it, else English. */
    public static String interfaceLanguage(String surveyLanguage) {
        String supported = Languages.supported(surveyLanguage);
        return supported == null ? Languages.DEFAULT : supported;
    }

    static String text(Map<String, String> texts, String language, String fallback) {
        String text = texts.get(language);
        if (text == null || text.isEmpty()) {
            text = texts.get(fallback);
        }
        return text == null ? "" : text;
    }
}
