package org.beacon.training.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.storage.MediaUploads;
import org.beacon.commons.web.ProblemException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@ApplicationScoped
public class AttachmentService {

    @Inject
    MediaUploads uploads;

    @Inject
    CurrentUser user;

    /** Validates and stores the file first: a refused upload leaves neither a row nor an object behind. */
    @Transactional
    public Attachment upload(FileUpload file) {
        Attachment attachment = new Attachment();
        attachment.record(uploads.store("attachments", file), file.fileName(), user.subject());
        attachment.persist();
        return attachment;
    }

    public Attachment find(long id) {
        Attachment attachment = Attachment.findById(id);
        if (attachment == null) {
            throw ProblemException.notFound("No attachment " + id + ".");
        }
        return attachment;
    }
}
