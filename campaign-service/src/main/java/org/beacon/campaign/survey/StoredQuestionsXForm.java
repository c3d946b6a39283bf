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
        for (SurveyForm.Question question : questions) {
            String type = switch (question.kind()) {
                case SurveyQuestion.SINGLE, SurveyQuestion.LIKERT, SurveyQuestion.KNOWLEDGE -> "select_one " + question.name();
                case SurveyQuestion.MULTIPLE -> "select_multiple " + question.name();
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
            if (type.startsWith("select_")) {
                for (SurveyForm.Choice choice : question.choices()) {
                    List<String> choiceRow = new ArrayList<>(List.of(question.name(), choice.name()));
                    languages.forEach(l -> choiceRow.add(choice.label().getOrDefault(l, "")));
                    choices.add(choiceRow);
                }
            }
        }
        List<List<String>> settings = List.of(List.of("form_id", "form_title", "default_language"),
                List.of("survey", title, defaultLanguage));
        XlsFormRows rows = XlsFormRows.of(Map.of(XlsFormRows.SURVEY, survey, XlsFormRows.CHOICES, choices,
                XlsFormRows.SETTINGS, settings), defaultLanguage);
        return XlsFormConverter.convert(rows).xml();
    }
}
