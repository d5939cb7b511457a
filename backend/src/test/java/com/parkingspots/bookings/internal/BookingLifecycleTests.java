package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.ParkingSpotsApplication;
import com.parkingspots.bookings.PaymentMode;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decision 18 with real delays: lifecycle tasks fire at their times (within a few seconds), exactly once, also with a
 * second application instance polling the same database. Payments are online here, so bookings start pending.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parkingspots.bookings.min-duration=1s",
            "parkingspots.bookings.payment-hold=3s",
            "db-scheduler.polling-interval=500ms"
        })
@Import(BookingLifecycleTests.OnlinePayments.class)
class BookingLifecycleTests extends ApiTest {

    private static final Duration ON_TIME = Duration.ofSeconds(5);

    @TestConfiguration(proxyBeanMethods = false)
    static class OnlinePayments {
        @Bean
        PaymentMode onlinePayments() {
            return () -> PaymentMode.Kind.ONLINE;
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private String book(Api.Session driver, UUID spot, Instant start, Instant end) {
        var response = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}".formatted(spot, start, end),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("status").asString()).isEqualTo("pending");
        return response.json().get("id").asString();
    }

    private void confirm(Api.Session owner, String id) {
        var response =
                http.send("PUT", "/api/v1/bookings/" + id + "/status", "{\"status\":\"confirmed\"}", owner.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void confirmedBookingStartsAndCompletesOnTimeWithoutCheckInTimes() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().plusSeconds(2);
        Instant end = start.plusSeconds(3);
        String id = book(driver, spot, start, end);
        confirm(owner, id);

        awaitStatus(id, "completed", Duration.ofSeconds(30));
        var transitions = transitions(id);
        assertThat(transitions)
                .extracting(Transition::to)
                .containsExactly("pending", "confirmed", "in_progress", "completed");
        Transition started = transitions.get(2);
        Transition completed = transitions.get(3);
        assertThat(started.actor()).isEqualTo("system");
        assertThat(Duration.between(start, started.at())).isBetween(Duration.ZERO, ON_TIME);
        assertThat(Duration.between(end, completed.at())).isBetween(Duration.ZERO, ON_TIME);
        var booking = http.get("/api/v1/bookings/" + id, driver.auth()).json();
        assertThat(booking.get("checked_in_at").isNull()).isTrue();
        assertThat(booking.get("checked_out_at").isNull()).isTrue();
        assertThat(http.get("/api/v1/parking-spots/" + spot)
                        .json()
                        .get("total_bookings")
                        .asInt())
                .isEqualTo(1);
        assertThat(tasksOf(id)).isZero();
    }

    @Test
    void anUnpaidHoldExpiresAndFreesTheSlot() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var next = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS);
        String id = book(driver, spot, start, start.plusSeconds(3600));
        var blocked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plusSeconds(3600)),
                next.auth());
        assertThat(blocked.status()).isEqualTo(409);

        awaitStatus(id, "cancelled", Duration.ofSeconds(30));
        var expired = http.get("/api/v1/bookings/" + id, driver.auth()).json();
        assertThat(expired.get("cancellation_reason").asString()).isEqualTo("Payment was not completed in time");
        assertThat(tasksOf(id)).as("its start and end tasks are gone too").isZero();
        book(next, spot, start, start.plusSeconds(3600));
    }

    @Test
    void aCancelledBookingsTasksDoNothing() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().plusSeconds(2);
        String id = book(driver, spot, start, start.plusSeconds(2));
        confirm(owner, id);
        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(tasksOf(id)).isZero();
        Thread.sleep(Duration.ofSeconds(5));
        assertThat(status(id)).isEqualTo("cancelled");
        assertThat(transitions(id)).extracting(Transition::to).containsExactly("pending", "confirmed", "cancelled");
    }

    @Test
    void aRejectedBookingSchedulesNothing() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().plus(5, ChronoUnit.HOURS);
        book(driver, spot, start, start.plusSeconds(3600));
        long tasks = jdbc.sql("SELECT count(*) FROM scheduled_tasks")
                .query(Long.class)
                .single();
        var conflict = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plusSeconds(3600)),
                api.signUp("renter").auth());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks")
                        .query(Long.class)
                        .single())
                .isEqualTo(tasks);
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachLifecycleTaskExactlyOnce() throws Exception {
        String jdbcUrl = ((HikariDataSource) dataSource).getJdbcUrl() + "?user=postgres";
        // Command-line arguments: they outrank application-test.yml (builder properties would not).
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ParkingSpotsApplication.class)
                .run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--parkingspots.database-url=" + jdbcUrl,
                        "--db-scheduler.polling-interval=500ms")) {
            assertThat(second.getBean(DataSource.class))
                    .extracting(ds -> ((HikariDataSource) ds).getJdbcUrl())
                    .as("the second instance uses the first one's database")
                    .isEqualTo(jdbcUrl);
            assertThat(second.isRunning()).isTrue();
            var owner = api.signUp("owner");
            List<String> ids = new ArrayList<>();
            Instant start = Instant.now().plusSeconds(3);
            for (int i = 0; i < 8; i++) {
                UUID spot = api.createSpot(owner, "");
                String id = book(api.signUp("renter"), spot, start, start.plusSeconds(2));
                confirm(owner, id);
                ids.add(id);
            }
            for (String id : ids) {
                awaitStatus(id, "completed", Duration.ofSeconds(40));
            }
            for (String id : ids) {
                assertThat(transitions(id))
                        .extracting(Transition::to)
                        .containsExactly("pending", "confirmed", "in_progress", "completed");
            }
        }
    }

    record Transition(String to, String actor, Instant at) {}

    private List<Transition> transitions(String id) {
        return jdbc.sql("SELECT to_status, actor, at FROM booking_transitions WHERE booking_id = ?::uuid ORDER BY id")
                .param(id)
                .query((rs, n) -> new Transition(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    private long tasksOf(String id) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private void awaitStatus(String id, String expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (expected.equals(status(id))) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(status(id)).as("status of booking %s after %s", id, timeout).isEqualTo(expected);
    }
}
