package org.beacon.commons.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.beacon.commons.security.CurrentUser;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A page shown to a signed-in user is never kept by the browser ({@code Cache-Control: no-store}), so Back after
 * Sign out cannot bring back a name, a course or a result; whatever caching the page asked for is replaced. A
 * visitor's pages keep theirs: the public campaign pages are cached on purpose (PublicPageCache).
 */
public class NoStoreForSignedIn {

    @Inject
    CurrentUser user;

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (isPage(response) && PageFrame.signedIn(user)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** An HTML page; a template answered without a type is one too, its type being chosen only when written. */
    private static boolean isPage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        return type != null ? type.isCompatible(MediaType.TEXT_HTML_TYPE)
                : response.getEntity() instanceof TemplateInstance;
    }
}
