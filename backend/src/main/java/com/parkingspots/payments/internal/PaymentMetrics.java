package com.parkingspots.payments.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code parkingspots.payments{result,provider}}: payments that succeeded or failed on this instance, counted once per
 * payment (a repeated webhook or confirm call does not count again) when the recording transaction commits.
 */
@Component
class PaymentMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String provider : List.of(PaymentProvider.OFFLINE, PaymentProvider.STRIPE)) {
            counter("succeeded", provider);
            counter("failed", provider);
        }
    }

    void succeeded(String provider) {
        afterCommit(counter("succeeded", provider));
    }

    void failed(String provider) {
        afterCommit(counter("failed", provider));
    }

    private Counter counter(String result, String provider) {
        return counters.computeIfAbsent(
                result + "/" + provider,
                key -> Counter.builder("parkingspots.payments")
                        .description("Payments that succeeded or failed on this instance")
                        .tag("result", result)
                        .tag("provider", provider)
                        .register(registry));
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
