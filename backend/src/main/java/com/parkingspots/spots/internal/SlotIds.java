package com.parkingspots.spots.internal;

import java.util.Arrays;

/**
 * Spot id → slot, open addressing with linear probing over the id's two longs, at most three quarters full: 27 to 53
 * bytes a spot where a {@code HashMap<UUID, Integer>} takes about 100. Removal shifts the following entries back, so no tombstones pile up.
 * Not thread-safe.
 */
final class SlotIds {

    private long[] msb;
    private long[] lsb;
    private int[] slots;
    private int size;

    SlotIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3)) << 1;
        msb = new long[capacity];
        lsb = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, -1);
    }

    int size() {
        return size;
    }

    long bytes() {
        return slots.length * 20L;
    }

    /** The slot of the id, or -1. */
    int get(long idMsb, long idLsb) {
        int mask = slots.length - 1;
        for (int i = mix(idMsb, idLsb) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot < 0) {
                return -1;
            }
            if (msb[i] == idMsb && lsb[i] == idLsb) {
                return slot;
            }
        }
    }

    void put(long idMsb, long idLsb, int slot) {
        if (4L * (size + 1) > 3L * slots.length) { // at most three quarters full
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(idMsb, idLsb) & mask; ; i = (i + 1) & mask) {
            if (slots[i] < 0) {
                msb[i] = idMsb;
                lsb[i] = idLsb;
                slots[i] = slot;
                size++;
                return;
            }
            if (msb[i] == idMsb && lsb[i] == idLsb) {
                slots[i] = slot;
                return;
            }
        }
    }

    void remove(long idMsb, long idLsb) {
        int mask = slots.length - 1;
        int i = mix(idMsb, idLsb) & mask;
        while (true) {
            if (slots[i] < 0) {
                return;
            }
            if (msb[i] == idMsb && lsb[i] == idLsb) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // shift back the entries after the hole that would otherwise no longer be found
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] >= 0; j = (j + 1) & mask) {
            int home = mix(msb[j], lsb[j]) & mask;
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                msb[hole] = msb[j];
                lsb[hole] = lsb[j];
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = -1;
    }

    private void grow() {
        long[] oldMsb = msb;
        long[] oldLsb = lsb;
        int[] oldSlots = slots;
        msb = new long[oldSlots.length * 2];
        lsb = new long[oldSlots.length * 2];
        slots = new int[oldSlots.length * 2];
        Arrays.fill(slots, -1);
        size = 0;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] >= 0) {
                put(oldMsb[j], oldLsb[j], oldSlots[j]);
            }
        }
    }

    private static int mix(long a, long b) {
        long h = (a ^ Long.rotateLeft(b, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31));
    }
}
