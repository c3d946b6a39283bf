package org.beacon.campaign.media;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.security.Roles;
import org.beacon.commons.storage.MediaUploads;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/campaigns/api/media")
public class MediaResource {

    public record MediaView(long id, String fileName, String contentType, long size, String href) {
        static MediaView of(Media media) {
            return new MediaView(media.id, media.fileName, media.contentType, media.sizeBytes,
                    "/campaigns/api/media/" + media.id);
        }
    }

    @Inject
    MediaService media;

    @Inject
    MediaUploads uploads;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.ADMIN })
    public Response upload(@RestForm("file") FileUpload file) {
        MediaView view = MediaView.of(media.upload(file));
        return Response.created(URI.create(view.href())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN })
    public Response download(@PathParam("id") long id) {
        Media stored = media.find(id);
        return uploads.download(stored.stored(), stored.fileName, false);
    }
}
