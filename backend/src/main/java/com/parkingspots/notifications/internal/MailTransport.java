package com.parkingspots.notifications.internal;

import org.jspecify.annotations.Nullable;

/** The last step of an email: SMTP, or a file in the data directory's {@code outbox} when SMTP is not configured. */
public interface MailTransport {

    record Mail(
            String to,
            String subject,
            String text,
            @Nullable String html,
            @Nullable String unsubscribeUrl) {}

    /** Sends or throws; the outbox worker retries on failure. */
    void send(Mail mail);
}
