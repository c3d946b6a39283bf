package org.beacon.campaign.collect;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.survey.Survey;
import org.beacon.campaign.survey.SurveyService;
import org.beacon.campaign.survey.SurveyWave;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Collection links and late submissions: made, revoked and changed only by the managers of the survey's campaign's
 * organization (SurveyService's rules), every change in the audit log.
 */
@ApplicationScoped
public class CollectionLinks {

    public static final String AUDIT_SUBJECT = "collection-link";
    public static final int MAX_LATE_DAYS = 90;

    /** Names say which team holds a link; an e-mail address or a phone number would say who. */
    private static final Pattern PERSONAL = Pattern.compile(".*(@|\\d[\\d\\s().-]{6,}\\d).*");

    /** A link just made, with its token: the only time the token exists outside the phone it is given to. */
    public record Issued(CollectionLink link, String token) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Transactional
    public Issued create(long surveyId, Wave wave, String name) {
        Survey survey = surveys.find(surveyId);
        String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (cleaned.isEmpty() || cleaned.length() > 80 || UntrustedText.containsNul(cleaned)) {
            throw ProblemException.invalid(Reason.of("link.name-length"),
                    List.of("name: 1 to 80 characters, e.g. 'Team Dakar North'"));
        }
        if (PERSONAL.matcher(cleaned).matches()) {
            throw ProblemException.invalid(Reason.of("link.name-personal"), List.of("name: no e-mail address or phone number"));
        }
        String token = CollectionLink.newToken();
        CollectionLink link = new CollectionLink();
        link.surveyId = surveyId;
        link.wave = wave.id();
        link.name = cleaned;
        link.tokenHash = CollectionLink.hash(token);
        link.createdBy = user.subject();
        link.persist();
        audit.record("collect-link-create", AUDIT_SUBJECT, link.id, organization(survey),
                AuditSummary.of("collect.link-created", String.valueOf(link.id), cleaned,
                        AuditSummary.word("wave." + wave.id()), survey.slug));
        return new Issued(link, token);
    }

    /** Revokes a link at once: its next request, even one already under way on a phone, is refused. */
    @Transactional
    public CollectionLink revoke(long surveyId, long linkId) {
        Survey survey = surveys.find(surveyId);
        CollectionLink link = CollectionLink.findById(linkId);
        if (link == null || !link.surveyId.equals(surveyId)) {
            throw ProblemException.notFound(Reason.of("link.not-found", String.valueOf(linkId)));
        }
        if (!link.isRevoked()) {
            link.revokedAt = OffsetDateTime.now();
            link.revokedBy = user.subject();
            audit.record("collect-link-revoke", AUDIT_SUBJECT, link.id, organization(survey),
                    AuditSummary.of("collect.link-revoked", String.valueOf(link.id), link.name,
                            AuditSummary.word("wave." + link.wave), survey.slug));
        }
        return link;
    }

    /**
     * Lets a wave take submissions from collection links until {@code days} days from now, even once it is closed;
     * 0 ends such a window at once.
     */
    @Transactional
    public LateWindow allowLate(long surveyId, Wave wave, int days) {
        Survey survey = surveys.find(surveyId);
        if (days < 0 || days > MAX_LATE_DAYS) {
            throw ProblemException.invalid(Reason.of("link.late-days", MAX_LATE_DAYS),
                    List.of("days: 0 to " + MAX_LATE_DAYS));
        }
        LateWindow window = LateWindow.of(surveyId, wave).orElseGet(() -> {
            LateWindow fresh = new LateWindow();
            fresh.surveyId = surveyId;
            fresh.wave = wave.id();
            return fresh;
        });
        OffsetDateTime now = OffsetDateTime.now();
        window.acceptUntil = now.plusDays(days);
        window.allowedBy = user.subject();
        window.allowedAt = now;
        window.persist();
        audit.record("collect-late-allow", SurveyService.AUDIT_SUBJECT, surveyId, organization(survey),
                days == 0 ? AuditSummary.of("collect.late-ended", AuditSummary.word("wave." + wave.id()), survey.slug)
                        : AuditSummary.of("collect.late-allowed", AuditSummary.word("wave." + wave.id()), survey.slug,
                                window.acceptUntil.toLocalDate()));
        return window;
    }

    public List<CollectionLink> links(long surveyId) {
        surveys.find(surveyId);
        return CollectionLink.ofSurvey(surveyId);
    }

    /**
     * Whether a wave takes submissions from collection links now: while it is open, or closed with a late window
     * that has not ended.
     */
    public static boolean accepts(long surveyId, Wave wave) {
        Optional<SurveyWave> state = SurveyWave.of(surveyId, wave);
        if (state.isPresent() && state.get().isOpen()) {
            return true;
        }
        return state.isPresent() && LateWindow.of(surveyId, wave).map(w -> w.isOpenAt(OffsetDateTime.now()))
                .orElse(false);
    }

    private static String organization(Survey survey) {
        return Campaign.<Campaign>findById(survey.campaignId).organization;
    }
}
