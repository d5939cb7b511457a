package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.parkingspots.shared.db.Housekeeping;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity housekeeping task, run by the real scheduler on the embedded PostgreSQL: refresh and emailed tokens are
 * deleted a day after they stopped working; live ones, and retired refresh tokens that have not expired (reuse
 * detection needs them), stay.
 */
class IdentityHousekeepingTests extends ApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    MeterRegistry meters;

    private UUID refreshToken(UUID user, String expiresIn, String revokedAgo) {
        UUID jti = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO refresh_tokens (jti, user_id, family_id, issued_at, expires_at, revoked_at)
                        VALUES (?, ?, ?, now() - interval '8 days', now() + CAST(? AS interval),
                                now() - CAST(? AS interval))""")
                .params(jti, user, UUID.randomUUID(), expiresIn, revokedAgo)
                .update();
        return jti;
    }

    private byte[] emailToken(UUID user, String purpose, String expiresIn, String usedAgo) {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        jdbc.sql("""
                        INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at)
                        VALUES (?, ?, ?, now() - interval '3 days', now() + CAST(? AS interval),
                                now() - CAST(? AS interval))""").params(hash, user, purpose, expiresIn, usedAgo).update();
        return hash;
    }

    private boolean refreshTokenExists(UUID jti) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE jti = ?")
                        .param(jti)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private boolean emailTokenExists(byte[] hash) {
        return jdbc.sql("SELECT count(*) FROM email_tokens WHERE token_hash = ?")
                        .param(hash)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private double pending(String kind) {
        return meters.get(Housekeeping.PENDING_GAUGE).tag("kind", kind).gauge().value();
    }

    @Test
    void tokensPastTheirLifetimeAndMarginAreDeletedAndTheRestKept() throws InterruptedException {
        UUID user = api.signUp("renter").id();
        UUID expiredLongAgo = refreshToken(user, "-2 days", null);
        UUID retiredAndExpired = refreshToken(user, "-26 hours", "3 days");
        UUID retiredButUnexpired = refreshToken(user, "3 days", "1 day");
        UUID justExpired = refreshToken(user, "-1 hour", null);
        UUID live = refreshToken(user, "6 days", null);

        byte[] usedLongAgo = emailToken(user, "verify_email", "1 day", "2 days");
        byte[] verifyExpired = emailToken(user, "verify_email", "-2 days", null);
        byte[] justUsed = emailToken(user, "verify_email", "1 day", "1 hour");
        byte[] verifyLive = emailToken(user, "verify_email", "1 day", null);
        byte[] resetExpired = emailToken(user, "reset_password", "-25 hours", null);
        byte[] resetJustExpired = emailToken(user, "reset_password", "-1 minute", null);
        byte[] resetLive = emailToken(user, "reset_password", "1 hour", null);

        Jobs.runNow(scheduler, jdbc, IdentityHousekeeping.TASK, () -> !refreshTokenExists(expiredLongAgo));

        assertThat(refreshTokenExists(retiredAndExpired)).isFalse();
        assertThat(refreshTokenExists(retiredButUnexpired)).isTrue();
        assertThat(refreshTokenExists(justExpired)).isTrue();
        assertThat(refreshTokenExists(live)).isTrue();
        assertThat(emailTokenExists(usedLongAgo)).isFalse();
        assertThat(emailTokenExists(verifyExpired)).isFalse();
        assertThat(emailTokenExists(justUsed)).isTrue();
        assertThat(emailTokenExists(verifyLive)).isTrue();
        assertThat(emailTokenExists(resetExpired)).isFalse();
        assertThat(emailTokenExists(resetJustExpired)).isTrue();
        assertThat(emailTokenExists(resetLive)).isTrue();

        // waiting: dead but within their margin (the retired one until it expires)
        assertThat(pending("refresh_tokens")).isGreaterThanOrEqualTo(2);
        assertThat(pending("email_verification_tokens")).isGreaterThanOrEqualTo(1);
        assertThat(pending("password_reset_tokens")).isGreaterThanOrEqualTo(1);
        assertThat(meters.get(Housekeeping.PURGED_COUNTER)
                        .tag("kind", "refresh_tokens")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRetiredRefreshTokenKeptUntilItExpiresStillRevealsReuse() throws InterruptedException {
        var session = api.signUp("renter");
        var rotated = http.post("/api/v1/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(session.refreshToken()));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newer = rotated.json().get("refresh_token").asString();
        UUID probe = refreshToken(session.id(), "-2 days", null);

        Jobs.runNow(scheduler, jdbc, IdentityHousekeeping.TASK, () -> !refreshTokenExists(probe));

        var reused = http.post("/api/v1/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(session.refreshToken()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(http.post("/api/v1/auth/refresh", "{\"refresh_token\":\"%s\"}".formatted(newer))
                        .status())
                .as("the family was revoked when the retired token came back")
                .isEqualTo(401);
    }
}
