package org.beacon.commons.web;

import java.util.Locale;
import java.util.ResourceBundle;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.beacon.commons.i18n.Languages;
import org.jboss.logging.Logger;

/**
 * The readable page shown for an error on an HTML path, in every service and the gateway alike, in the reader's
 * language. While a request is being answered it is framed by the layout every page has (templates/ErrorPage),
 * header included; where no request is active, or the template itself fails, a small piece of markup here stands
 * in, so that an error never depends on the template engine of the page that failed.
 */
public final class ErrorPage {

    /** Standard explanations, by their key in {@code errors.properties}. */
    public static final String NOT_FOUND = "detail.not-found";
    public static final String SIGN_IN = "detail.sign-in";
    public static final String NOT_ALLOWED = "detail.not-allowed";
    public static final String INVALID = "detail.invalid";
    public static final String BAD_PARAMETER = "detail.bad-parameter";
    public static final String SERVER_ERROR = "detail.server-error";
    public static final String UNAVAILABLE = "detail.unavailable";

    private static final String BUNDLE = "org.beacon.commons.web.errors";
    private static final String TEMPLATE = "ErrorPage/error";
    private static final Logger LOG = Logger.getLogger(ErrorPage.class);

    private ErrorPage() {
    }

    /**
     * The page for a status in the reader's language: a heading for the status and an explanation. The explanation
     * is a standard text when {@code detailKey} names one ({@code {0}} replaced by {@code argument}), otherwise the
     * service's own words.
     */
    public static String render(int status, String detailKey, String argument, String detail, String language) {
        return render(status, detailKey, argument, detail, language, null);
    }

    /**
     * The same page framed by the layout with the header given, for a caller that answers outside a CDI request (the
     * gateway's own Vert.x routes) and knows the reader from the routing context itself; {@code header} null means
     * the header of the current request, as above.
     */
    public static String render(int status, String detailKey, String argument, String detail, String language,
            PageHeader header) {
        String lang = Languages.supported(language) != null ? Languages.supported(language) : Languages.DEFAULT;
        ResourceBundle texts = texts(lang);
        String heading = title(texts, status);
        String explanation = detailKey != null
                ? texts.getString(detailKey).replace("{0}", argument == null ? "" : argument)
                : detail == null ? "" : detail;
        String home = texts.getString("home");
        String framed = framed(status, heading, explanation, home, lang, header);
        if (framed != null) {
            return framed;
        }
        return """
                <!doctype html>
                <html lang="%s" dir="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1">
                <title>%d %s · Beacon</title><link rel="stylesheet" href="%s"></head>
                <body><main class="page error"><h1>%s</h1><p>%s</p>
                <p><a href="/">%s</a></p></main></body></html>
                """.formatted(lang, Languages.direction(lang), status, Markup.escape(heading), StaticAssets.stylesheet(),
                Markup.escape(heading), Markup.escape(explanation), Markup.escape(home));
    }

    /** The page in the shared layout, or null when it cannot be rendered here. */
    private static String framed(int status, String heading, String explanation, String home, String language,
            PageHeader header) {
        ArcContainer container = Arc.container();
        if (container == null || header == null && !container.requestContext().isActive()) {
            return null;
        }
        try {
            Template template = container.instance(Engine.class).get().getTemplate(TEMPLATE);
            if (template == null) {
                return null;
            }
            TemplateInstance page = template.data("status", status).data("heading", heading)
                    .data("explanation", explanation).data("home", home);
            if (header != null) {
                // Data given to the page comes before the global of the same name (PageGlobals.header).
                page.data("header", header);
            }
            return page.setLocale(Locale.forLanguageTag(language)).render();
        } catch (RuntimeException e) {
            LOG.warn("The error page could not be framed by the layout; answering with the plain page", e);
            return null;
        }
    }

    /** The standard text of a key in English, for problem+json answers (read by programs, not people). */
    public static String english(String key) {
        return texts(Languages.DEFAULT).getString(key);
    }

    /**
     * The key of a standard explanation whose English wording is {@code englishDetail}, or null: a service that
     * throws with one of these sentences gets it shown in the reader's language.
     */
    public static String keyOf(String englishDetail) {
        if (englishDetail == null) {
            return null;
        }
        ResourceBundle english = texts(Languages.DEFAULT);
        for (String key : english.keySet()) {
            if (key.startsWith("detail.") && english.getString(key).equals(englishDetail)) {
                return key;
            }
        }
        return null;
    }

    private static String title(ResourceBundle texts, int status) {
        String exact = "title." + status;
        if (texts.containsKey(exact)) {
            return texts.getString(exact);
        }
        return texts.getString(status >= 500 ? "title.5xx" : "title.4xx");
    }

    private static ResourceBundle texts(String language) {
        return bundle(BUNDLE, language);
    }

    /** A bundle of commons' texts in an interface language. */
    static ResourceBundle bundle(String baseName, String language) {
        // No fallback to the JVM's default locale: English is the base bundle, whatever the machine is set to.
        return ResourceBundle.getBundle(baseName, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
