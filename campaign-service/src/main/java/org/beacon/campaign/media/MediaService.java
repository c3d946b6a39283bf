package org.beacon.campaign.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.storage.MediaUploads;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@ApplicationScoped
public class MediaService {

    @Inject
    MediaUploads uploads;

    @Inject
    CurrentUser user;

    /** Validates and stores the file first: a refused upload leaves neither a row nor an object behind. */
    @Transactional
    public Media upload(FileUpload file) {
        return upload(file, user.organization().orElse(null));
    }

    @Transactional
    public Media upload(FileUpload file, String organization) {
        Media media = new Media();
        // The name is recorded as FileNames.forRecord keeps it (MediaRecord.record): shortened, and without the
        // characters that would make "cod.exe" read as "exe.doc" to the people it is shown to.
        media.record(uploads.store("media", file), file == null ? null : file.fileName(), user.subject());
        media.organization = organization;
        media.persist();
        return media;
    }

    /** A file as its organization's managers see it, published or not. */
    public Media find(long id) {
        Media media = Media.findById(id);
        if (media == null) {
            throw ProblemException.notFound(Reason.of("media.not-found", String.valueOf(id)));
        }
        if (media.organization != null) {
            user.requireMayActFor(media.organization);
        }
        return media;
    }
}
