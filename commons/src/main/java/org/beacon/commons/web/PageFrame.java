package org.beacon.commons.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;

/**
 * Builds the header of the page being answered, once per request: every page of every service and the gateway's
 * start page show the same one (templates/layout.html), error pages included.
 */
// Unremovable: templates reach it through PageGlobals, by lookup, which ArC cannot see as a use.
@Unremovable
@RequestScoped
public class PageFrame {

    private static final String BUNDLE = "org.beacon.commons.web.frame";

    /** Each interface language by its own name, as the chooser shows it whatever the page's language. */
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "fr", "Français", "es",
            "Español", "pt", "Português", "ar", "العربية");

    @Inject
    CurrentUser user;

    @Inject
    RequestLanguage language;

    @Inject
    HttpServerRequest request;

    private PageHeader header;

    public PageHeader header() {
        if (header == null) {
            // A GET page is where the reader comes back to after choosing a language; a form's answer is not.
            String back = request.method() == HttpMethod.GET ? request.uri() : "/";
            boolean signedIn = signedIn(user);
            header = signedIn
                    ? build(language.code(), true, user.displayName(), user.roles(), request.path(), back)
                    : build(language.code(), false, "", Set.of(), request.path(), back);
        }
        return header;
    }

    /**
     * Whether a user is signed in. Sign-in is checked lazily (no proactive authentication), so a token that fails
     * the check fails here too, and an error page answered on the I/O thread (a refused token, Keycloak away) may
     * not wait for the check at all: the reader is then a visitor, and the header never fails the page it frames.
     */
    static boolean signedIn(CurrentUser user) {
        try {
            return user.isSignedIn();
        } catch (AuthenticationFailedException | UnauthorizedException | BlockingOperationNotAllowedException e) {
            return false;
        }
    }

    /**
     * The header for the current request, or a visitor's header in English where no request is being answered
     * (a template rendered outside one).
     */
    static PageHeader current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return build(Languages.DEFAULT, false, "", Set.of(), "", "/");
        }
        return container.instance(PageFrame.class).get().header();
    }

    /**
     * The header for a reader known by other means than this request's beans (the gateway's own routes): the same
     * menu, language chooser and account links.
     */
    public static PageHeader build(String language, boolean signedIn, String userName, Set<String> roles,
            String path, String back) {
        ResourceBundle texts = ErrorPage.bundle(BUNDLE, language);
        List<Navigation.Area> areas = Navigation.areasFor(signedIn, roles);
        String current = Navigation.currentHref(path == null ? "" : path, areas);
        List<PageHeader.Link> links = areas.stream()
                .map(area -> new PageHeader.Link(area.href(), texts.getString(area.key()), null,
                        area.href().equals(current)))
                .toList();
        String encodedBack = URLEncoder.encode(back, StandardCharsets.UTF_8);
        List<PageHeader.Link> languages = Languages.SUPPORTED.stream()
                .map(code -> new PageHeader.Link("/lang?l=" + code + "&back=" + encodedBack,
                        LANGUAGE_NAMES.get(code), code, code.equals(language)))
                .toList();
        PageHeader.Texts words = new PageHeader.Texts(texts.getString("navigation"), texts.getString("language"),
                texts.getString("sign-in"), texts.getString("sign-out"), texts.getString("signed-in-as"));
        // Keycloak's login page in the reader's language (OIDC ui_locales, forwarded by the gateway), and back to
        // this page afterwards rather than the start page.
        String signIn = "/login?back=" + encodedBack + "&ui_locales=" + language;
        return new PageHeader(language, Languages.direction(language), signedIn, userName, links, languages, words,
                signIn);
    }
}
