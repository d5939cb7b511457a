package com.parkingspots.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: an SMTP outage delays an email and it arrives once; several workers never send a row twice. */
class OutboxDeliveryTests extends NotificationFlowsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxWorker worker;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void smtpBackUp() {
        SmtpSwitch.down = false;
    }

    @Test
    void anSmtpOutageDuringABookingDelaysTheEmailWhichArrivesOnceWhenSmtpReturns() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = spot(owner);
        SmtpSwitch.down = true;
        UUID booking = book(driver, spot);

        String key = "booking_confirmed:" + booking + ":email";
        eventually(() -> attempts(key), attempts -> attempts >= 3, "three failed attempts while SMTP is down");
        assertThat(emailsTo(driver.email(), "is confirmed")).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM notification_outbox WHERE dedupe_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo("pending");
        awaitInbox(driver, "booking_confirmed"); // the in-app notice does not wait for SMTP

        SmtpSwitch.down = false;
        awaitEmail(driver.email(), "is confirmed");
        sleep(1000);
        assertThat(emailsTo(driver.email(), "is confirmed")).hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM notification_outbox WHERE dedupe_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo("sent");
    }

    @Test
    void retriesWaitLongerEachTime() {
        NotificationProperties properties = new NotificationProperties(
                "http://x",
                java.time.Duration.ofSeconds(1),
                10,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMinutes(30),
                20,
                null,
                null,
                "mailto:a@b.c");
        assertThat(properties.backoff(1)).hasSeconds(2);
        assertThat(properties.backoff(2)).hasSeconds(4);
        assertThat(properties.backoff(3)).hasSeconds(8);
        assertThat(properties.backoff(30)).hasMinutes(30);
    }

    @Test
    void severalWorkersRacingNeverSendTheSameEmailTwice() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        int emails = 60;
        SmtpSwitch.down = true; // the background worker cannot take them before the race starts
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < emails; i++) {
                outbox.addEmail(
                        "race:" + batch + ":" + i,
                        null,
                        Kind.ACCOUNT,
                        "race-" + batch + "-" + i + "@example.com",
                        "Race " + batch,
                        "Hello " + i,
                        null);
            }
        });
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = now() + interval '1 hour'"
                        + " WHERE dedupe_key LIKE ?")
                .param("race:" + batch + ":%")
                .update();
        SmtpSwitch.down = false;
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = now() - interval '1 second'"
                        + " WHERE dedupe_key LIKE ?")
                .param("race:" + batch + ":%")
                .update();

        int workers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> handled = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            handled.add(pool.submit(() -> {
                start.await();
                return worker.deliverDue(1000);
            }));
        }
        start.countDown();
        for (Future<Integer> future : handled) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        eventually(
                () -> jdbc.sql("SELECT count(*) FROM notification_outbox WHERE dedupe_key LIKE ? AND status = 'sent'")
                        .param("race:" + batch + ":%")
                        .query(Long.class)
                        .single(),
                sent -> sent == emails,
                "every race email sent");
        long received = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).equals("Race " + batch))
                .count();
        assertThat(received).isEqualTo(emails);
        for (int i = 0; i < emails; i++) {
            assertThat(emailsTo("race-" + batch + "-" + i + "@example.com")).hasSize(1);
        }
    }

    @Test
    void theSameNotificationWrittenTwiceIsStoredOnce() {
        String key = "twice:" + UUID.randomUUID();
        boolean first = outbox.addEmail(key, null, Kind.ACCOUNT, "twice@example.com", "Twice", "Hi", null);
        boolean second = outbox.addEmail(key, null, Kind.ACCOUNT, "twice@example.com", "Twice", "Hi", null);
        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Autowired
    com.parkingspots.shared.db.Housekeeping housekeeping;

    @Test
    void housekeepingDeletesDeliveredRowsAfterAWeekAndKeepsPendingOnes() {
        String batch = UUID.randomUUID().toString();
        outbox.addEmail("old-sent:" + batch, null, Kind.ACCOUNT, "old@example.com", "Old", "Hi", null);
        outbox.addEmail("old-pending:" + batch, null, Kind.ACCOUNT, "old@example.com", "Old", "Hi", null);
        jdbc.sql("UPDATE notification_outbox SET status = 'sent', sent_at = now() - interval '8 days'"
                        + " WHERE dedupe_key = ?")
                .param("old-sent:" + batch)
                .update();
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = now() + interval '1 day', created_at = now()"
                        + " - interval '40 days' WHERE dedupe_key = ?")
                .param("old-pending:" + batch)
                .update();
        housekeeping.run(NotificationHousekeeping.PURGES);
        assertThat(jdbc.sql("SELECT dedupe_key FROM notification_outbox WHERE dedupe_key LIKE ?")
                        .param("old-%:" + batch)
                        .query(String.class)
                        .list())
                .containsExactly("old-pending:" + batch);
    }

    private int attempts(String key) {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM notification_outbox WHERE dedupe_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }
}
