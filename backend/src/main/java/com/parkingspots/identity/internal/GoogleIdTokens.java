package com.parkingspots.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies Google ID tokens locally: RS256 signature against Google's published keys (JWKS, cached for an hour and
 * fetched again for an unknown key id at most every 30 seconds), issuer, audience = our client id, expiry (60 s skew).
 */
@Component
class GoogleIdTokens {

    static final String PROVIDER = "google";
    private static final Logger log = LoggerFactory.getLogger(GoogleIdTokens.class);
    private static final Set<String> ISSUERS = Set.of("accounts.google.com", "https://accounts.google.com");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration KEYS_TTL = Duration.ofHours(1);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private final IdentityProperties.Google settings;
    private final HttpClient http;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile @Nullable JWKSet keys;
    private volatile Instant fetchedAt = Instant.EPOCH;

    GoogleIdTokens(IdentityProperties properties, Clock clock) {
        this.settings = properties.google();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Nullable
    String clientId() {
        return settings.clientId();
    }

    @Nullable
    String redirectUri() {
        return settings.redirectUri();
    }

    ExternalIdentity verify(String idToken) {
        String clientId = settings.clientId();
        if (clientId == null) {
            throw OAuthFailure.notConfigured("Google");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("malformed token");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid("unexpected signing algorithm");
        }
        RSAKey key = key(jwt.getHeader().getKeyID());
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw invalid("bad signature");
            }
        } catch (JOSEException e) {
            throw invalid("bad signature");
        }
        if (claims.getIssuer() == null || !ISSUERS.contains(claims.getIssuer())) {
            throw invalid("wrong issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw invalid("wrong audience");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(SKEW))) {
            throw invalid("token expired");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().isAfter(now.plus(SKEW))) {
            throw invalid("issued in the future");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw invalid("no subject");
        }
        try {
            return new ExternalIdentity(
                    PROVIDER,
                    subject,
                    claims.getStringClaim("email"),
                    Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")),
                    claims.getStringClaim("name"),
                    claims.getStringClaim("picture"));
        } catch (ParseException e) {
            throw invalid("malformed claims");
        }
    }

    private RSAKey key(@Nullable String keyId) {
        if (keyId == null) {
            throw invalid("no key id");
        }
        JWK key = cached(keyId);
        if (key == null && refetchAllowed()) {
            fetching.lock();
            try {
                key = cached(keyId);
                if (key == null && refetchAllowed()) {
                    fetch();
                    key = cached(keyId);
                }
            } finally {
                fetching.unlock();
            }
        }
        if (!(key instanceof RSAKey rsa)) {
            throw invalid("unknown signing key");
        }
        return rsa;
    }

    private @Nullable JWK cached(String keyId) {
        JWKSet current = keys;
        if (current == null || !clock.instant().isBefore(fetchedAt.plus(KEYS_TTL))) {
            return null;
        }
        return current.getKeyByKeyId(keyId);
    }

    private boolean refetchAllowed() {
        return keys == null
                || !clock.instant().isBefore(fetchedAt.plus(KEYS_TTL))
                || !clock.instant().isBefore(fetchedAt.plus(MIN_REFETCH));
    }

    private void fetch() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(settings.jwksUrl()))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Google JWKS answered {}", response.statusCode());
                throw OAuthFailure.unavailable("Google");
            }
            keys = JWKSet.parse(response.body());
            fetchedAt = clock.instant();
        } catch (IOException | ParseException e) {
            log.warn("Cannot fetch Google's signing keys: {}", e.toString());
            throw OAuthFailure.unavailable("Google");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthFailure.unavailable("Google");
        }
    }

    private static RuntimeException invalid(String reason) {
        return OAuthFailure.invalidToken("Google", reason);
    }
}
