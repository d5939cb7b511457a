package com.parkingspots.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterPrimitivesTests {

    @Test
    void rolesParseCaseInsensitivelyAndNameTheVariableWhenWrong() {
        assertThat(InstanceRole.parse("API")).isEqualTo(InstanceRole.API);
        assertThat(InstanceRole.parse(" worker ").runsJobs()).isTrue();
        assertThat(InstanceRole.parse("worker").servesApi()).isFalse();
        assertThat(InstanceRole.parse("api").runsJobs()).isFalse();
        assertThat(InstanceRole.parse("all").runsJobs()).isTrue();
        assertThatThrownBy(() -> new ClusterProperties("both", null)).hasMessageContaining("PARKINGSPOTS_ROLE");
        assertThat(new ClusterProperties("all", "").instanceId()).isNotBlank();
    }

    @Test
    void aWorkerAnswersOnlyItsHealthPaths() {
        assertThat(RoleConfiguration.isHealthPath("/health")).isTrue();
        assertThat(RoleConfiguration.isHealthPath("/readyz/")).isTrue();
        assertThat(RoleConfiguration.isHealthPath("/livez")).isTrue();
        assertThat(RoleConfiguration.isHealthPath("/api/v1/ws")).isFalse();
        assertThat(RoleConfiguration.isHealthPath("/")).isFalse();
        assertThat(RoleConfiguration.isHealthPath("/healthz")).isFalse();
    }

    @Test
    void invalidationsRunEveryRegisteredActionOfTheirCache() {
        LocalEventBus bus = new LocalEventBus();
        CacheInvalidations invalidations = new CacheInvalidations(bus);
        List<String> dropped = new ArrayList<>();
        invalidations.onInvalidation("spots", () -> dropped.add("spots"));
        invalidations.onInvalidation("other", () -> dropped.add("other"));
        invalidations.broadcast("spots");
        assertThat(dropped).containsExactly("spots");
    }

    @Test
    void windowCountersCountPerKeyAndWindow() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:30Z"), ZoneOffset.UTC);
        LocalWindowCounters counters = new LocalWindowCounters(clock);
        assertThat(counters.increment("login:a", Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(counters.increment("login:a", Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(counters.increment("login:b", Duration.ofMinutes(1))).isEqualTo(1);
        LocalWindowCounters later = new LocalWindowCounters(Clock.offset(clock, Duration.ofMinutes(1)));
        assertThat(later.increment("login:a", Duration.ofMinutes(1))).isEqualTo(1);
    }

    @Test
    void sequencesIncreaseAndRespectTheFloor() {
        LocalClusterSequences sequences = new LocalClusterSequences();
        assertThat(sequences.next("s", 0)).isEqualTo(1);
        assertThat(sequences.next("s", 0)).isEqualTo(2);
        assertThat(sequences.next("s", 1000)).isEqualTo(1000);
        assertThat(sequences.next("s", 5)).isEqualTo(1001);
    }

    @Test
    void aTicketIsRedeemedOnceWithinItsLifetimeAndOnlyForItsKind() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        LocalOneTimeTickets tickets = new LocalOneTimeTickets(clock);
        String ticket = tickets.issue("ws", "the-token", Duration.ofSeconds(30));
        assertThat(ticket).matches("[A-Za-z0-9_-]{43}");
        assertThat(tickets.redeem("other", ticket)).isEmpty();
        assertThat(tickets.redeem("ws", ticket)).contains("the-token");
        assertThat(tickets.redeem("ws", ticket)).as("single use").isEmpty();

        String late = tickets.issue("ws", "v", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(tickets.redeem("ws", late)).as("expired at 30 s").isEmpty();
        String inTime = tickets.issue("ws", "v", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(tickets.redeem("ws", inTime)).contains("v");
        assertThat(LocalOneTimeTickets.key("ws", ticket)).doesNotContain(ticket);
    }

    @Test
    void ofManyRacingRedemptionsOfOneTicketExactlyOneSucceeds() throws Exception {
        LocalOneTimeTickets tickets = new LocalOneTimeTickets(Clock.systemUTC());
        for (int round = 0; round < 20; round++) {
            String ticket = tickets.issue("ws", "token", Duration.ofSeconds(30));
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger won = new java.util.concurrent.atomic.AtomicInteger();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 8; i++) {
                    pool.submit(() -> {
                        start.await();
                        tickets.redeem("ws", ticket).ifPresent(v -> won.incrementAndGet());
                        return null;
                    });
                }
                start.countDown();
            }
            assertThat(won.get()).isEqualTo(1);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
