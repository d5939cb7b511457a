package com.parkingspots.identity.web;

import com.parkingspots.identity.internal.AccountManagement;
import com.parkingspots.shared.security.Role;
import com.parkingspots.shared.web.RequestValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md 3.1: register, log in, refresh, log out. */
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

    record TokenResponse(String accessToken, String refreshToken, String tokenType) {
        static TokenResponse of(AccountManagement.TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "bearer");
        }
    }

    private final AccountManagement accounts;

    AuthController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse register(@Valid @RequestBody RegisterRequest request) {
        Role role = registrationRole(request.role());
        String phone = request.phoneNumber() == null || request.phoneNumber().isBlank()
                ? null
                : request.phoneNumber().strip();
        return UserResponse.of(accounts.register(request.email(), request.password(), request.fullName(), phone, role));
    }

    @PostMapping(value = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return TokenResponse.of(accounts.login(request.email(), request.password()));
    }

    /** The OAuth2 password-flow form ({@code username}, {@code password}) that Swagger UI and scripts send. */
    @PostMapping(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse loginForm(@RequestParam String username, @RequestParam String password) {
        return TokenResponse.of(accounts.login(username, password));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(accounts.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    Map<String, String> logout(@Valid @RequestBody RefreshRequest request) {
        accounts.logout(request.refreshToken());
        return Map.of("message", "Successfully logged out");
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
