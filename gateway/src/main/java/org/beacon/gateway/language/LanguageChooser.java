package org.beacon.gateway.language;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Remembers the reader's language in a cookie and returns them to the page they were on. A plain link, so it
 * works without JavaScript and without a form.
 */
@Path("/lang")
public class LanguageChooser {

    @GET
    public Response choose(@QueryParam("l") String language, @QueryParam("back") String back) {
        String chosen = Languages.supported(language);
        if (chosen == null) {
            throw ProblemException.badRequest(Reason.of("language.choose", Languages.SUPPORTED));
        }
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE)
                .value(chosen)
                .path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds())
                .sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true)
                .build();
        return Response.seeOther(localPath(back)).cookie(cookie).build();
    }

    /**
     * Only a path on this site: an absolute or protocol-relative URL would make this an open redirect. What is not
     * a valid address at all (a space, a {@code <}) also goes to the start page rather than failing the request.
     */
    static URI localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl)) {
            return URI.create("/");
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : URI.create("/");
        } catch (URISyntaxException notAnAddress) {
            return URI.create("/");
        }
    }
}
