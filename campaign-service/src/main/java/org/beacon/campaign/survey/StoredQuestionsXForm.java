package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.survey.odk.XlsFormConverter;
import org.beacon.campaign.survey.odk.XlsFormRows;

/**
 * The XForm of a survey stored before XForms were kept with it (V32). Such surveys were imported by a reader that
 * refused all form logic, so their stored questions say everything the form did: top-level questions, their labels,
 * hints, choices and whether they are required. They are written back as XLSForm rows and converted like any import,
 * so old surveys stay answerable without a re-import, by the same engine as new ones.
 */
final class StoredQuestionsXForm {

    private StoredQuestionsXForm() {
    }

    static String of(String slug, String title, String defaultLanguage, List<String> languages,
            List<SurveyForm.Question> questions) {
        List<String> header = new ArrayList<>(List.of("type", "name", "required"));
        languages.forEach(l -> header.add("label::" + l));
        languages.forEach(l -> header.add("hint::" + l));
        List<List<String>> survey = new ArrayList<>(List.of(header));
        List<List<String>> choices = new ArrayList<>();
        List<String> choiceHeader = new ArrayList<>(List.of("list_name", "name"));
        languages.forEach(l -> choiceHeader.add("label::" + l));
        choices.add(choiceHeader);
        List<String> open = new ArrayList<>();
        for (SurveyForm.Question question : questions) {
            List<String> groups = groups(question.path());
            int common = 0;
            while (common < open.size() && common < groups.size() && open.get(common).equals(groups.get(common))) {
                common++;
            }
            while (open.size() > common) {
                open.remove(open.size() - 1);
                survey.add(List.of("end group"));
            }
            for (String group : groups.subList(common, groups.size())) {
                open.add(group);
                survey.add(List.of("begin group", group));
            }
            String type = switch (question.kind()) {
                case SurveyQuestion.SINGLE, SurveyQuestion.LIKERT, SurveyQuestion.KNOWLEDGE -> "select_one " + list(question);
                case SurveyQuestion.MULTIPLE -> "select_multiple " + list(question);
                case SurveyQuestion.CALCULATE -> null;
                default -> question.kind();
            };
            if (type == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(type, question.name(), question.required() ? "yes" : ""));
            languages.forEach(l -> row.add(question.label().getOrDefault(l, "")));
            languages.forEach(l -> row.add(question.hint().getOrDefault(l, "")));
            survey.add(row);
            if (question.kind().equals(SurveyQuestion.ACKNOWLEDGE)) {
                continue;
            }
            if (type.startsWith("select_")) {
                for (SurveyForm.Choice choice : question.choices()) {
                    List<String> choiceRow = new ArrayList<>(List.of(list(question), choice.name()));
                    languages.forEach(l -> choiceRow.add(choice.label().getOrDefault(l, "")));
                    choices.add(choiceRow);
                }
            }
        }
        open.forEach(group -> survey.add(List.of("end group")));
        List<List<String>> settings = List.of(List.of("form_id", "form_title", "default_language"),
                List.of("survey", title, defaultLanguage));
        XlsFormRows rows = XlsFormRows.of(Map.of(XlsFormRows.SURVEY, survey, XlsFormRows.CHOICES, choices,
                XlsFormRows.SETTINGS, settings), defaultLanguage);
        return XlsFormConverter.convert(rows).xml();
    }

    /** The groups a path lies in, outermost first: /data/a/b/q → [a, b]. */
    private static List<String> groups(String path) {
        String[] parts = path.split("/");
        return parts.length <= 3 ? List.of() : List.of(parts).subList(2, parts.length - 1);
    }

    /** A list of its own per question, named after its path, since names repeat across groups. */
    private static String list(SurveyForm.Question question) {
        return question.path().substring(1).replaceAll("[^A-Za-z0-9_]", "_");
    }
}
