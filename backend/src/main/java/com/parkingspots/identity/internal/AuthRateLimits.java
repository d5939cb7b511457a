package com.parkingspots.identity.internal;

import com.parkingspots.shared.web.ApiException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Abuse limits on the endpoints that guess or send: each action has its own budget per client address and per account
 * (the email it names), {@code AUTH_RATE_LIMIT_PER_MINUTE} attempts a minute each. Over it: 429 with
 * {@code Retry-After}.
 */
@Component
public class AuthRateLimits {

    public enum Action {
        LOGIN,
        REGISTER,
        FORGOT_PASSWORD,
        RESET_PASSWORD,
        VERIFY_EMAIL,
        RESEND_VERIFICATION
    }

    private final RateLimiter limiter;
    private final int perMinute;

    AuthRateLimits(RateLimiter limiter, IdentityProperties properties) {
        this.limiter = limiter;
        this.perMinute = properties.authRateLimitPerMinute();
    }

    /** Counts the attempt; throws 429 when the address or the account is over its limit. */
    public void check(Action action, String clientAddress, @Nullable String account) {
        String prefix = "auth:" + action.name().toLowerCase(Locale.ROOT) + ":";
        RateLimiter.Decision byAddress = limiter.tryAcquire(prefix + "ip:" + clientAddress, perMinute);
        RateLimiter.Decision byAccount = account == null
                ? new RateLimiter.Allowed()
                : limiter.tryAcquire(prefix + "account:" + account.strip().toLowerCase(Locale.ROOT), perMinute);
        Duration wait = Duration.ZERO;
        if (byAddress instanceof RateLimiter.Refused(Duration retryAfter)) {
            wait = retryAfter;
        }
        if (byAccount instanceof RateLimiter.Refused(Duration retryAfter) && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        if (byAddress instanceof RateLimiter.Refused || byAccount instanceof RateLimiter.Refused) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests, try again later",
                    Map.of("Retry-After", String.valueOf(seconds)));
        }
    }
}
