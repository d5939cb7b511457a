package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestWindowTests {

    @Test
    void countsTheCompleteSecondsOfTheWindowOnly() {
        RequestWindow window = new RequestWindow(10);
        window.record(99, 1_000, 200); // 11 s before "now": outside
        for (long second = 100; second < 110; second++) {
            window.record(second, 2_000, 200);
        }
        window.record(105, 2_000, 503);
        window.record(106, 2_000, 404);
        window.record(110, 2_000, 200); // the current, incomplete second: not yet
        var snapshot = window.read(110, 10);
        assertThat(snapshot.requests()).isEqualTo(12);
        assertThat(snapshot.serverErrors()).isEqualTo(1);
        assertThat(snapshot.clientErrors()).isEqualTo(1);
        assertThat(window.read(200, 10).requests()).isZero();
        assertThat(window.read(200, 10).p50Ms()).isNull();
    }

    @Test
    void aSlotIsReusedWhenItsSecondComesRoundAgain() {
        RequestWindow window = new RequestWindow(10);
        window.record(100, 1_000, 200);
        window.record(112, 1_000, 200); // same slot as 100 in a ring of 12
        assertThat(window.read(101, 10).requests()).isZero();
        assertThat(window.read(113, 10).requests()).isEqualTo(1);
    }

    @Test
    void percentilesAreWithinTenPercent() {
        RequestWindow window = new RequestWindow(10);
        Random random = new Random(42);
        long[] micros = new long[10_000];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = 100 + (long) (random.nextDouble() * random.nextDouble() * 500_000);
            window.record(100 + i % 10, micros[i], 200);
        }
        java.util.Arrays.sort(micros);
        var snapshot = window.read(110, 10);
        double p50 = micros[(int) Math.ceil(0.50 * micros.length) - 1] / 1000.0;
        double p99 = micros[(int) Math.ceil(0.99 * micros.length) - 1] / 1000.0;
        assertThat(snapshot.p50Ms()).isBetween(p50, p50 * 1.11);
        assertThat(snapshot.p99Ms()).isBetween(p99, p99 * 1.11);
    }

    @Test
    void onlyApiRequestsOtherThanTheDashboardAndTheWebSocketCount() {
        assertThat(RequestRecorder.counted("/api/v1/parking-spots")).isTrue();
        assertThat(RequestRecorder.counted("/api/v1/admin/dashboard")).isFalse();
        assertThat(RequestRecorder.counted("/api/v1/ws")).isFalse();
        assertThat(RequestRecorder.counted("/assets/index.js")).isFalse();
        assertThat(RequestRecorder.counted("/health")).isFalse();
        assertThat(RequestRecorder.counted("/actuator/prometheus")).isFalse();
    }
}
