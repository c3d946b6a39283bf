package org.beacon.campaign.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.beacon.campaign.survey.Wave;

/**
 * A collection link: what a field team's phone carries instead of an account. The token itself is shown once, when
 * the link is made; only its hash is stored, so neither the database nor its backups can be used to submit.
 */
@Entity
@Table(name = "collection_link")
public class CollectionLink extends PanacheEntityBase {

    /** 32 random bytes: far beyond guessing, and 43 characters of URL-safe base64 that fit in a QR code. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "survey_id")
    public Long surveyId;
    public String wave;
    public String name;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Wave waveOf() {
        return Wave.parse(wave);
    }

    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The link a token belongs to, revoked or not; empty for a token that was never issued. */
    public static Optional<CollectionLink> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return find("tokenHash", hash(token)).firstResultOptional();
    }

    public static List<CollectionLink> ofSurvey(long surveyId) {
        return list("surveyId = ?1 order by createdAt desc, id desc", surveyId);
    }
}
