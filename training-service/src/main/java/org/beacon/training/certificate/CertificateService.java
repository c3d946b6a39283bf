package org.beacon.training.certificate;

import java.security.SecureRandom;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.beacon.commons.text.SourceReferences;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.Texts;
import org.beacon.training.course.VersionPublished;
import org.beacon.training.enrolment.Enrolment;

/** Issues the certificate of a completed enrolment, with a code anyone can verify on the public page. */
@ApplicationScoped
public class CertificateService {

    /** No 0/O or 1/I: the code is typed from paper. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Texts texts;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional
    public Certificate issue(Enrolment enrolment) {
        Certificate existing = Certificate.ofEnrolment(enrolment.id).orElse(null);
        if (existing != null) {
            return existing;
        }
        CourseVersion version = CourseVersion.findById(enrolment.versionId);
        var titles = texts.all(ContentText.COURSE, version.id, ContentText.TITLE);
        Certificate certificate = new Certificate();
        certificate.code = newCode();
        certificate.holderSubject = enrolment.subject;
        certificate.holderName = enrolment.displayName;
        // Anyone may read a certificate: its title is the trainee's, without the references kept for authors.
        certificate.courseTitle = SourceReferences.hidden(titles.getOrDefault(enrolment.language,
                titles.get(version.defaultLanguage)));
        certificate.courseVersion = version.number;
        certificate.issuedOn = LocalDate.now();
        certificate.enrolmentId = enrolment.id;
        certificate.courseId = enrolment.courseId;
        certificate.language = enrolment.language;
        // An enrolment keeps its version, so a trainee may finish v1 after v2 was published as a legal change:
        // that certificate is out of date from the start, as if it had been issued before v2 (VersionWorkflow.approve).
        certificate.refresherDue = CourseVersion.legalChangeAfter(enrolment.courseId, version.number).isPresent();
        certificate.persist();
        audit.record("certificate.issue", "certificate", certificate.id,
                certificate.code + " v" + version.number + (certificate.refresherDue ? " (refresher due)" : ""));
        if (!certificate.refresherDue) {
            // Completing an up-to-date version is the refresher: older certificates no longer call for one.
            em.createNativeQuery("update certificate set refresher_due = false where holder_subject = ?1"
                    + " and course_id = ?2 and course_version < ?3")
                    .setParameter(1, enrolment.subject).setParameter(2, enrolment.courseId)
                    .setParameter(3, version.number).executeUpdate();
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
        int flagged = em.createNativeQuery("update certificate set refresher_due = true where course_id = ?1"
                + " and course_version < ?2 and not refresher_due")
                .setParameter(1, published.courseId()).setParameter(2, published.number()).executeUpdate();
        audit.record("certificate.refresher-due", "course", published.courseId(),
                flagged + " certificates of versions before v" + published.number());
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
