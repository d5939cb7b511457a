package com.parkingspots.notifications.internal;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import com.parkingspots.shared.config.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Web Push through {@code com.interaso:webpush}: the payload encrypted with aes128gcm for the subscription's keys
 * (RFC 8291), a VAPID JWT signed with our key (RFC 8292), POSTed to the subscription's endpoint (RFC 8030) with the
 * JDK's HTTP client. Keys come from {@code VAPID_PUBLIC_KEY}/{@code VAPID_PRIVATE_KEY}; without them a pair is generated
 * once into the data directory ({@code vapid-keys}), so subscriptions survive restarts.
 */
@Component
class WebPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);
    private static final int TTL_SECONDS = 24 * 3600;

    private final WebPush webPush;
    private final String publicKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebPushSender(NotificationProperties properties, PlatformProperties platform) {
        VapidKeys keys;
        if (properties.vapidPublicKey() != null && properties.vapidPrivateKey() != null) {
            keys = VapidKeys.fromUncompressedBytes(properties.vapidPublicKey(), properties.vapidPrivateKey());
        } else {
            Path file = platform.dataDir().resolve("vapid-keys").toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys = VapidKeys.load(file, true);
            log.info("VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not set: Web Push uses the key pair in {}", file);
        }
        this.webPush = new WebPush(properties.vapidSubject(), keys);
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getApplicationServerKey());
    }

    @Override
    public String publicKey() {
        return publicKey;
    }

    @Override
    public int send(PushSubscriptions.Subscription subscription, String payload) {
        byte[] body = webPush.getBody(
                payload.getBytes(StandardCharsets.UTF_8),
                Base64.getUrlDecoder().decode(subscription.p256dh()),
                Base64.getUrlDecoder().decode(subscription.auth()));
        Map<String, String> headers =
                webPush.getHeaders(subscription.endpoint(), TTL_SECONDS, null, WebPush.Urgency.Normal);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.endpoint()))
                .timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!"content-length".equalsIgnoreCase(name)) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
