package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotOccupancy;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one bookability rule (operating hours in the spot's time zone, blocked slots, occupancy) as other modules ask it
 * ({@link SpotCatalog#unavailabilityReason}) and as search applies it, and the caches' freshness.
 */
class SpotRulesTests extends ApiTest {

    static final String SPOTS = "/api/v1/parking-spots";

    @Autowired
    SpotCatalog catalog;

    @Autowired
    SpotOccupancy occupancy;

    @Autowired
    MeterRegistry meters;

    /** A location nobody else uses, so a search around it sees only this test's spots. */
    record Place(double lat, double lon) {
        static Place unique() {
            var random = ThreadLocalRandom.current();
            return new Place(
                    Math.round((-30 - random.nextDouble() * 10) * 1e6) / 1e6,
                    Math.round((-100 - random.nextDouble() * 20) * 1e6) / 1e6);
        }
    }

    UUID spot(Api.Session owner, Place place, Object... fields) {
        List<Object> all = new ArrayList<>(List.of("latitude", place.lat(), "longitude", place.lon()));
        all.addAll(List.of(fields));
        var created = http.post(SPOTS + "/", SpotJson.with(all.toArray()), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    List<String> bookableNear(Place place, String start, String end, int pageSize) {
        var response = http.get(SPOTS + "/?latitude=" + place.lat() + "&longitude=" + place.lon()
                + "&radius_km=1&page_size=" + pageSize + "&start_time=" + start + "&end_time=" + end);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    /** Asks both: the catalog (as bookings will) and search; they must agree. */
    boolean bookable(UUID spot, Place place, String start, String end) {
        Optional<String> reason = catalog.unavailabilityReason(spot, Instant.parse(start), Instant.parse(end));
        boolean inSearch = bookableNear(place, start, end, 100).contains(spot.toString());
        assertThat(inSearch)
                .as("search and catalog agree on %s–%s (%s)", start, end, reason)
                .isEqualTo(reason.isEmpty());
        return reason.isEmpty();
    }

    static Map<String, Object> everyDay(String open, String close) {
        Map<String, Object> hours = new java.util.LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.put(day, Map.of("open", open, "close", close));
        }
        return hours;
    }

    @Test
    void overnightHoursAreReadInTheSpotsOwnTimeZone() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID id = spot(owner, place, "time_zone", "Asia/Tokyo", "operating_hours", everyDay("22:00", "06:00"));
        // 2030-01-07 is a Monday; Tokyo is UTC+9 all year
        assertThat(bookable(id, place, "2030-01-07T14:00:00Z", "2030-01-07T20:00:00Z"))
                .isTrue(); // 23:00–05:00
        assertThat(bookable(id, place, "2030-01-07T12:00:00Z", "2030-01-07T14:00:00Z"))
                .isFalse(); // 21:00–23:00
        assertThat(bookable(id, place, "2030-01-07T20:00:00Z", "2030-01-07T22:00:00Z"))
                .isFalse(); // 05:00–07:00
        assertThat(bookable(id, place, "2030-01-06T14:00:00Z", "2030-01-06T17:00:00Z"))
                .isTrue(); // Sun 23:00–Mon 02:00
        assertThat(bookable(id, place, "2030-01-07T23:00:00Z", "2030-01-08T05:00:00Z"))
                .isFalse(); // 23:00–05:00 UTC
        assertThat(bookable(id, place, "2030-01-07T14:00:00Z", "2030-01-09T20:00:00Z"))
                .isFalse(); // two days
        assertThat(catalog.unavailabilityReason(
                        id, Instant.parse("2030-01-07T12:00:00Z"), Instant.parse("2030-01-07T14:00:00Z")))
                .contains("Parking spot is closed at the requested time");
    }

    @Test
    void businessHoursFollowDaylightSavingTimeInAthens() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID id = spot(owner, place, "time_zone", "Europe/Athens", "operating_hours", everyDay("09:00", "17:00"));
        // Saturday 2026-03-28 is UTC+2; Sunday 2026-03-29 (clocks go forward at 03:00) is UTC+3
        assertThat(bookable(id, place, "2026-03-28T07:00:00Z", "2026-03-28T15:00:00Z"))
                .isTrue();
        assertThat(bookable(id, place, "2026-03-28T06:00:00Z", "2026-03-28T14:00:00Z"))
                .isFalse();
        assertThat(bookable(id, place, "2026-03-29T06:00:00Z", "2026-03-29T14:00:00Z"))
                .isTrue();
        assertThat(bookable(id, place, "2026-03-29T07:00:00Z", "2026-03-29T15:00:00Z"))
                .isFalse();
        // Sunday 2026-10-25: back to UTC+2
        assertThat(bookable(id, place, "2026-10-25T07:00:00Z", "2026-10-25T15:00:00Z"))
                .isTrue();
        assertThat(bookable(id, place, "2026-10-25T06:00:00Z", "2026-10-25T14:00:00Z"))
                .isFalse();
        // a closed day
        var saturdayClosed = http.send(
                "PUT",
                SPOTS + "/" + id,
                SpotJson.json(Map.of("operating_hours", Map.of("saturday", "closed", "sunday", "24h"))),
                owner.auth());
        assertThat(saturdayClosed.status()).isEqualTo(200);
        assertThat(bookable(id, place, "2026-03-28T07:00:00Z", "2026-03-28T15:00:00Z"))
                .isFalse();
        assertThat(bookable(id, place, "2026-03-29T00:00:00Z", "2026-03-29T20:00:00Z"))
                .isTrue();
    }

    @Test
    void blockedSlotsCloseTheSpotAndAvailableSlotsChangeNothing() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID id = spot(owner, place);
        String weekly = http.post(
                        SPOTS + "/" + id + "/availability",
                        "{\"day_of_week\": 0, \"start_time\": \"12:00\", \"end_time\": \"14:00\", \"is_available\": false}",
                        owner.auth())
                .json()
                .get("id")
                .asString();
        http.post(
                SPOTS + "/" + id + "/availability",
                "{\"specific_date\": \"2030-01-09\", \"start_time\": \"00:00\", \"end_time\": \"00:00\", \"is_available\": false}",
                owner.auth());
        http.post(
                SPOTS + "/" + id + "/availability",
                "{\"day_of_week\": 3, \"start_time\": \"08:00\", \"end_time\": \"09:00\", \"is_available\": true}",
                owner.auth());
        assertThat(bookable(id, place, "2030-01-07T13:00:00Z", "2030-01-07T15:00:00Z"))
                .isFalse(); // Monday, blocked
        assertThat(bookable(id, place, "2030-01-07T14:00:00Z", "2030-01-07T15:00:00Z"))
                .isTrue();
        assertThat(bookable(id, place, "2030-01-14T11:00:00Z", "2030-01-14T12:00:00Z"))
                .isTrue(); // next Monday
        assertThat(bookable(id, place, "2030-01-09T10:00:00Z", "2030-01-09T11:00:00Z"))
                .isFalse(); // the date
        assertThat(catalog.unavailabilityReason(
                        id, Instant.parse("2030-01-09T10:00:00Z"), Instant.parse("2030-01-09T11:00:00Z")))
                .contains("Parking spot is blocked by its owner at the requested time");
        assertThat(bookable(id, place, "2030-01-08T20:00:00Z", "2030-01-09T00:00:00Z"))
                .isTrue(); // up to it
        assertThat(bookable(id, place, "2030-01-10T00:00:00Z", "2030-01-10T12:00:00Z"))
                .isTrue(); // after it
        assertThat(bookable(id, place, "2030-01-09T20:00:00Z", "2030-01-10T10:00:00Z"))
                .isFalse(); // overlaps it
        assertThat(http.send("DELETE", SPOTS + "/" + id + "/availability/" + weekly, null, owner.auth())
                        .status())
                .isEqualTo(200);
        assertThat(bookable(id, place, "2030-01-07T13:00:00Z", "2030-01-07T15:00:00Z"))
                .isTrue();
    }

    @Test
    void heldIntervalsAreExcludedAtOnceAndFreedOnRelease() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID id = spot(owner, place);
        // cache the answers first: a booking must still be visible immediately
        assertThat(bookableNear(place, "2030-02-01T11:00:00Z", "2030-02-01T13:00:00Z", 10))
                .contains(id.toString());
        UUID booking = UUID.randomUUID();
        occupancy.occupy(id, booking, Instant.parse("2030-02-01T10:00:00Z"), Instant.parse("2030-02-01T12:00:00Z"));
        assertThat(bookableNear(place, "2030-02-01T11:00:00Z", "2030-02-01T13:00:00Z", 10))
                .doesNotContain(id.toString());
        assertThat(bookableNear(place, "2030-02-01T12:00:00Z", "2030-02-01T13:00:00Z", 10))
                .contains(id.toString()); // half-open: back to back is fine
        assertThat(bookableNear(place, "2030-02-01T08:00:00Z", "2030-02-01T10:00:00Z", 10))
                .contains(id.toString());
        occupancy.release(booking);
        occupancy.release(booking);
        assertThat(bookableNear(place, "2030-02-01T11:00:00Z", "2030-02-01T13:00:00Z", 10))
                .contains(id.toString());
        // the rule of the catalog leaves bookings to the bookings module
        assertThat(catalog.unavailabilityReason(
                        id, Instant.parse("2030-02-01T11:00:00Z"), Instant.parse("2030-02-01T13:00:00Z")))
                .isEmpty();
    }

    @Test
    void searchesDetailsAndWindowsAreAnsweredFromMemoryWithoutTheDatabase() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID id = spot(owner, place);
        String near = SPOTS + "/?latitude=" + place.lat() + "&longitude=" + place.lon() + "&radius_km=1";
        double searchMisses = misses("search");
        double detailMisses = misses("detail");
        double searchHits = hits("search");

        occupancy.occupy(
                id, UUID.randomUUID(), Instant.parse("2030-04-01T10:00:00Z"), Instant.parse("2030-04-01T12:00:00Z"));
        assertThat(bookableNear(place, "2030-04-01T11:00:00Z", "2030-04-01T13:00:00Z", 10))
                .as("a search for a window sees the booking at once")
                .doesNotContain(id.toString());
        assertThat(http.get(near).json().get(0).get("id").asString()).isEqualTo(id.toString());
        assertThat(http.get(SPOTS + "/" + id).status()).isEqualTo(200);
        assertThat(hits("search")).isEqualTo(searchHits + 2);
        assertThat(misses("search")).as("no search went to the database").isEqualTo(searchMisses);
        assertThat(misses("detail")).as("no lookup went to the database").isEqualTo(detailMisses);
    }

    private double misses(String cache) {
        return meters.get("parkingspots.spots.cache.requests")
                .tags("cache", cache, "result", "miss")
                .counter()
                .count();
    }

    private double hits(String cache) {
        return meters.get("parkingspots.spots.cache.requests")
                .tags("cache", cache, "result", "hit")
                .counter()
                .count();
    }

    @Test
    void theTimeWindowFiltersBeforePaginationSoPagesStayFull() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // the nearest ones are closed at night
            Place at = new Place(place.lat() + i * 0.0001, place.lon());
            if (i < 4) {
                spot(owner, at, "operating_hours", everyDay("08:00", "18:00"));
            } else {
                open.add(spot(owner, at).toString());
            }
        }
        assertThat(bookableNear(place, "2030-03-01T22:00:00Z", "2030-03-01T23:00:00Z", 2))
                .containsExactlyElementsOf(open);
    }

    @Test
    void theSearchEndpointDefaultsToTheNextHour() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID free = spot(owner, place);
        UUID busy = spot(owner, new Place(place.lat() + 0.0001, place.lon()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        occupancy.occupy(busy, UUID.randomUUID(), now.minusSeconds(3600), now.plusSeconds(7200));
        var response =
                http.get(SPOTS + "/search?latitude=" + place.lat() + "&longitude=" + place.lon() + "&radius_km=1");
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).containsExactly(free.toString());
    }

    @Test
    void changesAreVisibleInSearchAndDetailImmediatelyAndTheHitRateIsReported() {
        var owner = api.signUp("owner");
        Place place = Place.unique();
        UUID id = spot(owner, place);
        String near = SPOTS + "/?latitude=" + place.lat() + "&longitude=" + place.lon() + "&radius_km=1";
        assertThat(http.get(near).json().get(0).get("hourly_rate").asInt()).isEqualTo(400);
        assertThat(http.get(near).json().get(0).get("hourly_rate").asInt()).isEqualTo(400); // a hit
        http.get(SPOTS + "/" + id);
        http.send("PUT", SPOTS + "/" + id, "{\"hourly_rate\": 777}", owner.auth());
        assertThat(http.get(near).json().get(0).get("hourly_rate").asInt()).isEqualTo(777);
        assertThat(http.get(SPOTS + "/" + id).json().get("hourly_rate").asInt()).isEqualTo(777);
        UUID second = spot(owner, new Place(place.lat() + 0.0001, place.lon()));
        assertThat(http.get(near).json().size()).isEqualTo(2);
        http.send("DELETE", SPOTS + "/" + second, null, owner.auth());
        assertThat(http.get(near).json().size()).isEqualTo(1);
        http.send("PUT", SPOTS + "/" + id, "{\"is_available\": false}", owner.auth());
        assertThat(http.get(near).json().size()).isZero();
        assertThat(meters.get("parkingspots.spots.cache.requests")
                        .tags("cache", "search", "result", "hit")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("parkingspots.spots.cache.hit.ratio")
                        .tags("cache", "search")
                        .gauge()
                        .value())
                .isBetween(0.0, 1.0);
    }

    @Test
    void theCatalogExplainsUnlistedAndUnknownSpots() {
        var owner = api.signUp("owner");
        UUID id = spot(owner, Place.unique());
        http.send("PUT", SPOTS + "/" + id, "{\"is_available\": false}", owner.auth());
        Instant start = Instant.parse("2030-01-01T10:00:00Z");
        assertThat(catalog.unavailabilityReason(id, start, start.plusSeconds(3600)))
                .contains("Parking spot is not available");
        assertThat(catalog.unavailabilityReason(UUID.randomUUID(), start, start.plusSeconds(3600)))
                .contains("Parking spot not found");
        assertThat(catalog.find(id)).get().extracting(s -> s.timeZone().getId()).isEqualTo("UTC");
        assertThat(catalog.findAll(List.of(id, UUID.randomUUID()))).containsOnlyKeys(id);
        assertThat(catalog.spotIdsOwnedBy(owner.id())).containsExactly(id);
    }
}
