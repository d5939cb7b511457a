package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import com.parkingspots.support.RawHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Input that PostgreSQL or a Java number cannot hold: a NUL character or an unpaired surrogate in any text (JSON, query
 * string, form), and integers beyond 64 bits. Each is a 422 in FastAPI's shape at the field's location, and nothing
 * is written; none reaches the database as a 500.
 */
class UnstorableInputTests extends ApiTest {

    static final String NUL = "a\\u0000b";
    static final List<String> HUGE = List.of(
            "10000000000000000000000000", "9223372036854775808", "-9223372036854775809", "\"99999999999999999999\"");

    @Autowired
    JdbcClient jdbc;

    RawHttp raw;

    @BeforeEach
    void socket() {
        raw = new RawHttp(port);
    }

    static JsonNode onlyError(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode detail = response.json().get("detail");
        assertThat(detail.isArray()).as(response.body()).isTrue();
        return detail.get(0);
    }

    static void assertLoc(JsonNode error, Object... loc) {
        assertThat(error.get("loc").size()).as(error.toString()).isEqualTo(loc.length);
        for (int i = 0; i < loc.length; i++) {
            JsonNode part = error.get("loc").get(i);
            assertThat(part.isInt() ? (Object) part.asInt() : part.asString())
                    .as(error.toString())
                    .isEqualTo(loc[i]);
        }
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aNulInAnyRegistrationTextIsA422AndNoAccountIsCreated() {
        long users = count("users");
        for (String field : List.of("full_name", "email", "password", "phone_number", "role")) {
            String body =
                    "{\"email\": \"%s\", \"password\": \"long enough pw\", \"full_name\": \"Nul Test\", \"%s\": \"%s\"}"
                            .formatted(Api.uniqueEmail("nul"), field, NUL);
            JsonNode error = onlyError(http.post("/api/v1/auth/register", body));
            assertLoc(error, "body", field);
            assertThat(error.get("msg").asString()).contains("NUL");
        }
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void aNulOrAnUnpairedSurrogateInASpotIsA422WhereverItIs() {
        Api.Session owner = api.signUp("owner");
        long spots = count("parking_spots");
        for (String field : List.of("title", "address", "city", "state", "prefecture", "zip_code", "description")) {
            var created = http.post(
                    "/api/v1/parking-spots/", spotJson("\"%s\": \"Long %s\"".formatted(field, NUL)), owner.auth());
            assertLoc(onlyError(created), "body", field);
        }
        assertLoc(
                onlyError(http.post(
                        "/api/v1/parking-spots/", spotJson("\"images\": [\"x\", \"y\\u0000\"]"), owner.auth())),
                "body",
                "images",
                1);
        assertLoc(
                onlyError(http.post(
                        "/api/v1/parking-spots/",
                        spotJson("\"operating_hours\": {\"mon\\u0000\": {\"open\": \"09:00\"}}"),
                        owner.auth())),
                "body",
                "operating_hours",
                "mon\u0000");
        JsonNode surrogate = onlyError(
                http.post("/api/v1/parking-spots/", spotJson("\"description\": \"half \\ud83d pair\""), owner.auth()));
        assertLoc(surrogate, "body", "description");
        assertThat(surrogate.get("msg").asString()).contains("surrogate");
        assertThat(count("parking_spots")).isEqualTo(spots);

        UUID spot = api.createSpot(owner, "");
        var update = http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"city\": \"" + NUL + "\"}", owner.auth());
        assertLoc(onlyError(update), "body", "city");
        assertThat(http.get("/api/v1/parking-spots/" + spot).json().get("city").asString())
                .isEqualTo("Thessaloniki");
        // a whole emoji (a valid surrogate pair) is fine
        var emoji = http.send(
                "PUT", "/api/v1/parking-spots/" + spot, "{\"description\": \"\\ud83d\\ude97\"}", owner.auth());
        assertThat(emoji.status()).as(emoji.body()).isEqualTo(200);
        assertThat(emoji.json().get("description").asString()).isEqualTo("🚗");
    }

    @Test
    void aNulInAProfileUpdateABookingOrALoginIsA422() {
        Api.Session driver = api.signUp("renter");
        var profile = http.send("PUT", "/api/v1/users/me", "{\"full_name\": \"" + NUL + "\"}", driver.auth());
        assertLoc(onlyError(profile), "body", "full_name");
        assertThat(http.get("/api/v1/users/me", driver.auth())
                        .json()
                        .get("full_name")
                        .asString())
                .isEqualTo("Test renter");

        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        long bookings = count("bookings");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var booking = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\": \"%s\", \"start_time\": \"%s\", \"end_time\": \"%s\", \"vehicle_make\": \"%s\"}"
                        .formatted(spot, start, start.plus(2, ChronoUnit.HOURS), NUL),
                driver.auth());
        assertLoc(onlyError(booking), "body", "vehicle_make");
        assertThat(count("bookings")).isEqualTo(bookings);

        var json = http.post("/api/v1/auth/login", "{\"email\": \"" + NUL + "\", \"password\": \"x\"}");
        assertLoc(onlyError(json), "body", "email");
        var form = http.send(
                "POST",
                "/api/v1/auth/login",
                "username=a%00b%40example.com&password=x",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertLoc(onlyError(form), "body", "username");
        var formPassword = http.send(
                "POST",
                "/api/v1/auth/login",
                "username=" + driver.email() + "&password=%00",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertLoc(onlyError(formPassword), "body", "password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "city", "state", "prefecture", "zip_code", "spot_type", "zzz"})
    void aNulInAQueryParameterIsA422(String name) {
        for (String path : List.of("/api/v1/parking-spots/search", "/api/v1/parking-spots/")) {
            var response = raw.get(path + "?" + name + "=x%00y");
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            JsonNode error = response.json().get("detail").get(0);
            assertThat(error.get("loc").get(0).asString()).isEqualTo("query");
            assertThat(error.get("loc").get(1).asString()).isEqualTo(name);
        }
    }

    @Test
    void ratesBeyondAnyIntegerAreA422OnCreateAndUpdate() {
        Api.Session owner = api.signUp("owner");
        long spots = count("parking_spots");
        for (String rate : List.of("hourly_rate", "daily_rate", "monthly_rate")) {
            for (String huge : HUGE) {
                JsonNode error = onlyError(http.post(
                        "/api/v1/parking-spots/", spotJson("\"%s\": %s".formatted(rate, huge)), owner.auth()));
                assertLoc(error, "body", rate);
                assertThat(error.get("type").asString())
                        .isEqualTo(huge.contains("-") ? "greater_than_equal" : "less_than_equal");
            }
        }
        assertThat(count("parking_spots")).isEqualTo(spots);

        UUID spot = api.createSpot(owner, "");
        for (String rate : List.of("hourly_rate", "daily_rate", "monthly_rate")) {
            for (String huge : HUGE) {
                var update = http.send(
                        "PUT", "/api/v1/parking-spots/" + spot, "{\"%s\": %s}".formatted(rate, huge), owner.auth());
                assertLoc(onlyError(update), "body", rate);
            }
        }
        assertThat(http.get("/api/v1/parking-spots/" + spot)
                        .json()
                        .get("hourly_rate")
                        .asInt())
                .isEqualTo(300);
    }

    @Test
    void aDayOfWeekBeyondAnyIntegerIsA422() {
        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        for (String huge : HUGE) {
            var rule = http.post(
                    "/api/v1/parking-spots/" + spot + "/availability",
                    "{\"day_of_week\": %s, \"start_time\": \"09:00\", \"end_time\": \"17:00\"}".formatted(huge),
                    owner.auth());
            assertLoc(onlyError(rule), "body", "day_of_week");
        }
        assertThat(http.get("/api/v1/parking-spots/" + spot + "/availability")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void integersBeyondTheirFieldInRequestRecordsAreA422() {
        Api.Session driver = api.signUp("renter");
        for (String huge : List.of("10000000000000000000000000", "9223372036854775808", "-9223372036854775809")) {
            JsonNode review = onlyError(http.post(
                    "/api/v1/reviews/",
                    "{\"booking_id\": \"%s\", \"overall_rating\": %s}".formatted(UUID.randomUUID(), huge),
                    driver.auth()));
            assertLoc(review, "body", "overall_rating");
            assertThat(review.get("type").asString()).isEqualTo("int_parsing_size");
            JsonNode refund = onlyError(http.post(
                    "/api/v1/payments/refund",
                    "{\"payment_id\": \"%s\", \"amount\": %s}".formatted(UUID.randomUUID(), huge),
                    driver.auth()));
            assertLoc(refund, "body", "amount");
        }
        // and as query parameters
        var page = http.get("/api/v1/parking-spots/?page=10000000000000000000000000");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.json().get("detail").get(0).get("loc").get(1).asString())
                .isEqualTo("page");
    }

    @Test
    void datetimesNoDatabaseCanStoreAreA422() {
        UUID spot = api.createSpot(api.signUp("owner"), "");
        for (String time :
                List.of("\"+999999999-12-31T23:59:59Z\"", "1e400", "-1e300", "\"-000001-01-01T00:00:00Z\"")) {
            var price = http.post(
                    "/api/v1/bookings/calculate-price",
                    "{\"parking_spot_id\": \"%s\", \"start_time\": %s, \"end_time\": \"2030-01-01T10:00:00Z\"}"
                            .formatted(spot, time));
            assertLoc(onlyError(price), "body", "start_time");
        }
        var search = http.get("/api/v1/parking-spots/search?start_time=%2B999999999-12-31T23:59:59Z"
                + "&end_time=%2B999999999-12-31T23:59:59Z");
        assertThat(search.status()).as(search.body()).isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12.5", "true"})
    void aNumberOrBooleanWhereTextBelongsIsRefusedNotStoredAsText(String value) {
        String email = Api.uniqueEmail("typed");
        long users = count("users");
        var register = http.post(
                "/api/v1/auth/register",
                "{\"email\": \"%s\", \"password\": \"typed-password-1\", \"full_name\": %s, \"role\": \"renter\"}"
                        .formatted(email, value));
        JsonNode error = onlyError(register);
        assertThat(error.get("type").asString()).isEqualTo("string_type");
        assertThat(error.get("msg").asString()).isEqualTo("Input should be a valid string");
        assertLoc(error, "body", "full_name");
        assertThat(count("users")).isEqualTo(users);

        var driver = api.signUp("renter");
        UUID spot = api.createSpot(api.signUp("owner"), "");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.DAYS);
        long bookings = count("bookings");
        var booking = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\": \"%s\", \"start_time\": \"%s\", \"end_time\": \"%s\", \"vehicle_plate\": %s}"
                        .formatted(spot, start, start.plus(1, ChronoUnit.HOURS), value),
                driver.auth());
        assertLoc(onlyError(booking), "body", "vehicle_plate");
        assertThat(count("bookings")).isEqualTo(bookings);
        // text that looks like a number is text
        assertThat(http.post(
                                "/api/v1/bookings/",
                                "{\"parking_spot_id\": \"%s\", \"start_time\": \"%s\", \"end_time\": \"%s\", \"vehicle_plate\": \"%s\"}"
                                        .formatted(spot, start, start.plus(1, ChronoUnit.HOURS), value),
                                driver.auth())
                        .status())
                .isEqualTo(201);
    }

    private static String spotJson(String override) {
        return """
                {"title": "Unstorable input", "address": "Tsimiski 20", "city": "Thessaloniki", "state": "Central Macedonia",
                 "zip_code": "54624", "latitude": 40.6326, "longitude": 22.9410, "hourly_rate": 300, %s}""".formatted(override);
    }
}
