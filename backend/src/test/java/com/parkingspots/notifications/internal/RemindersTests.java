package com.parkingspots.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders: written after the booking commits, moved by an extension, dropped by a cancellation, fired once. Time is
 * not waited for: a test moves a reminder's due time to now, as the clock would.
 */
class RemindersTests extends NotificationFlowsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reminders reminders;

    private Map<String, Instant> due(UUID booking) {
        Map<String, Instant> due = new java.util.HashMap<>();
        jdbc.sql("SELECT kind, due_at FROM notification_reminders WHERE booking_id = ? AND fired_at IS NULL")
                .param(booking)
                .query((rs, n) ->
                        due.put(rs.getString("kind"), rs.getTimestamp("due_at").toInstant()))
                .list();
        return due;
    }

    private void makeDue(UUID booking, String kind) {
        jdbc.sql("UPDATE notification_reminders SET due_at = now() - interval '1 second'"
                        + " WHERE booking_id = ? AND kind = ?")
                .params(booking, kind)
                .update();
    }

    @Test
    void aBookingGetsItsRemindersWhichFireAsNotificationsOnce() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var phone = subscribePush(driver);
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID booking = book(driver, spot(owner), start, Duration.ofHours(2));
        Map<String, Instant> due = eventually(() -> due(booking), d -> d.size() == 2, "two reminders");
        assertThat(due.get("starts_soon")).isEqualTo(start.minus(1, ChronoUnit.HOURS));
        assertThat(due.get("ends_soon"))
                .isEqualTo(start.plus(2, ChronoUnit.HOURS).minus(15, ChronoUnit.MINUTES));

        makeDue(booking, "starts_soon");
        assertDelivered(driver, phone, "starts_soon", "starts in 1 hour", "Your parking pass is ready");
        makeDue(booking, "ends_soon");
        assertDelivered(driver, phone, "ends_soon", "ends in 15 minutes", "Extend it");
        sleep(500);
        assertThat(inboxOf(driver, "starts_soon")).hasSize(1);
        assertThat(inboxOf(driver, "ends_soon")).hasSize(1);
    }

    @Test
    void anExtensionMovesTheEndReminderAndACancellationDropsThemAll() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID booking = book(driver, spot(owner), start, Duration.ofHours(2));
        eventually(() -> due(booking), d -> d.size() == 2, "two reminders");

        Instant newEnd = start.plus(3, ChronoUnit.HOURS);
        var extended = http.post(
                "/api/v1/bookings/" + booking + "/extend", "{\"end_time\":\"%s\"}".formatted(newEnd), driver.auth());
        assertThat(extended.status()).as(extended.body()).isIn(200, 201);
        eventually(
                () -> due(booking).get("ends_soon"),
                at -> newEnd.minus(15, ChronoUnit.MINUTES).equals(at),
                "the end reminder moved");

        var cancelled = http.post("/api/v1/bookings/" + booking + "/cancel", "{}", driver.auth());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        eventually(() -> due(booking), Map::isEmpty, "reminders dropped");
    }

    @Test
    void instancesRacingForDueRemindersFireEachOnce() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = spot(owner);
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bookings.add(book(driver, spot, Instant.now().plus(3 + 3 * i, ChronoUnit.HOURS), Duration.ofHours(1)));
        }
        for (UUID booking : bookings) {
            eventually(() -> due(booking), d -> d.size() == 2, "two reminders");
        }
        for (UUID booking : bookings) {
            makeDue(booking, "starts_soon");
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> fired = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fired.add(pool.submit(() -> {
                start.await();
                return reminders.fireDue(100);
            }));
        }
        start.countDown();
        for (Future<Integer> f : fired) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        eventually(() -> inboxOf(driver, "starts_soon").size(), n -> n == 3, "three reminders in the inbox");
        sleep(500);
        assertThat(inboxOf(driver, "starts_soon")).hasSize(3);
        eventually(() -> emailsTo(driver.email(), "starts in 1 hour").size(), n -> n == 3, "three reminder emails");
    }
}
