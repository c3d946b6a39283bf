package org.beacon.gateway.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.audit.AuditFilter;
import org.beacon.commons.audit.AuditRecord;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit entries of both services, newest first, as one list. Each service filters its own entries in its admin
 * API ({@code /training/api/audit}, {@code /campaigns/api/audit}) with the admin's own token, so each still checks
 * the admin role itself; neither service's tables are read from here. The two lists, each newest first, are merged
 * as they are read, a few hundred entries at a time. Each service writes its entries' summaries in the language it
 * is asked in ({@code Accept-Language}, the reader's), since only it has the texts of its own acts.
 */
@ApplicationScoped
public class AuditFeed {

    /** Entries asked of a service at a time. */
    static final int BATCH = AuditFilter.MAX_SIZE;

    /** Newest first; entries of the same instant in a fixed order, so pages never overlap. */
    static final Comparator<AuditRecord> NEWEST_FIRST = Comparator.comparing(AuditRecord::at).reversed()
            .thenComparing(AuditRecord::service).thenComparing(Comparator.comparingLong(AuditRecord::id).reversed());

    /** A service that did not answer; the page says which. */
    public static class ServiceDown extends RuntimeException {
        final String service;

        ServiceDown(String service, Throwable cause) {
            super(service + " did not answer for its audit entries", cause);
            this.service = service;
        }
    }

    @ConfigProperty(name = "beacon.upstream.training")
    String trainingUrl;

    @ConfigProperty(name = "beacon.upstream.campaigns")
    String campaignsUrl;

    @Inject
    AdminConfig config;

    @Inject
    ObjectMapper json;

    private HttpClient http;

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * All entries matching {@code filter} (its page and size ignored), newest first, read as they are consumed, their
     * summaries in {@code language}.
     */
    public Iterator<AuditRecord> entries(AuditFilter filter, String bearer, String language) {
        return new Merged(new Source("training-service", trainingUrl + "/training/api/audit", filter,
                AuditActs.codesFor("training", filter.action()), bearer, language),
                new Source("campaign-service", campaignsUrl + "/campaigns/api/audit", filter,
                        AuditActs.codesFor("campaigns", filter.action()), bearer, language));
    }

    /** One page of {@code filter.size()} entries, and one more to tell whether another page follows. */
    public List<AuditRecord> page(AuditFilter filter, String bearer, String language) {
        Iterator<AuditRecord> all = entries(filter, bearer, language);
        long skip = (long) filter.page() * filter.size();
        for (long i = 0; i < skip && all.hasNext(); i++) {
            all.next();
        }
        List<AuditRecord> page = new ArrayList<>();
        while (page.size() <= filter.size() && all.hasNext()) {
            page.add(all.next());
        }
        return page;
    }

    /** The entries of one service, fetched a batch at a time. */
    private final class Source {
        private final String service;
        private final String url;
        private final AuditFilter filter;
        /** The service's own codes of the act filtered by (AuditActs). */
        private final String actions;
        private final String bearer;
        /** The reader's interface language, which the service writes the summaries in. */
        private final String language;
        private final Deque<AuditRecord> buffered = new ArrayDeque<>();
        private int nextPage;
        private boolean exhausted;

        Source(String service, String url, AuditFilter filter, String actions, String bearer, String language) {
            this.service = service;
            this.url = url;
            this.filter = filter;
            this.actions = actions;
            this.bearer = bearer;
            this.language = language;
            // An act this service never records: nothing to ask it.
            this.exhausted = filter.action() != null && actions == null;
        }

        AuditRecord peek() {
            if (buffered.isEmpty() && !exhausted) {
                List<AuditRecord> batch = fetch(nextPage++);
                buffered.addAll(batch);
                exhausted = batch.size() < BATCH;
            }
            return buffered.peekFirst();
        }

        AuditRecord take() {
            return buffered.removeFirst();
        }

        private List<AuditRecord> fetch(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page).append("&size=").append(BATCH);
            append(query, "organization", filter.organization());
            append(query, "action", actions);
            append(query, "from", filter.from() == null ? null : filter.from().toString());
            append(query, "to", filter.to() == null ? null : filter.to().toString());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + query)).timeout(config.auditTimeout())
                    .header("Authorization", "Bearer " + bearer).header("Accept", "application/json")
                    .header("Accept-Language", language).GET().build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new ServiceDown(service, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceDown(service, e);
            }
            try {
                if (response.statusCode() == 400) {
                    JsonNode problem = json.readTree(response.body());
                    throw ProblemException.badRequest(Reason.of("audit.filter-refused", service,
                            problem.path("detail").asText("")));
                }
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    throw ProblemException.forbidden(Reason.of("audit.refused", service));
                }
                if (response.statusCode() != 200) {
                    throw new ServiceDown(service, new IOException("answered " + response.statusCode()));
                }
                return json.readValue(response.body(), new TypeReference<List<AuditRecord>>() {
                });
            } catch (IOException e) {
                throw new ServiceDown(service, e);
            }
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** Two newest-first lists as one. */
    private static final class Merged implements Iterator<AuditRecord> {
        private final Source first;
        private final Source second;

        Merged(Source first, Source second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public boolean hasNext() {
            return first.peek() != null || second.peek() != null;
        }

        @Override
        public AuditRecord next() {
            AuditRecord a = first.peek();
            AuditRecord b = second.peek();
            if (a == null && b == null) {
                throw new NoSuchElementException();
            }
            if (b == null || a != null && NEWEST_FIRST.compare(a, b) <= 0) {
                return first.take();
            }
            return second.take();
        }
    }
}
