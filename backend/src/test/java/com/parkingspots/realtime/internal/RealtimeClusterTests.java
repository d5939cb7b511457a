package com.parkingspots.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.ParkingSpotsApplication;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import com.parkingspots.support.TestRedis;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application instances on one database and one Redis: instance A is this test's context, instance B a second
 * application started on A's database. Events, spot changes and rate-limit counters cross instances; lifecycle
 * jobs run once although both instances run the scheduler; a Redis outage degrades and recovers; a revocation on one
 * instance refuses the old tokens and closes the WebSockets on the other at once; a WebSocket ticket works anywhere, once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parkingspots.bookings.min-duration=1s",
            "db-scheduler.polling-interval=500ms",
            "parkingspots.cluster.instance-id=a",
            "parkingspots.identity.auth-rate-limit-per-minute=" + RealtimeClusterTests.AUTH_LIMIT,
            "parkingspots.identity.trusted-proxies=127.0.0.1,::1",
            "parkingspots.identity.account-cache-ttl=" + RealtimeClusterTests.ACCOUNT_CACHE_TTL,
            "parkingspots.realtime.reverify-interval=10m"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeClusterTests extends ApiTest {

    /** High enough for the sign-ups of this class from one address, low enough to exhaust in a test. */
    static final int AUTH_LIMIT = 40;

    /** Short, so the self-healing of a lost invalidation is seen; the periodic re-check is off (10 minutes). */
    static final String ACCOUNT_CACHE_TTL = "3s";

    private static TestRedis redis;
    private static ConfigurableApplicationContext instanceB;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private Http httpB;
    private int portB;

    @BeforeAll
    static void startRedis() {
        try {
            redis = TestRedis.start();
        } catch (Exception | LinkageError e) {
            Assumptions.abort("No Redis could be started (install redis-server, or let Maven fetch"
                    + " org.signal:embedded-redis): " + e);
        }
    }

    @DynamicPropertySource
    static void redisUrl(DynamicPropertyRegistry registry) {
        registry.add("parkingspots.redis.url", () -> redis.url());
    }

    @BeforeEach
    void startInstanceB() throws InterruptedException {
        if (instanceB == null) {
            String jdbcUrl = ((HikariDataSource) dataSource).getJdbcUrl() + "?user=postgres";
            // command-line arguments: default properties would lose to application-test.yml's database-url
            instanceB = new SpringApplicationBuilder(ParkingSpotsApplication.class)
                    .run(
                            "--spring.profiles.active=test",
                            "--server.port=0",
                            "--parkingspots.database-url=" + jdbcUrl,
                            "--parkingspots.redis.url=" + redis.url(),
                            "--parkingspots.cluster.instance-id=b",
                            "--parkingspots.bookings.min-duration=1s",
                            "--db-scheduler.polling-interval=500ms",
                            "--parkingspots.identity.auth-rate-limit-per-minute=" + AUTH_LIMIT,
                            "--parkingspots.identity.trusted-proxies=127.0.0.1,::1",
                            "--parkingspots.identity.account-cache-ttl=" + ACCOUNT_CACHE_TTL,
                            "--parkingspots.realtime.reverify-interval=10m");
        }
        portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
        httpB = new Http(portB);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (httpB.get("/readyz").status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(20); // B builds its marketplace in the background
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
        if (redis != null) {
            redis.close();
        }
    }

    private String book(Api.Session driver, UUID spot, Instant start, Instant end) {
        var response = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}".formatted(spot, start, end),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    @Test
    @Order(1)
    void anEventCausedOnInstanceAReachesAClientOnInstanceB() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        try (var ownerOnB = WsClient.connect(portB, owner);
                var driverOnB = WsClient.connect(portB, driver);
                var strangerOnB = WsClient.connect(portB, api.signUp("renter"))) {
            String booking = book(
                    driver,
                    spot,
                    Instant.now().plus(1, ChronoUnit.DAYS),
                    Instant.now().plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
            ownerOnB.await("new_booking", d -> d.get("booking_id").asString().equals(booking));
            driverOnB.await(
                    "booking_update", d -> d.get("booking_id").asString().equals(booking));
            assertThat(strangerOnB.events()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void spotChangesOnInstanceAReachSearchAndDetailOnInstanceBWithinOneSecond() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        double lat = -20 - Math.random() * 5;
        double lon = -40 - Math.random() * 5;
        String near = "/api/v1/parking-spots/?latitude=" + lat + "&longitude=" + lon + "&radius_km=1";
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String window = near + "&start_time=" + start + "&end_time=" + start.plus(1, ChronoUnit.HOURS);

        UUID spot = api.createSpot(owner, "\"title\": \"Before\", \"latitude\": " + lat + ", \"longitude\": " + lon);
        visibleOnB("the new spot in B's search", () -> ids(httpB.get(near)).contains(spot.toString()));

        var updated = http.send(
                "PUT", "/api/v1/parking-spots/" + spot, "{\"title\": \"After\", \"hourly_rate\": 777}", owner.auth());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        visibleOnB(
                "the new title in B's detail",
                () -> httpB.get("/api/v1/parking-spots/" + spot)
                        .json()
                        .get("title")
                        .asString()
                        .equals("After"));
        visibleOnB(
                "the new rate in B's search",
                () -> httpB.get(near).json().get(0).get("hourly_rate").asInt() == 777);

        String booking = book(driver, spot, start, start.plus(1, ChronoUnit.HOURS));
        visibleOnB(
                "the booking in B's search for that hour",
                () -> ids(httpB.get(window)).isEmpty());
        var cancelled = http.post("/api/v1/bookings/" + booking + "/cancel", "{}", driver.auth());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        visibleOnB(
                "the cancellation in B's search", () -> ids(httpB.get(window)).contains(spot.toString()));

        var off = http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"is_active\": false}", owner.auth());
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        visibleOnB("the deactivation in B's search", () -> ids(httpB.get(near)).isEmpty());

        UUID other = api.createSpot(owner, "\"latitude\": " + lat + ", \"longitude\": " + lon);
        visibleOnB(
                "the second spot on B",
                () -> httpB.get("/api/v1/parking-spots/" + other).status() == 200);
        assertThat(http.send("DELETE", "/api/v1/parking-spots/" + other, null, owner.auth())
                        .status())
                .isEqualTo(200);
        visibleOnB(
                "the deletion on B",
                () -> httpB.get("/api/v1/parking-spots/" + other).status() == 404);
    }

    /** Within one second: B hears of A's change on the bus (B's own catch-up from the log runs every 2 s only). */
    private static void visibleOnB(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(1), condition);
    }

    private static List<String> ids(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    @Order(3)
    void signInAttemptsOnBothInstancesCountAgainstOneLimit() throws Exception {
        String email = Api.uniqueEmail("targeted");
        assertThat(api.register(email, Api.PASSWORD, "Targeted Person", "renter")
                        .status())
                .isEqualTo(201);
        // limits count in minutes aligned to the clock: don't straddle one
        long secondOfMinute = Instant.now().getEpochSecond() % 60;
        if (secondOfMinute > 50) {
            Thread.sleep((61 - secondOfMinute) * 1000);
        }
        for (int i = 0; i < AUTH_LIMIT; i++) {
            Http instance = i % 2 == 0 ? http : httpB;
            assertThat(wrongPassword(instance, email, i).status()).isEqualTo(401);
        }
        var refusedOnA = wrongPassword(http, email, AUTH_LIMIT);
        var refusedOnB = wrongPassword(httpB, email, AUTH_LIMIT + 1);
        assertThat(refusedOnA.status())
                .as("%d attempts split over two instances exhaust the one account limit", AUTH_LIMIT)
                .isEqualTo(429);
        assertThat(refusedOnB.status()).isEqualTo(429);
        assertThat(refusedOnB.json().get("detail").asString()).isEqualTo("Too many requests, try again later");
    }

    /** A wrong password from a fresh client address, so only the per-account limit can refuse it. */
    private static Http.Response wrongPassword(Http instance, String email, int attempt) {
        return instance.post(
                "/api/v1/auth/login",
                "{\"email\": \"%s\", \"password\": \"wrong-%d\"}".formatted(email, attempt),
                "X-Forwarded-For",
                "198.51.100." + (attempt % 250 + 1));
    }

    @Test
    @Order(4)
    void eachLifecycleJobRunsOnceWithTwoInstancesRunningTheScheduler() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        try (var driverOnB = WsClient.connect(portB, driver)) {
            Instant start = Instant.now().plusSeconds(2);
            String booking = book(driver, spot, start, start.plusSeconds(2));
            driverOnB.await("booking_update", d -> d.get("status").asString().equals("completed"));
            Thread.sleep(1500); // a duplicate run would publish a second update meanwhile
            assertThat(driverOnB.frames("booking_update"))
                    .extracting(f -> f.get("data").get("status").asString())
                    .containsExactly("confirmed", "in_progress", "completed");
            assertThat(jdbc.sql("SELECT to_status FROM booking_transitions WHERE booking_id = ?::uuid ORDER BY id")
                            .param(booking)
                            .query(String.class)
                            .list())
                    .containsExactly("confirmed", "in_progress", "completed");
        }
    }

    @Test
    @Order(10) // last: the instances' subscriptions come back a moment after Redis does
    void withRedisDownTheApiKeepsServingDegradedAndRecovers() throws Exception {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        assertThat(httpB.get("/health").json().get("redis").asString()).isEqualTo("up");

        redis.down();
        await(
                "B noticing the outage",
                Duration.ofSeconds(10),
                () -> httpB.get("/health").body().contains("\"redis\":\"down\""));
        var health = httpB.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("healthy");
        assertThat(httpB.get("/api/v1/parking-spots/" + spot).status()).isEqualTo(200);
        // no announcement reaches B now: its catch-up from the change log (every 2 s) brings A's change anyway
        var renamed =
                http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"title\": \"Renamed offline\"}", owner.auth());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        await(
                "B catching up from the database without Redis",
                Duration.ofSeconds(5),
                () -> httpB.get("/api/v1/parking-spots/" + spot)
                        .json()
                        .get("title")
                        .asString()
                        .equals("Renamed offline"));
        var driver = api.signUp("renter");
        try (var ownerOnA = WsClient.connect(port, owner)) {
            String booking = book(
                    driver,
                    spot,
                    Instant.now().plus(2, ChronoUnit.DAYS),
                    Instant.now().plus(2, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
            ownerOnA.await("new_booking", d -> d.get("booking_id").asString().equals(booking));
        }

        redis.up();
        await(
                "A and B reconnecting",
                Duration.ofSeconds(15),
                () -> http.get("/health").body().contains("\"redis\":\"up\"")
                        && httpB.get("/health").body().contains("\"redis\":\"up\""));
        try (var ownerOnB = WsClient.connect(portB, owner)) {
            String booking = book(
                    driver,
                    spot,
                    Instant.now().plus(3, ChronoUnit.DAYS),
                    Instant.now().plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
            ownerOnB.await("new_booking", d -> d.get("booking_id").asString().equals(booking));
        }
    }

    @Test
    @Order(6)
    void aPasswordChangeOnARefusesTheOldTokenOnBAtOnceAndClosesItsWebSocketThere() throws Exception {
        var user = api.signUp("renter");
        try (var onB = WsClient.connect(portB, user)) {
            assertThat(httpB.get("/api/v1/users/me", user.auth()).status())
                    .as("B has the account in memory")
                    .isEqualTo(200);
            var changed = http.post(
                    "/api/v1/users/me/change-password",
                    "{\"current_password\":\"%s\",\"new_password\":\"brand-new-password\"}".formatted(Api.PASSWORD),
                    user.auth());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            long changedAt = System.nanoTime();
            // well within B's 3 s cache lifetime and its 10 min re-check: only the cluster message can do it
            await(
                    "B refusing the old token",
                    Duration.ofSeconds(1),
                    () -> httpB.get("/api/v1/users/me", user.auth()).status() == 401);
            var closed = onB.awaitClose();
            assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofSeconds(2));
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Token revoked");
        }
        var fresh = api.login(user.email(), "brand-new-password");
        assertThat(httpB.get(
                                "/api/v1/users/me",
                                "Authorization",
                                "Bearer " + fresh.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(7)
    void aRoleChangeOnAHoldsOnBAtOnce() throws Exception {
        var adminUser = api.signUp("renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = ?")
                .param(adminUser.id())
                .update();
        var renter = api.signUp("renter");
        assertThat(httpB.get("/api/v1/admin/users", renter.auth()).status()).isEqualTo(403);
        var promoted = http.send(
                "PUT", "/api/v1/admin/users/" + renter.id() + "/role", "{\"role\": \"admin\"}", adminUser.auth());
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        await(
                "B granting the new role",
                Duration.ofSeconds(1),
                () -> httpB.get("/api/v1/admin/users", renter.auth()).status() == 200);
    }

    @Test
    @Order(8)
    void aLostInvalidationHealsWithinTheCacheLifetime() throws Exception {
        var user = api.signUp("renter");
        assertThat(httpB.get("/api/v1/users/me", user.auth()).status()).isEqualTo(200);
        long loaded = System.nanoTime();
        // deactivated behind the application's back: no message tells any instance
        jdbc.sql("UPDATE users SET is_active = false WHERE id = ?")
                .param(user.id())
                .update();
        assertThat(httpB.get("/api/v1/users/me", user.auth()).status())
                .as("answered from memory, not from the row")
                .isEqualTo(200);
        await(
                "B noticing by itself",
                Duration.ofSeconds(5),
                () -> httpB.get("/api/v1/users/me", user.auth()).status() == 400);
        assertThat(Duration.ofNanos(System.nanoTime() - loaded))
                .as("bounded by the cache lifetime (%s)", ACCOUNT_CACHE_TTL)
                .isLessThan(Duration.ofMillis(4000));
    }

    @Test
    @Order(9)
    void aWebSocketTicketIssuedOnAOpensOneConnectionOnB() {
        var user = api.signUp("renter");
        String ticket = http.post("/api/v1/ws/ticket", "", user.auth())
                .json()
                .get("ticket")
                .asString();
        try (var onB = WsClient.connect(portB, "?ticket=" + ticket)) {
            var connected = onB.await("connected", d -> true);
            assertThat(connected.get("data").get("user_id").asString())
                    .isEqualTo(user.id().toString());
        }
        assertThat(WsClient.refusedStatus(port, "?ticket=" + ticket))
                .as("used on B, gone on A")
                .isEqualTo(401);
    }
}
