package com.parkingspots.notifications.web;

import com.parkingspots.notifications.internal.Channel;
import com.parkingspots.notifications.internal.Kind;
import com.parkingspots.notifications.internal.Preferences;
import com.parkingspots.notifications.internal.UnsubscribeTokens;
import com.parkingspots.shared.web.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of every email, without signing in: the signed token says whose emails of which kind. {@code GET}
 * (the link opened in a browser) shows a page with one button, because mail scanners open links too; {@code POST}
 * (that button, or a mail client's one-click unsubscribe, RFC 8058) turns the emails off.
 */
@RestController
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final Preferences preferences;

    UnsubscribeController(UnsubscribeTokens tokens, Preferences preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GetMapping(value = "/api/v1/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) @Nullable String token) {
        UnsubscribeTokens.Request request = tokens.verify(token).orElseThrow(UnsubscribeController::invalid);
        String what = request.kind() == null ? "all emails" : "emails about " + describe(request.kind());
        String action = "/api/v1/notifications/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("""
                        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>Unsubscribe – ParkingSpots</title></head>
                        <body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
                        <h1>Unsubscribe</h1><p>Stop %s from ParkingSpots?</p>
                        <form method="post" action="%s"><button type="submit">Unsubscribe</button></form>
                        <p>You can turn them on again in your profile.</p></body></html>
                        """.formatted(
                        HtmlUtils.htmlEscape(what), HtmlUtils.htmlEscape(action)));
    }

    @PostMapping("/api/v1/notifications/unsubscribe")
    Map<String, Object> unsubscribe(@RequestParam(required = false) @Nullable String token) {
        UnsubscribeTokens.Request request = tokens.verify(token).orElseThrow(UnsubscribeController::invalid);
        if (request.kind() == null) {
            for (Kind kind : Kind.values()) {
                if (kind.configurable()) {
                    preferences.set(request.userId(), kind, Channel.EMAIL, false);
                }
            }
        } else {
            preferences.set(request.userId(), request.kind(), Channel.EMAIL, false);
        }
        return Map.of(
                "message",
                "You are unsubscribed",
                "kind",
                request.kind() == null ? "all" : request.kind().value());
    }

    private static String describe(Kind kind) {
        return kind.value().replace('_', ' ');
    }

    private static ApiException invalid() {
        return ApiException.badRequest("Invalid or expired token");
    }
}
