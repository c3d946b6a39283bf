package org.beacon.training.course;

/**
 * Where a course version, one of its translations or a course (its current version's status) stands in the
 * publishing workflow: draft → in_review → published → archived. The constants are spelled as they are stored
 * (course_version.status, version_translation.status, course.status) and published in the API, so that one name
 * serves the database, the JSON and the code.
 */
public enum VersionStatus {
    /** Being written; the only status in which a version's structure and default texts change. */
    draft,
    /** Submitted: frozen until a reviewer approves it or sends it back. */
    in_review,
    /** What trainees enrol in: at most one version of a course. */
    published,
    /** Replaced by a later version or withdrawn; trainees already on it keep studying it. */
    archived;

    /** The status as problem details say it: "in review". */
    public String words() {
        return name().replace('_', ' ');
    }

    public boolean isDraft() {
        return this == draft;
    }

    public boolean isInReview() {
        return this == in_review;
    }

    public boolean isPublished() {
        return this == published;
    }

    /** A draft or a version in review: a course has at most one open version. */
    public boolean isOpen() {
        return this == draft || this == in_review;
    }

    /** The status a filter names, or null for any (empty or unknown). */
    public static VersionStatus named(String name) {
        for (VersionStatus status : values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return null;
    }
}
