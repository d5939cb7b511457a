package com.parkingspots.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits CPU-bound requests ({@link CpuBoundRequests}) a few at a time, first come first served: at most
 * {@code concurrency} run (about two per core), the others wait in a fair queue. On 2 cores, 64 connections of nearby
 * searches were answered at p99 23 ms this way, against 137 ms with 32 request threads time-sliced by the OS and
 * 300 ms to seconds with virtual threads, whose work-stealing scheduler serves some connections again and again while
 * others wait (ADR 0010). A request that would wait behind {@code maxWaiting} others, or longer than {@code maxWait},
 * is refused with {@code 503} and {@code Retry-After: 1}, so that a flood of searches never holds every request thread
 * and bookings, sign-ins and the rest keep being served. Figures: {@code parkingspots.web.cpu.waiting} (gauge) and
 * {@code parkingspots.web.cpu.refused} (counter).
 */
final class CpuBoundAdmission extends OncePerRequestFilter {

    static final String BUSY = "Service temporarily busy, try again shortly";

    private final List<CpuBoundRequests> cpuBound;
    private final Semaphore permits;
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final ErrorResponses errors;
    private final Counter refused;

    CpuBoundAdmission(
            List<CpuBoundRequests> cpuBound,
            int concurrency,
            int maxWaiting,
            Duration maxWait,
            ErrorResponses errors,
            MeterRegistry meters) {
        this.cpuBound = List.copyOf(cpuBound);
        this.permits = new Semaphore(concurrency, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
        this.errors = errors;
        this.refused = Counter.builder("parkingspots.web.cpu.refused")
                .description("CPU-bound requests refused with 503 because too many were waiting")
                .register(meters);
        Gauge.builder("parkingspots.web.cpu.waiting", permits, Semaphore::getQueueLength)
                .description("CPU-bound requests waiting for their turn")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCpuBound(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean admitted;
        try {
            admitted = permits.getQueueLength() < maxWaiting && permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refused.increment();
            response.setHeader("Retry-After", "1");
            errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private boolean isCpuBound(HttpServletRequest request) {
        for (CpuBoundRequests requests : cpuBound) {
            if (requests.matches(request)) {
                return true;
            }
        }
        return false;
    }
}
