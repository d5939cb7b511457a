package com.parkingspots.spots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-memory marketplace against a brute force: for seeded-random datasets (a dense city, its suburbs, spots on
 * both sides of the antimeridian and near a pole, some at the very same place) and seeded-random searches (centres,
 * radii from 50 m to the list's 100 km, every filter, pages), the page equals a haversine over every spot, filtered,
 * ordered by distance then id, then paged — the query {@code bench/BruteForceCheck.java} checks at a million spots.
 */
class MarketplaceTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private record Spot(
            UUID id,
            double lat,
            double lon,
            int type,
            int size,
            int rate,
            boolean ev,
            boolean covered,
            boolean active) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void nearbyPagesEqualABruteForceOverEverySpot(long seed) {
        Random random = new Random(seed);
        List<Spot> spots = new ArrayList<>();
        Marketplace marketplace = new Marketplace(16, NOW);
        for (int i = 0; i < 20_000; i++) {
            double lat;
            double lon;
            double r = random.nextDouble();
            if (r < 0.5) {
                lat = 37.98 + random.nextGaussian() * 0.02;
                lon = 23.73 + random.nextGaussian() * 0.025;
            } else if (r < 0.8) {
                lat = 37.98 + random.nextGaussian() * 0.2;
                lon = 23.73 + random.nextGaussian() * 0.25;
            } else if (r < 0.9) {
                lat = -17.8 + random.nextGaussian() * 0.05; // Fiji, across the antimeridian
                lon = wrap(179.99 + random.nextGaussian() * 0.05);
            } else if (r < 0.95) {
                lat = Math.min(90, 89.9 + Math.abs(random.nextGaussian()) * 0.05);
                lon = random.nextDouble() * 360 - 180;
            } else if (spots.isEmpty()) {
                lat = 10;
                lon = 10;
            } else {
                Spot twin = spots.get(random.nextInt(spots.size())); // the very same place
                lat = twin.lat();
                lon = twin.lon();
            }
            Spot spot = new Spot(
                    new UUID(random.nextLong(), random.nextLong()),
                    Math.round(lat * 1e6) / 1e6,
                    Math.round(lon * 1e6) / 1e6,
                    random.nextInt(6),
                    1 + random.nextInt(5),
                    100 + 10 * random.nextInt(90),
                    random.nextInt(7) == 0,
                    random.nextBoolean(),
                    random.nextInt(20) != 0);
            spots.add(spot);
            marketplace.put(listing(spot));
        }
        marketplace.compact();
        // moves and removals go through the same index
        for (int i = 0; i < 500; i++) {
            int index = random.nextInt(spots.size());
            Spot before = spots.get(index);
            if (random.nextBoolean()) {
                marketplace.remove(before.id());
                spots.remove(index);
            } else {
                Spot moved = new Spot(
                        before.id(),
                        37.98 + random.nextGaussian() * 0.02,
                        23.73 + random.nextGaussian() * 0.025,
                        before.type(),
                        before.size(),
                        before.rate(),
                        before.ev(),
                        before.covered(),
                        before.active());
                spots.set(index, moved);
                marketplace.put(listing(moved));
            }
        }
        for (int q = 0; q < 400; q++) {
            Spot centre = spots.get(random.nextInt(spots.size()));
            double lat = Math.max(-90, Math.min(90, centre.lat() + random.nextGaussian() * 0.01));
            double lon = wrap(centre.lon() + random.nextGaussian() * 0.01);
            double[] radii = {0.05, 0.5, 1, 2, 5, 10, 25, 100};
            double radius = radii[random.nextInt(radii.length)];
            Integer type = random.nextInt(4) == 0 ? random.nextInt(6) : null;
            Integer size = random.nextInt(5) == 0 ? 1 + random.nextInt(5) : null;
            Integer maxRate = random.nextInt(4) == 0 ? 150 + 50 * random.nextInt(14) : null;
            Boolean ev = random.nextInt(5) == 0 ? random.nextBoolean() : null;
            Boolean covered = random.nextInt(6) == 0 ? random.nextBoolean() : null;
            int limit = 1 + random.nextInt(30);
            int offset = random.nextInt(4) == 0 ? limit * random.nextInt(4) : 0;
            SearchCriteria criteria = new SearchCriteria(
                    lat,
                    lon,
                    radius,
                    type == null ? null : Listing.TYPES.get(type),
                    size,
                    maxRate,
                    ev,
                    covered,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    offset,
                    limit);
            List<String> expected = spots.stream()
                    .filter(Spot::active)
                    .filter(s -> type == null || s.type() == type)
                    .filter(s -> size == null || s.size() >= size)
                    .filter(s -> maxRate == null || s.rate() <= maxRate)
                    .filter(s -> ev == null || s.ev() == ev)
                    .filter(s -> covered == null || s.covered() == covered)
                    .filter(s -> Marketplace.haversine(lat, lon, s.lat(), s.lon()) <= radius)
                    .sorted(Comparator.comparingDouble((Spot s) -> Marketplace.haversine(lat, lon, s.lat(), s.lon()))
                            .thenComparing(s -> s.id().toString()))
                    .skip(offset)
                    .limit(limit)
                    .map(s -> s.id().toString())
                    .toList();
            List<String> actual = marketplace.search(criteria).orElseThrow().stream()
                    .map(s -> s.id().toString())
                    .toList();
            assertThat(actual).as("%s", criteria).isEqualTo(expected);
        }
    }

    @Test
    void distancesAreRoundedExactlyAsTheDecimalsOfTheSqlPathWere() {
        Random random = new Random(9);
        for (int i = 0; i < 2_000_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 100;
                case 1 -> Math.round(random.nextDouble() * 100_000) / 1000.0 + 0.005; // half cents
                case 2 -> (random.nextInt(100_000) + 0.5) / 100.0;
                default -> Math.nextAfter((random.nextInt(100_000) + 0.5) / 100.0, random.nextBoolean() ? 0 : 1e9);
            };
            double expected = java.math.BigDecimal.valueOf(value)
                    .setScale(2, java.math.RoundingMode.HALF_UP)
                    .doubleValue();
            assertThat(Marketplace.round2(value)).as("%s", value).isEqualTo(expected);
        }
    }

    @Test
    void aHugeRadiusOverAnEmptyWorldVisitsTheExistingCellsNotTheRings() {
        Marketplace marketplace = new Marketplace(16, NOW);
        Spot far = new Spot(UUID.randomUUID(), 64.1, -21.9, 0, 3, 300, false, false, true);
        marketplace.put(listing(far));
        SearchCriteria criteria = plain(-33.9, 18.4, 20_000, null, null, 0, 20);
        long started = System.nanoTime();
        List<SpotSummary> found = marketplace.search(criteria).orElseThrow();
        assertThat(found).extracting(SpotSummary::id).containsExactly(far.id());
        assertThat(found.getFirst().distanceKm())
                .isEqualTo(Marketplace.round2(Marketplace.haversine(-33.9, 18.4, 64.1, -21.9)));
        assertThat(System.nanoTime() - started)
                .as("no walk over millions of empty cells")
                .isLessThan(1_000_000_000L);
    }

    @Test
    void newestFirstFollowsCreationThenIdAcrossAdditionsAndRemovals() {
        Marketplace marketplace = new Marketplace(16, NOW);
        Random random = new Random(5);
        List<Listing> all = new ArrayList<>();
        for (int i = 0; i < 9000; i++) { // a bulk load, then more than one merge of the recent additions
            if (i == 3000) {
                marketplace.compact();
            }
            Listing listing = listing(
                    new Spot(new UUID(random.nextLong(), random.nextLong()), 1, 1, 0, 3, 300, false, false, true),
                    random.nextInt(50));
            all.add(listing);
            marketplace.put(listing);
            if (random.nextInt(10) == 0) {
                Listing gone = all.remove(random.nextInt(all.size()));
                marketplace.remove(gone.id());
            }
        }
        all.sort((a, b) -> -compareNewest(a, b));
        for (int offset : List.of(0, 17, 4000)) {
            SearchCriteria criteria = plain(null, null, 10, null, null, offset, 50);
            assertThat(marketplace.search(criteria).orElseThrow())
                    .extracting(SpotSummary::id)
                    .containsExactlyElementsOf(all.subList(offset, offset + 50).stream()
                            .map(Listing::id)
                            .toList());
        }
    }

    private static int compareNewest(Listing a, Listing b) {
        int byTime = Long.compare(a.createdAt, b.createdAt);
        return byTime != 0 ? byTime : Marketplace.compareIds(a, b);
    }

    @Test
    void aWindowBeforeTheKeptHoldsIsLeftToTheDatabase() {
        Marketplace marketplace = new Marketplace(16, NOW);
        SearchCriteria before = plain(null, null, 10, NOW.minusSeconds(7200), NOW.minusSeconds(3600), 0, 20);
        assertThat(marketplace.search(before)).isEmpty();
        SearchCriteria after = plain(null, null, 10, NOW.plusSeconds(3600), NOW.plusSeconds(7200), 0, 20);
        assertThat(marketplace.search(after)).isPresent();
    }

    @Test
    void holdsAreReleasedByBookingAndReplacedPerSpot() {
        Marketplace marketplace = new Marketplace(16, NOW);
        Spot spot = new Spot(UUID.randomUUID(), 1, 1, 0, 3, 300, false, false, true);
        marketplace.put(listing(spot));
        Instant ten = Instant.parse("2030-02-01T10:00:00Z");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        marketplace.occupy(spot.id(), first, ten, ten.plusSeconds(3600));
        marketplace.occupy(spot.id(), second, ten.plusSeconds(7200), ten.plusSeconds(10800));
        assertThat(free(marketplace, ten.plusSeconds(1800), ten.plusSeconds(2400)))
                .isFalse();
        assertThat(free(marketplace, ten.plusSeconds(3600), ten.plusSeconds(7200)))
                .isTrue(); // between, half-open
        marketplace.release(first);
        assertThat(free(marketplace, ten.plusSeconds(1800), ten.plusSeconds(2400)))
                .isTrue();
        assertThat(free(marketplace, ten.plusSeconds(7200), ten.plusSeconds(7300)))
                .isFalse();
        marketplace.replaceOccupancy(spot.id(), java.util.Map.of());
        assertThat(free(marketplace, ten.plusSeconds(7200), ten.plusSeconds(7300)))
                .isTrue();
        assertThat(marketplace.holds()).isZero();
    }

    private static boolean free(Marketplace marketplace, Instant start, Instant end) {
        SearchCriteria criteria = plain(1.0, 1.0, 1, start, end, 0, 20);
        return !marketplace.search(criteria).orElseThrow().isEmpty();
    }

    /** A search with no filter but the location and the window (both optional). */
    private static SearchCriteria plain(
            Double lat, Double lon, double radiusKm, Instant start, Instant end, int offset, int limit) {
        return new SearchCriteria(
                lat, lon, radiusKm, null, null, null, null, null, null, null, null, null, null, null, null, start, end,
                offset, limit);
    }

    private static Listing listing(Spot spot) {
        return listing(spot, 0);
    }

    private static Listing listing(Spot spot, long created) {
        return new Listing(
                spot.id(),
                UUID.nameUUIDFromBytes(new byte[] {1}),
                "Spot",
                null,
                "Street 1",
                "City",
                "State",
                "12345",
                "Country",
                spot.lat(),
                spot.lon(),
                spot.rate(),
                0,
                0,
                "eur",
                Listing.attributes(
                        Listing.TYPES.get(spot.type()),
                        Listing.SIZES.get(spot.size() - 1),
                        spot.covered(),
                        spot.ev(),
                        false,
                        false,
                        false,
                        spot.active(),
                        true,
                        false),
                null,
                null,
                "UTC",
                ZoneId.of("UTC"),
                List.of(),
                0,
                0,
                0,
                created,
                created,
                null,
                null);
    }

    private static double wrap(double lon) {
        return ((lon + 180) % 360 + 360) % 360 - 180;
    }
}
