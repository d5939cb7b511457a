package com.parkingspots.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * Reads the cumulative meters the dashboard turns into windowed figures once a second: spot cache hits and misses
 * ({@code parkingspots.spots.cache.requests}) and jobs run ({@code parkingspots.jobs.lag} count). A figure over the last
 * N seconds is the difference between now and the sample N seconds ago (or the oldest one, after a start).
 */
class MeterSampler implements DisposableBean {

    static final String CACHE = "parkingspots.spots.cache.requests";
    static final String JOB_LAG = "parkingspots.jobs.lag";

    record Sample(long second, double hits, double misses, long jobs) {}

    private final MeterRegistry registry;
    private final Clock clock;
    private final Sample[] ring;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-sampler");
        thread.setDaemon(true);
        return thread;
    });

    MeterSampler(MeterRegistry registry, Clock clock, int maxSeconds) {
        this.registry = registry;
        this.clock = clock;
        this.ring = new Sample[maxSeconds + 2];
        sample();
        timer.scheduleAtFixedRate(this::sample, 1000 - clock.millis() % 1000, 1000, TimeUnit.MILLISECONDS);
    }

    /** Also called by the dashboard, so a read is never older than the request asking. */
    synchronized Sample sample() {
        long second = clock.millis() / 1000;
        double hits = 0;
        double misses = 0;
        for (Counter counter : registry.find(CACHE).counters()) {
            String result = counter.getId().getTag("result");
            if ("hit".equals(result)) {
                hits += counter.count();
            } else if ("miss".equals(result)) {
                misses += counter.count();
            }
        }
        long jobs = 0;
        for (Timer lag : registry.find(JOB_LAG).timers()) {
            jobs += lag.count();
        }
        Sample sample = new Sample(second, hits, misses, jobs);
        ring[(int) Math.floorMod(second, (long) ring.length)] = sample;
        return sample;
    }

    /** The sample taken {@code seconds} ago, or the oldest one younger than that. */
    synchronized @Nullable Sample ago(long nowSecond, int seconds) {
        Sample oldest = null;
        for (Sample sample : ring) {
            if (sample == null || sample.second() < nowSecond - seconds || sample.second() > nowSecond) {
                continue;
            }
            if (oldest == null || sample.second() < oldest.second()) {
                oldest = sample;
            }
        }
        return oldest;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
