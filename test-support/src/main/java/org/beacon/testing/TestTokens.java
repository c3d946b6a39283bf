package org.beacon.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signed bearer tokens shaped like the ones Keycloak issues for the {@code beacon} realm (realm roles in
 * {@code realm_access.roles}, the organization in {@code org}, the services' audience). The service under test
 * verifies them for real with the matching public key, so audience, issuer, expiry and signature are all checked.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://keycloak.test/realms/beacon";
    public static final String AUDIENCE = "beacon-services";

    private static final KeyPair KEYS = generate();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    @Override
    public void stop() {
    }

    /** The key the test tokens are signed with, for a stand-in sign-in server that publishes it. */
    public static java.security.PublicKey publicKey() {
        return KEYS.getPublic();
    }

    /** A token for a user of an organization with the given realm roles. */
    public static String token(String username, String organization, String... roles) {
        return sign(claims(username, organization, AUDIENCE, roles));
    }

    /** A well-signed token for another audience: a service must refuse it. */
    public static String tokenForAudience(String audience, String username, String organization, String... roles) {
        return sign(claims(username, organization, audience, roles));
    }

    /** A token signed with a key the service does not trust. */
    public static String forgedToken(String username, String organization, String... roles) {
        return sign(claims(username, organization, AUDIENCE, roles), generate());
    }

    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }

    private static JwtClaims claims(String username, String organization, String audience, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(subjectOf(username));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        claims.setClaim("typ", "Bearer");
        claims.setClaim("preferred_username", username);
        claims.setClaim("name", Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Tester");
        if (organization != null) {
            claims.setClaim("org", List.of(organization));
        }
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        return claims;
    }

    private static String sign(JwtClaims claims) {
        return sign(claims, KEYS);
    }

    private static String sign(JwtClaims claims, KeyPair keys) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue("test-key");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
