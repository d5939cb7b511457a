package com.parkingspots.notifications.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SMTP settings. They keep the names identity gave them ({@code parkingspots.identity.mail.*}, from {@code SMTP_HOST},
 * {@code SMTP_PORT}, {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}, {@code SMTP_STARTTLS}, {@code MAIL_FROM}) now that
 * this module sends every email.
 */
@Validated
@ConfigurationProperties("parkingspots.identity.mail")
public record MailSettings(
        @Nullable String smtpHost,
        @DefaultValue("587") @Min(1) @Max(65535) int smtpPort,
        @Nullable String smtpUsername,
        @Nullable String smtpPassword,
        @DefaultValue("true") boolean smtpStarttls,

        @DefaultValue("ParkingSpots <no-reply@parkingspots.local>") @NotBlank
        String from) {

    public MailSettings {
        smtpHost = smtpHost == null || smtpHost.isBlank() ? null : smtpHost;
        smtpUsername = smtpUsername == null || smtpUsername.isBlank() ? null : smtpUsername;
        smtpPassword = smtpPassword == null || smtpPassword.isBlank() ? null : smtpPassword;
    }

    public boolean smtpConfigured() {
        return smtpHost != null;
    }

    @Override
    public String toString() {
        return "MailSettings[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", smtpUsername=" + smtpUsername
                + ", smtpPassword=" + (smtpPassword == null ? null : "****") + ", from=" + from + "]";
    }
}
