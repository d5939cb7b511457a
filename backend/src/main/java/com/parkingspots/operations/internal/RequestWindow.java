package com.parkingspots.operations.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * Requests of the last few seconds, cheaply: a ring of per-second slots, each with a count by status class and a
 * latency histogram of geometric buckets (10 % apart, 50 µs to 2 min), so a percentile is read to within 10 %. Writers
 * only increment atomics; a slot is reset when its second comes round again.
 */
final class RequestWindow {

    /** Upper bounds of the latency buckets in microseconds; the last bucket takes everything longer. */
    static final long[] BOUNDS;

    static {
        java.util.List<Long> bounds = new java.util.ArrayList<>();
        double bound = 50;
        while (bound < 120_000_000) {
            bounds.add(Math.round(bound));
            bound *= 1.1;
        }
        BOUNDS = bounds.stream().mapToLong(Long::longValue).toArray();
    }

    private static final int COUNT = 0;
    private static final int SERVER_ERRORS = 1;
    private static final int CLIENT_ERRORS = 2;
    private static final int HISTOGRAM = 3;

    private final Slot[] slots;

    RequestWindow(int maxWindowSeconds) {
        slots = new Slot[maxWindowSeconds + 2];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    /** Figures of the {@code seconds} complete seconds before {@code nowSecond}. */
    record Snapshot(
            long requests,
            long serverErrors,
            long clientErrors,
            @Nullable Double p50Ms,
            @Nullable Double p99Ms) {}

    void record(long epochSecond, long micros, int status) {
        Slot slot = slot(epochSecond);
        slot.values.incrementAndGet(COUNT);
        if (status >= 500) {
            slot.values.incrementAndGet(SERVER_ERRORS);
        } else if (status >= 400) {
            slot.values.incrementAndGet(CLIENT_ERRORS);
        }
        slot.values.incrementAndGet(HISTOGRAM + bucket(micros));
    }

    Snapshot read(long nowSecond, int seconds) {
        long[] sum = new long[HISTOGRAM + BOUNDS.length + 1];
        for (long second = nowSecond - seconds; second < nowSecond; second++) {
            Slot slot = slots[index(second)];
            if (slot.second != second) {
                continue;
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += slot.values.get(i);
            }
        }
        long count = sum[COUNT];
        return new Snapshot(
                count,
                sum[SERVER_ERRORS],
                sum[CLIENT_ERRORS],
                percentile(sum, count, 0.50),
                percentile(sum, count, 0.99));
    }

    private static @Nullable Double percentile(long[] sum, long count, double quantile) {
        if (count == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * count);
        long seen = 0;
        for (int b = 0; b <= BOUNDS.length; b++) {
            seen += sum[HISTOGRAM + b];
            if (seen >= rank) {
                long upper = b < BOUNDS.length ? BOUNDS[b] : BOUNDS[BOUNDS.length - 1];
                return upper / 1000.0;
            }
        }
        return BOUNDS[BOUNDS.length - 1] / 1000.0;
    }

    static int bucket(long micros) {
        int low = 0;
        int high = BOUNDS.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (BOUNDS[mid] < micros) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Slot slot(long epochSecond) {
        Slot slot = slots[index(epochSecond)];
        if (slot.second != epochSecond) {
            synchronized (slot) {
                if (slot.second != epochSecond) {
                    for (int i = 0; i < slot.values.length(); i++) {
                        slot.values.set(i, 0);
                    }
                    slot.second = epochSecond;
                }
            }
        }
        return slot;
    }

    private int index(long second) {
        return (int) Math.floorMod(second, (long) slots.length);
    }

    private static final class Slot {
        volatile long second = Long.MIN_VALUE;
        final AtomicLongArray values = new AtomicLongArray(HISTOGRAM + BOUNDS.length + 1);
    }
}
