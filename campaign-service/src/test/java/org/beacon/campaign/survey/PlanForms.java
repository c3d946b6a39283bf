package org.beacon.campaign.survey;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.campaign.survey.odk.XlsFormConverter;
import org.beacon.campaign.survey.odk.XlsFormRows;

/** XForms for the page tests, converted from CSV sheets as authors write them (one text block per sheet). */
final class PlanForms {

    /** A branching form: who heard of the campaign is asked where, with a constraint and a label reference. */
    static final String BRANCHING_SURVEY = """
            type,name,label::English (en),label::Français (fr),relevant,constraint,constraint_message::English (en),constraint_message::Français (fr),required
            select_one yn,heard,Have you heard of the campaign?,Avez-vous entendu parler de la campagne ?,,,,,yes
            integer,age,How old are you?,Quel âge avez-vous ?,,. >= 10 and . <= 120,Between 10 and 120,Entre 10 et 120,yes
            select_multiple channel,where,Where did you hear of it?,Où en avez-vous entendu parler ?,${heard} = 'yes',"not(selected(., 'none') and count-selected(.) > 1)",'Nowhere' goes alone,« Nulle part » va seul,yes
            text,remember,What do you remember from ${where}?,Que retenez-vous de ${where} ?,${heard} = 'yes',,,,
            """;
    static final String BRANCHING_CHOICES = """
            list_name,name,label::English (en),label::Français (fr)
            yn,yes,Yes,Oui
            yn,no,No,Non
            channel,radio,Radio,Radio
            channel,poster,Poster,Affiche
            channel,none,Nowhere,Nulle part
            """;

    private PlanForms() {
    }

    /** Sheets given as name, CSV text, name, CSV text... */
    static String xform(String... namesAndCsv) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCsv.length; i += 2) {
            sheets.put(namesAndCsv[i], csv(namesAndCsv[i + 1].strip()));
        }
        return XlsFormConverter.convert(XlsFormRows.of(sheets, "en")).xml();
    }

    static FormPlan plan(String... namesAndCsv) {
        return FormPlan.of(xform(namesAndCsv));
    }

    private static List<List<String>> csv(String text) {
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
                rows.add(record.toList().stream().map(String::strip).toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
