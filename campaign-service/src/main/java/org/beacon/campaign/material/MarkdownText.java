package org.beacon.campaign.material;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Material text: CommonMark rendered to HTML, then cleaned by the OWASP sanitizer so that whatever an author (or an
 * imported file) wrote, no script, style, frame, image or event handler reaches a reader. Rendered once when the
 * text is saved, so public pages only copy stored HTML.
 */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();

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
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        // The page already has its h1 (campaign) and h2 (material): an author's headings sit below them.
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }
        });
        return POLICY.sanitize(RENDERER.render(document));
    }
}
