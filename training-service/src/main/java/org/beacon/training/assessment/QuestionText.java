package org.beacon.training.assessment;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.beacon.commons.web.Markup;
import org.beacon.training.markdown.LessonMarkdown;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;

/**
 * A question's text (stem, choice, matching item, feedback) with the format GIFT gave it: Moodle writes
 * {@code [html]}, {@code [markdown]}, {@code [plain]} or {@code [moodle]} before a text. A text is stored with its
 * format in front unless it is plain, so that every text stored before formats were read stays what it was; a plain
 * text that itself starts like a format keeps {@code [plain]} in front. Pages show {@link #html}, never the stored
 * string: HTML goes through the lesson sanitizer, Markdown is rendered as lessons are, plain text is escaped, and
 * Moodle's own format is HTML whose line breaks are kept, as Moodle shows it.
 */
public final class QuestionText {

    /** GIFT's text formats; {@code tag} is how GIFT writes it. */
    public enum Format {
        PLAIN("[plain]"), MARKDOWN("[markdown]"), HTML("[html]"), MOODLE("[moodle]");

        public final String tag;

        Format(String tag) {
            this.tag = tag;
        }

        /** The format a GIFT text starts with, or null when it starts with none. */
        static Format leading(String text) {
            String start = text.stripLeading().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (start.startsWith(format.tag)) {
                    return format;
                }
            }
            return null;
        }
    }

    private QuestionText() {
    }

    /** The stored form of {@code body} written in {@code format}. */
    public static String stored(Format format, String body) {
        if (format == Format.PLAIN && Format.leading(body) == null) {
            return body;
        }
        return format.tag + body;
    }

    public static Format format(String stored) {
        Format format = stored == null ? null : Format.leading(stored);
        return format == null ? Format.PLAIN : format;
    }

    /** The text without its format. */
    public static String body(String stored) {
        if (stored == null) {
            return null;
        }
        Format format = Format.leading(stored);
        return format == null ? stored : stored.stripLeading().substring(format.tag.length());
    }

    /** The text as safe HTML for a page. */
    public static String html(String stored) {
        if (stored == null) {
            return null;
        }
        String body = body(stored);
        return switch (format(stored)) {
            case PLAIN -> Markup.escape(body).replace("\n", "<br>");
            case MARKDOWN -> unwrapped(LessonMarkdown.render(body, (Function<String, String>) media -> null));
            case HTML -> LessonMarkdown.sanitize(body);
            case MOODLE -> LessonMarkdown.sanitize(body.replace("\n", "<br>\n"));
        };
    }

    /**
     * Markdown of one paragraph without the paragraph around it: a choice, a matching item or a line of feedback
     * sits in a sentence or a table cell, where a paragraph would add a blank line.
     */
    private static String unwrapped(String html) {
        String trimmed = html.strip();
        if (trimmed.startsWith("<p>") && trimmed.endsWith("</p>") && trimmed.indexOf("<p>", 3) < 0) {
            return trimmed.substring(3, trimmed.length() - 4);
        }
        return html;
    }

    /**
     * What a reader sees of the text, without markup: for names made from a stem, lists, search, answers shown in
     * a sentence and comparing typed answers.
     */
    public static String plain(String stored) {
        if (stored == null || format(stored) == Format.PLAIN) {
            return body(stored);
        }
        StringBuilder text = new StringBuilder();
        HtmlStreamEventReceiver receiver = new HtmlStreamEventReceiver() {
            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String element, List<String> attrs) {
                if (!INLINE.contains(element)) {
                    text.append(' ');
                }
            }

            @Override
            public void closeTag(String element) {
                if (!INLINE.contains(element)) {
                    text.append(' ');
                }
            }

            @Override
            public void text(String chunk) {
                text.append(chunk);
            }
        };
        // The sanitizer parses, drops every tag (and script and style contents) and hands over decoded text.
        HtmlSanitizer.sanitize(html(stored), new HtmlPolicyBuilder().allowElements(ALL).build(receiver));
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static final List<String> INLINE = List.of("a", "b", "strong", "i", "em", "code", "span", "sub", "sup",
            "u", "s", "small");
    private static final String[] ALL = { "p", "br", "div", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2",
        "h3", "h4", "h5", "h6", "pre", "blockquote", "hr", "a", "b", "strong", "i", "em", "code", "span", "sub", "sup",
        "u", "s", "small" };
}
