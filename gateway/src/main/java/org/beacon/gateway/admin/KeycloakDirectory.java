package org.beacon.gateway.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.security.Roles;
import org.beacon.commons.security.ServiceAccountToken;

/**
 * Organizations and their users, read live from Keycloak's admin REST API: Beacon keeps no copy of who belongs
 * where. Organizations are the realm's top-level groups (their attributes say what kind of body each is); a user's
 * Beacon roles are their effective realm roles. The {@code beacon-directory} service account holds only
 * realm-management's {@code view-users}, which lets it list groups, their members and users' role mappings, and
 * nothing else (keycloak/README.md).
 */
@ApplicationScoped
public class KeycloakDirectory {

    /** The realm roles Beacon knows; Keycloak's own (default-roles-…, offline_access) are not shown. */
    static final Set<String> BEACON_ROLES = Set.of(Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR,
            Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN);
    private static final int MEMBERS_PAGE = 100;

    public record Member(String username, String name, String email, boolean enabled, List<String> roles) {
        /** The message keys of the roles' names ({@code role_campaign_manager}). */
        public List<String> roleKeys() {
            return roles.stream().map(role -> "role_" + role.replace('-', '_')).toList();
        }
    }

    public record Organization(String name, Map<String, List<String>> attributes, List<Member> members) {
    }

    @Inject
    AdminConfig config;

    @Inject
    ObjectMapper json;

    private HttpClient http;
    private ServiceAccountToken account;

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(config.directory().timeout()).build();
        account = new ServiceAccountToken(http, json, realmUrl(), config.directory().clientId(),
                config.directory().clientSecret(), config.directory().timeout());
    }

    /** Every organization with its members and their Beacon roles, by name. */
    public List<Organization> organizations() {
        String bearer = token();
        List<Organization> organizations = new ArrayList<>();
        for (JsonNode group : get(bearer, "/groups?briefRepresentation=false")) {
            List<Member> members = members(bearer, group.path("id").asText());
            Map<String, List<String>> attributes = json.convertValue(group.path("attributes"),
                    json.getTypeFactory().constructMapType(java.util.TreeMap.class,
                            json.getTypeFactory().constructType(String.class),
                            json.getTypeFactory().constructCollectionType(List.class, String.class)));
            organizations.add(new Organization(group.path("name").asText(),
                    attributes == null ? Map.of() : attributes, members));
        }
        organizations.sort(Comparator.comparing(Organization::name));
        return organizations;
    }

    /** The organizations' names only, sorted: what a filter offers to choose from. */
    public List<String> organizationNames() {
        List<String> names = new ArrayList<>();
        get(token(), "/groups?briefRepresentation=true").forEach(group -> names.add(group.path("name").asText()));
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private List<Member> members(String bearer, String groupId) {
        List<JsonNode> users = new ArrayList<>();
        for (int first = 0;; first += MEMBERS_PAGE) {
            JsonNode page = get(bearer, "/groups/" + encode(groupId) + "/members?briefRepresentation=true&first="
                    + first + "&max=" + MEMBERS_PAGE);
            page.forEach(users::add);
            if (page.size() < MEMBERS_PAGE) {
                break;
            }
        }
        // Each user's roles are one request; they are sent together so a page of many users is not many waits.
        List<CompletableFuture<List<String>>> roles = users.stream()
                .map(user -> getAsync(bearer, "/users/" + encode(user.path("id").asText())
                        + "/role-mappings/realm/composite").thenApply(KeycloakDirectory::beaconRoles))
                .toList();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            JsonNode user = users.get(i);
            String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
            members.add(new Member(user.path("username").asText(), name, user.path("email").asText(""),
                    user.path("enabled").asBoolean(true), join(roles.get(i))));
        }
        members.sort(Comparator.comparing(Member::username));
        return members;
    }

    private static List<String> beaconRoles(JsonNode roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> {
            if (BEACON_ROLES.contains(role.path("name").asText())) {
                names.add(role.path("name").asText());
            }
        });
        return List.copyOf(names);
    }

    /** A token of the service account, kept by {@link ServiceAccountToken} until shortly before it expires. */
    private String token() {
        try {
            return account.token();
        } catch (ServiceAccountToken.Unavailable e) {
            throw new DirectoryUnavailable(e.getMessage() + " (beacon.admin.directory.*)", e);
        }
    }

    private JsonNode get(String bearer, String path) {
        return join(getAsync(bearer, path));
    }

    private CompletableFuture<JsonNode> getAsync(String bearer, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl() + path))
                .timeout(config.directory().timeout())
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> read(response, path));
    }

    private JsonNode read(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailable("Keycloak answered " + response.statusCode() + " for " + what
                    + " (is the " + config.directory().clientId() + " client set up as keycloak/beacon-realm.json says?)");
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak's answer for " + what + " is not JSON.", e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DirectoryUnavailable unavailable) {
                throw unavailable;
            }
            throw new DirectoryUnavailable("Keycloak does not answer.", e.getCause());
        }
    }

    /** The realm's address, as sign-in uses it: {@code http://host/realms/beacon}. */
    private String realmUrl() {
        String url = config.directory().realmUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The same realm's admin API: {@code http://host/admin/realms/beacon}. */
    private String adminUrl() {
        String realm = realmUrl();
        int at = realm.lastIndexOf("/realms/");
        return realm.substring(0, at) + "/admin" + realm.substring(at);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
