package org.beacon.campaign.collect;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.survey.Survey;
import org.beacon.campaign.survey.SurveyService;
import org.beacon.campaign.survey.SurveysConfig;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The collection links page of a survey, for its campaign's managers: the links and their answer counts, a new link
 * (whose token, settings QR code and address are shown on the answer to its creation only), revocation, and late
 * submissions per wave.
 */
@Path("/campaigns/surveys/{id}/collect")
@Produces(MediaType.TEXT_HTML)
public class CollectPages {

    public record LinkRow(long id, String name, String wave, String created, String revoked, long answers) {
    }

    public record Issued(String name, String serverUrl, String qrImage) {
    }

    public record WaveRow(String wave, String acceptsLateUntil) {
    }

    public record Page(long id, String title, List<LinkRow> links, List<WaveRow> waves, Issued issued,
            List<String> problems) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collect(Page page);
    }


    @Inject
    CollectionLinks links;

    @Inject
    SurveyService surveys;

    @Inject
    CollectQueries queries;

    @Inject
    RequestLanguage language;

    @Inject
    SurveysConfig surveysConfig;

    @GET
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public TemplateInstance page(@RestPath long id) {
        return page(id, null, List.of());
    }

    /** The answer to a new link is the page itself, with the token: it is never stored, so it cannot be redirected to. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response create(@RestPath long id, @RestForm String wave, @RestForm String name) {
        try {
            CollectionLinks.Issued issued = links.create(id, Wave.parse(wave == null ? "" : wave), name);
            CollectionLinkResource.IssuedView view = CollectionLinkResource.issuedView(issued,
                    Survey.<Survey>findById(id).title, surveysConfig.publicUrl());
            String image = "data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(view.qrSvg().getBytes(StandardCharsets.UTF_8));
            return Response.ok(page(id, new Issued(view.name(), view.serverUrl(), image), List.of()))
                    .header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 404) {
                throw e;
            }
            List<String> problems = new ArrayList<>(List.of(e.readerText()));
            return Response.status(400).entity(page(id, null, problems)).build();
        }
    }

    @POST
    @Path("{linkId}/revoke")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response revoke(@RestPath long id, @RestPath long linkId) {
        links.revoke(id, linkId);
        return Response.seeOther(URI.create("/campaigns/surveys/" + id + "/collect")).build();
    }

    @POST
    @Path("late/{wave}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response allowLate(@RestPath long id, @RestPath String wave, @RestForm String days) {
        // As the reader writes it (Arabic-Indic digits in Arabic), or with ASCII digits.
        BigDecimal typed = ReaderFormats.parseDecimal(days, language.locale());
        int number;
        try {
            number = typed == null ? -1 : typed.intValueExact();
        } catch (ArithmeticException e) {
            number = -1;
        }
        if (number < 0) {
            return Response.status(400).entity(page(id, null, List.of(Reason.of("link.days-number",
                    CollectionLinks.MAX_LATE_DAYS).readerText()))).build();
        }
        try {
            links.allowLate(id, Wave.parse(wave), number);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(page(id, null, List.of(e.readerText()))).build();
        }
        return Response.seeOther(URI.create("/campaigns/surveys/" + id + "/collect")).build();
    }

    private TemplateInstance page(long id, Issued issued, List<String> problems) {
        Survey survey = surveys.find(id);
        Map<Long, Long> answers = queries.responsesByLink(id);
        List<LinkRow> rows = links.links(id).stream().map(link -> new LinkRow(link.id, link.name, link.wave,
                day(link.createdAt), link.revokedAt == null ? null : day(link.revokedAt),
                answers.getOrDefault(link.id, 0L))).toList();
        OffsetDateTime now = OffsetDateTime.now();
        List<WaveRow> waves = new ArrayList<>();
        for (Wave wave : Wave.values()) {
            String until = LateWindow.of(id, wave).filter(w -> w.isOpenAt(now)).map(w -> day(w.acceptUntil))
                    .orElse(null);
            waves.add(new WaveRow(wave.id(), until));
        }
        return Templates.collect(new Page(id, survey.title, rows, waves, issued, problems))
                .setLocale(language.locale());
    }

    /** A day in the reader's format. */
    private String day(OffsetDateTime time) {
        return ReaderFormats.date(time, language.locale());
    }
}
