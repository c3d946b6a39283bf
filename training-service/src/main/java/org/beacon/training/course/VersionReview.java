package org.beacon.training.course;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The four-eyes rule of a course version, in one place: who wrote it, everyone who changed it since, and who
 * approved it. None of its authors may approve it: not only the author and the last editor, or an author could
 * approve their own text once someone else changed it after them. Same shape as campaign-service's {@code Review}.
 */
@Embeddable
public class VersionReview {

    @Column(name = "author_subject")
    public String author;
    @Column(name = "reviewer_subject")
    public String reviewer;
    /** Everyone who wrote or changed the version (the author included), one row each in version_contributor. */
    @ElementCollection
    @CollectionTable(name = "version_contributor", joinColumns = @JoinColumn(name = "version_id"))
    @Column(name = "subject")
    public Set<String> contributors = new LinkedHashSet<>();

    static VersionReview writtenBy(String author) {
        VersionReview review = new VersionReview();
        review.author = author;
        review.contributed(author);
        return review;
    }

    /** Records that this person changed the version, and so may not approve it. */
    void contributed(String subject) {
        contributors.add(subject);
    }

    /** Whether this person wrote or changed the version at any point. */
    public boolean isAuthor(String subject) {
        return subject.equals(author) || contributors.contains(subject);
    }

    /** Whether this person may approve the version now that it is in review. */
    public boolean mayApprove(String subject) {
        return !isAuthor(subject);
    }

    void approvedBy(String subject) {
        if (!mayApprove(subject)) {
            throw ProblemException.forbidden(Reason.of("detail.own-version"));
        }
        reviewer = subject;
    }
}
