package com.parkingspots.notifications.web;

import com.parkingspots.notifications.internal.PushSender;
import com.parkingspots.notifications.internal.PushSubscriptions;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push subscriptions of the signed-in user's browsers, in the shape {@code PushSubscription.toJSON()} gives:
 * {@code {endpoint, keys: {p256dh, auth}}}. The VAPID public key is public.
 */
@RestController
class PushSubscriptionsController {

    record Keys(
            @NotBlank @Size(max = 200) String p256dh,
            @NotBlank @Size(max = 100) String auth) {}

    record SubscriptionRequest(
            @NotBlank @Size(max = 2000) String endpoint,
            @NotNull @Valid Keys keys) {}

    private final PushSubscriptions subscriptions;
    private final PushSender sender;
    private final Clock clock;

    PushSubscriptionsController(PushSubscriptions subscriptions, PushSender sender, Clock clock) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.clock = clock;
    }

    @GetMapping("/api/v1/notifications/push/public-key")
    Map<String, String> publicKey() {
        return Map.of("public_key", sender.publicKey());
    }

    @PostMapping("/api/v1/users/me/push-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> subscribe(Caller caller, @Valid @RequestBody SubscriptionRequest request) {
        validate(request);
        UUID id = subscriptions.save(
                caller.id(),
                request.endpoint(),
                request.keys().p256dh(),
                request.keys().auth(),
                clock.instant());
        return Map.of("id", id, "endpoint", request.endpoint());
    }

    @DeleteMapping("/api/v1/users/me/push-subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(Caller caller, @RequestParam String endpoint) {
        if (subscriptions.delete(caller.id(), endpoint) == 0) {
            throw ApiException.notFound("Subscription not found");
        }
    }

    private static void validate(SubscriptionRequest request) {
        URI endpoint;
        try {
            endpoint = URI.create(request.endpoint());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("endpoint must be an http(s) URL");
        }
        if (endpoint.getHost() == null
                || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
            throw ApiException.badRequest("endpoint must be an http(s) URL");
        }
        try {
            byte[] p256dh = Base64.getUrlDecoder().decode(request.keys().p256dh());
            byte[] auth = Base64.getUrlDecoder().decode(request.keys().auth());
            if (p256dh.length != 65 || p256dh[0] != 4 || auth.length != 16) {
                throw ApiException.badRequest("keys must be a P-256 public key (65 bytes) and a 16-byte auth secret");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("keys must be base64url");
        }
    }
}
