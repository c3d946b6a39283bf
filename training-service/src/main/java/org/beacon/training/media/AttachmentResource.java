package org.beacon.training.media;

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

@Path("/training/api/attachments")
public class AttachmentResource {

    public record AttachmentView(long id, String fileName, String contentType, long size, String href) {
        static AttachmentView of(Attachment attachment) {
            return new AttachmentView(attachment.id, attachment.fileName, attachment.contentType,
                    attachment.sizeBytes, "/training/api/attachments/" + attachment.id);
        }
    }

    @Inject
    AttachmentService attachments;

    @Inject
    MediaUploads uploads;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
    public Response upload(@RestForm("file") FileUpload file) {
        Attachment attachment = attachments.upload(file);
        AttachmentView view = AttachmentView.of(attachment);
        return Response.created(URI.create(view.href())).entity(view).build();
    }

    /** Authors and admins read every file; trainees and trainers the media of published or enrolled versions. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AUTHOR, Roles.ADMIN, Roles.TRAINEE, Roles.TRAINER })
    public Response download(@PathParam("id") long id) {
        Attachment attachment = attachments.readable(id);
        return uploads.download(attachment.stored(), attachment.fileName, false);
    }
}
