package com.parkingspots.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The most recent events seen by this instance (its own and, with Redis, every other instance's), by sequence number,
 * for clients that reconnect with {@code resume}. A replay is complete only if this instance holds every number after
 * the client's last one: numbers are cluster-wide and consecutive (Redis), so a gap means something was missed (this
 * instance started later, the buffer overflowed, or Redis was down) and the client must refetch.
 */
final class ReplayBuffer {

    record Replay(List<RealtimeEvent> events, boolean complete, long lastSeq) {}

    private final int capacity;
    private final NavigableMap<Long, RealtimeEvent> events = new TreeMap<>();
    private long floor = -1; // every event after this number up to the latest has been seen, unless a gap shows
    private long latest;
    private boolean evicted;

    ReplayBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RealtimeEvent event) {
        if (floor < 0) {
            floor = event.seq() - 1;
        }
        latest = Math.max(latest, event.seq());
        if (capacity == 0) {
            floor = latest;
            evicted = true;
            return;
        }
        events.put(event.seq(), event);
        while (events.size() > capacity) {
            floor = events.pollFirstEntry().getKey();
            evicted = true;
        }
    }

    synchronized long latest() {
        return latest;
    }

    synchronized Replay after(long seq) {
        List<RealtimeEvent> missed = new ArrayList<>(events.tailMap(seq, false).values());
        boolean complete = floor >= 0 && seq >= floor && seq <= latest && consecutive(seq, missed);
        if (seq == 0) {
            // the client saw nothing (it connected before any event here): complete if nothing was evicted since start
            complete = !evicted;
        }
        return new Replay(missed, complete, latest);
    }

    private static boolean consecutive(long after, List<RealtimeEvent> missed) {
        long expected = after + 1;
        for (RealtimeEvent event : missed) {
            if (event.seq() != expected) {
                return false;
            }
            expected++;
        }
        return true;
    }
}
