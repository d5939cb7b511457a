package com.parkingspots.spots.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * Every spot of the marketplace in memory, answering what the search query and the spot lookups answer without a
 * database round trip (ADR 0010): nearby search with every filter, in distance order with the id breaking ties, and
 * pages; the newest-first list; and, for a time window, the same opening-hours, blocked-date and occupancy rules as the
 * SQL functions {@code spot_open_during}, {@code spot_blocked_during} and {@code spot_occupied_during}.
 *
 * <p>Many readers, one writer (the synchronisation with PostgreSQL), under a read/write lock: a search sees the
 * marketplace as one consistent state. Occupancy is kept from {@link #occupancyFrom()} on; a search for an earlier
 * window is not answered here ({@link #search} returns empty) and goes to the database.
 */
final class Marketplace {

    static final double CELL_DEGREES = 0.005;
    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final int MINUTES_PER_WEEK = WeeklySchedule.MINUTES_PER_WEEK;
    /** Pending new listings are merged into the newest-first order once there are this many. */
    private static final int RECENT_MERGE = 4096;

    /**
     * The intervals bookings hold on one spot, as sorted {@code [start, end)} pairs of epoch microseconds, and the
     * booking of each. Immutable.
     */
    private record Held(long[] intervals, UUID[] bookings) {

        Held with(UUID booking, long start, long end) {
            int n = bookings.length;
            int i = 0;
            while (i < n && intervals[2 * i] <= start) {
                i++;
            }
            long[] pairs = new long[2 * n + 2];
            UUID[] ids = new UUID[n + 1];
            System.arraycopy(intervals, 0, pairs, 0, 2 * i);
            System.arraycopy(bookings, 0, ids, 0, i);
            pairs[2 * i] = start;
            pairs[2 * i + 1] = end;
            ids[i] = booking;
            System.arraycopy(intervals, 2 * i, pairs, 2 * i + 2, 2 * (n - i));
            System.arraycopy(bookings, i, ids, i + 1, n - i);
            return new Held(pairs, ids);
        }

        /** Without the booking's interval, or without those ending at or before {@code cutoff}; null when empty. */
        @Nullable
        Held without(@Nullable UUID booking, long cutoff) {
            int n = bookings.length;
            long[] pairs = new long[2 * n];
            UUID[] ids = new UUID[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (!bookings[i].equals(booking) && intervals[2 * i + 1] > cutoff) {
                    pairs[2 * kept] = intervals[2 * i];
                    pairs[2 * kept + 1] = intervals[2 * i + 1];
                    ids[kept++] = bookings[i];
                }
            }
            return kept == 0
                    ? null
                    : kept == n ? this : new Held(Arrays.copyOf(pairs, 2 * kept), Arrays.copyOf(ids, kept));
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final GeoGrid grid = new GeoGrid(CELL_DEGREES);
    private final SlotIds ids;
    /** Booking → the slot it holds an interval of. */
    private final Map<UUID, Integer> holds = new HashMap<>();

    private Listing[] listings;
    /** Per slot, what bookings hold; null: nothing. */
    private @Nullable Held[] occupancy;

    private int slots;
    private int live;
    /** Counts changes to listings (not holds): readers can tell whether what they derived is stale. */
    private volatile long listingChanges;
    /** Slots in newest-first order ({@code created_at DESC, id DESC}), and those added since, in the same order. */
    private int[] newest = new int[0];

    private final List<Integer> recent = new ArrayList<>();
    private long occupancyFrom;
    private long textBytes;
    /** While built from a snapshot: the newest-first order is made once, by {@link #compact()}. */
    private boolean bulk = true;

    Marketplace(int expected, Instant occupancyFrom) {
        this.ids = new SlotIds(expected);
        this.listings = new Listing[Math.max(16, expected)];
        this.occupancy = new Held[listings.length];
        this.occupancyFrom = Listing.micros(occupancyFrom);
    }

    // --- reading ---

    int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    Instant occupancyFrom() {
        lock.readLock().lock();
        try {
            return Listing.instant(occupancyFrom);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** An estimate of the heap this marketplace holds, in bytes (object layouts of a 64-bit JVM, compressed oops). */
    long bytes() {
        lock.readLock().lock();
        try {
            long perListing = 136; // the Listing object itself
            long total = live * perListing + textBytes + listings.length * 8L + occupancy.length * 4L;
            total += ids.bytes() + grid.bytes() + newest.length * 4L + holds.size() * 160L;
            return total;
        } finally {
            lock.readLock().unlock();
        }
    }

    long listingChanges() {
        return listingChanges;
    }

    /** Every listing, under the read lock (the action must be quick and must not call back into the marketplace). */
    void forEachListing(java.util.function.Consumer<Listing> action) {
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < slots; slot++) {
                Listing listing = listings[slot];
                if (listing != null) {
                    action.accept(listing);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The listing and the intervals bookings hold on it ({@code [start, end)} pairs of epoch microseconds). */
    record Holding(Listing listing, long[] held) {}

    Optional<Holding> holding(UUID id) {
        lock.readLock().lock();
        try {
            int slot = ids.get(id.getMostSignificantBits(), id.getLeastSignificantBits());
            if (slot < 0) {
                return Optional.empty();
            }
            Held held = occupancy[slot];
            return Optional.of(new Holding(
                    listings[slot],
                    held == null ? new long[0] : held.intervals().clone()));
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<Listing> find(UUID id) {
        lock.readLock().lock();
        try {
            int slot = ids.get(id.getMostSignificantBits(), id.getLeastSignificantBits());
            return slot < 0 ? Optional.empty() : Optional.of(listings[slot]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The page the search query would return, or empty when the window starts before the occupancy this marketplace
     * keeps (the database answers those).
     */
    Optional<List<SpotSummary>> search(SearchCriteria criteria) {
        lock.readLock().lock();
        try {
            Query query = new Query(criteria);
            if (criteria.hasWindow() && query.start < occupancyFrom) {
                return Optional.empty();
            }
            return Optional.of(criteria.hasLocation() ? nearby(criteria, query) : newestFirst(criteria, query));
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<SpotSummary> nearby(SearchCriteria criteria, Query query) {
        double lat = criteria.latitude();
        double lon = criteria.longitude();
        int wanted = criteria.offset() + criteria.limit();
        List<GeoGrid.Found> found = grid.nearest(lat, lon, criteria.radiusKm(), wanted, query);
        record Hit(Listing listing, double distance) {}
        List<Hit> hits = new ArrayList<>(found.size());
        for (GeoGrid.Found f : found) {
            Listing listing = listings[f.slot()];
            double distance = haversine(lat, lon, listing.latitude, listing.longitude);
            if (distance <= criteria.radiusKm()) {
                hits.add(new Hit(listing, distance));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distance).thenComparing(Hit::listing, Marketplace::compareIds));
        List<SpotSummary> page = new ArrayList<>(criteria.limit());
        for (int i = criteria.offset(); i < Math.min(hits.size(), wanted); i++) {
            Hit hit = hits.get(i);
            page.add(hit.listing().toSummary(round2(hit.distance())));
        }
        return page;
    }

    private List<SpotSummary> newestFirst(SearchCriteria criteria, Query query) {
        int skip = criteria.offset();
        List<SpotSummary> page = new ArrayList<>(criteria.limit());
        int a = 0;
        int b = 0;
        while (page.size() < criteria.limit() && (a < newest.length || b < recent.size())) {
            int slot;
            if (b >= recent.size() || a < newest.length && newerFirst(newest[a], recent.get(b)) < 0) {
                slot = newest[a++];
            } else {
                slot = recent.get(b++);
            }
            Listing listing = listings[slot];
            if (listing == null || !query.accepts(listing.attributes, listing.hourlyRate) || !query.acceptsSlot(slot)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            page.add(listing.toSummary(null));
        }
        return page;
    }

    // --- writing (the synchronisation only) ---

    /** Adds a listing or replaces the one with the same id. */
    void put(Listing listing) {
        lock.writeLock().lock();
        try {
            int slot = ids.get(listing.idMsb, listing.idLsb);
            Listing before = slot < 0 ? null : listings[slot];
            if (slot < 0) {
                slot = slots++;
                ensureCapacity(slots);
                ids.put(listing.idMsb, listing.idLsb, slot);
                live++;
                if (!bulk) {
                    recent.add(insertionPoint(slot, listing), slot);
                }
            } else {
                textBytes -= textBytes(before);
            }
            listings[slot] = listing;
            listingChanges++;
            textBytes += textBytes(listing);
            boolean moved =
                    before == null || before.latitude != listing.latitude || before.longitude != listing.longitude;
            if (moved) {
                grid.put(slot, listing.latitude, listing.longitude, listing.attributes, listing.hourlyRate);
            } else {
                grid.update(slot, listing.attributes, listing.hourlyRate);
            }
            if (recent.size() >= RECENT_MERGE) {
                mergeRecent();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Ends the bulk load: sorts every listing newest first once and trims the arrays grown while loading. Later
     * additions are kept in order as they come.
     */
    void compact() {
        lock.writeLock().lock();
        try {
            Integer[] order = new Integer[live];
            int n = 0;
            for (int slot = 0; slot < slots; slot++) {
                if (listings[slot] != null) {
                    order[n++] = slot;
                }
            }
            Arrays.sort(order, 0, n, (a, b) -> newerFirst(listings[a], listings[b]));
            newest = new int[n];
            for (int i = 0; i < n; i++) {
                newest[i] = order[i];
            }
            recent.clear();
            bulk = false;
            listings = Arrays.copyOf(listings, Math.max(16, slots + (slots >> 4)));
            occupancy = Arrays.copyOf(occupancy, listings.length);
            grid.trim();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(UUID id) {
        lock.writeLock().lock();
        try {
            int slot = ids.get(id.getMostSignificantBits(), id.getLeastSignificantBits());
            if (slot < 0) {
                return;
            }
            textBytes -= textBytes(listings[slot]);
            ids.remove(id.getMostSignificantBits(), id.getLeastSignificantBits());
            grid.remove(slot);
            listings[slot] = null; // the slot is not reused: the newest-first order skips it
            listingChanges++;
            dropHolds(slot);
            recent.remove(Integer.valueOf(slot));
            live--;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The booking holds {@code [start, end)} of the spot (idempotent; a changed interval replaces the old one). */
    void occupy(UUID spotId, UUID bookingId, Instant start, Instant end) {
        lock.writeLock().lock();
        try {
            int slot = ids.get(spotId.getMostSignificantBits(), spotId.getLeastSignificantBits());
            if (slot < 0) {
                return;
            }
            releaseLocked(bookingId);
            hold(slot, bookingId, Listing.micros(start), Listing.micros(end));
        } finally {
            lock.writeLock().unlock();
        }
    }

    void release(UUID bookingId) {
        lock.writeLock().lock();
        try {
            releaseLocked(bookingId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces every hold on the spot with these (booking id → {@code [start, end)}), as the database has them. */
    void replaceOccupancy(UUID spotId, Map<UUID, Instant[]> bookings) {
        lock.writeLock().lock();
        try {
            int slot = ids.get(spotId.getMostSignificantBits(), spotId.getLeastSignificantBits());
            if (slot < 0) {
                return;
            }
            dropHolds(slot);
            for (Map.Entry<UUID, Instant[]> booking : bookings.entrySet()) {
                releaseLocked(booking.getKey());
                hold(
                        slot,
                        booking.getKey(),
                        Listing.micros(booking.getValue()[0]),
                        Listing.micros(booking.getValue()[1]));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Forgets holds that ended before {@code from}: searches for windows starting before it are then answered by the
     * database. Keeps memory proportional to the bookings still ahead.
     */
    void forgetOccupancyBefore(Instant from) {
        lock.writeLock().lock();
        try {
            long cutoff = Listing.micros(from);
            if (cutoff <= occupancyFrom) {
                return;
            }
            occupancyFrom = cutoff;
            for (int slot = 0; slot < slots; slot++) {
                Held held = occupancy[slot];
                if (held != null) {
                    Held kept = held.without(null, cutoff);
                    if (kept != held) {
                        for (UUID booking : held.bookings()) {
                            holds.remove(booking);
                        }
                        occupancy[slot] = kept;
                        if (kept != null) {
                            for (UUID booking : kept.bookings()) {
                                holds.put(booking, slot);
                            }
                        }
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int holds() {
        lock.readLock().lock();
        try {
            return holds.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void releaseLocked(UUID bookingId) {
        Integer slot = holds.remove(bookingId);
        if (slot != null && occupancy[slot] != null) {
            occupancy[slot] = occupancy[slot].without(bookingId, Long.MIN_VALUE);
        }
    }

    private void hold(int slot, UUID bookingId, long start, long end) {
        if (end <= occupancyFrom) {
            return;
        }
        Held held = occupancy[slot];
        occupancy[slot] = held == null
                ? new Held(new long[] {start, end}, new UUID[] {bookingId})
                : held.with(bookingId, start, end);
        holds.put(bookingId, slot);
    }

    private void dropHolds(int slot) {
        Held held = occupancy[slot];
        if (held != null) {
            for (UUID booking : held.bookings()) {
                holds.remove(booking);
            }
            occupancy[slot] = null;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > listings.length) {
            int length = Math.max(needed, listings.length + (listings.length >> 1));
            listings = Arrays.copyOf(listings, length);
            occupancy = Arrays.copyOf(occupancy, length);
        }
    }

    private int insertionPoint(int slot, Listing listing) {
        int low = 0;
        int high = recent.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (newerFirst(listings[recent.get(mid)], listing) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void mergeRecent() {
        int[] merged = new int[newest.length + recent.size()];
        int a = 0;
        int b = 0;
        int n = 0;
        while (a < newest.length || b < recent.size()) {
            if (b >= recent.size() || a < newest.length && newerFirst(newest[a], recent.get(b)) < 0) {
                merged[n++] = newest[a++];
            } else {
                merged[n++] = recent.get(b++);
            }
        }
        // drop the slots of removed listings while at it
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (listings[merged[i]] != null) {
                merged[kept++] = merged[i];
            }
        }
        newest = Arrays.copyOf(merged, kept);
        recent.clear();
    }

    /** Negative when slot a comes before slot b newest-first; a removed listing sorts as it did (by slot). */
    private int newerFirst(int a, int b) {
        Listing la = listings[a];
        Listing lb = listings[b];
        if (la == null || lb == null) {
            return la == null && lb == null ? Integer.compare(a, b) : la == null ? -1 : 1;
        }
        return newerFirst(la, lb);
    }

    private static int newerFirst(Listing a, Listing b) {
        int byTime = Long.compare(b.createdAt, a.createdAt);
        return byTime != 0 ? byTime : compareIds(b, a);
    }

    /** The order PostgreSQL gives uuids (bytes, unsigned), which is also the order of their text. */
    static int compareIds(Listing a, Listing b) {
        int high = Long.compareUnsigned(a.idMsb, b.idMsb);
        return high != 0 ? high : Long.compareUnsigned(a.idLsb, b.idLsb);
    }

    private static long textBytes(@Nullable Listing l) {
        if (l == null) {
            return 0;
        }
        long bytes = stringBytes(l.text);
        Listing.Extras extras = l.extras;
        if (extras != null) {
            bytes += 40
                    + stringBytes(extras.description())
                    + stringBytes(extras.accessInstructions())
                    + stringBytes(extras.operatingHours());
            for (String image : extras.images()) {
                bytes += stringBytes(image) + 8;
            }
            if (extras.openWeek() != null) {
                bytes += 16 + 4L * extras.openWeek().length;
            }
            if (extras.blocks() != null) {
                bytes += 16 + 8L * extras.blocks().length;
            }
        }
        return bytes;
    }

    private static long stringBytes(@Nullable String s) {
        return s == null ? 0 : 24 + 16 + ((s.length() + 7) & ~7L);
    }

    /** The search query's distance (R = 6371 km), term by term as SQL computes it. */
    static double haversine(double lat, double lon, double spotLat, double spotLon) {
        double a = Math.pow(Math.sin(Math.toRadians(spotLat - lat) / 2), 2)
                + Math.cos(Math.toRadians(lat))
                        * Math.cos(Math.toRadians(spotLat))
                        * Math.pow(Math.sin(Math.toRadians(spotLon - lon) / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /**
     * {@code BigDecimal.valueOf(value).setScale(2, HALF_UP).doubleValue()}, as SQL results were rounded, without its
     * allocations unless the value is within rounding of a half cent (where only the decimal digits can decide).
     */
    static double round2(double value) {
        double scaled = value * 100;
        double fraction = scaled - Math.floor(scaled);
        if (Math.abs(fraction - 0.5) > 1e-6 && Math.abs(scaled) < 1e15) {
            return Math.round(scaled) / 100.0;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** One search's filters, checked against the grid's packed attributes first and the listing last. */
    private final class Query implements GeoGrid.Filter {

        private final int type;
        private final int minRank;
        private final int maxRate;
        private final int mustSet;
        private final int mustClear;
        private final @Nullable String q;
        private final @Nullable String city;
        private final @Nullable String state;
        private final @Nullable String zipCode;
        private final boolean window;
        private final long start;
        private final long end;
        private final @Nullable Instant startInstant;
        private final @Nullable Instant endInstant;
        /** The window in minutes of the week, per time zone (most spots share one). */
        private @Nullable ZoneId lastZone;

        private int weekFrom;
        private int weekTo;

        Query(SearchCriteria c) {
            this.type = c.spotType() == null ? -1 : Listing.TYPES.indexOf(c.spotType());
            this.minRank = c.minSizeRank() == null ? 0 : c.minSizeRank();
            this.maxRate = c.maxHourlyRate() == null ? Integer.MAX_VALUE : c.maxHourlyRate();
            this.mustSet = Listing.SEARCHABLE
                    | when(c.evCharging(), true, Listing.EV_CHARGING)
                    | when(c.covered(), true, Listing.COVERED)
                    | when(c.security(), true, Listing.SECURITY)
                    | when(c.lighting(), true, Listing.LIGHTING)
                    | when(c.handicapAccessible(), true, Listing.ACCESSIBLE);
            this.mustClear = when(c.evCharging(), false, Listing.EV_CHARGING)
                    | when(c.covered(), false, Listing.COVERED)
                    | when(c.security(), false, Listing.SECURITY)
                    | when(c.lighting(), false, Listing.LIGHTING)
                    | when(c.handicapAccessible(), false, Listing.ACCESSIBLE);
            this.q = c.q();
            this.city = c.city();
            this.state = c.state();
            this.zipCode = c.zipCode();
            this.window = c.hasWindow();
            this.startInstant = window ? micro(c.start()) : null;
            this.endInstant = window ? micro(c.end()) : null;
            this.start = window ? Listing.micros(startInstant) : 0;
            this.end = window ? Listing.micros(endInstant) : 0;
        }

        @Override
        public boolean accepts(int attributes, int hourlyRate) {
            return (attributes & mustSet) == mustSet
                    && (attributes & mustClear) == 0
                    && (type < 0 || (attributes & Listing.TYPE_MASK) == type)
                    && ((attributes >>> Listing.SIZE_SHIFT) & 0b111) >= minRank
                    && hourlyRate <= maxRate;
        }

        @Override
        public boolean acceptsSlot(int slot) {
            if (q == null && city == null && state == null && zipCode == null && !window) {
                return true;
            }
            Listing l = listings[slot];
            if (q != null && !(l.titleOrAddressContains(q) || contains(l.city, q) || contains(l.zipCode, q))) {
                return false;
            }
            if (city != null && !contains(l.city, city)) {
                return false;
            }
            if (state != null && !contains(l.state, state)) {
                return false;
            }
            if (zipCode != null && !zipCode.equals(l.zipCode)) {
                return false;
            }
            return !window || bookable(l, slot);
        }

        @Override
        public int tieBreak(int slotA, int slotB) {
            return compareIds(listings[slotA], listings[slotB]);
        }

        private boolean bookable(Listing l, int slot) {
            if (l.openWeek() != null && !open(l)) {
                return false;
            }
            Held held = occupancy[slot];
            if (overlaps(l.blocks()) || held != null && overlaps(held.intervals())) {
                return false;
            }
            return true;
        }

        private boolean overlaps(long @Nullable [] intervals) {
            if (intervals != null) {
                for (int i = 0; i < intervals.length; i += 2) {
                    if (intervals[i] < end && start < intervals[i + 1]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code spot_open_during}: the window, widened by a DST shift, in minutes of the spot's week. */
        private boolean open(Listing l) {
            if (!l.zone.equals(lastZone)) {
                weekWindow(l.zone);
            }
            int[] week = l.openWeek();
            if (weekTo - weekFrom >= MINUTES_PER_WEEK) {
                return false;
            }
            if (weekTo <= MINUTES_PER_WEEK) {
                return covers(week, weekFrom, weekTo);
            }
            return covers(week, weekFrom, MINUTES_PER_WEEK) && covers(week, 0, weekTo - MINUTES_PER_WEEK);
        }

        private void weekWindow(ZoneId zone) {
            Duration length = Duration.between(startInstant, endInstant);
            LocalDateTime localStart = LocalDateTime.ofInstant(startInstant, zone);
            LocalDateTime localEnd = LocalDateTime.ofInstant(endInstant, zone);
            LocalDateTime a = min(localStart, localEnd.minus(length));
            LocalDateTime b = max(localEnd, localStart.plus(length));
            LocalDateTime monday =
                    a.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long fromMicros = ChronoUnit.MICROS.between(monday, a);
            long toMicros = ChronoUnit.MICROS.between(monday, b);
            weekFrom = (int) Math.floorDiv(fromMicros, 60_000_000L);
            weekTo = (int) -Math.floorDiv(-toMicros, 60_000_000L);
            lastZone = zone;
        }
    }

    private static int when(@Nullable Boolean wanted, boolean value, int flag) {
        return wanted != null && wanted == value ? flag : 0;
    }

    /** Whether the multirange (sorted {@code [from, to)} pairs) contains {@code [from, to)}. */
    static boolean covers(int[] week, int from, int to) {
        for (int i = 0; i < week.length; i += 2) {
            if (week[i] <= from && to <= week[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** ILIKE {@code '%needle%'}: anywhere, ignoring case. */
    static boolean contains(String haystack, String needle) {
        return contains(haystack, 0, haystack.length(), needle);
    }

    /** ILIKE {@code '%needle%'} on {@code haystack[from, to)}. */
    static boolean contains(String haystack, int from, int to, String needle) {
        int n = needle.length();
        for (int i = from, last = to - n; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** Times as PostgreSQL stores them: to the microsecond. */
    private static Instant micro(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return instant.getNano() % 1000 >= 500 ? truncated.plus(1, ChronoUnit.MICROS) : truncated;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
