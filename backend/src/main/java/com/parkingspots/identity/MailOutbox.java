package com.parkingspots.identity;

/**
 * Where identity hands the emails it must send (verification, password reset). Implemented by the notifications
 * module's transactional outbox, which delivers them with retries; identity declares it so that it does not depend on
 * the module that depends on it.
 */
public interface MailOutbox {

    /** Stores the email for delivery; in the caller's transaction when there is one. */
    void enqueue(String to, String subject, String text);
}
