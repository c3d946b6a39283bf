package org.beacon.training.certificate;

import java.security.SecureRandom;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.text.SourceReferences;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.Texts;
import org.beacon.training.course.VersionPublished;

/** Issues the certificate of a completed enrolment, with a code anyone can verify on the public page. */
@ApplicationScoped
public class CertificateService {

    /** No 0/O or 1/I: the code is typed from paper. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Texts texts;

    @Inject
    CertificateQueries queries;

    @Inject
    AuditLog audit;

    /**
     * A completed enrolment, as the certificate needs it: handed over by {@code enrolment} when a post-test is
     * passed, so this package knows nothing of enrolments.
     */
    public record Completion(long id, long courseId, long versionId, String subject, String displayName,
            String language) {
    }

    @Transactional
    public Certificate issue(Completion completion) {
        Certificate existing = Certificate.ofEnrolment(completion.id()).orElse(null);
        if (existing != null) {
            return existing;
        }
        CourseVersion version = CourseVersion.findById(completion.versionId());
        var titles = texts.all(ContentText.COURSE, version.id, ContentText.TITLE);
        Certificate certificate = new Certificate();
        certificate.code = newCode();
        certificate.holderSubject = completion.subject();
        certificate.holderName = completion.displayName();
        // Anyone may read a certificate: its title is the trainee's, without the references kept for authors.
        certificate.courseTitle = SourceReferences.hidden(titles.getOrDefault(completion.language(),
                titles.get(version.defaultLanguage)));
        certificate.courseVersion = version.number;
        certificate.issuedOn = LocalDate.now();
        certificate.enrolmentId = completion.id();
        certificate.courseId = completion.courseId();
        certificate.language = completion.language();
        // An enrolment keeps its version, so a trainee may finish v1 after v2 was published as a legal change:
        // that certificate is out of date from the start, as if it had been issued before v2 (VersionWorkflow.approve).
        certificate.refresherDue = CourseVersion.legalChangeAfter(completion.courseId(), version.number).isPresent();
        certificate.persist();
        audit.record("certificate.issue", "certificate", certificate.id, AuditSummary.of(
                certificate.refresherDue ? "certificate.issued-refresher-due" : "certificate.issued",
                certificate.code, version.number));
        if (!certificate.refresherDue) {
            // Completing an up-to-date version is the refresher: older certificates no longer call for one.
            queries.clearRefresherBefore(completion.subject(), completion.courseId(), version.number);
        }
        return certificate;
    }

    /**
     * A version published as a legal change makes the certificates of older versions of the course call for a
     * refresher; completing the new version clears it again ({@link #issue}).
     */
    void onPublished(@Observes VersionPublished published) {
        if (!published.legalChange()) {
            return;
        }
        int flagged = queries.flagRefresherBefore(published.courseId(), published.number());
        audit.record("certificate.refresher-due", "course", published.courseId(),
                AuditSummary.of("certificate.refresher-due", flagged, published.number()));
    }

    static String newCode() {
        StringBuilder code = new StringBuilder("BCN-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
