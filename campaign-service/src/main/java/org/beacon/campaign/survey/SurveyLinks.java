package org.beacon.campaign.survey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.campaign.publicpage.OpenSurveyLinks;

/** The public campaign page's links to the campaign's open survey waves, with their QR codes. */
@ApplicationScoped
public class SurveyLinks implements OpenSurveyLinks {

    @Inject
    SurveyForms forms;

    @Override
    public List<SurveyLink> openSurveys(long campaignId, String language) {
        List<SurveyLink> links = new ArrayList<>();
        for (Object[] row : SurveyQueries.openWaves(campaignId)) {
            String slug = (String) row[0];
            Wave wave = Wave.parse((String) row[1]);
            SurveyForm form = forms.locate(slug, wave).form();
            String shown = form.language(language);
            String lang = URLEncoder.encode(shown, StandardCharsets.UTF_8);
            String href = "/campaigns/public/surveys/" + slug + "/" + wave.id();
            links.add(new SurveyLink(forms.title(form, shown), href + "?lang=" + lang, href + "/qr.svg?lang=" + lang));
        }
        return links;
    }
}
