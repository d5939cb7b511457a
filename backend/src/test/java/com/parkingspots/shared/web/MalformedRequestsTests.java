package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no well-behaved client sends, written to a real socket so that they reach Tomcat's connector as they are:
 * every one is answered with JSON {@code {"detail": …}}, the right 4xx and the CORS headers a browser needs to read it
 * (CONTRACT.md Decisions 5 and 8), never a 500 and never Tomcat's HTML page.
 */
class MalformedRequestsTests extends ApiTest {

    static final String ORIGIN = "http://localhost:3000";
    static final List<String> BAD_UTF8 = List.of("%FF", "%ED%A0%80", "%C3", "%C0%AE", "%F8%88%80%80%80", "a%C3%28");

    RawHttp raw;

    @BeforeEach
    void socket() {
        raw = new RawHttp(port);
    }

    static void assertJsonError(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.hasJsonDetail()).as(response.toString()).isTrue();
        assertThat(response.text()).doesNotContainIgnoringCase("<html");
        assertThat(response.header("Access-Control-Allow-Origin"))
                .as("CORS on " + response)
                .isEqualTo(ORIGIN);
    }

    @Test
    void invalidUtf8InAnyQueryParameterIsA400OnEveryEndpoint() {
        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        String bearer = "Bearer " + owner.accessToken();
        List<String> targets = List.of(
                "/api/v1/parking-spots/?city=",
                "/api/v1/parking-spots/?zzz=",
                "/api/v1/parking-spots/search?q=",
                "/api/v1/parking-spots/search?zzz=",
                "/api/v1/bookings/?status_filter=",
                "/api/v1/bookings/owner?zzz=",
                "/api/v1/reviews/spot/" + spot + "?page=",
                "/api/v1/reviews/parking-spot/" + spot + "?zzz=",
                "/api/v1/users/me?zzz=",
                "/health?zzz=");
        for (String target : targets) {
            for (String bad : BAD_UTF8) {
                var response = raw.get(target + bad, "Origin", ORIGIN, "Authorization", bearer);
                assertJsonError(response, 400);
                assertThat(response.json().get("detail").asString()).isEqualTo(MalformedRequestFilter.MALFORMED_QUERY);
            }
            // and a bad name, and broken percent-encodings
            for (String query : List.of("%FF=1", "a=%zz", "a=%", "a=%4", "%=1")) {
                String base = target.substring(0, target.indexOf('?') + 1);
                assertJsonError(raw.get(base + query, "Origin", ORIGIN, "Authorization", bearer), 400);
            }
        }
        // well-formed UTF-8 still works, encoded or as raw bytes
        assertThat(raw.get("/api/v1/parking-spots/?city=Z%C3%BCrich", "Origin", ORIGIN)
                        .status())
                .isEqualTo(200);
        assertThat(raw.get("/api/v1/parking-spots/search?q=caf%C3%A9+%F0%9F%9A%97")
                        .status())
                .isEqualTo(200);
    }

    static Stream<Arguments> malformedPaths() {
        return Stream.of(
                Arguments.of("/api/v1/parking-spots/..%2fetc", 400),
                Arguments.of("/api/v1/parking-spots/%2e%2e/%2e%2e/etc", 400),
                Arguments.of("/api/v1/parking-spots/%c0%ae%c0%ae/x", 400),
                Arguments.of("/api/v1/parking-spots/%zz", 400),
                Arguments.of("/api/v1/parking-spots/%00", 400),
                Arguments.of("/api/v1/parking-spots/%FF", 400),
                Arguments.of("/api/v1/parking-spots/a%2fb", 400),
                Arguments.of("/api/v1/parking-spots/%5c", 400),
                Arguments.of("/api/v1/parking-spots/%25", 400),
                Arguments.of("/api/v1/parking-spots//x", 400),
                Arguments.of("/api/v1/parking-spots/{x}", 404),
                Arguments.of("/api/v1/parking-spots/a|b", 404),
                Arguments.of("/api/v1/parking-spots/[1]", 404),
                Arguments.of("/api/v1/parking-spots/%27%3B--", 404),
                Arguments.of("/api/v1/parking-spots/a;b=c", 404),
                Arguments.of("/api/v1/parking-spots/x?q={x}&r=a|b", 404));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedPaths")
    void malformedPathsAreAJson4xxWithCors(String target, int status) {
        var response = raw.get(target, "Origin", ORIGIN);
        assertJsonError(response, status);
        if (status == 404) {
            // a malformed id is the usual answer for an unknown one
            assertThat(response.json().get("detail").asString()).isEqualTo("Parking spot not found");
        }
    }

    @Test
    void aSemicolonInAnIdIsTheUsualNotFoundOfEveryResource() {
        Api.Session driver = api.signUp("renter");
        String[] auth = {"Origin", ORIGIN, "Authorization", "Bearer " + driver.accessToken()};
        assertThat(raw.get("/api/v1/bookings/%27%3B--", auth)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Booking not found");
        assertThat(raw.get("/api/v1/reviews/1;DROP", auth).json().get("detail").asString())
                .isEqualTo("Review not found");
        assertThat(raw.get("/api/v1/users/%3Bx", auth).json().get("detail").asString())
                .isEqualTo("User not found");
    }

    @Test
    void aPathParameterWithBrokenPercentEncodingIsA400() {
        for (String target : List.of("/api/v1/users/1;%2", "/api/v1/parking-spots/x;a=%zz", "/api/v1/reviews/1;%FF")) {
            assertJsonError(raw.get(target, "Origin", ORIGIN), 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/*", "*/*", "garbage", "application/json; charset=klingon", "text/"})
    void aContentTypeThatIsNoConcreteMediaTypeIsA415(String contentType) {
        Api.Session owner = api.signUp("owner");
        var response = raw.send(
                "POST",
                "/api/v1/parking-spots/",
                "{}".getBytes(StandardCharsets.UTF_8),
                "Origin",
                ORIGIN,
                "Authorization",
                "Bearer " + owner.accessToken(),
                "Content-Type",
                contentType);
        assertJsonError(response, 415);
    }

    @Test
    void aMalformedOriginIsA400AndAForeignOneA403BothJson() {
        for (String origin : List.of("%%%", "http://a b", "http://x:abc")) {
            var response = raw.get("/api/v1/parking-spots/", "Origin", origin);
            assertThat(response.status()).as(origin + ": " + response).isEqualTo(400);
            assertThat(response.hasJsonDetail()).isTrue();
        }
        for (String origin : List.of("http://evil.example", "null", "http://[::1", "javascript:alert(1)")) {
            var response = raw.get("/api/v1/parking-spots/", "Origin", origin);
            assertThat(response.status()).as(origin + ": " + response).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).isEqualTo("Invalid CORS request");
            assertThat(response.header("Access-Control-Allow-Origin")).isNull();
            var preflight = raw.send(
                    "OPTIONS", "/api/v1/bookings/", null, "Origin", origin, "Access-Control-Request-Method", "POST");
            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.hasJsonDetail()).isTrue();
        }
    }

    @Test
    void anAcceptHeaderNothingMatchesStillGetsJsonAndTheRequestRunsOnce() {
        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        for (String accept : List.of("text/html", "application/xml", "*/*;q=x", "a/b/c")) {
            var slot = raw.send(
                    "POST",
                    "/api/v1/parking-spots/" + spot + "/availability",
                    "{\"day_of_week\": 1, \"start_time\": \"09:00\", \"end_time\": \"10:00\", \"is_available\": false}"
                            .getBytes(StandardCharsets.UTF_8),
                    "Authorization",
                    "Bearer " + owner.accessToken(),
                    "Content-Type",
                    "application/json",
                    "Accept",
                    accept);
            assertThat(slot.status()).as(accept + ": " + slot).isEqualTo(200);
            assertThat(slot.isJson()).isTrue();
            var deleted = raw.send(
                    "DELETE",
                    "/api/v1/parking-spots/" + spot + "/availability/"
                            + slot.json().get("id").asString(),
                    null,
                    "Authorization",
                    "Bearer " + owner.accessToken(),
                    "Accept",
                    accept);
            // once a 406 that came only after the slot was gone
            assertThat(deleted.status()).as(accept + ": " + deleted).isEqualTo(200);
            assertThat(deleted.json().get("message").asString()).isEqualTo("Availability slot deleted");
        }
        assertThat(http.get("/api/v1/parking-spots/" + spot + "/availability")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aHundredThousandCharacterQueryIsA414() {
        var response = raw.get("/api/v1/parking-spots/?q=" + "a".repeat(100_000), "Origin", ORIGIN);
        assertJsonError(response, 414);
        assertThat(response.json().get("detail").asString()).startsWith("Request URI too long");
        // a request line beyond what the connector buffers is still JSON (its headers were never read: no CORS)
        var huge = raw.get("/api/v1/parking-spots/?q=" + "a".repeat(200_000), "Origin", ORIGIN);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.hasJsonDetail()).as(huge.toString()).isTrue();
    }

    @Test
    void aRequestLineTheConnectorCannotParseIsJsonToo() {
        for (String target : List.of("/api/v1/parking-spots/a b", "/api/v1/x\"y", "/api/v1/<script>")) {
            var response = raw.get(target, "Origin", ORIGIN);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.hasJsonDetail()).as(response.toString()).isTrue();
        }
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedBeforeOneByteOfItIsSent() {
        Api.Session owner = api.signUp("owner");
        // were the body read, this would wait for 50 MB that never come (and time out)
        var json = raw.send(
                "POST",
                "/api/v1/parking-spots/",
                "{".getBytes(StandardCharsets.UTF_8),
                "Origin",
                ORIGIN,
                "Authorization",
                "Bearer " + owner.accessToken(),
                "Content-Type",
                "application/json",
                "Content-Length",
                "50000000");
        assertJsonError(json, 413);
        assertThat(json.json().get("detail").asString()).isEqualTo("Request body too large: at most 1 MB");

        var form = raw.send(
                "POST",
                "/api/v1/auth/login",
                "username=".getBytes(StandardCharsets.UTF_8),
                "Origin",
                ORIGIN,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Content-Length",
                "2000000");
        assertJsonError(form, 413);

        UUID spot = api.createSpot(owner, "");
        var upload = raw.send(
                "POST",
                "/api/v1/parking-spots/" + spot + "/images",
                "--b\r\n".getBytes(StandardCharsets.UTF_8),
                "Origin",
                ORIGIN,
                "Authorization",
                "Bearer " + owner.accessToken(),
                "Content-Type",
                "multipart/form-data; boundary=b",
                "Content-Length",
                Long.toString(6L * 1024 * 1024));
        assertJsonError(upload, 413);
        assertThat(upload.json().get("detail").asString()).isEqualTo("File too large: at most 5 MB");
    }

    @Test
    void aChunkedBodyIsCutOffOnceItCrossesTheLimit() {
        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        String[] headers = {
            "Origin",
            ORIGIN,
            "Authorization",
            "Bearer " + owner.accessToken(),
            "Content-Type",
            "application/json",
            "Transfer-Encoding",
            "chunked"
        };
        byte[] big = ("{\"description\": \"" + "d".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        var update = raw.send("PUT", "/api/v1/parking-spots/" + spot, RawHttp.chunked(big), headers);
        assertJsonError(update, 413);
        assertThat(update.json().get("detail").asString()).isEqualTo("Request body too large: at most 1 MB");

        // the webhook reads raw bytes: the same limit
        var webhook = raw.send(
                "POST",
                "/api/v1/payments/webhook",
                RawHttp.chunked(big),
                "Origin",
                ORIGIN,
                "Content-Type",
                "application/json",
                "Stripe-Signature",
                "t=1,v1=00",
                "Transfer-Encoding",
                "chunked");
        assertJsonError(webhook, 413);

        byte[] form = ("username=a%40b.c&password=" + "p".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8);
        var login = raw.send(
                "POST",
                "/api/v1/auth/login",
                RawHttp.chunked(form),
                "Origin",
                ORIGIN,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Transfer-Encoding",
                "chunked");
        assertJsonError(login, 413);

        // under the limit, chunked bodies are read as usual
        var small = raw.send(
                "PUT",
                "/api/v1/parking-spots/" + spot,
                RawHttp.chunked("{\"description\": \"chunked\"}".getBytes(StandardCharsets.UTF_8)),
                headers);
        assertThat(small.status()).as(small.toString()).isEqualTo(200);
        assertThat(small.json().get("description").asString()).isEqualTo("chunked");
    }

    @Test
    void aChunkedUploadOverThePhotoLimitIs413() {
        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        byte[] file = new byte[6 * 1024 * 1024];
        file[0] = (byte) 0xff;
        file[1] = (byte) 0xd8;
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] body = parts.stream().reduce(new byte[0], (a, b) -> {
            byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            return joined;
        });
        var response = raw.send(
                "POST",
                "/api/v1/parking-spots/" + spot + "/images",
                RawHttp.chunked(body),
                "Origin",
                ORIGIN,
                "Authorization",
                "Bearer " + owner.accessToken(),
                "Content-Type",
                "multipart/form-data; boundary=b",
                "Transfer-Encoding",
                "chunked");
        assertJsonError(response, 413);
        assertThat(response.json().get("detail").asString()).isEqualTo("File too large: at most 5 MB");
    }

    @ParameterizedTest
    @ValueSource(ints = {900_000, 1_048_000})
    void aBodyUnderTheLimitIsReadAndValidatedAsUsual(int size) {
        var response = raw.send(
                "POST",
                "/api/v1/auth/register",
                ("{\"email\": \"x@example.com\", \"password\": \"long enough\", \"full_name\": \"" + "n".repeat(size)
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                "Origin",
                ORIGIN,
                "Content-Type",
                "application/json");
        assertJsonError(response, 422);
        assertThat(response.json().get("detail").get(0).get("loc").get(1).asString())
                .isEqualTo("full_name");
    }
}
