package org.beacon.campaign.survey;

import static org.beacon.campaign.survey.SurveyFixtures.NATIONAL;
import static org.beacon.campaign.survey.SurveyFixtures.evaluationSurvey;
import static org.beacon.campaign.survey.SurveyFixtures.slug;
import static org.beacon.campaign.survey.SurveyFixtures.submit;
import static org.beacon.campaign.survey.SurveyFixtures.unique;
import static org.beacon.campaign.survey.SurveyFixtures.validAnswers;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TinySubmissionAllowance.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class SubmissionRateTests {

    @Inject
    EntityManager entityManager;

    @Test
    void overTheSurveysAllowanceTheFormComesBackWith429AndNothingIsStored() {
        long id = evaluationSurvey(NATIONAL, "rate_" + unique("f").replace('-', '_'), Wave.BASELINE);
        String slug = slug(id);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);
        submit(slug, Wave.BASELINE, UUID.randomUUID().toString(), validAnswers())
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("Beaucoup de personnes répondent en ce moment."))
                .body(containsString("value=\"age_15_24\" checked"));
        assertEquals(2L, ((Number) entityManager.createNativeQuery(
                "select count(*) from survey_response where survey_id = ?1").setParameter(1, id).getSingleResult())
                .longValue());

        long other = evaluationSurvey(NATIONAL, "rate2_" + unique("f").replace('-', '_'), Wave.BASELINE);
        submit(slug(other), Wave.BASELINE, UUID.randomUUID().toString(), validAnswers()).then().statusCode(303);
    }
}
