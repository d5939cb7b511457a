package com.parkingspots.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayBufferTests {

    private static RealtimeEvent event(long seq) {
        return new RealtimeEvent(seq, "booking_update", Map.of(), "2026-01-01T00:00:00Z", Set.of(), null, null, null);
    }

    @Test
    void replaysEverythingAfterTheClientsLastNumberAndSaysItIsComplete() {
        ReplayBuffer buffer = new ReplayBuffer(10);
        for (long seq = 100; seq <= 105; seq++) {
            buffer.add(event(seq));
        }
        var replay = buffer.after(102);
        assertThat(replay.events()).extracting(RealtimeEvent::seq).containsExactly(103L, 104L, 105L);
        assertThat(replay.complete()).isTrue();
        assertThat(buffer.after(105).complete()).as("nothing missed").isTrue();
        assertThat(buffer.after(99).complete())
                .as("the first event here follows 99")
                .isTrue();
    }

    @Test
    void aNumberFromBeforeThisInstanceOrBeyondItsNewestIsIncomplete() {
        ReplayBuffer buffer = new ReplayBuffer(10);
        buffer.add(event(100));
        buffer.add(event(101));
        assertThat(buffer.after(50).complete()).isFalse();
        assertThat(buffer.after(500).complete()).isFalse();
    }

    @Test
    void aGapOrAnEvictionMakesTheReplayIncomplete() {
        ReplayBuffer gap = new ReplayBuffer(10);
        gap.add(event(1));
        gap.add(event(2));
        gap.add(event(4));
        assertThat(gap.after(1).complete()).isFalse();
        assertThat(gap.after(0).complete())
                .as("a client that saw nothing, nothing evicted")
                .isTrue();

        ReplayBuffer small = new ReplayBuffer(2);
        for (long seq = 1; seq <= 5; seq++) {
            small.add(event(seq));
        }
        assertThat(small.after(2).complete()).isFalse();
        assertThat(small.after(3).events()).extracting(RealtimeEvent::seq).containsExactly(4L, 5L);
        assertThat(small.after(3).complete()).isTrue();
        assertThat(small.after(0).complete()).isFalse();
    }

    @Test
    void boundingBoxesAreValidatedAndContainTheirEdges() {
        BoundingBox athens = BoundingBox.of(List.of(23.7, 37.9, 23.8, 38.0));
        assertThat(athens.contains(37.9755, 23.7348)).isTrue();
        assertThat(athens.contains(38.0, 23.8)).isTrue();
        assertThat(athens.contains(40.6, 22.9)).isFalse();
        assertThatThrownBy(() -> BoundingBox.of(List.of(24.0, 37.0, 23.0, 38.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoundingBox.of(List.of(0.0, 95.0, 1.0, 96.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoundingBox.of(List.of(1.0, 2.0, 3.0))).isInstanceOf(IllegalArgumentException.class);
    }
}
