package org.beacon.training.offline;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.commons.storage.ObjectStorage;
import org.beacon.commons.storage.StorageFailure;
import org.beacon.commons.web.Markup;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.CourseModule;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.GlossaryTerm;
import org.beacon.training.course.Lesson;
import org.beacon.training.markdown.LessonMarkdown;
import org.beacon.training.course.Localized;
import org.beacon.training.course.Texts;
import org.beacon.training.course.VersionContent;
import org.beacon.training.course.VersionMedia;
import org.beacon.training.i18n.TrainingMessages;
import org.beacon.training.media.Attachment;

/**
 * A course version in one language as a zip that opens from disk with no server (000 L6474-6480): an index, one
 * page per lesson, the glossary and the media, linked with relative paths only. Tests are not included: their
 * answers are scored on the server.
 *
 * <p>The pages are built in one transaction; the zip is then written straight into the response, each media file
 * streamed from object storage, so that a course with large videos is never held in memory.
 */
@ApplicationScoped
public class OfflinePackage {

    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;"
            + "padding:1rem;color:#1d2330}a{color:#0b5cad}.notice{background:#fff8e6;border:1px solid #f0d48a;"
            + "padding:.5rem}nav{display:flex;justify-content:space-between;margin:1rem 0}"
            + "table{border-collapse:collapse}th,td{border:1px solid #d8dce4;padding:.3rem}"
            + ".table-scroll{overflow-x:auto;margin:1rem 0}\n";

    /**
     * Every page may load only files of the package itself ({@code 'self'}, and {@code file:} for browsers that
     * give a page opened from disk no origin of its own): no script, no plugin, no remote image, style or font,
     * whatever a lesson's text says. The lessons are rendered without remote images already; this is the wall
     * behind that.
     */
    static final String CSP = "default-src 'self' file:; script-src 'none'; object-src 'none'; base-uri 'none';"
            + " form-action 'none'";

    @Inject
    Texts texts;

    @Inject
    VersionContent content;

    @Inject
    ObjectStorage storage;

    @Transactional
    public StreamingOutput build(CourseVersion version, String language) {
        Localized text = texts.forTrainees(version, language, null);
        String ui = Languages.supported(language) != null ? Languages.supported(language) : Languages.DEFAULT;
        TrainingMessages msg = MessageBundles.get(TrainingMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(ui));
        Map<String, Long> media = new LinkedHashMap<>();
        VersionMedia.of(version.id).forEach(m -> media.put(m.fileName, m.attachmentId));
        List<Lesson> lessons = Lesson.inOrder(version.id);
        Map<Long, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < lessons.size(); i++) {
            pages.put(lessons.get(i).id, String.format(Locale.ROOT, "lessons/%02d-%s.html", i + 1, lessons.get(i).slug));
        }
        String dir = Languages.direction(language);
        String title = text.value(ContentText.COURSE, version.id, ContentText.TITLE);
        // Entry name → text, in the order of the zip; the media follow, by entry name → storage key.
        Map<String, String> pagesByName = new LinkedHashMap<>();
        pagesByName.put("style.css", STYLE);
        StringBuilder index = new StringBuilder();
        index.append("<h1>").append(esc(title)).append("</h1>\n<p>")
                .append(esc(text.value(ContentText.COURSE, version.id, ContentText.SUMMARY)))
                .append("</p>\n<p>").append(esc(msg.offline_version(ReaderFormats.number(version.number, Locale.forLanguageTag(ui))))).append("</p>\n");
        for (CourseModule module : CourseModule.of(version.id)) {
            index.append("<h2>").append(esc(text.value(ContentText.MODULE, module.id, ContentText.TITLE)))
                    .append("</h2>\n<ol>\n");
            for (Lesson lesson : lessons) {
                if (lesson.moduleId.equals(module.id)) {
                    index.append("<li><a href=\"").append(pages.get(lesson.id)).append("\">")
                            .append(esc(text.value(ContentText.LESSON, lesson.id, ContentText.TITLE)))
                            .append("</a></li>\n");
                }
            }
            index.append("</ol>\n");
        }
        List<GlossaryTerm> glossary = GlossaryTerm.of(version.id);
        if (!glossary.isEmpty()) {
            index.append("<p><a href=\"glossary.html\">").append(esc(msg.glossary())).append("</a></p>\n");
            StringBuilder terms = new StringBuilder("<h1>" + esc(msg.glossary()) + "</h1>\n<dl>\n");
            for (GlossaryTerm term : glossary) {
                // The term is kept as the course's authors wrote it, in the course's language and script.
                Localized.Text explanation = text.text(ContentText.GLOSSARY, term.id, ContentText.EXPLANATION);
                terms.append("<dt").append(languageOf(version.defaultLanguage)).append("><strong>")
                        .append(esc(term.term)).append("</strong></dt><dd")
                        .append(languageOf(text.shownIn(explanation))).append('>')
                        .append(esc(explanation.value()))
                        .append("</dd>\n");
            }
            terms.append("</dl>\n<p><a href=\"index.html\">").append(esc(msg.offline_contents())).append("</a></p>");
            pagesByName.put("glossary.html", page(language, dir, msg.glossary(), "", terms.toString()));
        }
        pagesByName.put("index.html", page(language, dir, title, "", index.toString()));
        Map<String, Long> files = new LinkedHashMap<>(media);
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            Localized.Text body = texts.forTrainees(version, language, lesson.id)
                    .text(ContentText.LESSON, lesson.id, ContentText.BODY);
            Localized.Text lessonTitle = text.text(ContentText.LESSON, lesson.id, ContentText.TITLE);
            StringBuilder html = new StringBuilder();
            html.append("<p><a href=\"../index.html\">").append(esc(msg.offline_contents())).append("</a></p>\n");
            html.append("<h1").append(languageOf(text.shownIn(lessonTitle))).append('>').append(esc(lessonTitle.value()))
                    .append("</h1>\n");
            if (body.fallback() || lessonTitle.fallback()) {
                html.append("<p class=\"notice\">").append(esc(msg.fallback_notice(version.defaultLanguage)))
                        .append("</p>\n");
            }
            html.append("<article").append(languageOf(body.fallback() ? version.defaultLanguage : language)).append(">\n")
                    .append(LessonMarkdown.renderOffline(body.value(),
                            name -> media.containsKey(name) ? "../media/" + name : null))
                    .append("</article>\n");
            List<String> materials = new ArrayList<>();
            for (Long attachmentId : content.attachmentsOf(lesson.id)) {
                Attachment attachment = Attachment.findById(attachmentId);
                String name = media.entrySet().stream().filter(e -> e.getValue().equals(attachmentId))
                        .map(Map.Entry::getKey).findFirst()
                        .orElse(attachmentId + "-" + attachment.fileName.replaceAll("[^A-Za-z0-9._-]", "_"));
                files.putIfAbsent(name, attachmentId);
                materials.add("<li><a href=\"../media/" + name + "\">" + esc(attachment.fileName) + "</a> ("
                        + esc(attachment.kind()) + ")</li>");
            }
            if (!materials.isEmpty()) {
                html.append("<h2>").append(esc(msg.lesson_materials())).append("</h2>\n<ul>")
                        .append(String.join("\n", materials)).append("</ul>\n");
            }
            html.append("<nav>");
            html.append(i > 0 ? "<a href=\"../" + pages.get(lessons.get(i - 1).id) + "\">" + esc(msg.lesson_previous()) + "</a>" : "<span></span>");
            html.append(i + 1 < lessons.size() ? "<a href=\"../" + pages.get(lessons.get(i + 1).id) + "\">" + esc(msg.lesson_next()) + "</a>" : "<span></span>");
            html.append("</nav>\n");
            pagesByName.put(pages.get(lesson.id), page(language, dir, lessonTitle.value(), "../", html.toString()));
        }
        Map<String, String> stored = new LinkedHashMap<>();
        files.forEach((name, attachmentId) -> stored.put("media/" + name,
                Attachment.<Attachment>findById(attachmentId).storageKey));
        if (!stored.isEmpty() && !storage.isReachable()) {
            // Once the zip is streaming a failure can only cut it short; asked first, the reader gets a 503 page.
            throw new StorageFailure("Object storage is not reachable for the offline package", null);
        }
        return out -> write(out, pagesByName, stored);
    }

    /** Writes the zip into the response as it goes: pages first, then each media file from object storage. */
    private void write(OutputStream out, Map<String, String> pagesByName, Map<String, String> stored)
            throws IOException {
        // Closing the zip releases its compressor's native memory even when the reader goes away mid-download;
        // the response stream itself belongs to the server, so the zip's close stops at a flush.
        OutputStream response = new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(response)) {
            for (Map.Entry<String, String> entry : pagesByName.entrySet()) {
                put(zip, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, String> file : stored.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                try (InputStream in = storage.open(file.getValue())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static String page(String language, String dir, String title, String root, String body) {
        return "<!doctype html>\n<html lang=\"" + esc(language) + "\" dir=\"" + dir + "\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + esc(title)
                + "</title><link rel=\"stylesheet\" href=\"" + root + "style.css\"></head><body>\n" + body
                + "\n</body></html>\n";
    }

    /** {@code lang} and {@code dir} of a text, so that a fallback in another script is laid out its own way. */
    private static String languageOf(String language) {
        return " lang=\"" + esc(language) + "\" dir=\"" + Languages.direction(language) + "\"";
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String esc(String text) {
        return Markup.escape(text == null ? "" : text);
    }
}
