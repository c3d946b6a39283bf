package org.beacon.gateway.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.beacon.testing.FreePort;

/**
 * Stands in for the two services' audit APIs, answering as they do (newest first, filtered by action, a page at a
 * time, summaries in the language of {@code Accept-Language}: French where {@link #FRENCH} has the entry, else as
 * stored, as an entry older than summary keys reads), and remembers the query and language each was sent. The organization {@code down} makes training-service answer 500,
 * as a service that lost its database. Keycloak's admin API is configured at a port nobody listens on.
 */
public class AuditUpstreams implements QuarkusTestResourceLifecycleManager {

    /** The query string and Authorization header each service was last sent, by path. */
    static final Map<String, String> QUERIES = new ConcurrentHashMap<>();
    static final Map<String, String> AUTHORIZATIONS = new ConcurrentHashMap<>();
    static final Map<String, String> LANGUAGES = new ConcurrentHashMap<>();

    /** The summaries a service renders in French, by entry id. */
    static final Map<Long, String> FRENCH = Map.of(
            9L, "Version 2 de la campagne winter publiée en anglais, français.",
            8L, "Version 2 de la campagne winter approuvée avec la liste de contrôle complète.");

    static final Map<String, List<JsonObject>> ENTRIES = Map.of(
            "/training/api/audit", List.of(
                    entry("training", 7, "2026-11-02T14:05:00Z", "version.publish", "police-academy",
                            "=HYPERLINK(\"http://evil.example\",\"open\")")),
            "/campaigns/api/audit", List.of(
                    entry("campaigns", 9, "2026-11-03T09:00:00Z", "publish", "national-coordination",
                            "Published the winter campaign."),
                    entry("campaigns", 8, "2026-11-01T08:00:00Z", "approve", "national-coordination",
                            "Approved the winter campaign.")));

    private Vertx vertx;

    static JsonObject entry(String service, long id, String at, String action, String organization, String summary) {
        return new JsonObject().put("service", service).put("id", id).put("at", at).put("actor", "subject-" + id)
                .put("actorName", "Ada Admin").put("organization", organization).put("action", action)
                .put("subjectType", "thing").put("subjectId", id).put("summary", summary);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = FreePort.find();
        vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            QUERIES.put(path, request.query() == null ? "" : request.query());
            AUTHORIZATIONS.put(path, String.valueOf(request.getHeader("Authorization")));
            String language = String.valueOf(request.getHeader("Accept-Language"));
            LANGUAGES.put(path, language);
            if (path.startsWith("/training") && "down".equals(request.getParam("organization"))) {
                request.response().setStatusCode(500).end();
                return;
            }
            JsonArray answer = new JsonArray();
            if ("0".equals(request.getParam("page"))) {
                ENTRIES.getOrDefault(path, List.of()).stream()
                        .filter(e -> request.getParam("action") == null
                                || List.of(request.getParam("action").split(",")).contains(e.getString("action")))
                        .map(e -> language.startsWith("fr") && FRENCH.containsKey(e.getLong("id"))
                                ? e.copy().put("summary", FRENCH.get(e.getLong("id"))) : e)
                        .forEach(answer::add);
            }
            request.response().putHeader("Content-Type", "application/json").end(answer.encode());
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of(
                "beacon.upstream.training", "http://127.0.0.1:" + port,
                "beacon.upstream.campaigns", "http://127.0.0.1:" + port,
                "beacon.admin.directory.realm-url", "http://127.0.0.1:" + FreePort.find() + "/realms/beacon",
                "beacon.admin.directory.client-secret", "not-used");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
