package com.parkingspots.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Fixed windows in a bounded Caffeine cache: a key's window starts at its first attempt and the entry disappears when
 * the window ends, so memory stays proportional to the keys seen in the last minute (capped).
 */
@Component
class InProcessRateLimiter implements RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Clock clock;
    private final Cache<String, Window> windows;

    InProcessRateLimiter(Clock clock) {
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfter(new Expiry<String, Window>() {
                    @Override
                    public long expireAfterCreate(String key, Window window, long currentTime) {
                        return WINDOW.toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Window window, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String key, Window window, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Decision tryAcquire(String key, int limit) {
        Instant now = clock.instant();
        Decision[] decision = new Decision[1];
        windows.asMap().compute(key, (k, window) -> {
            if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
                window = new Window(now);
            }
            window.count++;
            if (window.count <= limit) {
                decision[0] = new Allowed();
            } else {
                decision[0] = new Refused(Duration.between(now, window.start.plus(WINDOW)));
            }
            return window;
        });
        return decision[0];
    }
}
