package com.parkingspots.notifications.internal;

import com.parkingspots.shared.cluster.ClusterProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox and fires due reminders. Each row is claimed with {@code FOR UPDATE SKIP LOCKED} and delivered
 * inside the transaction that holds its lock, then marked sent (or given its next attempt, doubling the wait each
 * time) before that transaction commits: however many workers run, on however many instances, a row is in the hands
 * of one of them at a time, and a sent row is never picked again. A crash between the send and the commit is the one
 * case that sends twice (SMTP has no idempotency), the price of never losing one. Runs on {@code worker} and
 * {@code all} instances.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final Reminders reminders;
    private final MailTransport mail;
    private final PushSender push;
    private final PushSubscriptions subscriptions;
    private final OutboxSignal signal;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;

    OutboxWorker(
            Outbox outbox,
            Reminders reminders,
            MailTransport mail,
            PushSender push,
            PushSubscriptions subscriptions,
            OutboxSignal signal,
            TransactionTemplate transactions,
            NotificationProperties properties,
            ClusterProperties cluster,
            Clock clock) {
        this.outbox = outbox;
        this.reminders = reminders;
        this.mail = mail;
        this.push = push;
        this.subscriptions = subscriptions;
        this.signal = signal;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.enabled = cluster.instanceRole().runsJobs();
    }

    /** Delivers due rows until none is left (or {@code max} were handled); returns how many were handled. */
    public int deliverDue(int max) {
        int handled = 0;
        while (handled < max && Boolean.TRUE.equals(transactions.execute(status -> deliverOne()))) {
            handled++;
        }
        return handled;
    }

    private boolean deliverOne() {
        Instant now = clock.instant();
        Optional<Outbox.Row> claimed = outbox.claimDue(now);
        if (claimed.isEmpty()) {
            return false;
        }
        Outbox.Row row = claimed.get();
        if (row.requestId() != null) {
            MDC.put("requestId", row.requestId());
        }
        try {
            if ("email".equals(row.channel())) {
                mail.send(new MailTransport.Mail(
                        row.recipient(), row.subject(), row.textBody(), row.htmlBody(), unsubscribeUrl(row)));
            } else {
                pushToEverySubscription(row);
            }
            outbox.markSent(row.id(), clock.instant());
        } catch (RuntimeException e) {
            int attempts = row.attempts() + 1;
            Instant retryAt = attempts >= properties.maxAttempts()
                    ? null
                    : clock.instant().plus(properties.backoff(attempts));
            log.warn(
                    "Delivery of {} {} (attempt {}) failed, {}: {}",
                    row.channel(),
                    row.id(),
                    attempts,
                    retryAt == null ? "giving up" : "next attempt at " + retryAt,
                    e.toString());
            outbox.markFailed(row.id(), e.toString(), retryAt);
        } finally {
            MDC.remove("requestId");
        }
        return true;
    }

    private static String unsubscribeUrl(Outbox.Row row) {
        String text = row.textBody();
        if (text == null) {
            return null;
        }
        int at = text.indexOf("/api/v1/notifications/unsubscribe?token=");
        if (at < 0) {
            return null;
        }
        int start = text.lastIndexOf("http", at);
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }

    /** Sends to each of the user's browsers; gone subscriptions (404, 410) are removed, other failures retried. */
    private void pushToEverySubscription(Outbox.Row row) {
        List<PushSubscriptions.Subscription> targets = subscriptions.of(row.userId());
        int failures = 0;
        for (PushSubscriptions.Subscription subscription : targets) {
            int status;
            try {
                status = push.send(subscription, row.payload());
            } catch (RuntimeException e) {
                log.warn("Push to subscription {} failed: {}", subscription.id(), e.toString());
                failures++;
                continue;
            }
            if (status == 404 || status == 410) {
                subscriptions.deleteById(subscription.id());
            } else if (status < 200 || status >= 300) {
                failures++;
            }
        }
        if (failures > 0 && failures == targets.size()) {
            throw new IllegalStateException("every push service refused the message");
        }
    }

    private void loop() {
        long interval = Math.max(50, properties.pollInterval().toMillis());
        while (running.get()) {
            try {
                reminders.fireDue(100);
                deliverDue(100);
                signal.await(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox worker round failed: {}", e.toString());
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (enabled && running.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().name("notification-outbox").daemon().start(this::loop);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        // stops before the data source, after the web server stopped taking requests
        return Integer.MAX_VALUE - 2048;
    }
}
