package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.AccountManagement;
import com.parkingspots.identity.internal.AccountRecovery;
import com.parkingspots.identity.internal.AuthRateLimits;
import com.parkingspots.identity.internal.AuthRateLimits.Action;
import com.parkingspots.identity.internal.ClientAddresses;
import com.parkingspots.identity.internal.Emails;
import com.parkingspots.identity.internal.OAuthSignIn;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.RequestValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md 3.1: register, log in, refresh, log out, verify the email, reset a forgotten password. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    record RegisterRequest(
            @NotNull String email,
            @NotNull String password,
            @NotNull @Size(min = 2, max = 255) String fullName,
            @Size(max = 20) @Nullable String phoneNumber,
            @Nullable String role) {}

    record LoginRequest(@NotNull String email, @NotNull String password) {}

    record RefreshRequest(@NotNull String refreshToken) {}

    record ForgotPasswordRequest(@NotNull String email) {}

    record ResetPasswordRequest(
            @NotNull String token, @NotNull String newPassword) {}

    record VerifyEmailRequest(@NotNull String token) {}

    /** Which external sign-ins are configured, so the web client shows only the buttons that work. */
    record ProvidersResponse(
            @Nullable String googleClientId, @Nullable String facebookAppId) {}

    record TokenResponse(String accessToken, String refreshToken, String tokenType) {
        static TokenResponse of(AccountManagement.TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "bearer");
        }
    }

    private final AccountManagement accounts;
    private final AccountRecovery recovery;
    private final AuthRateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final OAuthSignIn oauth;

    AuthController(
            AccountManagement accounts,
            AccountRecovery recovery,
            AuthRateLimits rateLimits,
            ClientAddresses clientAddresses,
            OAuthSignIn oauth) {
        this.accounts = accounts;
        this.recovery = recovery;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.oauth = oauth;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        rateLimits.check(Action.REGISTER, clientAddresses.of(http), request.email());
        Role role = registrationRole(request.role());
        String phone = request.phoneNumber() == null || request.phoneNumber().isBlank()
                ? null
                : request.phoneNumber().strip();
        return UserResponse.of(accounts.register(request.email(), request.password(), request.fullName(), phone, role));
    }

    @PostMapping(value = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        rateLimits.check(Action.LOGIN, clientAddresses.of(http), request.email());
        return TokenResponse.of(accounts.login(request.email(), request.password()));
    }

    /** The OAuth2 password-flow form ({@code username}, {@code password}) that Swagger UI and scripts send. */
    @PostMapping(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse loginForm(@RequestParam String username, @RequestParam String password, HttpServletRequest http) {
        rateLimits.check(Action.LOGIN, clientAddresses.of(http), username);
        return TokenResponse.of(accounts.login(username, password));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(accounts.refresh(request.refreshToken()));
    }

    /** This device: its refresh token (and the rest of its rotation family) is revoked. */
    @PostMapping("/logout")
    Map<String, String> logout(@Valid @RequestBody RefreshRequest request) {
        accounts.logout(request.refreshToken());
        return Map.of("message", "Successfully logged out");
    }

    /** Every device: all access tokens issued so far are refused at once, all refresh tokens revoked (ADR 3). */
    @PostMapping("/logout-all")
    Map<String, String> logoutAll(Caller caller) {
        accounts.logoutEverywhere(caller.id());
        return Map.of("message", "Successfully logged out everywhere");
    }

    /** The same answer, in the same time, whether or not the account exists (no account enumeration). */
    @PostMapping("/forgot-password")
    Map<String, String> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request, HttpServletRequest http) {
        String email = Emails.normalize(request.email(), List.of("body", "email"));
        rateLimits.check(Action.FORGOT_PASSWORD, clientAddresses.of(http), email);
        recovery.forgotPassword(email);
        return Map.of("message", "If an account exists with that email, a reset link has been sent.");
    }

    @PostMapping("/reset-password")
    Map<String, String> resetPassword(@Valid @RequestBody ResetPasswordRequest request, HttpServletRequest http) {
        rateLimits.check(Action.RESET_PASSWORD, clientAddresses.of(http), null);
        recovery.resetPassword(request.token(), request.newPassword());
        return Map.of("message", "Password has been reset successfully");
    }

    @PostMapping("/verify-email")
    Map<String, String> verifyEmail(@Valid @RequestBody VerifyEmailRequest request, HttpServletRequest http) {
        rateLimits.check(Action.VERIFY_EMAIL, clientAddresses.of(http), null);
        recovery.verifyEmail(request.token());
        return Map.of("message", "Email verified successfully");
    }

    @PostMapping("/resend-verification")
    Map<String, String> resendVerification(Caller caller, HttpServletRequest http) {
        rateLimits.check(
                Action.RESEND_VERIFICATION,
                clientAddresses.of(http),
                caller.id().toString());
        recovery.resendVerification(caller.id());
        return Map.of("message", "Verification email sent");
    }

    @GetMapping("/providers")
    ProvidersResponse providers() {
        return new ProvidersResponse(oauth.googleClientId(), oauth.facebookAppId());
    }

    private static Role registrationRole(@Nullable String role) {
        if (role == null) {
            return Role.RENTER;
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "renter" -> Role.RENTER;
            case "owner" -> Role.OWNER;
            default ->
                throw RequestValidationException.of(
                        "enum", List.of("body", "role"), "Input should be 'renter' or 'owner'");
        };
    }
}
