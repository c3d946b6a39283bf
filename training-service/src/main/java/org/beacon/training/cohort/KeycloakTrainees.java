package org.beacon.training.cohort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Dependency;
import org.beacon.commons.web.Outages;
import org.beacon.commons.security.ServiceAccountToken;
import org.beacon.training.cohort.CohortQueries.DirectoryTrainee;

/**
 * The trainees of an organization as Keycloak knows them, including those who have never signed in to Beacon: the
 * members of the organization's group who hold the trainee role, read through the admin API by the read-only
 * service account. Nothing is copied into Beacon's tables here: a trainee a trainer adds is stored as every
 * enrolment is, by subject id and display name (PRODUCT.md §8).
 */
@ApplicationScoped
public class KeycloakTrainees {

    /** Members of one organization read at a time; an organization larger than this is read page by page. */
    static final int PAGE = 200;
    /** Trainees a search lists at most: a trainer narrows a longer list by typing more of the name. */
    static final int MATCHES = 50;

    @Inject
    TraineeDirectoryConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Outages outages;

    private HttpClient http;
    private ServiceAccountToken account;

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        account = new ServiceAccountToken(http, json, config.realmUrl(), config.clientId(), config.clientSecret(),
                config.timeout());
    }

    /** Whether the service account is configured; without it only trainees who signed in once are found. */
    public boolean configured() {
        return account.configured();
    }

    /**
     * Trainees of {@code organization} whose name or username contains {@code search}, by name; at most
     * {@link #MATCHES} of them, since each match's roles are one more request to Keycloak.
     */
    public List<DirectoryTrainee> search(String organization, String search) {
        String bearer = token();
        Optional<String> group = groupId(bearer, organization);
        if (group.isEmpty()) {
            return List.of();
        }
        String words = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<DirectoryTrainee> found = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            JsonNode page = get(bearer, "/groups/" + encode(group.get()) + "/members?briefRepresentation=true&first="
                    + first + "&max=" + PAGE);
            for (JsonNode user : page) {
                DirectoryTrainee trainee = trainee(user, organization);
                if (user.path("enabled").asBoolean(true)
                        && (trainee.name().toLowerCase(Locale.ROOT).contains(words)
                                || trainee.username().toLowerCase(Locale.ROOT).contains(words))
                        && holdsTraineeRole(bearer, trainee.subject())) {
                    found.add(trainee);
                    if (found.size() == MATCHES) {
                        return found;
                    }
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return found;
    }

    /**
     * The account {@code subject} (Keycloak's user id, the subject of its tokens) when it holds the trainee role,
     * with its organization: what a trainer's choice is checked against before it is enrolled.
     */
    public Optional<DirectoryTrainee> trainee(String subject) {
        String bearer = token();
        JsonNode user = find(bearer, "/users/" + encode(subject));
        if (user == null || !user.path("enabled").asBoolean(true)) {
            return Optional.empty();
        }
        if (!holdsTraineeRole(bearer, subject)) {
            return Optional.empty();
        }
        JsonNode groups = get(bearer, "/users/" + encode(subject) + "/groups?briefRepresentation=true");
        String organization = groups.isEmpty() ? null : groups.get(0).path("name").asText(null);
        return Optional.of(trainee(user, organization));
    }

    private static DirectoryTrainee trainee(JsonNode user, String organization) {
        String username = user.path("username").asText("");
        String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        return new DirectoryTrainee(user.path("id").asText(), username, name.isEmpty() ? username : name,
                organization);
    }

    /** The organization's group, matched by its exact name (Keycloak's search also matches parts of names). */
    private Optional<String> groupId(String bearer, String organization) {
        for (JsonNode group : get(bearer, "/groups?briefRepresentation=true&search=" + encode(organization))) {
            if (organization.equals(group.path("name").asText())) {
                return Optional.of(group.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the account holds the trainee role, directly or through a group or composite role. Asked per user:
     * listing a role's holders needs the realm's view-realm role, which the read-only account does not have.
     */
    private boolean holdsTraineeRole(String bearer, String subject) {
        for (JsonNode role : get(bearer, "/users/" + encode(subject) + "/role-mappings/realm/composite")) {
            if (Roles.TRAINEE.equals(role.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A token of the service account, kept by {@link ServiceAccountToken} until shortly before it expires. */
    private String token() {
        try {
            return account.token();
        } catch (ServiceAccountToken.Unavailable e) {
            throw new DirectoryUnavailable(e.getMessage(), e);
        }
    }

    private JsonNode get(String bearer, String path) {
        return read(send(request(bearer, path)), path);
    }

    /** A resource that may not exist: null for a 404. */
    private JsonNode find(String bearer, String path) {
        HttpResponse<String> response = send(request(bearer, path));
        return response.statusCode() == 404 ? null : read(response, path);
    }

    private HttpRequest request(String bearer, String path) {
        String admin = config.realmUrl().replaceFirst("/realms/", "/admin/realms/");
        return HttpRequest.newBuilder(URI.create(admin + path)).timeout(config.timeout())
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak did not answer " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("Interrupted while asking Keycloak", e);
        }
    }

    private JsonNode read(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                // A token refused mid-way (the realm restarted): asked for again next time.
                account.forget();
            }
            throw new DirectoryUnavailable("Keycloak answered " + response.statusCode() + " for " + what, null);
        }
        try {
            JsonNode answer = json.readTree(response.body());
            // An outage of the directory has no probe of its own: the first answer after it ends it in the log.
            outages.recovered(Dependency.DIRECTORY);
            return answer;
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak's answer for " + what + " is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
