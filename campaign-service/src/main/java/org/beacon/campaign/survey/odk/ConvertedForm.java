package org.beacon.campaign.survey.odk;

import java.util.List;
import java.util.Map;
import org.beacon.commons.web.Reason;

/**
 * An XLSForm converted to an ODK XForm.
 *
 * @param xml the XForm, as ODK Collect would download it
 * @param languages the languages of its translations, the default first
 * @param notices what the conversion left out or filled in, for the import report (metadata not collected in
 *     anonymous surveys, settings ignored, labels missing in a language), each a message key and its arguments,
 *     so that the survey page says them in the reader's language
 * @param fields every question of the form (not the groups), in the order of the form, as Beacon's question model
 *     is derived from them
 */
public record ConvertedForm(String formId, String version, String title, String xml,
        List<XlsFormRows.Language> languages, List<Reason> notices, List<Field> fields) {

    /**
     * One question node of the XForm.
     *
     * @param path its node in the instance ({@code /data/grp/q1})
     * @param type the XLSForm type word: select_one, select_multiple, integer, decimal, text, date, note,
     *     acknowledge, calculate or range
     * @param bindType the XForm type of its value (int, decimal, string, date...)
     * @param row the row that wrote it (for the text of an or_other, the row of its select)
     * @param conditional it or a group around it has a relevant rule, so a respondent may not be asked it
     * @param otherOf for the text question or_other adds, the path of its select; else null
     * @param labels label by language tag (only the languages that have one); may contain ${name} references
     * @param hints hint by language tag
     * @param choices the choices of a select, the "other" of or_other last; empty for other types
     */
    public record Field(String path, String name, String type, String bindType, XlsFormRows.Row row,
            boolean conditional, String otherOf, Map<String, String> labels, Map<String, String> hints,
            List<FieldChoice> choices) {
    }

    /** A choice of a select, with its row on the choices sheet (null for or_other's "other"). */
    public record FieldChoice(String name, Map<String, String> labels, XlsFormRows.Row row) {
    }
}
