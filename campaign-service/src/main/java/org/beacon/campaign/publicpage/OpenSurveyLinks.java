package org.beacon.campaign.publicpage;

import java.util.List;

/**
 * Where the public campaign page gets its survey links from. The survey module implements it as a CDI bean; the page
 * shows whatever every implementation returns, and nothing when there is none. Called on every public page view, so
 * an implementation answers from an index or a cache, not by scanning responses.
 */
public interface OpenSurveyLinks {

    /**
     * The surveys of a campaign open to respondents now, in the reader's language where possible.
     *
     * @param campaignId the campaign's stable id ({@code campaign.id}, the same across its versions)
     * @param language   the content language of the page, a BCP-47 tag such as {@code fr} or {@code ar}
     */
    List<SurveyLink> openSurveys(long campaignId, String language);

    /**
     * A survey as the page links it.
     *
     * @param title       the survey's title in the page's language
     * @param href        the public answer form, e.g. {@code /campaigns/public/surveys/...}
     * @param qrCodeHref  a PNG or SVG QR code of the form's address for printing on posters, or null
     */
    record SurveyLink(String title, String href, String qrCodeHref) {
    }
}
