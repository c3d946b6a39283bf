package org.beacon.campaign.collect;

import static org.beacon.campaign.collect.OpenRosaResourceTests.download;
import static org.beacon.campaign.collect.OpenRosaResourceTests.filled;
import static org.beacon.campaign.collect.OpenRosaResourceTests.link;
import static org.beacon.campaign.collect.OpenRosaResourceTests.submit;
import static org.beacon.campaign.collect.OpenRosaResourceTests.surveyWithLink;
import static org.beacon.campaign.collect.OpenRosaResourceTests.validAnswers;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.Wave;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(CollectionRateTests.TwoPerLink.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class CollectionRateTests {

    /** Two submissions per link, then one every 1000 seconds: the third of a link is over its allowance. */
    public static class TwoPerLink implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beacon.collect.rate-limit.burst", "2", "beacon.collect.rate-limit.per-second", "0.001");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void overItsAllowanceALinkGets429WithAnOpenRosaMessageAndNothingIsStoredWhileOtherTeamsGoOn() {
        Object[] setup = surveyWithLink(NATIONAL, Wave.BASELINE);
        long survey = (Long) setup[0];
        String token = (String) setup[1];
        byte[] xform = download(token);
        submit(token, filled(xform, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(201);
        submit(token, filled(xform, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(201);

        submit(token, filled(xform, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(429)
                .header("X-OpenRosa-Version", "1.0")
                .header("Retry-After", equalTo("1000"))
                .body(containsString("OpenRosaResponse"))
                .body(containsString("send it again in a few minutes"));
        assertEquals(2L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_response where survey_id = ?1").setParameter(1, survey)
                .getSingleResult()).longValue(), "the refused form is not stored");

        String otherTeam = link(NATIONAL, survey, Wave.BASELINE, "Team Thiès").extract().path("token");
        submit(otherTeam, filled(xform, "uuid:" + UUID.randomUUID(), validAnswers())).then().statusCode(201);
    }
}
