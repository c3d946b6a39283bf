package org.beacon.commons.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.commons.web.Paging;
import org.beacon.commons.web.ProblemException;

/**
 * Which audit entries an admin asks for: an organization, an action (or several stored codes of one act, separated
 * by commas: the admin page names an act once across both services, each service stores its own codes), a range of days (UTC, the services' clock, both
 * ends included), and a page. Both services read their own {@code audit_entry} with it, so the admin page that merges
 * them filters each the same way. Anything unreadable is a 400 that names the parameter, never an empty result.
 */
public record AuditFilter(String organization, String action, LocalDate from, LocalDate to, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    /** The largest page a caller may ask for: the admin page reads a few of these to merge two services. */
    public static final int MAX_SIZE = 500;
    private static final int MAX_TEXT = 100;
    /** Room for the codes of one act, comma-separated. */
    private static final int MAX_ACTIONS = 400;

    /** The query string as received ({@code null} for an absent parameter). */
    public static AuditFilter of(String organization, String action, String from, String to, Integer page,
            Integer size) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.badRequest("The date range ends (to=" + last + ") before it starts (from="
                    + first + ").");
        }
        int rows = size == null ? DEFAULT_SIZE : size;
        if (rows < 1 || rows > MAX_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + MAX_SIZE + ".");
        }
        return new AuditFilter(text("organization", organization, MAX_TEXT), text("action", action, MAX_ACTIONS),
                first, last,
                Paging.page(page == null ? 0 : page), rows);
    }

    /** The JPQL condition on an entity with {@code organization}, {@code action} and {@code at}, newest first. */
    public String query() {
        List<String> conditions = new ArrayList<>();
        parameters().keySet().forEach(name -> conditions.add(switch (name) {
            case "organization" -> "organization = :organization";
            case "action" -> "action in :action";
            case "from" -> "at >= :from";
            default -> "at < :to";
        }));
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        return where + "order by at desc, id desc";
    }

    /** The values of {@link #query()}'s named parameters. */
    public Map<String, Object> parameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        if (organization != null) {
            values.put("organization", organization);
        }
        if (action != null) {
            values.put("action", Arrays.stream(action.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                    .toList());
        }
        if (from != null) {
            values.put("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            values.put("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return values;
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date written as 2026-12-31, not \"" + shortened(value)
                    + "\".");
        }
    }

    private static String text(String name, String value, int limit) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > limit) {
            throw ProblemException.badRequest(name + " is at most " + limit + " characters.");
        }
        return value.strip();
    }

    private static String shortened(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
