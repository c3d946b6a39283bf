package org.beacon.gateway.home;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.Navigation;

/** The start page: for a visitor, the public doors; for a signed-in user, what their roles let them do. */
@Path("/")
public class HomePage {

    /** One thing a role can do; {@code key} names its title and description in the message bundle. */
    public record Task(String key, String href) {
        public String titleKey() {
            return "task_" + key;
        }

        public String textKey() {
            return "task_" + key + "_text";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(boolean signedIn, String userName, String organization, List<Task> tasks);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        boolean signedIn = !identity.isAnonymous();
        return Templates.home(signedIn,
                signedIn ? user.displayName() : "",
                signedIn ? user.organization().orElse("") : "",
                signedIn ? tasksFor(identity) : List.of())
                .setLocale(language.locale());
    }

    /**
     * Sends the browser through the Keycloak login (the path requires authentication; {@code ui_locales} is
     * forwarded to Keycloak, application.properties), then back to the page the reader signed in from. Only a path
     * of this site is followed, so a link cannot use the login to send a reader elsewhere.
     */
    @GET
    @Path("login")
    @Authenticated
    public Response login(@QueryParam("back") String back) {
        return Forms.seeOther(isLocalPath(back) ? back : "/");
    }

    /** "/training?page=2"; not "//evil.example", "https://…", nor a backslash after the slash (read as "//"). */
    static boolean isLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) {
            return false;
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The areas the header's menu offers the user's roles (commons {@link Navigation}), each once. */
    static List<Task> tasksFor(SecurityIdentity identity) {
        return Navigation.workFor(identity.getRoles()).stream().map(work -> new Task(work.name(), work.href()))
                .toList();
    }
}
