package org.beacon.gateway.admin;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beacon.commons.audit.AuditFilter;
import org.beacon.commons.audit.AuditRecord;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.text.CsvCells;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The admin area: organizations and their users (live from Keycloak) and the audit log of both services. It lives
 * in the gateway because it belongs to neither service: the gateway already holds the admin's session and token,
 * reaches Keycloak, and is the one place both services' entries can be merged without one service reading the
 * other's data (gateway/README.md). Only the admin role opens it; each service checks that role again for its
 * entries.
 */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    /** Pages of the merged log shown on screen; deeper reading is what the filters and the CSV are for. */
    static final int MAX_PAGE = 200;
    /** Rows of one CSV download; more are left out and the last line says so. */
    static final int MAX_CSV_ROWS = 100_000;
    static final List<String> CSV_HEADER = List.of("time_utc", "service", "organization", "actor_name", "actor",
            "action", "subject_type", "subject_id", "summary");

    /** The filter as the form sent it, to fill the form again and build the links. */
    public record Query(String organization, String action, String from, String to) {
        public String parameters() {
            StringBuilder query = new StringBuilder();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("organization", organization);
            values.put("action", action);
            values.put("from", from);
            values.put("to", to);
            values.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                            .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }

        /** The query string that opens page {@code page} with this filter. */
        public String pageLink(int page) {
            String filter = parameters();
            return "?" + (filter.isEmpty() ? "" : filter + "&") + "page=" + page;
        }
    }

    /** An audit entry as the page shows it: its act and what it was done to, in the reader's language. */
    public record Shown(AuditRecord entry, String act, String subject) {
    }

    /** One choice of a filter's list: the value sent and the words shown. */
    public record Choice(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organizations(List<KeycloakDirectory.Organization> organizations);

        /** {@code newer} and {@code older}: the query strings of the neighbouring pages, empty when there is none. */
        static native TemplateInstance audit(List<Shown> entries, Query query, List<Choice> actions,
                List<String> organizations, String newer, String older, boolean tooDeep);
    }

    @Inject
    KeycloakDirectory directory;

    @Inject
    AuditFeed feed;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLanguage language;

    @GET
    @Path("organizations")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance organizations() {
        return Templates.organizations(directory.organizations()).setLocale(language.locale());
    }

    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance audit(@QueryParam("organization") String organization,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") Integer page) {
        AuditFilter filter = AuditFilter.of(organization, action, from, to, page, AuditFilter.DEFAULT_SIZE);
        Query query = new Query(organization, action, from, to);
        String reader = language.code();
        List<Choice> actions = AuditActs.names().stream()
                .map(act -> new Choice(act, AuditActs.words(act, reader))).toList();
        List<String> organizations = organizationChoices(organization);
        if (filter.page() > MAX_PAGE) {
            return Templates.audit(List.of(), query, actions, organizations, query.pageLink(0), "", true)
                    .setLocale(language.locale());
        }
        List<AuditRecord> entries = feed.page(filter, bearer(), reader);
        boolean hasNext = entries.size() > filter.size();
        List<Shown> shown = (hasNext ? entries.subList(0, filter.size()) : entries).stream()
                .map(entry -> new Shown(entry, AuditActs.words(AuditActs.actOf(entry.service(), entry.action()), reader),
                        AuditActs.subject(entry.subjectType(), reader)))
                .toList();
        return Templates.audit(shown, query, actions, organizations,
                filter.page() > 0 ? query.pageLink(filter.page() - 1) : "",
                hasNext ? query.pageLink(filter.page() + 1) : "", false)
                .setLocale(language.locale());
    }

    /**
     * Every entry the filter matches, as CSV: times in UTC and ISO 8601, codes as stored, summaries in the language of
     * the request, cells safe to open in a spreadsheet.
     */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response auditCsv(@QueryParam("organization") String organization, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditFilter filter = AuditFilter.of(organization, action, from, to, 0, AuditFilter.DEFAULT_SIZE);
        String reader = language.code();
        Iterator<AuditRecord> entries = feed.entries(filter, bearer(), reader);
        // Asked before the download starts, so a service that does not answer is a 503 page, not a cut-off file.
        entries.hasNext();
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                csv.printRecord(CSV_HEADER);
                int rows = 0;
                while (entries.hasNext()) {
                    if (rows++ == MAX_CSV_ROWS) {
                        csv.printRecord(CsvCells.record("", "", "", "", "", "", "", "",
                                AuditActs.tooManyForCsv(MAX_CSV_ROWS, reader)));
                        break;
                    }
                    AuditRecord entry = entries.next();
                    csv.printRecord(CsvCells.record(
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.at().withOffsetSameInstant(ZoneOffset.UTC)),
                            entry.service(), entry.organization(), entry.actorName(), entry.actor(), entry.action(),
                            entry.subjectType(), entry.subjectId(), entry.summary()));
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"beacon-audit.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The organizations to filter by, from Keycloak; the one asked for stays among them (an organization since
     * removed still has entries). Empty when Keycloak does not answer: the log is still read, filtered by the name
     * typed instead.
     */
    private List<String> organizationChoices(String asked) {
        List<String> names;
        try {
            names = new ArrayList<>(directory.organizationNames());
        } catch (DirectoryUnavailable e) {
            return List.of();
        }
        if (asked != null && !asked.isBlank() && !names.contains(asked.strip())) {
            names.add(0, asked.strip());
        }
        return names;
    }

    /** The admin's own access token: each service decides for itself whether they may read its entries. */
    private String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw ProblemException.forbidden(Reason.of("admin.no-token"));
        }
        return token.getToken();
    }
}
