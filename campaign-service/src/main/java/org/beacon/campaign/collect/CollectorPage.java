package org.beacon.campaign.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.campaign.survey.SurveyForms;
import org.beacon.commons.i18n.RequestLanguage;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The browser collector of a collection link: a page that runs ODK's XForms engine on the wave's XForm, keeps
 * finished answers on the device (IndexedDB) and sends them to the link's OpenRosa submission URL when there is a
 * network, so a field team without ODK Collect works offline from a phone's browser. The engine and the page's logic
 * are one bundle built from devstack/odk (see campaign-service README, "The browser collector"); its address carries
 * its content hash, so it is cached for good and a new build is a new address. The service worker keeps the page,
 * the bundle and the form for offline use.
 */
@Path("/campaigns/collect/{token}/web")
public class CollectorPage {

    static final String BUNDLE_RESOURCE = "collector/beacon-collector.js";
    static final String WORKER_RESOURCE = "collector/collector-worker.js";
    static final String BUNDLE_HASH;
    private static final byte[] BUNDLE;
    private static final byte[] WORKER;

    static {
        BUNDLE = resource(BUNDLE_RESOURCE);
        WORKER = resource(WORKER_RESOURCE);
        try {
            BUNDLE_HASH = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BUNDLE), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the page shows and where its script finds the form, the submission URL and the worker. */
    public record Page(String title, String token, String formId, String language, boolean accepting,
            String bundle, List<Choice> languages) {

        public String base() {
            return "/campaigns/collect/" + token;
        }
    }

    /** A language of the chooser: its code and its name in itself. */
    public record Choice(String code, String name) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collector(Page page);

        static native TemplateInstance refused();
    }

    private static final List<Choice> LANGUAGES = List.of(new Choice("en", "English"), new Choice("fr", "Français"),
            new Choice("es", "Español"), new Choice("pt", "Português"), new Choice("ar", "العربية"));

    @Inject
    FieldCollection collection;

    @Inject
    SurveyForms forms;

    @Inject
    RequestLanguage language;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@RestPath String token) {
        FieldCollection.Collector collector = collection.collector(token);
        String code = language.code();
        String title = forms.title(collector.form(), collector.form().language(code));
        Page page = new Page(title, token, collection.xform(collector.form()).formId(), code, collector.accepting(),
                "/campaigns/collect/" + token + "/web/collector-" + BUNDLE_HASH + ".js", LANGUAGES);
        // Revalidated on every load while online (the worker serves the kept copy offline); never shared.
        return Response.ok(Templates.collector(page).setLocale(language.locale()))
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    /** The bundle (ODK's engine and the page's logic); a stale hash is a 404, never another build's code. */
    @GET
    @Path("collector-{hash}.js")
    public Response bundle(@RestPath String token, @RestPath String hash) {
        collection.collector(token);
        if (!hash.equals(BUNDLE_HASH)) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No such collector build.").build();
        }
        return Response.ok(BUNDLE, "text/javascript; charset=utf-8")
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    /**
     * The service worker. It lives below the page's address but looks after the whole link (the page and its form
     * download), so it is allowed the link's path as its scope.
     */
    @GET
    @Path("worker.js")
    public Response worker(@RestPath String token) {
        collection.collector(token);
        return Response.ok(WORKER, "text/javascript; charset=utf-8")
                .header("Service-Worker-Allowed", "/campaigns/collect/" + token + "/")
                .header("Cache-Control", "no-cache")
                .build();
    }

    /**
     * A revoked or unknown link (the only refusal of FieldCollection.collector) gets a readable page in the reader's
     * language, not OpenRosa XML.
     */
    @ServerExceptionMapper
    public Response refused(FieldCollection.Refusal e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.refused().setLocale(language.locale())).build();
    }

    private static byte[] resource(String name) {
        try (InputStream in = CollectorPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build it with `node build.mjs --collector` in"
                        + " devstack/odk");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
