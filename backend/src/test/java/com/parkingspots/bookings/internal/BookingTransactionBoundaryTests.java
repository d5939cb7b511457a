package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import com.parkingspots.support.StatementLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The booking transaction boundary (ADR 0014), counted at the JDBC level: a booking is one transaction on the request
 * path, holding the booking, its transition, the spot's occupancy, its lifecycle tasks and its event publications;
 * the offline payment and the event's other effects are committed after it, on other threads. Prints what it counted
 * (the figures of the ADR).
 */
@Import(StatementLog.Wiring.class)
class BookingTransactionBoundaryTests extends ApiTest {

    @Autowired
    StatementLog log;

    @Autowired
    JdbcClient jdbc;

    /** The application's own work: not the test's queries, not the background jobs that run whatever happens. */
    private static Predicate<String> application(String testThread) {
        return thread -> !thread.equals(testThread)
                && !thread.startsWith("marketplace-sync")
                && !thread.startsWith("db-scheduler");
    }

    private static boolean requestThread(String thread) {
        return thread.startsWith("http-nio");
    }

    private Http.Response book(Api.Session driver, UUID spot, Instant start) {
        return http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(2, ChronoUnit.HOURS)),
                driver.auth());
    }

    @Test
    void aBookingIsOneTransactionOnTheRequestPathAndItsPaymentIsCommittedAfterIt() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.DAYS);
        // warm-up: the caller's account is read once and then answered from memory; the first booking loads classes
        settled(UUID.fromString(book(driver, spot, start).json().get("id").asString()));

        log.start();
        var response = book(driver, spot, start.plus(4, ChronoUnit.HOURS));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        UUID booking = UUID.fromString(response.json().get("id").asString());
        settled(booking);
        Thread.sleep(300); // anything still on its way
        List<StatementLog.Entry> entries = log.stop();

        var transactions = StatementLog.transactions(
                entries, application(Thread.currentThread().getName()));
        report("one booking", transactions);
        // on the request's thread: the booking's transaction and nothing else. A listener's registry marks there would
        // need a second connection while the request still holds its first: 20 concurrent commits then held the
        // whole pool waiting for a 21st (every listener runs on the bounded listener pool instead)
        var onRequest =
                transactions.stream().filter(t -> requestThread(t.thread())).toList();
        assertThat(onRequest).as("transactions on the request's thread").hasSize(1);
        var booked = onRequest.getFirst();
        assertThat(booked.end()).isEqualTo(StatementLog.Kind.COMMIT);
        assertThat(booked.statements())
                .anyMatch(s -> s.contains("INSERT INTO bookings"))
                .anyMatch(s -> s.contains("INSERT INTO booking_transitions"))
                .anyMatch(s -> s.contains("INSERT INTO spot_occupancy"))
                .anyMatch(s -> s.contains("insert into scheduled_tasks"))
                .anyMatch(s -> s.contains("INSERT INTO EVENT_PUBLICATION"))
                .noneMatch(s -> s.contains("payments"))
                // one publication per durable listener: realtime, payments and (ADR 0012) notifications
                .as("statements of the booking's transaction (12 before ADR 0014, 6 before ADR 0012)")
                .hasSizeLessThanOrEqualTo(7);
        assertThat(transactions)
                .as("the payment is recorded after commit, on another thread, in one statement")
                .anyMatch(t -> !requestThread(t.thread())
                        && t.statements().size() == 1
                        && t.statements().getFirst().startsWith("INSERT INTO payments"));
        assertThat(transactions)
                .as("nothing reads the booking back after commit")
                .noneMatch(t -> t.statements().stream().anyMatch(s -> s.contains("FROM bookings")));
    }

    @Test
    void aConflictingBookingIsOneRolledBackTransactionThatLeavesNothingBehind() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var other = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(5, ChronoUnit.DAYS);
        UUID first = UUID.fromString(book(driver, spot, start).json().get("id").asString());
        settled(first);
        assertThat(http.get("/api/v1/users/me", other.auth()).status()).isEqualTo(200);
        long tasks = count("SELECT count(*) FROM scheduled_tasks");
        long publications = count("SELECT count(*) FROM event_publication");
        long holds = count("SELECT count(*) FROM spot_occupancy");

        log.start();
        var conflict = book(other, spot, start.plus(1, ChronoUnit.HOURS));
        Thread.sleep(300);
        List<StatementLog.Entry> entries = log.stop();

        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        var transactions = StatementLog.transactions(
                entries, application(Thread.currentThread().getName()));
        report("one refused booking (409)", transactions);
        assertThat(transactions).hasSize(1);
        assertThat(transactions.getFirst().end()).isEqualTo(StatementLog.Kind.ROLLBACK);
        assertThat(count("SELECT count(*) FROM scheduled_tasks")).isEqualTo(tasks);
        assertThat(count("SELECT count(*) FROM event_publication")).isEqualTo(publications);
        assertThat(count("SELECT count(*) FROM spot_occupancy")).isEqualTo(holds);
    }

    /** The booking's payment is recorded and every publication of its events completed. */
    private void settled(UUID booking) throws InterruptedException {
        await(
                "the payment of " + booking,
                () -> count("SELECT count(*) FROM payments WHERE booking_id = '" + booking + "'") == 1);
        await(
                "the publications of " + booking,
                () -> count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND serialized_event LIKE '%" + booking + "%'")
                        == 0);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void report(String what, List<StatementLog.Transaction> transactions) {
        StringBuilder out = new StringBuilder("\n=== " + what + ": " + transactions.size() + " transactions, "
                + transactions.stream().mapToInt(t -> t.statements().size()).sum() + " statements ===\n");
        for (var t : transactions) {
            out.append(String.format(
                    "[%s] %s, %d statements%n",
                    t.thread(), t.end(), t.statements().size()));
            for (String s : t.statements()) {
                out.append("    ").append(s, 0, Math.min(s.length(), 150)).append('\n');
            }
        }
        System.out.println(out);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
