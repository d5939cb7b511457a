/**
 * Notifications and messages: a transactional outbox of emails and Web Push messages delivered with retries, the
 * in-app inbox, per-user preferences, booking reminders and the conversation of each booking (ADR 0012).
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "spots", "bookings", "payments", "reviews", "realtime"})
@NullMarked
package com.parkingspots.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
