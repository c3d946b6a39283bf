package org.beacon.campaign.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beacon.campaign.survey.odk.FormEngine;
import org.beacon.campaign.survey.odk.FormSession;
import org.beacon.campaign.survey.odk.XlsFormConverter;
import org.beacon.campaign.survey.odk.XlsFormRows;
import org.junit.jupiter.api.Test;

/** The XForm a collection link serves, and what a submission of it must look like. */
class ServedXFormTests {

    static final String SURVEY = """
            type,name,label::English (en),label::Français (fr),relevant,constraint,required
            select_one yn,heard,Have you heard of it?,En avez-vous entendu parler ?,,,yes
            begin group,more,More,Plus,${heard} = 'yes',,
            select_multiple channel,where,Where?,Où ?,,,yes
            integer,told,How many did you tell?,À combien en avez-vous parlé ?,,. >= 0,
            end group,,,,,,
            text,comment,Anything else?,Autre chose ?,,,
            """;
    static final String CHOICES = """
            list_name,name,label::English (en),label::Français (fr)
            yn,yes,Yes,Oui
            yn,no,No,Non
            channel,radio,Radio,Radio
            channel,poster,Poster,Affiche
            """;
    static final String SETTINGS = """
            form_title,form_id,version,default_language
            Heard of it,heard_of_it,7,English (en)
            """;

    static String xform() {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        sheets.put("survey", csv(SURVEY));
        sheets.put("choices", csv(CHOICES));
        sheets.put("settings", csv(SETTINGS));
        return XlsFormConverter.convert(XlsFormRows.of(sheets, "en")).xml();
    }

    private static List<List<String>> csv(String text) {
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text.strip()))) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFormIdIsTheSurveysAddressAndTheVersionChangesWithTheRevision() {
        String xform = xform();
        ServedXForm first = ServedXForm.of("safe-journeys-heard", 1, xform);
        ServedXForm second = ServedXForm.of("safe-journeys-heard", 2, xform);

        String served = new String(first.bytes(), StandardCharsets.UTF_8);
        assertTrue(served.contains("id=\"safe-journeys-heard\""), served);
        assertTrue(served.contains("version=\"" + first.version() + "\""), served);
        assertNotEquals(first.version(), second.version());
        assertNotEquals(first.hash(), second.hash());
        assertEquals("Heard of it", first.title());
    }

    @Test
    void theServedFormStillRunsInOdksEngineAndKeepsWhatCollectNeeds() {
        ServedXForm served = ServedXForm.of("safe-journeys-heard", 3, xform());
        String text = new String(served.bytes(), StandardCharsets.UTF_8);

        FormSession session = FormEngine.load(text).start();
        session.answer("/data/heard", "no");
        assertFalse(session.isRelevant("/data/more/where"));
        assertTrue(text.contains("jr:preload=\"uid\""), "meta/instanceID is filled by the phone");
        assertTrue(text.contains("English (en)") && text.contains("Français (fr)"), "translations as Collect shows them");
        for (String identifying : List.of("deviceid", "username", "phonenumber", "\"start\"", "\"end\"", "geopoint")) {
            assertFalse(text.contains(identifying), identifying);
        }
        assertEquals(List.of("heard", "more", "more/where", "more/told", "comment", "meta", "meta/instanceID"),
                List.copyOf(served.paths()).stream().sorted(java.util.Comparator.comparingInt(
                        p -> List.of("heard", "more", "more/where", "more/told", "comment", "meta", "meta/instanceID")
                                .indexOf(p))).toList());
    }

    @Test
    void theHashIsTheMd5OfTheExactBytesServed() throws Exception {
        ServedXForm served = ServedXForm.of("safe-journeys-heard", 1, xform());
        String md5 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(served.bytes()));
        assertEquals("md5:" + md5, served.hash());
    }

    static String submission(ServedXForm form, String id, String version, String body) {
        return "<?xml version='1.0' ?><data id=\"" + id + "\" version=\"" + version
                + "\" xmlns:jr=\"http://openrosa.org/javarosa\">" + body
                + "<meta><instanceID>uuid:6f1f3a3e-7a55-4a53-9c1d-2a0f5b0a7c11</instanceID></meta></data>";
    }

    @Test
    void aSubmissionIsReadIntoAnswersByFieldWithItsInstanceId() throws Exception {
        ServedXForm form = ServedXForm.of("safe-journeys-heard", 1, xform());
        Submission submission = Submission.read(submission(form, form.formId(), form.version(),
                "<heard>yes</heard><more><where>radio poster</where><told>3</told></more><comment/>")
                .getBytes(StandardCharsets.UTF_8), form);

        assertEquals(Map.of("heard", "yes", "more/where", "radio poster", "more/told", "3"), submission.values());
        assertEquals("uuid:6f1f3a3e-7a55-4a53-9c1d-2a0f5b0a7c11", submission.instanceId());
        assertEquals("6f1f3a3e-7a55-4a53-9c1d-2a0f5b0a7c11", submission.key().toString());
    }

    @Test
    void aSubmissionOfAnotherFormOrVersionOrWithStrangeElementsIsRefused() {
        ServedXForm form = ServedXForm.of("safe-journeys-heard", 1, xform());
        List<String> refused = List.of(
                submission(form, "another-survey", form.version(), "<heard>yes</heard>"),
                submission(form, form.formId(), "0-old", "<heard>yes</heard>"),
                submission(form, form.formId(), form.version(), "<heard>yes</heard><deviceid>imei:1</deviceid>"),
                submission(form, form.formId(), form.version(), "<heard>yes</heard><heard>no</heard>"),
                "<data id=\"" + form.formId() + "\" version=\"" + form.version() + "\"><heard>yes</heard></data>",
                "<other id=\"" + form.formId() + "\" version=\"" + form.version() + "\"/>",
                "<data id=\"" + form.formId() + "\"><heard>yes</heard>");
        for (String xml : refused) {
            Submission.Refused e = assertThrows(Submission.Refused.class,
                    () -> Submission.read(xml.getBytes(StandardCharsets.UTF_8), form), xml);
            assertEquals(400, e.status());
        }
    }

    @Test
    void xmlWithADoctypeOrEntitiesIsNeverExpanded() {
        ServedXForm form = ServedXForm.of("safe-journeys-heard", 1, xform());
        String external = "<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + submission(form, form.formId(), form.version(), "<comment>&x;</comment>").replace("<?xml version='1.0' ?>", "");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + submission(form, form.formId(), form.version(), "<comment>&b;</comment>").replace("<?xml version='1.0' ?>", "");
        for (String xml : List.of(external, laughs)) {
            Submission.Refused e = assertThrows(Submission.Refused.class,
                    () -> Submission.read(xml.getBytes(StandardCharsets.UTF_8), form));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        }
    }
}
