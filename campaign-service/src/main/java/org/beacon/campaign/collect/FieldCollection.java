package org.beacon.campaign.collect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.campaign.survey.AnswerSheet;
import org.beacon.campaign.survey.ResponseStore;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyForms;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.SurveysConfig;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.web.Reason;

/**
 * What a collection link may do: list its wave's form, download it, and submit filled forms, which are checked by
 * the same rules as the public web form (AnswerSheet, ODK's engine) and stored once per instanceID.
 */
@ApplicationScoped
public class FieldCollection {

    /** A link as a request presents it: the link, its survey as answering sees it, and whether its wave takes answers. */
    public record Collector(CollectionLink link, SurveyForm form, Wave wave, boolean accepting) {
    }

    /** What became of a submission: 201 stored, or 202 when that instanceID was stored before. */
    public record Received(boolean stored, String instanceId) {
    }

    /**
     * A refusal of the OpenRosa API, with its reason: ODK Collect shows its message in the phone's language
     * ({@code Accept-Language}), the log keeps the English.
     */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final transient Reason reason;

        public Refusal(int status, Reason reason) {
            super(reason.english());
            this.status = status;
            this.reason = reason;
        }

        public int status() {
            return status;
        }

        public Reason reason() {
            return reason;
        }
    }

    static final Reason NOT_VALID = Reason.of("collect.link-not-valid");

    private final Map<Long, ServedXForm> served = new ConcurrentHashMap<>();

    @Inject
    SurveyForms forms;

    @Inject
    ResponseStore responses;

    @Inject
    CollectQueries queries;

    @Inject
    SurveysConfig surveysConfig;

    /**
     * The link a token belongs to; 403 for a token never issued or revoked, alike, so that nothing tells a guesser
     * which tokens existed.
     */
    @Transactional
    public Collector collector(String token) {
        CollectionLink link = CollectionLink.byToken(token).orElse(null);
        if (link == null || link.isRevoked()) {
            throw new Refusal(403, NOT_VALID);
        }
        Wave wave = link.waveOf();
        SurveyForm form = forms.byId(link.surveyId).orElseThrow(() -> new Refusal(403, NOT_VALID));
        return new Collector(link, form, wave, CollectionLinks.accepts(link.surveyId, wave));
    }

    /** The XForm served for the survey's current revision, built once per revision. */
    public ServedXForm xform(SurveyForm form) {
        ServedXForm cached = served.get(form.id());
        if (cached != null && cached.version().startsWith(form.revision() + "-")) {
            return cached;
        }
        ServedXForm fresh = ServedXForm.of(form.slug(), form.revision(), form.xform());
        served.put(form.id(), fresh);
        return fresh;
    }

    /**
     * Reads and stores one filled form. A form already stored is acknowledged again (202) before anything else is
     * checked, so that a phone that lost the first answer, even after the wave closed, stops resending it.
     *
     * @param language the phone's language (Accept-Language); the XForm does not say which translation was shown
     */
    @Transactional
    public Received receive(String token, byte[] xml, String language) {
        Collector collector = collector(token);
        SurveyForm form = collector.form();
        Submission submission;
        try {
            submission = Submission.read(xml, xform(form));
        } catch (Submission.Refused e) {
            throw new Refusal(e.status(), e.reason());
        }
        if (queries.isStored(form.id(), submission.key())) {
            return new Received(false, submission.instanceId());
        }
        if (!collector.accepting()) {
            throw new Refusal(409, Reason.of("collect.wave-closed", collector.wave().id()));
        }
        String shown = form.language(language);
        Map<String, SurveyForm.Question> byField = form.questions().stream()
                .collect(Collectors.toMap(SurveyForm.Question::field, q -> q, (a, b) -> a));
        AnswerSheet.Outcome outcome = AnswerSheet.read(form, field -> values(submission, byField.get(field), field),
                shown, surveysConfig.maxTextLength());
        if (!outcome.isValid()) {
            // Each problem a reason of its own, said in the phone's language; the form's own messages (a
            // constraint_message) are in the form's language already and stay as written.
            List<Reason> problems = outcome.problems().entrySet().stream()
                    .map(e -> Reason.of("collect.answer-problem", e.getKey(), form.questionOfField(e.getKey())
                            .map(e.getValue()::reason).orElse(e.getValue().reason())))
                    .toList();
            throw new Refusal(400, Reason.of("collect.form-breaks-rules", ListedRefusal.joined(problems)));
        }
        boolean stored = responses.store(form, collector.wave(), shown, ResponseStore.COLLECT, collector.link().id,
                submission.key(), outcome.answers());
        return new Received(stored, submission.instanceId());
    }

    /** A select_multiple answer is its choices separated by spaces (XForms), every other answer one value. */
    private static List<String> values(Submission submission, SurveyForm.Question question, String field) {
        String value = submission.values().get(field);
        if (value == null) {
            return List.of();
        }
        if (question != null && question.kind().equals(SurveyQuestion.MULTIPLE)) {
            return List.of(value.strip().split("\\s+"));
        }
        return List.of(value);
    }
}
