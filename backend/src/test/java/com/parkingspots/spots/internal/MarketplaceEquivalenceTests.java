package com.parkingspots.spots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.spots.SpotOccupancy;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-memory marketplace answers exactly what the SQL search answers, on the same database: seeded-random spots
 * with operating hours in several time zones (half-hour offsets, daylight saving time in both hemispheres), weekly and
 * dated blocks and booking holds; seeded-random searches with and without a time window (windows across DST changes,
 * overnight, several days), every filter, text, and pages. Each answer is compared field by field, distances included.
 */
class MarketplaceEquivalenceTests extends ApiTest {

    private static final List<String> ZONES = List.of(
            "UTC", "Europe/Athens", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham");
    private static final List<String> DAYS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MarketplaceSync sync;

    @Autowired
    SpotSearch sql;

    @Autowired
    SpotOccupancy occupancy;

    @Autowired
    Spots rows;

    @Test
    void memoryAndSqlGiveTheSamePagesForRandomSearchesWithAndWithoutWindows() {
        Random random = new Random(11);
        Api.Session owner = api.signUp("owner");
        // a place of its own (the Southern Ocean), so other tests' spots do not interfere
        double lat0 = -55 - random.nextDouble();
        double lon0 = 60 + random.nextDouble();
        String token = "eq" + Long.toHexString(random.nextLong());
        List<UUID> created = new java.util.ArrayList<>();
        for (int i = 0; i < 160; i++) {
            UUID spot = createSpot(owner, random, lat0, lon0, token, i);
            created.add(spot);
            if (random.nextInt(6) == 0) {
                addSlot(owner, spot, random, true);
            }
            if (random.nextInt(8) == 0) {
                addSlot(owner, spot, random, false);
            }
            for (int h = random.nextInt(3); h > 0; h--) {
                Instant start = randomInstant(random);
                occupancy.occupy(
                        spot, UUID.randomUUID(), start, start.plus(Duration.ofMinutes(30 + random.nextInt(600))));
            }
        }
        Marketplace marketplace = sync.marketplace().orElseThrow();
        for (UUID spot : created) {
            assertThat(marketplace.find(spot).orElseThrow().toSpot())
                    .as("the detail from memory is the row, field by field")
                    .isEqualTo(rows.find(spot).orElseThrow());
        }
        int windows = 0;
        int windowsWithAnswers = 0;
        int windowsWithClosedSpots = 0;
        for (int q = 0; q < 300; q++) {
            boolean located = random.nextInt(5) != 0;
            Instant start = random.nextBoolean() ? randomInstant(random) : null;
            // on quarter hours, as the hours are: windows often end exactly at a closing time
            Instant end = start == null ? null : start.plus(Duration.ofMinutes(15 * (2 + random.nextInt(4 * 96))));
            windows += start == null ? 0 : 1;
            int limit = 1 + random.nextInt(25);
            SearchCriteria criteria = new SearchCriteria(
                    located ? lat0 + random.nextGaussian() * 0.01 : null,
                    located ? lon0 + random.nextGaussian() * 0.01 : null,
                    new double[] {0.3, 1, 2, 5}[random.nextInt(4)],
                    random.nextInt(4) == 0 ? Listing.TYPES.get(random.nextInt(6)) : null,
                    random.nextInt(5) == 0 ? 1 + random.nextInt(5) : null,
                    random.nextInt(4) == 0 ? 200 + 50 * random.nextInt(10) : null,
                    random.nextInt(5) == 0 ? random.nextBoolean() : null,
                    random.nextInt(5) == 0 ? random.nextBoolean() : null,
                    random.nextInt(8) == 0 ? random.nextBoolean() : null,
                    random.nextInt(8) == 0 ? random.nextBoolean() : null,
                    random.nextInt(8) == 0 ? random.nextBoolean() : null,
                    // without a location, only this test's spots: its token is in every title
                    located && random.nextInt(3) != 0
                            ? null
                            : token + (random.nextBoolean() ? "" : " " + random.nextInt(9)),
                    random.nextInt(10) == 0 ? "ville" : null,
                    random.nextInt(10) == 0 ? "PREF" : null,
                    random.nextInt(15) == 0 ? "1000" + random.nextInt(3) : null,
                    start,
                    end,
                    random.nextInt(3) == 0 ? limit * random.nextInt(3) : 0,
                    limit);
            List<SpotSummary> fromSql = sql.search(criteria);
            List<SpotSummary> fromMemory = marketplace.search(criteria).orElseThrow();
            assertThat(fromMemory).as("%s", criteria).isEqualTo(fromSql);
            if (start != null && !fromSql.isEmpty()) {
                windowsWithAnswers++;
                SearchCriteria anyTime = new SearchCriteria(
                        criteria.latitude(),
                        criteria.longitude(),
                        criteria.radiusKm(),
                        criteria.spotType(),
                        criteria.minSizeRank(),
                        criteria.maxHourlyRate(),
                        criteria.evCharging(),
                        criteria.covered(),
                        criteria.security(),
                        criteria.lighting(),
                        criteria.handicapAccessible(),
                        criteria.q(),
                        criteria.city(),
                        criteria.state(),
                        criteria.zipCode(),
                        null,
                        null,
                        criteria.offset(),
                        criteria.limit());
                if (!sql.search(anyTime).equals(fromSql)) {
                    windowsWithClosedSpots++;
                }
            }
        }
        // the comparison means something: windows found spots, and the rules excluded some
        assertThat(windows).isGreaterThan(100);
        assertThat(windowsWithAnswers).isGreaterThan(50);
        assertThat(windowsWithClosedSpots).isGreaterThan(30);
    }

    private UUID createSpot(Api.Session owner, Random random, double lat0, double lon0, String token, int i) {
        Map<String, Object> spot = new LinkedHashMap<>();
        spot.put("title", "Spot " + token + " " + i);
        spot.put("spot_type", Listing.TYPES.get(random.nextInt(6)));
        spot.put("vehicle_size", Listing.SIZES.get(random.nextInt(5)));
        spot.put("address", "Street " + i);
        spot.put("city", random.nextBoolean() ? "Sea Ville" : "Harbour");
        spot.put("state", random.nextBoolean() ? "Prefecture" : "Region");
        spot.put("zip_code", "1000" + random.nextInt(3));
        // a few exactly on top of each other: equal distances are ordered by id in both
        double jitter = random.nextInt(10) == 0 ? 0 : 1;
        spot.put("latitude", Math.round((lat0 + jitter * random.nextGaussian() * 0.01) * 1e6) / 1e6);
        spot.put("longitude", Math.round((lon0 + jitter * random.nextGaussian() * 0.01) * 1e6) / 1e6);
        spot.put("hourly_rate", 100 + 10 * random.nextInt(60));
        spot.put("is_covered", random.nextBoolean());
        spot.put("has_ev_charging", random.nextBoolean());
        spot.put("has_security", random.nextBoolean());
        spot.put("has_lighting", random.nextBoolean());
        spot.put("is_handicap_accessible", random.nextBoolean());
        spot.put("time_zone", ZONES.get(random.nextInt(ZONES.size())));
        if (random.nextInt(5) < 3) {
            Map<String, Object> hours = new LinkedHashMap<>();
            for (String day : DAYS) {
                int kind = random.nextInt(6);
                if (kind == 0) {
                    hours.put(day, "closed");
                } else if (kind == 1) {
                    hours.put(day, "24h");
                } else if (kind < 5) {
                    hours.put(day, Map.of("open", hhmm(random), "close", hhmm(random)));
                } // else: not named, closed
            }
            spot.put("operating_hours", hours);
        }
        var created = http.post("/api/v1/parking-spots/", JSON.writeValueAsString(spot), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        if (random.nextInt(12) == 0) {
            var off = http.send("PUT", "/api/v1/parking-spots/" + id, "{\"is_available\": false}", owner.auth());
            assertThat(off.status()).isEqualTo(200);
        }
        return id;
    }

    private void addSlot(Api.Session owner, UUID spot, Random random, boolean dated) {
        Map<String, Object> slot = new LinkedHashMap<>();
        if (dated) {
            slot.put(
                    "specific_date",
                    LocalDate.of(2030, 3, 1).plusDays(random.nextInt(40)).toString());
        } else {
            slot.put("day_of_week", random.nextInt(7));
        }
        slot.put("start_time", hhmm(random));
        slot.put("end_time", hhmm(random));
        slot.put("is_available", false);
        var added = http.post(
                "/api/v1/parking-spots/" + spot + "/availability", JSON.writeValueAsString(slot), owner.auth());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    /**
     * A quarter hour between 2030-03-01 and 2030-04-10: across DST changes in Europe, North America and Lord Howe
     * Island.
     */
    private static Instant randomInstant(Random random) {
        return Instant.parse("2030-03-01T00:00:00Z").plus(Duration.ofMinutes(15L * random.nextInt(40 * 96)));
    }

    private static String hhmm(Random random) {
        return "%02d:%02d".formatted(random.nextInt(24), random.nextInt(4) * 15);
    }
}
