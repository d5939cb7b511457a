package com.parkingspots.identity.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.parkingspots.shared.db.Housekeeping;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Identity's rows that outlive their use: refresh tokens and emailed tokens, deleted a day after they stopped working
 * (docs/decisions/0003). A retired refresh token is kept until it expires: presented again, it is how reuse is detected
 * (and its family revoked); after its expiry its signature check refuses it anyway.
 */
@Configuration(proxyBeanMethods = false)
class IdentityHousekeeping {

    static final String TASK = "identity-housekeeping";

    static final List<Housekeeping.Purge> PURGES = List.of(
            new Housekeeping.Purge(
                    "refresh_tokens",
                    "refresh_tokens",
                    "expires_at < now() - interval '1 day'",
                    "expires_at < now() OR revoked_at IS NOT NULL"),
            emailTokens("email_verification_tokens", EmailTokens.Purpose.VERIFY_EMAIL),
            emailTokens("password_reset_tokens", EmailTokens.Purpose.RESET_PASSWORD));

    private static Housekeeping.Purge emailTokens(String kind, EmailTokens.Purpose purpose) {
        String of = "purpose = '" + purpose.value + "' AND ";
        return new Housekeeping.Purge(
                kind,
                "email_tokens",
                of + "(expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day')",
                of + "(expires_at < now() OR used_at IS NOT NULL)");
    }

    @Bean
    RecurringTask<Void> identityHousekeepingTask(Housekeeping housekeeping) {
        return housekeeping.task(TASK, Duration.ofHours(1), PURGES);
    }
}
