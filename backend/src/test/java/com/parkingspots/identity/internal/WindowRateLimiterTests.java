package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.cluster.LocalWindowCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowRateLimiterTests {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final WindowRateLimiter limiter = new WindowRateLimiter(new LocalWindowCounters(clock), clock);

    @Test
    void allowsTheLimitThenRefusesUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("k", 3)).isInstanceOf(RateLimiter.Allowed.class);
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(limiter.tryAcquire("k", 3)).isEqualTo(new RateLimiter.Refused(Duration.ofSeconds(30)));
        assertThat(limiter.tryAcquire("other", 3)).isInstanceOf(RateLimiter.Allowed.class);
        clock.now = clock.now.plusSeconds(30);
        assertThat(limiter.tryAcquire("k", 3)).as("a new window").isInstanceOf(RateLimiter.Allowed.class);
    }

    @Test
    void aRefusalNamesTheRestOfTheCurrentWindowToTheMillisecond() {
        clock.now = Instant.parse("2026-03-01T10:00:59.250Z");
        assertThat(limiter.tryAcquire("k", 1)).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(limiter.tryAcquire("k", 1)).isEqualTo(new RateLimiter.Refused(Duration.ofMillis(750)));
    }
}
