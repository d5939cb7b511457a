package com.parkingspots.identity.internal;

/** Sends the few emails identity needs. Over SMTP when configured, otherwise into files of the data directory's {@code outbox}. */
interface Mailer {

    /** A plain-text email whose point is one link. */
    record Email(String to, String subject, String text, String link) {}

    /** Sends or fails with an exception; callers decide whether a failure matters. */
    void send(Email email);
}
