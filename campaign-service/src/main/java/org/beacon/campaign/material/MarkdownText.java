package org.beacon.campaign.material;

import java.util.ArrayList;
import java.util.List;

import org.beacon.commons.text.SourceReferences;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Material text: CommonMark rendered to HTML, then cleaned by the OWASP sanitizer so that whatever an author (or an
 * imported file) wrote, no script, style, frame, image or event handler reaches a reader. Rendered when the text
 * is saved for the managers' pages, which show it as written; public pages render it again without its source
 * references ({@link #toPublicHtml}). Tables (GitHub's pipe tables) come inside a {@code <div class="table-scroll">},
 * so that a wide table scrolls sideways on a phone instead of widening the page.
 */
public final class MarkdownText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true)
            .build();

    /** Plain structure and links; images and media are uploaded as files and linked, never embedded. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "strong", "em", "b", "i", "blockquote", "ul", "ol", "li", "code", "pre",
                    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private MarkdownText() {
    }

    public static String toSafeHtml(String markdown) {
        return toSafeHtml(markdown, false);
    }

    private static String toSafeHtml(String markdown, boolean withoutEditorialNotes) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        if (withoutEditorialNotes) {
            dropEditorialNotes(document);
        }
        // The page already has its h1 (campaign) and h2 (material): an author's headings sit below them.
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }
        });
        return scrollable(POLICY.sanitize(RENDERER.render(document)));
    }

    /** The text as the public reads it: without the source references that are there for authors and reviewers. */
    public static String toPublicHtml(String markdown) {
        return toSafeHtml(SourceReferences.hidden(markdown));
    }

    /**
     * A radio script as the public reads it: also without its editorial notes, the paragraphs written wholly in
     * italics ("*Production note: about 60 seconds, two neighbours and a presenter…*", the form content/README.md
     * gives them), which speak to the producer and the reviewers, not to listeners.
     */
    public static String toPublicScriptHtml(String markdown) {
        return toSafeHtml(SourceReferences.hidden(markdown), true);
    }

    /** Removes each top-level paragraph that is one emphasis and nothing else. */
    private static void dropEditorialNotes(Node document) {
        List<Node> notes = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph && block.getFirstChild() instanceof Emphasis
                    && block.getFirstChild().getNext() == null) {
                notes.add(block);
            }
        }
        notes.forEach(Node::unlink);
    }

    /**
     * Wraps each table in its scroll box after sanitizing, so that the policy allows no {@code class} attribute an
     * author could use. The sanitizer writes every table tag as exactly {@code <table>}.
     */
    private static String scrollable(String html) {
        return html.replace("<table>", "<div class=\"table-scroll\"><table>").replace("</table>", "</table></div>");
    }
}
