package com.parkingspots.spots.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * GET /parking-spots/ and /search: every filter, the order and pagination, compared with a brute-force haversine over a
 * seeded random dataset placed where no other test puts spots.
 */
class SpotSearchTests extends ApiTest {

    static final String SPOTS = "/api/v1/parking-spots";
    static final List<String> TYPES = List.of("indoor", "outdoor", "covered", "garage", "driveway", "lot");
    static final List<String> SIZES = List.of("motorcycle", "compact", "standard", "large", "oversized");

    /** A spot of the seeded dataset, as the brute force sees it. */
    record Known(
            String id,
            double lat,
            double lon,
            String type,
            int sizeRank,
            int rate,
            boolean ev,
            boolean covered,
            boolean accessible,
            boolean searchable) {}

    private static final double CENTRE_LAT = -48.5;
    private static final double CENTRE_LON = -131.25;
    private static List<Known> dataset;

    synchronized List<Known> dataset() {
        if (dataset != null) {
            return dataset;
        }
        Api.Session owner = api.signUp("owner");
        Random random = new Random(4242);
        List<Known> spots = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            // a dense centre and sparse suburbs, like a city
            double spread = i % 2 == 0 ? 0.03 : 0.35;
            double lat = round6(CENTRE_LAT + random.nextGaussian() * spread);
            double lon = round6(CENTRE_LON + random.nextGaussian() * spread * 1.4);
            String type = TYPES.get(random.nextInt(TYPES.size()));
            int size = random.nextInt(SIZES.size());
            int rate = 100 + 10 * random.nextInt(90);
            boolean ev = random.nextInt(4) == 0;
            boolean covered = random.nextBoolean();
            boolean accessible = random.nextInt(3) == 0;
            Map<String, Object> body = SpotJson.valid();
            body.put("title", "Seeded spot " + i);
            body.put("city", "Seedcity");
            body.put("latitude", lat);
            body.put("longitude", lon);
            body.put("spot_type", type);
            body.put("vehicle_size", SIZES.get(size));
            body.put("hourly_rate", rate);
            body.put("has_ev_charging", ev);
            body.put("is_covered", covered);
            body.put("is_handicap_accessible", accessible);
            var created = http.post(SPOTS + "/", SpotJson.json(body), owner.auth());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            boolean searchable = random.nextInt(10) != 0;
            if (!searchable) {
                http.send("PUT", SPOTS + "/" + id, "{\"is_available\": false}", owner.auth());
            }
            spots.add(new Known(id, lat, lon, type, size + 1, rate, ev, covered, accessible, searchable));
        }
        dataset = List.copyOf(spots);
        return dataset;
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pagesAreNeverShortAndTheNearestSpotsAreNeverMissed(long seed) {
        List<Known> spots = dataset();
        Random random = new Random(seed);
        Known anchor = spots.get(random.nextInt(spots.size()));
        double lat = round6(anchor.lat() + random.nextGaussian() * 0.02);
        double lon = round6(anchor.lon() + random.nextGaussian() * 0.02);
        double radius = List.of(0.5, 2.0, 5.0, 10.0, 30.0, 80.0).get(random.nextInt(6));
        int pageSize = 1 + random.nextInt(15);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("latitude", Double.toString(lat));
        query.put("longitude", Double.toString(lon));
        query.put("radius_km", Double.toString(radius));
        query.put("page_size", Integer.toString(pageSize));
        String type = random.nextInt(4) == 0 ? TYPES.get(random.nextInt(TYPES.size())) : null;
        Integer size = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : null;
        Integer maxRate = random.nextInt(3) == 0 ? 200 + 50 * random.nextInt(14) : null;
        Boolean ev = random.nextInt(4) == 0 ? random.nextBoolean() : null;
        Boolean covered = random.nextInt(4) == 0 ? random.nextBoolean() : null;
        if (type != null) {
            query.put("spot_type", type);
        }
        if (size != null) {
            query.put("vehicle_size", SIZES.get(size - 1));
        }
        if (maxRate != null) {
            query.put(random.nextBoolean() ? "max_price" : "max_hourly_rate", maxRate.toString());
        }
        if (ev != null) {
            query.put("has_ev_charging", ev.toString());
        }
        if (covered != null) {
            query.put("is_covered", covered.toString());
        }
        List<String> expected = spots.stream()
                .filter(Known::searchable)
                .filter(s -> haversine(lat, lon, s.lat(), s.lon()) <= radius)
                .filter(s -> type == null || s.type().equals(type))
                .filter(s -> size == null || s.sizeRank() >= size)
                .filter(s -> maxRate == null || s.rate() <= maxRate)
                .filter(s -> ev == null || s.ev() == ev)
                .filter(s -> covered == null || s.covered() == covered)
                .sorted(Comparator.comparingDouble((Known s) -> haversine(lat, lon, s.lat(), s.lon()))
                        .thenComparing(Known::id))
                .map(Known::id)
                .toList();

        List<String> actual = new ArrayList<>();
        for (int page = 1; ; page++) {
            query.put("page", Integer.toString(page));
            var response = http.get(SPOTS + "/?" + encode(query));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode items = response.json();
            double previous = -1;
            for (JsonNode item : items) {
                actual.add(item.get("id").asString());
                double distance = item.get("distance_km").asDouble();
                double exact = haversine(
                        lat,
                        lon,
                        item.get("latitude").asDouble(),
                        item.get("longitude").asDouble());
                assertThat(distance).isCloseTo(exact, within(0.0051));
                assertThat(distance).isGreaterThanOrEqualTo(previous);
                previous = distance;
            }
            if (items.size() < pageSize) {
                break;
            }
        }
        assertThat(actual).as("query %s", query).isEqualTo(expected);
    }

    @Test
    void spotsAtTheSameDistanceArePagedByIdWithoutGapsOrRepeats() {
        var owner = api.signUp("owner");
        double lat = -44.123456, lon = -125.654321;
        List<String> nearer = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nearer.add(http.post(
                            SPOTS + "/",
                            SpotJson.with("latitude", lat, "longitude", lon + 0.001 * (i + 1)),
                            owner.auth())
                    .json()
                    .get("id")
                    .asString());
        }
        List<String> sameBuilding = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sameBuilding.add(
                    http.post(SPOTS + "/", SpotJson.with("latitude", lat, "longitude", lon + 0.01), owner.auth())
                            .json()
                            .get("id")
                            .asString());
        }
        sameBuilding.sort(Comparator.naturalOrder());
        List<String> expected = new ArrayList<>(nearer);
        expected.addAll(sameBuilding);
        for (int pageSize : List.of(1, 2, 3, 4, 5)) {
            List<String> actual = new ArrayList<>();
            for (int page = 1; page <= 10; page++) {
                actual.addAll(ids("?latitude=" + lat + "&longitude=" + lon + "&radius_km=5&page_size=" + pageSize
                        + "&page=" + page));
            }
            assertThat(actual).as("page size %d", pageSize).isEqualTo(expected);
        }
    }

    static String encode(Map<String, String> query) {
        List<String> parts = new ArrayList<>();
        query.forEach(
                (k, v) -> parts.add(k + "=" + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    @Test
    void withoutALocationResultsAreNewestFirstAndCarryNoDistance() {
        var owner = api.signUp("owner");
        String city = "Newest-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(http.post(SPOTS + "/", SpotJson.with("city", city, "title", "Newest " + i), owner.auth())
                    .json()
                    .get("id")
                    .asString());
        }
        var first = http.get(SPOTS + "?city=" + city + "&page_size=3");
        var second = http.get(SPOTS + "/?city=" + city.toLowerCase() + "&page=2&page_size=3");
        List<String> listed = new ArrayList<>();
        first.json().forEach(n -> listed.add(n.get("id").asString()));
        second.json().forEach(n -> listed.add(n.get("id").asString()));
        assertThat(listed).containsExactlyElementsOf(ids.reversed());
        JsonNode item = first.json().get(0);
        assertThat(item.get("distance_km").isNull()).isTrue();
        for (String field : List.of(
                "state",
                "prefecture",
                "is_covered",
                "has_ev_charging",
                "has_security",
                "has_lighting",
                "is_handicap_accessible",
                "vehicle_size",
                "currency",
                "time_zone",
                "images",
                "average_rating",
                "total_reviews",
                "is_available",
                "spot_type",
                "hourly_rate")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(http.get(SPOTS + "?city=" + city + "&limit=2").json().size()).isEqualTo(2);
    }

    @Test
    void textAndAmenityFiltersMatchTheContract() {
        var owner = api.signUp("owner");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String city = "Filtertown " + tag;
        String ramp = http.post(
                        SPOTS + "/",
                        SpotJson.with(
                                "city",
                                city,
                                "title",
                                "Ramp access " + tag,
                                "zip_code",
                                "Z" + tag,
                                "is_handicap_accessible",
                                true,
                                "has_security",
                                true,
                                "vehicle_size",
                                "large"),
                        owner.auth())
                .json()
                .get("id")
                .asString();
        String bike = http.post(
                        SPOTS + "/",
                        SpotJson.with(
                                "city",
                                city,
                                "title",
                                "Bike corner 100%_" + tag,
                                "vehicle_size",
                                "motorcycle",
                                "has_lighting",
                                true,
                                "has_ev_charging",
                                true),
                        owner.auth())
                .json()
                .get("id")
                .asString();
        String c = "&city=" + java.net.URLEncoder.encode(city, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ids("?q=z" + tag)).containsExactly(ramp);
        assertThat(ids("?q=" + "100%25_" + tag)).containsExactly(bike);
        assertThat(ids("?q=100%25x" + tag)).isEmpty();
        assertThat(ids("?is_handicap_accessible=true" + c)).containsExactly(ramp);
        assertThat(ids("?has_security=true" + c)).containsExactly(ramp);
        assertThat(ids("?has_lighting=yes" + c)).containsExactly(bike);
        assertThat(ids("?has_ev_charging=1" + c)).containsExactly(bike);
        assertThat(ids("?has_ev_charging=false" + c)).containsExactly(ramp);
        assertThat(ids("?vehicle_size=compact" + c)).containsExactly(ramp); // a compact car fits a large spot
        assertThat(ids("?vehicle_size=motorcycle" + c)).containsExactlyInAnyOrder(ramp, bike);
        assertThat(ids("?vehicle_size=oversized" + c)).isEmpty();
        assertThat(ids("?spot_type=garage" + c)).containsExactlyInAnyOrder(ramp, bike);
        assertThat(ids("?spot_type=lot" + c)).isEmpty();
        assertThat(ids("?max_price=399" + c)).isEmpty();
        assertThat(ids("?max_hourly_rate=400" + c)).hasSize(2);
    }

    @Test
    void aPublishedSpotsAddressAndPinMayMoveAndSearchFollowsAtOnce() {
        var owner = api.signUp("owner");
        var stranger = api.signUp("owner");
        double lat = 51.012345, lon = -30.456789;
        String id = http.post(SPOTS + "/", SpotJson.with("latitude", lat, "longitude", lon), owner.auth())
                .json()
                .get("id")
                .asString();
        String before = "?latitude=" + lat + "&longitude=" + lon + "&radius_km=1";
        String after = "?latitude=51.2&longitude=-30.2&radius_km=1";
        assertThat(ids(before)).containsExactly(id);

        String move = "{\"address\": \"Ermou 12\", \"city\": \"Athens\", \"zip_code\": \"10563\","
                + " \"latitude\": 51.2, \"longitude\": -30.2}";
        assertThat(http.send("PUT", SPOTS + "/" + id, move, stranger.auth()).status())
                .isEqualTo(403);
        var moved = http.send("PUT", SPOTS + "/" + id, move, owner.auth());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("address").asString()).isEqualTo("Ermou 12");
        assertThat(moved.json().get("zip_code").asString()).isEqualTo("10563");
        assertThat(moved.json().get("latitude").asDouble()).isEqualTo(51.2);

        assertThat(ids(before)).doesNotContain(id);
        assertThat(ids(after)).containsExactly(id);
        assertThat(ids(after + "&q=Ermou")).containsExactly(id);
    }

    List<String> ids(String query) {
        var response = http.get(SPOTS + "/" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    @Test
    void searchAllowsTheContractsWiderRadius() {
        assertThat(http.get(SPOTS + "/search?latitude=10&longitude=10&radius_km=300")
                        .status())
                .isEqualTo(200);
        assertThat(http.get(SPOTS + "/search?latitude=10&longitude=10&radius_km=501")
                        .status())
                .isEqualTo(422);
        assertThat(http.get(SPOTS + "/?latitude=10&longitude=10&radius_km=300").status())
                .isEqualTo(422);
    }

    @Test
    void badSearchParametersAre422WithAClearDetail() {
        for (String query : List.of(
                "latitude=91&longitude=0",
                "latitude=10&longitude=-181",
                "latitude=10",
                "latitude=abc&longitude=1",
                "latitude=10&longitude=10&radius_km=0",
                "latitude=10&longitude=10&radius_km=-5",
                "latitude=10&longitude=10&radius_km=101",
                "page=0",
                "page_size=101",
                "page_size=0",
                "limit=101",
                "spot_type=spaceship",
                "vehicle_size=tank",
                "max_hourly_rate=0",
                "max_price=-1",
                "has_ev_charging=maybe",
                "start_time=2030-01-01T10:00:00Z&end_time=2030-01-01T10:00:00Z",
                "start_time=2030-01-01T10:00:00Z&end_time=2030-01-01T09:00:00Z",
                "start_time=not-a-date&end_time=2030-01-01T09:00:00Z")) {
            var response = http.get(SPOTS + "/?" + query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(422);
            assertThat(response.json().get("detail").get(0).get("msg").asString())
                    .isNotBlank();
            assertThat(http.get(SPOTS + "/search?" + query.replace("page=0", "limit=0"))
                            .status())
                    .as("/search?" + query)
                    .isIn(422, 200);
        }
    }

    @Test
    void publicSearchIgnoresABadTokenAndSearchRouteWinsOverTheIdRoute() {
        var list = http.get(SPOTS + "/?page_size=1", "Authorization", "Bearer garbage");
        assertThat(list.status()).isEqualTo(200);
        var search = http.get(SPOTS + "/search?limit=1", "Authorization", "Bearer garbage");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).startsWith("[");
        var noSlash = http.get(SPOTS + "?page_size=1");
        assertThat(noSlash.status()).isEqualTo(200);
    }
}
