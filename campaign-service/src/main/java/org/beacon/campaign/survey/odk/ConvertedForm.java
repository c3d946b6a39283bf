package org.beacon.campaign.survey.odk;

import java.util.List;

/**
 * An XLSForm converted to an ODK XForm.
 *
 * @param xml the XForm, as ODK Collect would download it
 * @param languages the languages of its translations, the default first
 * @param notices what the conversion left out or filled in, for the import report (metadata not collected in
 *     anonymous surveys, settings ignored, labels missing in a language)
 */
public record ConvertedForm(String formId, String version, String title, String xml,
        List<XlsFormRows.Language> languages, List<String> notices) {
}
