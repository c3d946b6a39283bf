package org.beacon.campaign.collect;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.survey.QrCode;
import org.beacon.campaign.survey.Survey;
import org.beacon.campaign.survey.SurveysConfig;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.RestPath;

/** Collection links and late submissions as an API, for campaign managers (and scripts that set up field teams). */
@Path("/campaigns/api/surveys/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionLinkResource {

    public record NewLink(String wave, String name) {
    }

    public record LinkView(long id, String name, String wave, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
        static LinkView of(CollectionLink link) {
            return new LinkView(link.id, link.name, link.wave, link.createdAt, link.revokedAt);
        }
    }

    /**
     * A link just made: the only answer that carries its token, the address clients are given and the settings code
     * of ODK Collect's QR code.
     */
    public record IssuedView(long id, String name, String wave, String token, String serverUrl, String collectSettings,
            String qrSvg) {
    }

    public record LateRequest(Integer days) {
    }

    public record LateView(String wave, OffsetDateTime acceptUntil) {
    }

    @Inject
    CollectionLinks links;

    @Inject
    SurveysConfig surveysConfig;

    @GET
    @Path("collection-links")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public List<LinkView> list(@RestPath long id) {
        return links.links(id).stream().map(LinkView::of).toList();
    }

    @POST
    @Path("collection-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response create(@RestPath long id, NewLink request) {
        if (request == null || request.wave() == null) {
            throw org.beacon.commons.web.ProblemException.invalid(Reason.of("link.wave-missing"),
                    List.of("wave: baseline, endline or continuous"));
        }
        CollectionLinks.Issued issued = links.create(id, Wave.parse(request.wave()), request.name());
        return Response.created(URI.create("/campaigns/api/surveys/" + id + "/collection-links/" + issued.link().id))
                .entity(issuedView(issued, Survey.<Survey>findById(id).title, surveysConfig.publicUrl())).build();
    }

    @POST
    @Path("collection-links/{linkId}/revoke")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public LinkView revoke(@RestPath long id, @RestPath long linkId) {
        return LinkView.of(links.revoke(id, linkId));
    }

    @POST
    @Path("waves/{wave}/late-submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public LateView allowLate(@RestPath long id, @RestPath String wave, LateRequest request) {
        if (request == null || request.days() == null) {
            throw org.beacon.commons.web.ProblemException.invalid(Reason.of("link.days-missing"), List.of("days: 0 to " + CollectionLinks.MAX_LATE_DAYS));
        }
        LateWindow window = links.allowLate(id, Wave.parse(wave), request.days());
        return new LateView(window.wave, window.acceptUntil);
    }

    static IssuedView issuedView(CollectionLinks.Issued issued, String surveyTitle, String publicUrl) {
        String server = CollectAppSettings.serverUrl(publicUrl, issued.token());
        String code = CollectAppSettings.encode(CollectAppSettings.json(server,
                surveyTitle + " · " + issued.link().name));
        return new IssuedView(issued.link().id, issued.link().name, issued.link().wave, issued.token(), server, code,
                QrCode.svg(code));
    }
}
