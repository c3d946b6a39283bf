package org.beacon.campaign.survey;

import static io.restassured.RestAssured.given;
import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.slug;
import static org.beacon.campaign.survey.SurveyFixtures.submit;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.validAnswers;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A public address is served from memory for a moment (SurveyForms), yet a wave closed or a version replaced is
 * never answered as if it were not: here at once, and from another instance at the latest when answers are stored.
 * "Another instance" is a change written to the database without this instance being told, as another replica's is.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class PublishedAddressTests {

    @Inject
    EntityManager entityManager;

    long responses(long surveyId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from survey_response where survey_id = ?1")
                .setParameter(1, surveyId).getSingleResult()).longValue();
    }

    void elsewhere(String sql, long surveyId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql)
                .setParameter(1, surveyId).executeUpdate());
    }

    @Test
    void aWaveClosedHereIsClosedAtOnceEvenRightAfterItsFormWasServed() {
        long id = evaluationSurvey(NATIONAL, "kept_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        given().when().get("/campaigns/public/surveys/" + slug + "/baseline?lang=en&k=" + UUID.randomUUID())
                .then().statusCode(200);
        given().auth().oauth2(SurveyFixtures.manager(NATIONAL))
                .post("/campaigns/api/surveys/" + id + "/waves/baseline/close").then().statusCode(200);

        given().when().get("/campaigns/public/surveys/" + slug + "/baseline?lang=en&k=" + UUID.randomUUID())
                .then().statusCode(410);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(410);
        assertEquals(0, responses(id));

        SurveyFixtures.openWave(NATIONAL, id, Wave.BASELINE);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);
        assertEquals(1, responses(id), "reopened here: answered at once");
    }

    @Test
    void answersToAWaveClosedElsewhereAreNotStoredThoughThisInstanceStillServesItOpen() {
        long id = evaluationSurvey(NATIONAL, "elsewhere_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);

        elsewhere("update survey_wave set status = 'closed', closed_at = now() where survey_id = ?1", id);

        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers())
                .then().statusCode(410)
                .body(containsString("Cette enquête est close"));
        assertEquals(1, responses(id), "only the answer sent while the wave was open");
        given().when().get("/campaigns/public/surveys/" + slug + "/baseline?lang=en&k=" + UUID.randomUUID())
                .then().statusCode(410);
    }

    @Test
    void answersJudgedOnSettingsChangedElsewhereAreJudgedAgainAndStored() {
        long id = evaluationSurvey(NATIONAL, "settings_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);

        elsewhere("update survey set settings_revision = settings_revision + 1, revision = revision + 1"
                + " where id = ?1", id);

        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);
        assertEquals(2, responses(id));
    }
}
