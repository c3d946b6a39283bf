package org.beacon.commons.web;

/**
 * Escaping for text written into HTML, SVG or XML by hand (error pages without a template, charts, the offline
 * package, OpenRosa documents). It has no dependency, so code that renders outside a running service can use it.
 */
public final class Markup {

    private Markup() {
    }

    /** The text with the five characters that markup gives a meaning replaced by their entities. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
