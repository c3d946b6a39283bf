package org.beacon.campaign.media;

import jakarta.persistence.Entity;
import org.beacon.commons.storage.MediaRecord;

/** A file in the campaign bucket: poster, leaflet, audio or video spot. */
@Entity
public class Media extends MediaRecord {

    /** The uploader's organization: drafts' files are private to it until a published variant shows them. */
    public String organization;
}
