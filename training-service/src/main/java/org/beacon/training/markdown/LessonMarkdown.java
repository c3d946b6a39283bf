package org.beacon.training.markdown;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.commons.text.UntrustedText;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Lesson Markdown to HTML that is safe to put in a page: CommonMark with raw HTML escaped, then the OWASP
 * sanitizer as a second wall, so a {@code <script>} or a {@code javascript:} link in a lesson never reaches a
 * browser. Links to the course's media ({@code ../../media/file.pdf}) are rewritten by the caller's resolver:
 * to the attachment online, to {@code ../media/file.pdf} in the offline package. Tables (GitHub's pipe tables)
 * come inside a {@code <div class="table-scroll">}, so that a wide table scrolls sideways on a phone instead of
 * widening the page.
 */
public final class LessonMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br").toFactory());
    private static final Pattern MEDIA = Pattern.compile("^(?:\\.\\./|\\./)*media/([^/?#]+)$");

    private LessonMarkdown() {
    }

    /** @param mediaHref the link for a media file name, or null to leave the link as written */
    public static String render(String markdown, Function<String, String> mediaHref) {
        return render(markdown, mediaHref, false);
    }

    /**
     * For pages read from disk (the offline package): only the course's own media files are embedded. Any other
     * image ({@code ![map](https://…)}) becomes a link to it, labelled with its description, so that opening a
     * page loads nothing from outside the package (which would also tell a third party who reads it, and when).
     */
    public static String renderOffline(String markdown, Function<String, String> mediaHref) {
        return render(markdown, mediaHref, true);
    }

    private static String render(String markdown, Function<String, String> mediaHref, boolean offline) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(resolve(link.getDestination(), mediaHref));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (offline && !isMedia(image.getDestination())) {
                    Link link = new Link(image.getDestination(), image.getTitle());
                    Node child = image.getFirstChild();
                    while (child != null) {
                        Node next = child.getNext();
                        link.appendChild(child);
                        child = next;
                    }
                    if (link.getFirstChild() == null) {
                        link.appendChild(new Text(image.getDestination()));
                    }
                    image.insertAfter(link);
                    image.unlink();
                    return;
                }
                image.setDestination(resolve(image.getDestination(), mediaHref));
                visitChildren(image);
            }
        });
        return scrollable(POLICY.sanitize(RENDERER.render(document)));
    }

    /**
     * HTML written by an author elsewhere (a GIFT question's {@code [html]} text) through the same policy as a
     * rendered lesson, so that it can carry no more than a lesson can.
     */
    public static String sanitize(String html) {
        return scrollable(POLICY.sanitize(html == null ? "" : html));
    }

    /**
     * Wraps each table in its scroll box after sanitizing, so that the policy allows no {@code class} attribute an
     * author could use. The sanitizer writes every table tag as exactly {@code <table>}, and raw HTML in a lesson
     * was escaped before, so these are the Markdown tables.
     */
    private static String scrollable(String html) {
        return html.replace("<table>", "<div class=\"table-scroll\"><table>").replace("</table>", "</table></div>");
    }

    private static boolean isMedia(String destination) {
        return destination != null && MEDIA.matcher(destination.strip()).matches();
    }

    public static String render(String markdown, Map<String, String> mediaHrefs) {
        return render(markdown, mediaHrefs::get);
    }

    private static String resolve(String destination, Function<String, String> mediaHref) {
        Matcher media = destination == null ? null : MEDIA.matcher(destination.strip());
        if (media != null && media.matches()) {
            // Media names are stored without invisible direction characters (CoursePackage); look them up the same way.
            String href = mediaHref.apply(UntrustedText.stripSpoofing(media.group(1)));
            return href == null ? "#" : href;
        }
        return destination;
    }
}
