package org.beacon.training.cohort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.beacon.testing.FreePort;

/**
 * Keycloak's token endpoint and the parts of its admin API the trainee search reads, answering as Keycloak does for
 * a realm with two organizations: in police-academy, Nadia (a trainee who has never signed in) and Victor (no
 * trainee role); in border-agency, Bruno (a trainee). {@link #stop} and {@link #start} take it away and back.
 */
public class KeycloakUsersStub implements QuarkusTestResourceLifecycleManager {

    static final String NADIA = "0f6c1a52-nadia";
    static final String VICTOR = "0f6c1a52-victor";
    static final String BRUNO = "0f6c1a52-bruno";

    private static final Map<String, String> USERS = Map.of(
            NADIA, user(NADIA, "nadia", "Nadia", "Never-Signed-In"),
            VICTOR, user(VICTOR, "victor", "Victor", "Visitor"),
            BRUNO, user(BRUNO, "bruno", "Bruno", "Border"));
    private static final Map<String, String> ORGANIZATION = Map.of(NADIA, "police-academy", VICTOR,
            "police-academy", BRUNO, "border-agency");
    private static final List<String> TRAINEES = List.of(NADIA, BRUNO);

    private static int port;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        port = FreePort.find();
        up();
        return Map.of("beacon.trainee-directory.realm-url", "http://127.0.0.1:" + port + "/realms/beacon",
                "beacon.trainee-directory.client-secret", "stub-secret",
                "beacon.trainee-directory.timeout", "2S");
    }

    @Override
    public void stop() {
        down();
    }

    /** Keycloak away: connections to it are refused. */
    static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    static synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", KeycloakUsersStub::answer);
        server.start();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        String admin = "/admin/realms/beacon";
        String body = null;
        if (path.equals("/realms/beacon/protocol/openid-connect/token")) {
            body = "{\"access_token\":\"stub-token\",\"expires_in\":300}";
        } else if (!"Bearer stub-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{}");
            return;
        } else if (path.equals(admin + "/groups")) {
            body = "[{\"id\":\"g-police\",\"name\":\"police-academy\"},{\"id\":\"g-border\",\"name\":\"border-agency\"}]";
        } else if (path.startsWith(admin + "/groups/") && path.endsWith("/members")) {
            String organization = path.contains("g-police") ? "police-academy" : "border-agency";
            body = query.contains("first=0") ? array(ORGANIZATION.entrySet().stream()
                    .filter(e -> e.getValue().equals(organization)).map(e -> USERS.get(e.getKey())).toList()) : "[]";
        } else if (path.startsWith(admin + "/roles/")) {
            // As the real Keycloak answers the view-users account of the realm: listing a role's holders needs
            // view-realm.
            send(exchange, 403, "{\"error\":\"unknown_error\"}");
            return;
        } else if (path.startsWith(admin + "/users/")) {
            String[] parts = path.substring((admin + "/users/").length()).split("/");
            String id = parts[0];
            if (!USERS.containsKey(id)) {
                send(exchange, 404, "{}");
                return;
            }
            if (parts.length == 1) {
                body = USERS.get(id);
            } else if (path.endsWith("/role-mappings/realm/composite")) {
                body = TRAINEES.contains(id) ? "[{\"name\":\"trainee\"},{\"name\":\"default-roles-beacon\"}]"
                        : "[{\"name\":\"default-roles-beacon\"}]";
            } else if (path.endsWith("/groups")) {
                body = "[{\"id\":\"g\",\"name\":\"" + ORGANIZATION.get(id) + "\"}]";
            }
        }
        if (body == null) {
            send(exchange, 404, "{}");
        } else {
            send(exchange, 200, body);
        }
    }

    private static String user(String id, String username, String first, String last) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\",\"enabled\":true}";
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
