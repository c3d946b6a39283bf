package org.beacon.campaign.survey;

import java.util.Set;

import org.beacon.commons.web.Markup;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The styling ODK lets a form write in its labels, hints and choice labels (docs.getodk.org "Form styling"; what
 * Enketo and ODK Collect render): {@code *emphasis*} and {@code _emphasis_}, {@code **strong**} and {@code __strong__},
 * {@code [links](https://…)}, {@code #} headings at a line's start, line breaks, and HTML {@code <span>}s for fonts and
 * colours. On the public form a label sits in a {@code <legend>} or {@code <label>}, which hold a line of text: a
 * heading is shown strong, paragraphs and lines are separated by line breaks, and a span keeps its text but not its
 * colour (the page's style sheet, not a form, chooses colours readers can read). Lists and code blocks are not ODK's:
 * "1. Have you heard…" stays text, as a numbered question must. Anything else a form writes is escaped or dropped by
 * the OWASP sanitizer: no script, image or attribute but a link's address reaches a respondent.
 */
public final class LabelMarkup {

    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of(Heading.class)).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().softbreak("<br>").build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    /** Also the judge of links' addresses: http, https, mailto and tel (a hotline's number) only. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("strong", "em", "br", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();
    /** Characters without which a text has no styling: it is shown as it is, escaped. */
    private static final String STYLING = "*_[#<\n&\\`";

    private LabelMarkup() {
    }

    /** The text as phrasing HTML for a label, a legend or a paragraph; "" for null. */
    public static String toHtml(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (text.chars().noneMatch(c -> STYLING.indexOf(c) >= 0)) {
            return Markup.escape(text);
        }
        Node document = PARSER.parse(text);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                // a heading in a label: its words, strong, as a paragraph of the label
                StrongEmphasis strong = new StrongEmphasis();
                Node child = heading.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    strong.appendChild(child);
                    child = next;
                }
                Paragraph paragraph = new Paragraph();
                paragraph.appendChild(strong);
                heading.insertBefore(paragraph);
                heading.unlink();
            }
        });
        String html = HTML.render(document).strip();
        // paragraphs become lines of the one label
        html = html.replace("</p>\n<p>", "<br>").replace("<p>", "").replace("</p>", "");
        return POLICY.sanitize(html);
    }

    /** The text without its styling, for what holds plain text (an attribute, a result's label, a CSV cell). */
    public static String toPlain(String text) {
        if (text == null || text.chars().noneMatch(c -> STYLING.indexOf(c) >= 0)) {
            return text;
        }
        String plain = TEXT.render(PARSER.parse(text)).strip();
        // raw HTML (a span for a colour) is kept as written by the text renderer: its tags go, its words stay
        return plain.replaceAll("</?[A-Za-z][^>]*>", "");
    }
}
