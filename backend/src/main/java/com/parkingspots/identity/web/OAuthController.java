package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.OAuthSignIn;
import com.parkingspots.identity.internal.User;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md 3.2: sign in with Google (ID token) or Facebook (user access token). */
@RestController
@RequestMapping("/api/v1/oauth")
class OAuthController {

    record GoogleRequest(@NotNull String token, @Nullable String role) {}

    record FacebookRequest(
            @NotNull String accessToken, @Nullable String role) {}

    record OAuthUser(
            UUID id,
            String email,
            String fullName,
            String role,
            @Nullable String profileImage,
            boolean isVerified) {}

    record OAuthResponse(String accessToken, String refreshToken, String tokenType, OAuthUser user) {
        static OAuthResponse of(OAuthSignIn.Result result) {
            User user = result.user();
            return new OAuthResponse(
                    result.tokens().accessToken(),
                    result.tokens().refreshToken(),
                    "bearer",
                    new OAuthUser(
                            user.id(),
                            user.email(),
                            user.fullName(),
                            user.role().value(),
                            user.profileImage(),
                            user.verified()));
        }
    }

    record GoogleConfig(@Nullable String clientId, @Nullable String redirectUri) {}

    private final OAuthSignIn oauth;

    OAuthController(OAuthSignIn oauth) {
        this.oauth = oauth;
    }

    @PostMapping("/google")
    OAuthResponse google(@Valid @RequestBody GoogleRequest request) {
        return OAuthResponse.of(oauth.google(request.token(), request.role()));
    }

    @PostMapping("/facebook")
    OAuthResponse facebook(@Valid @RequestBody FacebookRequest request) {
        return OAuthResponse.of(oauth.facebook(request.accessToken(), request.role()));
    }

    @GetMapping("/google/config")
    GoogleConfig googleConfig() {
        return new GoogleConfig(oauth.googleClientId(), oauth.googleRedirectUri());
    }
}
