package org.beacon.training.imports;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.archive.BoundedZip;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.course.Course;
import org.beacon.training.course.CourseDocument;
import org.beacon.training.course.CourseDocument.GlossaryDoc;
import org.beacon.training.course.CourseDocument.LessonDoc;
import org.beacon.training.course.CourseDocument.ModuleDoc;
import org.beacon.training.course.CourseDrafts;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.VersionStatus;
import org.beacon.training.imports.CoursePackage.GlossaryYaml;
import org.beacon.training.imports.CoursePackage.LessonFiles;
import org.beacon.training.imports.CoursePackage.LessonYaml;
import org.beacon.training.imports.CoursePackage.ModuleYaml;
import org.beacon.training.media.Attachment;
import org.beacon.training.media.AttachmentService;

/**
 * Imports a course package idempotently: the same content again changes nothing; changed content becomes a new
 * draft (or replaces the imported draft not yet published). Publishing stays a separate, four-eyes step.
 */
@ApplicationScoped
public class CourseImportService {

    /**
     * What an import did: created, unchanged, new-draft or draft-replaced. A dry run says what the import would do
     * and keeps nothing, so it names no version id.
     */
    public record ImportResult(String outcome, String slug, long versionId, int version, VersionStatus status,
            boolean dryRun) {
        public boolean changed() {
            return !"unchanged".equals(outcome);
        }
    }

    @Inject
    CourseDrafts courses;

    @Inject
    AttachmentService attachments;

    @Inject
    AuditLog audit;

    @Inject
    ImportLimits limits;

    /**
     * Reads an uploaded zip within the limits, outside any transaction: a slow upload holds no database
     * connection. The caller closes the archive, which removes its temporary files.
     */
    public CourseArchive unpack(InputStream zip) {
        return CourseArchive.read(zip, limits);
    }

    /** As {@link #unpack(InputStream)}, for a zip the HTTP layer already stored as a file (a form upload). */
    public CourseArchive unpack(Path zip) {
        return CourseArchive.read(zip, limits);
    }

    /**
     * With {@code dryRun}, the import runs as it would, with every check and every write, in a transaction that is
     * always rolled back: it answers the same problems as a real import (the same 400 or 409) and keeps nothing.
     * Media files are checked but not uploaded, since object storage is outside the transaction.
     * <p>
     * The transaction may last longer than the default 60 s: the largest package allowed (60 MB of media) is stored
     * in object storage inside it, so that a later error removes the files again, and on a busy machine that upload
     * alone outlasted 60 s (the rollback then answered 500).
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportResult importArchive(CourseArchive archive, boolean dryRun) {
        ImportResult result = apply(archive, dryRun);
        if (dryRun) {
            // Written to the database first, so that what only the database checks is answered too.
            Course.flush();
            QuarkusTransaction.setRollbackOnly();
        }
        return result;
    }

    private ImportResult apply(CourseArchive archive, boolean dryRun) {
        CoursePackage pkg = CoursePackage.read(archive, limits.maxLessons());
        Course course = pkg.course.slug() == null ? null : Course.bySlug(pkg.course.slug()).orElse(null);
        CourseVersion latest = course == null ? null : CourseVersion.latestOf(course.id).orElse(null);
        if (latest != null && pkg.sha256.equals(latest.sourceHash)) {
            return new ImportResult("unchanged", course.slug, latest.id, latest.number, latest.status, dryRun);
        }
        CourseVersion open = course == null ? null : CourseVersion.openOf(course.id).orElse(null);
        if (open != null && open.sourceHash == null) {
            throw ProblemException.conflict(Reason.of("import.version-being-edited", course.slug, open.number));
        }
        CourseDocument doc = document(pkg, dryRun);
        CourseVersion version;
        String outcome;
        if (open != null) {
            version = courses.replaceDraft(open, doc, pkg.sha256);
            outcome = "draft-replaced";
        } else {
            version = courses.createFrom(doc, pkg.sha256);
            outcome = course == null ? "created" : "new-draft";
        }
        audit.record("course.import", "course_version", version.id, AuditSummary.of("course.imported", doc.slug(),
                version.number, AuditSummary.word("import." + outcome)));
        return new ImportResult(outcome, doc.slug(), dryRun ? 0 : version.id, version.number, version.status, dryRun);
    }

    /**
     * The package as a document. The course-level fields are checked before any media file is stored; a later
     * error (a question bank, a test naming an unknown question) removes the stored files again on rollback.
     */
    private CourseDocument document(CoursePackage pkg, boolean dryRun) {
        courses.validate(document(pkg, Map.of()));
        if (dryRun) {
            pkg.media.forEach((name, file) -> attachments.check(name, file.file()));
            return document(pkg, Map.of());
        }
        return document(pkg, storeMedia(pkg.media));
    }

    private CourseDocument document(CoursePackage pkg, Map<String, Long> media) {
        CoursePackage.CourseYaml yaml = pkg.course;
        List<ModuleDoc> modules = new ArrayList<>();
        for (ModuleYaml module : yaml.modules()) {
            List<LessonDoc> lessons = new ArrayList<>();
            for (LessonYaml lesson : module.lessons()) {
                LessonFiles files = pkg.lessons.get(CoursePackage.lessonKey(module.slug(), lesson.slug()));
                lessons.add(new LessonDoc(lesson.slug(), files.title(), files.body(),
                        files.media().stream().map(media::get).filter(Objects::nonNull).toList()));
            }
            modules.add(new ModuleDoc(module.slug(), orEmpty(module.title()), lessons, orEmpty(module.check())));
        }
        List<GlossaryDoc> glossary = new ArrayList<>();
        if (yaml.glossary() != null) {
            for (GlossaryYaml term : yaml.glossary()) {
                glossary.add(new GlossaryDoc(term.term(), orEmpty(term.explanation()), orEmpty(term.sources())));
            }
        }
        List<String> sectors = yaml.sectors() != null ? yaml.sectors()
                : yaml.sector() != null ? List.of(yaml.sector()) : List.of();
        return new CourseDocument(yaml.slug(), sectors, yaml.country(), yaml.defaultLanguage(), pkg.languages(),
                yaml.passMark() == null ? 70 : yaml.passMark(), orEmpty(yaml.title()), orEmpty(yaml.summary()),
                modules, orEmpty(yaml.pretest()), orEmpty(yaml.posttest()), glossary, pkg.banks, media);
    }

    /** Every file is checked before the first one is stored, so a bad file stores nothing. */
    private Map<String, Long> storeMedia(Map<String, BoundedZip.Entry> files) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map.Entry<String, BoundedZip.Entry> file : files.entrySet()) {
            types.put(file.getKey(), attachments.check(file.getKey(), file.getValue().file()));
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Map.Entry<String, BoundedZip.Entry> file : files.entrySet()) {
            Attachment stored = attachments.storeChecked(file.getKey(), file.getValue().file(),
                    types.get(file.getKey()), file.getValue().sha256());
            ids.put(file.getKey(), stored.id);
        }
        return ids;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
