package org.beacon.commons.web;

import org.beacon.commons.i18n.Languages;

/**
 * The readable page shown for an error on an HTML path, in every service and the gateway alike. Kept as one small
 * piece of markup here so that an error never depends on the template engine of the page that failed.
 */
public final class ErrorPage {

    public static final String NOT_FOUND_TITLE = "Page not found";
    public static final String NOT_FOUND_DETAIL =
            "There is nothing at this address. Check the link or go back to the start page.";

    private ErrorPage() {
    }

    public static String render(int status, String title, String detail, String language) {
        String lang = Languages.supported(language) != null ? Languages.supported(language) : Languages.DEFAULT;
        return """
                <!doctype html>
                <html lang="%s" dir="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1">
                <title>%d %s · Beacon</title><link rel="stylesheet" href="%s"></head>
                <body><main class="page error"><h1>%s</h1><p>%s</p>
                <p><a href="/">Beacon</a></p></main></body></html>
                """.formatted(lang, Languages.direction(lang), status, escape(title), StaticAssets.stylesheet(),
                escape(title), escape(detail == null ? "" : detail));
    }

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
