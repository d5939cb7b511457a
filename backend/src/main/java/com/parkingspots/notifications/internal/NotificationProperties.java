package com.parkingspots.notifications.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl where people open the web client; links in emails and pushes start with it
 *     ({@code PUBLIC_BASE_URL})
 * @param pollInterval how often a worker looks for due outbox rows and reminders (it is also woken by each commit that
 *     wrote one on its instance)
 * @param maxAttempts delivery attempts of one email or push before it is marked failed
 * @param retryBase the wait after the first failure; it doubles with each further one, up to {@code retryMax}
 * @param retryMax the longest wait between two attempts
 * @param messagesPerMinute messages one user may send a minute ({@code MESSAGE_RATE_LIMIT_PER_MINUTE})
 * @param vapidPublicKey {@code VAPID_PUBLIC_KEY} (base64url, uncompressed P-256 point); unset: generated into the data
 *     directory
 * @param vapidPrivateKey {@code VAPID_PRIVATE_KEY} (base64url, the 32-byte secret)
 * @param vapidSubject {@code VAPID_SUBJECT}, a {@code mailto:} or {@code https:} address push services may write to
 */
@Validated
@ConfigurationProperties("parkingspots.notifications")
public record NotificationProperties(
        @DefaultValue("http://localhost:8000") @NotBlank String publicBaseUrl,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("30m") Duration retryMax,
        @DefaultValue("20") @Min(1) int messagesPerMinute,
        @Nullable String vapidPublicKey,
        @Nullable String vapidPrivateKey,
        @DefaultValue("mailto:admin@parkingspots.local") String vapidSubject) {

    public NotificationProperties {
        publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        vapidPublicKey = vapidPublicKey == null || vapidPublicKey.isBlank() ? null : vapidPublicKey.strip();
        vapidPrivateKey = vapidPrivateKey == null || vapidPrivateKey.isBlank() ? null : vapidPrivateKey.strip();
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = retryBase.multipliedBy(factor);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    @Override
    public String toString() {
        return "NotificationProperties[publicBaseUrl=" + publicBaseUrl + ", pollInterval=" + pollInterval
                + ", maxAttempts=" + maxAttempts + ", vapidPublicKey=" + vapidPublicKey + ", vapidPrivateKey="
                + (vapidPrivateKey == null ? null : "****") + ", vapidSubject=" + vapidSubject + "]";
    }
}
