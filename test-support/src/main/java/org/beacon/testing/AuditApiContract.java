package org.beacon.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * What the admins' audit page relies on in each service's audit API (issue 14): only admins read it, and the
 * service itself filters by organization, action and a range of UTC days, newest first, a page at a time; a filter
 * it cannot read is a 400 that says why. Each service's test class extends this and writes entries its own way.
 */
public abstract class AuditApiContract {

    /** The service's audit API, {@code /training/api/audit}. */
    protected abstract String api();

    /** Writes an entry at a given moment, as the service's own audit log would. */
    protected abstract void recordAt(String organization, String action, OffsetDateTime at, String summary);

    private static String admin() {
        return TestTokens.token("audit-admin", "national-coordination", "admin");
    }

    private ValidatableResponse read(String query) {
        return given().auth().oauth2(admin()).when().get(api() + query).then();
    }

    private List<String> summaries(String query) {
        return read(query).statusCode(200).extract().jsonPath().getList("summary", String.class);
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        for (String role : List.of("trainee", "trainer", "author", "campaign-manager", "evaluator")) {
            given().auth().oauth2(TestTokens.token("not-admin", "police-academy", role))
                    .when().get(api()).then().statusCode(403);
        }
        given().when().get(api()).then().statusCode(401);
    }

    @Test
    void entriesAreFilteredByOrganizationActionAndDaysNewestFirst() {
        String organization = "org-" + System.nanoTime();
        recordAt(organization, "publish", OffsetDateTime.parse("2026-03-01T00:00:00Z"), "first day, at midnight");
        recordAt(organization, "approve", OffsetDateTime.parse("2026-03-10T12:00:00+02:00"), "mid month");
        recordAt(organization, "publish", OffsetDateTime.parse("2026-03-15T23:59:00Z"), "last day, late");
        recordAt(organization, "publish", OffsetDateTime.parse("2026-03-16T00:00:00Z"), "the day after");
        recordAt("another-" + organization, "publish", OffsetDateTime.parse("2026-03-05T00:00:00Z"), "elsewhere");

        assertEquals(List.of("the day after", "last day, late", "mid month", "first day, at midnight"),
                summaries("?organization=" + organization));
        assertEquals(List.of("last day, late", "mid month", "first day, at midnight"),
                summaries("?organization=" + organization + "&from=2026-03-01&to=2026-03-15"));
        assertEquals(List.of("last day, late", "first day, at midnight"),
                summaries("?organization=" + organization + "&action=publish&to=2026-03-15"));
        assertEquals(List.of("mid month"), summaries("?organization=" + organization + "&action=approve"));
        // The codes of one act, as the gateway's admin page asks for them.
        assertEquals(List.of("the day after", "last day, late", "mid month"),
                summaries("?organization=" + organization + "&action=approve,publish&from=2026-03-10&to=2026-03-16"));
        assertEquals(List.of("the day after", "last day, late"),
                summaries("?organization=" + organization + "&size=2"));
        assertEquals(List.of("mid month", "first day, at midnight"),
                summaries("?organization=" + organization + "&size=2&page=1"));
        ValidatableResponse approval = read("?organization=" + organization + "&action=approve")
                .body("[0].organization", equalTo(organization)).body("[0].action", equalTo("approve"));
        assertEquals(OffsetDateTime.parse("2026-03-10T10:00:00Z").toInstant(),
                OffsetDateTime.parse(approval.extract().jsonPath().getString("[0].at")).toInstant());
    }

    @Test
    void aFilterThatCannotBeReadIsRefusedWithItsReason() {
        read("?from=yesterday").statusCode(400).body("detail", containsString("from must be a date"));
        read("?from=2026-03-02&to=2026-03-01").statusCode(400).body("detail", containsString("before it starts"));
        read("?size=100000").statusCode(400).body("detail", containsString("size"));
        read("?page=500000000").statusCode(400);
        read("?organization=" + "x".repeat(101)).statusCode(400);
    }
}
