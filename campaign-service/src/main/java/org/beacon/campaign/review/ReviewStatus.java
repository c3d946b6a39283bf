package org.beacon.campaign.review;

/**
 * Where a campaign version, a material variant or a campaign (its versions' summary) stands in the editorial
 * workflow: draft → in_review → published → archived. The constants are spelled as they are stored
 * (campaign_version.status, material_variant.status, campaign.status) and published in the API, so that one name
 * serves the database, the JSON and the code. "Approved" is no status: it is a version in review with an approval
 * ({@link Review#stage()}).
 */
public enum ReviewStatus {
    draft,
    in_review,
    published,
    archived;

    /** The status as problem details say it: "in review". */
    public String words() {
        return name().replace('_', ' ');
    }

    public boolean isPublished() {
        return this == published;
    }

    /** What the status tag (tags/status.html) is given: the stored name; a page may also give it "approved". */
    public String stage() {
        return name();
    }
}
