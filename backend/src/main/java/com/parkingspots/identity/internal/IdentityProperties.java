package com.parkingspots.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param accessTokenExpireMinutes {@code ACCESS_TOKEN_EXPIRE_MINUTES}
 * @param refreshTokenExpireDays {@code REFRESH_TOKEN_EXPIRE_DAYS}
 * @param bcryptCost work factor of the bcrypt encoder; new hashes are Argon2id ({@link PasswordProperties}), bcrypt
 *     hashes of any cost are only verified and upgraded
 * @param publicBaseUrl where people open the web client; emailed links start with it ({@code PUBLIC_BASE_URL})
 * @param passwordResetTokenMinutes how long a reset link works
 * @param verificationTokenHours how long an email verification link works
 * @param authRateLimitPerMinute attempts per client address and per account on login, register, forgot and reset
 *     password, verify email ({@code AUTH_RATE_LIMIT_PER_MINUTE})
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed; empty:
 *     the socket's address is the client's ({@code TRUSTED_PROXIES})
 * @param accountCacheTtl how long an instance may answer from memory what a user's tokens grant (role, active, token
 *     epoch) before reading the row again; changes reach every instance sooner by a cluster message, so this bounds
 *     only how long a lost message can keep a revoked token working ({@code AUTH_CACHE_TTL}, 0 to 10 minutes)
 * @param adminEmail the account made admin at start-up ({@code ADMIN_EMAIL})
 * @param adminPassword its password when it has to be created ({@code ADMIN_PASSWORD})
 */
@Validated
@ConfigurationProperties("parkingspots.identity")
public record IdentityProperties(
        @DefaultValue("30") @Min(1) @Max(1440) int accessTokenExpireMinutes,
        @DefaultValue("7") @Min(1) @Max(365) int refreshTokenExpireDays,
        @DefaultValue("12") @Min(4) @Max(31) int bcryptCost,
        @DefaultValue("http://localhost:8000") @NotBlank String publicBaseUrl,
        @DefaultValue("30") @Min(1) @Max(1440) int passwordResetTokenMinutes,
        @DefaultValue("48") @Min(1) @Max(720) int verificationTokenHours,
        @DefaultValue("5") @Min(1) int authRateLimitPerMinute,
        @DefaultValue("") String trustedProxies,
        @DefaultValue("30s") Duration accountCacheTtl,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue @Valid Mail mail,
        @DefaultValue @Valid Google google,
        @DefaultValue @Valid Facebook facebook) {

    /**
     * @param smtpHost {@code SMTP_HOST}; empty: emails are written to the log instead of sent
     * @param smtpPort {@code SMTP_PORT}
     * @param smtpUsername {@code SMTP_USERNAME}
     * @param smtpPassword {@code SMTP_PASSWORD}
     * @param smtpStarttls {@code SMTP_STARTTLS}: require STARTTLS
     * @param from {@code MAIL_FROM}
     */
    public record Mail(
            @Nullable String smtpHost,
            @DefaultValue("587") @Min(1) @Max(65535) int smtpPort,
            @Nullable String smtpUsername,
            @Nullable String smtpPassword,
            @DefaultValue("true") boolean smtpStarttls,

            @DefaultValue("ParkingSpots <no-reply@parkingspots.local>") @NotBlank
            String from) {

        public Mail {
            smtpHost = blankToNull(smtpHost);
            smtpUsername = blankToNull(smtpUsername);
            smtpPassword = blankToNull(smtpPassword);
        }

        public boolean smtpConfigured() {
            return smtpHost != null;
        }

        @Override
        public String toString() {
            return "Mail[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", smtpUsername=" + smtpUsername
                    + ", smtpPassword=" + mask(smtpPassword) + ", smtpStarttls=" + smtpStarttls + ", from=" + from
                    + "]";
        }
    }

    /**
     * @param clientId {@code GOOGLE_CLIENT_ID}; empty: Google sign-in is off
     * @param redirectUri {@code GOOGLE_REDIRECT_URI}
     * @param jwksUrl {@code GOOGLE_JWKS_URL}
     */
    public record Google(
            @Nullable String clientId,
            @Nullable String redirectUri,

            @DefaultValue("https://www.googleapis.com/oauth2/v3/certs") @NotBlank
            String jwksUrl) {

        public Google {
            clientId = blankToNull(clientId);
            redirectUri = blankToNull(redirectUri);
        }
    }

    /**
     * @param appId {@code FACEBOOK_APP_ID}; empty: Facebook sign-in is off
     * @param appSecret {@code FACEBOOK_APP_SECRET}
     * @param graphUrl {@code FACEBOOK_GRAPH_URL}
     */
    public record Facebook(
            @Nullable String appId,
            @Nullable String appSecret,

            @DefaultValue("https://graph.facebook.com") @NotBlank
            String graphUrl) {

        public Facebook {
            appId = blankToNull(appId);
            appSecret = blankToNull(appSecret);
        }

        public boolean configured() {
            return appId != null && appSecret != null;
        }

        @Override
        public String toString() {
            return "Facebook[appId=" + appId + ", appSecret=" + mask(appSecret) + ", graphUrl=" + graphUrl + "]";
        }
    }

    public IdentityProperties {
        if (accountCacheTtl.isNegative() || accountCacheTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(
                    "AUTH_CACHE_TTL must be between 0s and 10m (was " + accountCacheTtl + ")");
        }
        adminEmail = blankToNull(adminEmail);
        adminPassword = blankToNull(adminPassword);
        publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public Duration passwordResetTokenLifetime() {
        return Duration.ofMinutes(passwordResetTokenMinutes);
    }

    public Duration verificationTokenLifetime() {
        return Duration.ofHours(verificationTokenHours);
    }

    public List<String> trustedProxyList() {
        return Arrays.stream(trustedProxies.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Secrets never reach a log line or an error message through {@code toString}. */
    @Override
    public String toString() {
        return "IdentityProperties[accessTokenExpireMinutes=" + accessTokenExpireMinutes + ", refreshTokenExpireDays="
                + refreshTokenExpireDays + ", bcryptCost=" + bcryptCost + ", publicBaseUrl=" + publicBaseUrl
                + ", passwordResetTokenMinutes=" + passwordResetTokenMinutes + ", verificationTokenHours="
                + verificationTokenHours + ", authRateLimitPerMinute=" + authRateLimitPerMinute + ", trustedProxies="
                + trustedProxies + ", accountCacheTtl=" + accountCacheTtl + ", adminEmail=" + adminEmail
                + ", adminPassword=" + mask(adminPassword) + ", mail="
                + mail + ", google=" + google + ", facebook=" + facebook + "]";
    }

    private static String mask(@Nullable String secret) {
        return secret == null ? "null" : "******";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
