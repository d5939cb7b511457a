package com.parkingspots.spots.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nearest-first search over points on the sphere (ADR 0010): a fixed latitude/longitude grid whose cells hold their
 * points column by column — the unit vector (so comparing distances is a dot product, no trigonometry), the slot of the
 * listing, its packed attributes and its hourly rate (so filters are checked without touching the listing). A search
 * visits cells ring by ring around the query's cell, skipping every cell whose bounding box is farther than the current
 * k-th candidate or the radius, and stops once no unvisited cell can hold a nearer point. Where the rings would cost
 * more than the cells that exist (a huge radius over an empty area), it visits the existing cells in order of distance
 * instead, so no search costs more than one pass over the cells.
 *
 * <p>Not thread-safe: the marketplace guards it with its read/write lock.
 */
final class GeoGrid {

    /** What a search wants of a candidate beyond its distance, checked cheapest first. */
    interface Filter {

        /** From the packed attributes and the hourly rate alone. */
        boolean accepts(int attributes, int hourlyRate);

        /** The expensive part (time window, text), on the listing; only for candidates that would make the page. */
        boolean acceptsSlot(int slot);

        /** Orders points at exactly the same distance (the caller's id order), so the k-th is always the same one. */
        int tieBreak(int slotA, int slotB);
    }

    /** A point found: its slot and its squared chord distance to the query on the unit sphere. */
    record Found(int slot, double chord2) {}

    static final double EARTH_RADIUS_KM = 6371.0;

    private final double cellDegrees;
    private final int lonCells;
    private final int minLatCell;
    private final int maxLatCell;
    private final LongMap<Cell> cells = new LongMap<>();
    /** For every slot: its cell's key and its index in that cell; -1 when absent. */
    private long[] cellOf = new long[0];

    private int[] indexInCell = new int[0];
    private int points;

    GeoGrid(double cellDegrees) {
        this.cellDegrees = cellDegrees;
        this.lonCells = (int) Math.round(360 / cellDegrees);
        this.minLatCell = latCell(-90);
        this.maxLatCell = latCell(90);
    }

    int points() {
        return points;
    }

    int cells() {
        return cells.size();
    }

    /** Approximate heap use of the grid, in bytes. */
    long bytes() {
        long total = cellOf.length * 8L + indexInCell.length * 4L + cells.capacity() * 12L;
        for (Cell cell : cells.values()) {
            total += 64 + cell.slot.length * (3 * 8L + 3 * 4L);
        }
        return total;
    }

    /** Gives back what the arrays grew beyond their points (after a bulk load). */
    void trim() {
        for (Cell cell : cells.values()) {
            cell.trim();
        }
        int length = Math.min(cellOf.length, Math.max(16, highestSlot() + 1 + (cellOf.length >> 4)));
        cellOf = Arrays.copyOf(cellOf, length);
        indexInCell = Arrays.copyOf(indexInCell, cellOf.length);
    }

    private int highestSlot() {
        for (int slot = cellOf.length - 1; slot >= 0; slot--) {
            if (cellOf[slot] != Long.MIN_VALUE) {
                return slot;
            }
        }
        return -1;
    }

    /** Adds or moves the slot's point. */
    void put(int slot, double latitude, double longitude, int attributes, int hourlyRate) {
        remove(slot);
        ensureSlot(slot);
        long key = key(latCell(latitude), lonCell(longitude));
        Cell cell = cells.get(key);
        if (cell == null) {
            cell = new Cell(latCell(latitude), lonCell(longitude));
            cells.put(key, cell);
        }
        double lat = Math.toRadians(latitude);
        double lon = Math.toRadians(longitude);
        double cos = Math.cos(lat);
        int index = cell.add(slot, cos * Math.cos(lon), cos * Math.sin(lon), Math.sin(lat), attributes, hourlyRate);
        cellOf[slot] = key;
        indexInCell[slot] = index;
        points++;
    }

    /** Updates the attributes and rate of a point already in the grid (its location unchanged). */
    boolean update(int slot, int attributes, int hourlyRate) {
        if (slot >= cellOf.length || cellOf[slot] == Long.MIN_VALUE) {
            return false;
        }
        Cell cell = cells.get(cellOf[slot]);
        int index = indexInCell[slot];
        cell.attributes[index] = attributes;
        cell.rate[index] = hourlyRate;
        return true;
    }

    void remove(int slot) {
        if (slot >= cellOf.length || cellOf[slot] == Long.MIN_VALUE) {
            return;
        }
        Cell cell = cells.get(cellOf[slot]);
        int moved = cell.removeAt(indexInCell[slot]);
        if (moved >= 0) {
            indexInCell[moved] = indexInCell[slot];
        }
        cellOf[slot] = Long.MIN_VALUE;
        points--;
    }

    /**
     * The {@code k} points nearest to the location within {@code radiusKm} that the filter accepts, nearest first (equal
     * distances by slot order is not guaranteed: the caller orders by exact distance and id). May hold a few more than
     * {@code k}: the farthest of them can be within rounding of each other.
     */
    List<Found> nearest(double latitude, double longitude, double radiusKm, int k, Filter filter) {
        double lat = Math.toRadians(latitude);
        double lon = Math.toRadians(longitude);
        double cos = Math.cos(lat);
        double qx = cos * Math.cos(lon);
        double qy = cos * Math.sin(lon);
        double qz = Math.sin(lat);
        double radiusChord = chord(Math.min(radiusKm / EARTH_RADIUS_KM, Math.PI));
        // a hair wider than the radius: the caller applies the exact haversine
        double limit2 = radiusChord * radiusChord * (1 + 1e-9) + 1e-15;
        TopK top = new TopK(k, filter);
        int ci = latCell(latitude);
        int cj = lonCell(longitude);
        long visited = 0;
        for (int r = 0; ; r++) {
            double bound = top.full() ? Math.min(limit2, top.worst()) : limit2;
            if (r > 0) {
                double ringAngle = ringLowerBound(latitude, longitude, ci, cj, r);
                if (ringAngle == Double.POSITIVE_INFINITY) {
                    break;
                }
                double ring = chord(ringAngle);
                if (ring * ring > bound) {
                    break;
                }
            }
            long ringCells = r == 0 ? 1 : 8L * r;
            if (visited + ringCells > 2L * cells.size() + 64 || 2L * r + 1 >= lonCells) {
                // the rings would now cost more than visiting every existing cell once
                scanAllCells(ci, cj, r, qx, qy, qz, limit2, top, filter);
                return top.sorted();
            }
            visited += ringCells;
            visitRing(ci, cj, r, qx, qy, qz, limit2, top, filter);
        }
        return top.sorted();
    }

    private void visitRing(
            int ci, int cj, int r, double qx, double qy, double qz, double limit2, TopK top, Filter filter) {
        if (r == 0) {
            visit(ci, cj, qx, qy, qz, limit2, top, filter);
            return;
        }
        // (rings never wrap onto themselves: wider ones are visited by scanAllCells)
        for (int i = ci - r; i <= ci + r; i++) {
            if (i < minLatCell || i > maxLatCell) {
                continue;
            }
            boolean edgeRow = i == ci - r || i == ci + r;
            if (edgeRow) {
                for (int j = cj - r; j <= cj + r; j++) {
                    visit(i, j, qx, qy, qz, limit2, top, filter);
                }
            } else {
                visit(i, cj - r, qx, qy, qz, limit2, top, filter);
                visit(i, cj + r, qx, qy, qz, limit2, top, filter);
            }
        }
    }

    private void visit(int i, int j, double qx, double qy, double qz, double limit2, TopK top, Filter filter) {
        Cell cell = cells.get(key(i, Math.floorMod(j, lonCells)));
        if (cell != null && cell.size > 0) {
            scan(cell, qx, qy, qz, limit2, top, filter);
        }
    }

    /** Visits the cells not visited yet (those outside rings {@code 0 .. r-1}), nearest first. */
    private void scanAllCells(
            int ci, int cj, int r, double qx, double qy, double qz, double limit2, TopK top, Filter filter) {
        List<Cell> near = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (Cell cell : cells.values()) {
            int lonOffset = Math.floorMod(cell.j - cj, lonCells);
            lonOffset = Math.min(lonOffset, lonCells - lonOffset);
            boolean visited = Math.abs(cell.i - ci) < r && lonOffset < r;
            if (cell.size > 0 && !visited) {
                double d2 = cell.boxDistance2(qx, qy, qz);
                if (d2 <= limit2) {
                    near.add(cell);
                    distances.add(d2);
                }
            }
        }
        Integer[] order = new Integer[near.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distances.get(a), distances.get(b)));
        for (Integer index : order) {
            if (top.full() && distances.get(index) > top.worst()) {
                break;
            }
            scan(near.get(index), qx, qy, qz, limit2, top, filter);
        }
    }

    private static void scan(Cell cell, double qx, double qy, double qz, double limit2, TopK top, Filter filter) {
        double bound = top.full() ? Math.min(limit2, top.worst()) : limit2;
        if (cell.boxDistance2(qx, qy, qz) > bound) {
            return;
        }
        double[] xyz = cell.xyz;
        int[] attributes = cell.attributes;
        int[] rates = cell.rate;
        int[] slots = cell.slot;
        for (int p = 0, n = cell.size; p < n; p++) {
            double dx = xyz[3 * p] - qx;
            double dy = xyz[3 * p + 1] - qy;
            double dz = xyz[3 * p + 2] - qz;
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > bound) {
                continue;
            }
            if (!filter.accepts(attributes[p], rates[p]) || !filter.acceptsSlot(slots[p])) {
                continue;
            }
            top.offer(slots[p], d2);
            if (top.full()) {
                bound = Math.min(limit2, top.worst());
            }
        }
    }

    /**
     * The smallest central angle from the query to any point outside the rings before {@code r}: those rings cover
     * latitude cells {@code ci ± (r-1)} and longitude cells {@code cj ± (r-1)}, so an unvisited point is either that
     * far in latitude or that far in longitude (whose distance is that to the nearest meridian there). Infinite when
     * nothing lies beyond.
     */
    private double ringLowerBound(double latitude, double longitude, int ci, int cj, int r) {
        double south = (ci - r + 1) * cellDegrees;
        double north = (ci + r) * cellDegrees;
        double dLat = Double.POSITIVE_INFINITY;
        if (ci - r + 1 > minLatCell) {
            dLat = Math.min(dLat, latitude - south);
        }
        if (ci + r - 1 < maxLatCell) {
            dLat = Math.min(dLat, north - latitude);
        }
        double angle = Math.toRadians(Math.max(0, dLat));
        if (2L * r - 1 < lonCells) {
            double dLon = Math.min(longitude - (cj - r + 1) * cellDegrees, (cj + r) * cellDegrees - longitude);
            double lonAngle = Math.toRadians(Math.max(0, dLon));
            double phi = Math.toRadians(latitude);
            double toMeridian = lonAngle >= Math.PI / 2
                    ? Math.PI / 2 - Math.abs(phi)
                    : Math.asin(Math.min(1, Math.cos(phi) * Math.sin(lonAngle)));
            angle = Math.min(angle, Math.max(0, toMeridian));
        } else if (dLat == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        // a little less, so that rounding never prunes a cell that holds a point exactly at the bound
        return Math.max(0, angle * (1 - 1e-9) - 1e-12);
    }

    static double chord(double angle) {
        return 2 * Math.sin(angle / 2);
    }

    private int latCell(double latitude) {
        return (int) Math.floor(latitude / cellDegrees);
    }

    private int lonCell(double longitude) {
        return Math.floorMod((int) Math.floor(longitude / cellDegrees), lonCells);
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | (j & 0xffffffffL);
    }

    private void ensureSlot(int slot) {
        if (slot >= cellOf.length) {
            int length = Math.max(slot + 1, Math.max(16, cellOf.length + (cellOf.length >> 1)));
            int old = cellOf.length;
            cellOf = Arrays.copyOf(cellOf, length);
            Arrays.fill(cellOf, old, length, Long.MIN_VALUE);
            indexInCell = Arrays.copyOf(indexInCell, length);
        }
    }

    /** The points of one cell, column by column, with the bounding box of their unit vectors. */
    private static final class Cell {
        final int i;
        final int j;
        int size;
        double[] xyz = new double[3 * 4];
        int[] slot = new int[4];
        int[] attributes = new int[4];
        int[] rate = new int[4];
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, minZ = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY, maxZ = Double.NEGATIVE_INFINITY;

        Cell(int i, int j) {
            this.i = i;
            this.j = j;
        }

        int add(int s, double x, double y, double z, int attrs, int hourlyRate) {
            if (size == slot.length) {
                int capacity = size + Math.max(4, size >> 1);
                xyz = Arrays.copyOf(xyz, 3 * capacity);
                slot = Arrays.copyOf(slot, capacity);
                attributes = Arrays.copyOf(attributes, capacity);
                rate = Arrays.copyOf(rate, capacity);
            }
            xyz[3 * size] = x;
            xyz[3 * size + 1] = y;
            xyz[3 * size + 2] = z;
            slot[size] = s;
            attributes[size] = attrs;
            rate[size] = hourlyRate;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            minZ = Math.min(minZ, z);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            maxZ = Math.max(maxZ, z);
            return size++;
        }

        void trim() {
            int capacity = Math.max(4, size + (size >> 3));
            if (capacity < slot.length) {
                xyz = Arrays.copyOf(xyz, 3 * capacity);
                slot = Arrays.copyOf(slot, capacity);
                attributes = Arrays.copyOf(attributes, capacity);
                rate = Arrays.copyOf(rate, capacity);
            }
        }

        /** Removes the point at {@code index} by moving the last one there; returns the moved slot, or -1. */
        int removeAt(int index) {
            int last = --size;
            if (index == last) {
                return -1;
            }
            System.arraycopy(xyz, 3 * last, xyz, 3 * index, 3);
            slot[index] = slot[last];
            attributes[index] = attributes[last];
            rate[index] = rate[last];
            return slot[index];
            // the bounding box stays as it was: still a valid (if looser) bound
        }

        /** Squared distance from the point to the box of this cell's unit vectors: a lower bound for its points. */
        double boxDistance2(double x, double y, double z) {
            double dx = x < minX ? minX - x : x > maxX ? x - maxX : 0;
            double dy = y < minY ? minY - y : y > maxY ? y - maxY : 0;
            double dz = z < minZ ? minZ - z : z > maxZ ? z - maxZ : 0;
            return dx * dx + dy * dy + dz * dz;
        }
    }

    /** The k best (smallest squared chord, then the filter's tie-break) candidates, as a max-heap. */
    private static final class TopK {
        private final int k;
        private final int[] slots;
        private final double[] d2;
        private final Filter order;
        private int size;

        TopK(int k, Filter order) {
            this.k = Math.max(1, k);
            this.slots = new int[this.k];
            this.d2 = new double[this.k];
            this.order = order;
        }

        /** Whether entry a ranks after entry b (farther, or as far and later in id order). */
        private boolean after(double da, int sa, double db, int sb) {
            return da > db || da == db && order.tieBreak(sa, sb) > 0;
        }

        boolean full() {
            return size == k;
        }

        double worst() {
            return d2[0];
        }

        void offer(int slot, double distance2) {
            if (size < k) {
                int i = size++;
                slots[i] = slot;
                d2[i] = distance2;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!after(d2[i], slots[i], d2[parent], slots[parent])) {
                        break;
                    }
                    swap(i, parent);
                    i = parent;
                }
            } else if (after(d2[0], slots[0], distance2, slot)) {
                slots[0] = slot;
                d2[0] = distance2;
                int i = 0;
                while (true) {
                    int left = 2 * i + 1;
                    if (left >= size) {
                        break;
                    }
                    int right = left + 1;
                    int largest = right < size && after(d2[right], slots[right], d2[left], slots[left]) ? right : left;
                    if (!after(d2[largest], slots[largest], d2[i], slots[i])) {
                        break;
                    }
                    swap(i, largest);
                    i = largest;
                }
            }
        }

        private void swap(int a, int b) {
            int s = slots[a];
            slots[a] = slots[b];
            slots[b] = s;
            double d = d2[a];
            d2[a] = d2[b];
            d2[b] = d;
        }

        List<Found> sorted() {
            List<Found> found = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                found.add(new Found(slots[i], d2[i]));
            }
            found.sort((a, b) -> Double.compare(a.chord2(), b.chord2()));
            return found;
        }
    }
}
