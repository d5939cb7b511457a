package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: whatever garbage reaches whichever endpoint, the server answers a 4xx (or a 2xx where the garbage happens to
 * be acceptable) and never a 5xx; every error is JSON with a {@code detail}; and a refused request writes nothing.
 *
 * <p>The endpoints come from the running server's OpenAPI document, every path and method. Each seed signs up an
 * owner, a driver and an admin, lists a spot with an availability rule, and books it twice (one stay completed and
 * reviewed), so that path ids resolve and the garbage gets past the lookups into the code behind them. Then, for every
 * operation in a seeded order, it sends garbage in the path parameters, in the query (declared and unknown
 * parameters), in the fields of the JSON body (built from the schema), in the body as a whole, and in the headers:
 * invalid UTF-8, NUL characters, unpaired surrogates, integers beyond 64 bits, wrong JSON types, 100,000-character
 * strings, malformed JSON. Row counts of the main tables are compared around every refused request.
 */
class GarbageRequestPropertyTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGIN = "http://localhost:3000";
    /** Garbage requests of each kind per operation and seed. */
    private static final int ROUNDS = 2;

    private static final List<String> TABLES = List.of(
            "users", "parking_spots", "spot_availability", "bookings", "reviews", "payments", "payment_refunds");

    /** Percent-encoded (or raw) garbage for a query value or a path segment. */
    private static final List<String> URL_GARBAGE = List.of(
            "%FF",
            "%ED%A0%80",
            "%C3",
            "%C0%AE",
            "%F4%90%80%80",
            "%00",
            "a%00b",
            "%zz",
            "%",
            "%2",
            "10000000000000000000000000",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "1e400",
            "-1e400",
            "NaN",
            "Infinity",
            "",
            "%20",
            "+",
            "%27%3B--",
            "..%2F..%2Fetc",
            "{x}",
            "a|b",
            "[]",
            "true",
            "-1",
            "0",
            "0.5",
            "2024-13-45T99:99:99Z",
            "%2B275760-09-13T00:00:00Z",
            "%2B999999999-12-31T23:59:59Z",
            "null",
            "%E2%80%AE%F0%9F%9A%97",
            "%3Cscript%3E");

    /** JSON values (as JSON text) for a body field. */
    private static final List<String> JSON_GARBAGE = List.of(
            "\"a\\u0000b\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"x\\udfff\"",
            "10000000000000000000000000",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "1e400",
            "-1e400",
            "1.5",
            "0",
            "-1",
            "true",
            "null",
            "[]",
            "{}",
            "[1, [2, [3]]]",
            "{\"$gt\": \"\"}",
            "\"' OR 1=1 --\"",
            "\"<script>alert(1)</script>\"",
            "\"javascript:alert(1)\"",
            "\"../../etc/passwd\"",
            "\"2024-02-30T25:61:00Z\"",
            "\"+275760-09-13T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"",
            "\"\\u202e\"",
            "\"\"",
            "\" \"",
            "\"%FF%00\"",
            "\"9223372036854775808\"",
            "[\"\\u0000\"]",
            "{\"\\u0000\": 1}");

    @Autowired
    JdbcClient jdbc;

    RawHttp raw;
    Random random;
    final List<String> failures = new ArrayList<>();
    long[] counts;
    int requests;
    String previous = "nothing";

    record Param(
            String name, String in, String type, @Nullable String format) {}

    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies) {
        boolean destructive() {
            return method.equals("DELETE")
                    || path.matches(".*/(cancel|check-in|check-out|deactivate|reactivate|role|logout"
                            + "|change-password|status)$");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Who sends a request: a role's bearer header, or nobody. */
    record As(String name, String @Nullable [] auth) {}

    /** What the seed's fixtures are: the ids path parameters and bodies refer to. */
    record Fixtures(
            Api.Session owner,
            Api.Session driver,
            Api.Session admin,
            UUID spot,
            UUID slot,
            UUID completedBooking,
            UUID upcomingBooking,
            UUID review,
            @Nullable UUID payment) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(
            longs = {
                1L,
                7L,
                42L,
                99L,
                1_234L,
                4_711L,
                65_537L,
                271_828L,
                3_141_592L,
                20_260_204L,
                987_654_321L,
                1L << 40
            })
    void garbageNeverGetsA5xxAndARefusedRequestWritesNothing(long seed) {
        raw = new RawHttp(port);
        random = new Random(seed);
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(50);
        Instant setUp = Instant.now();
        Fixtures fixtures = fixtures();
        List<As> callers = List.of(
                new As("owner", fixtures.owner().auth()),
                new As("driver", fixtures.driver().auth()),
                new As("admin", fixtures.admin().auth()),
                new As("anonymous", null));

        List<Operation> order = new ArrayList<>(operations);
        Collections.shuffle(order, random);
        // what may end the fixtures (delete the spot or the account, cancel the booking) comes last
        order.sort((a, b) -> Boolean.compare(a.destructive(), b.destructive()));
        // the fixtures' bookings record their payments in the background: let them land first
        counts = settledCounts(setUp);
        for (Operation operation : order) {
            for (int round = 0; round < ROUNDS; round++) {
                As as = callers.get(random.nextInt(callers.size()));
                if (operation.params().stream().anyMatch(p -> p.in().equals("path"))) {
                    send(operation, as, garbagePath(operation, fixtures), query(operation, false), null);
                }
                send(operation, as, path(operation, fixtures), query(operation, true), null);
                if (!operation.bodies().isEmpty()) {
                    String type = pick(new ArrayList<>(operation.bodies().keySet()));
                    send(operation, as, path(operation, fixtures), "", fieldGarbage(type, operation, fixtures));
                    send(operation, as, path(operation, fixtures), "", wholeGarbage(type));
                }
            }
        }
        assertThat(requests).isGreaterThan(operations.size() * 2 * ROUNDS);
        assertThat(failures)
                .as(
                        "seed %d: %d of %d garbage requests went wrong:%n%s",
                        seed, failures.size(), requests, String.join("\n", failures))
                .isEmpty();
    }

    // --- the requests ---

    /** A body to send: its content type and bytes. */
    record Body(String contentType, byte[] bytes) {}

    private void send(Operation operation, As as, String path, String query, @Nullable Body body) {
        List<String> headers = new ArrayList<>(List.of("Origin", ORIGIN));
        if (as.auth() != null) {
            headers.addAll(List.of(as.auth()));
        }
        for (Param header :
                operation.params().stream().filter(p -> p.in().equals("header")).toList()) {
            if (random.nextBoolean()) {
                headers.addAll(List.of(header.name(), headerGarbage()));
            }
        }
        if (random.nextInt(8) == 0) {
            headers.addAll(List.of("Accept", pick(List.of("*/*;q=x", "text/html", "application/xml", "a/b/c", ""))));
        }
        if (random.nextInt(10) == 0) {
            headers.set(
                    1,
                    pick(List.of(
                            "null",
                            "http://",
                            "%%%",
                            "http://[::1",
                            "http://x:abc",
                            "http://a b",
                            "javascript:alert(1)",
                            "x".repeat(5_000))));
        }
        if (random.nextInt(10) == 0) {
            headers.addAll(List.of(
                    pick(List.of("Authorization", "X-Request-Id", "Cookie", "X-Forwarded-For", "Range")),
                    pick(List.of("Bearer", "Bearer " + "x".repeat(5_000), "Basic %%%", "a.b.c", "bytes=9-1", ""))));
        }
        byte[] bytes = null;
        if (body != null) {
            bytes = body.bytes();
            headers.addAll(List.of("Content-Type", body.contentType()));
        } else if (!operation.bodies().isEmpty() && random.nextInt(4) == 0) {
            bytes = new byte[0];
        }
        String target = path + (query.isEmpty() ? "" : "?" + query);
        long[] before = counts;
        Instant sentAt = Instant.now();
        RawHttp.Response response;
        try {
            response = raw.send(operation.method(), target, bytes, headers.toArray(String[]::new));
        } catch (RuntimeException | AssertionError e) {
            failures.add(describe(operation, as, target, body, "no answer: " + e));
            return;
        }
        requests++;
        if (response.status() >= 500) {
            failures.add(describe(operation, as, target, body, response.toString()));
        } else if (response.status() >= 400 && !response.hasJsonDetail()) {
            failures.add(describe(operation, as, target, body, "error without JSON detail: " + response));
        }
        String summary = operation + " " + response.status();
        if (response.status() >= 400) {
            long[] after = counts();
            if (!java.util.Arrays.equals(before, after)) {
                failures.add(describe(
                        operation,
                        as,
                        target,
                        body,
                        "refused (" + response.status() + ") but wrote: " + changes(before, after) + " (after "
                                + previous + ")"));
            }
            counts = after;
        } else {
            counts = operation.method().equals("GET") ? counts() : settledCounts(sentAt);
        }
        previous = summary;
    }

    private String describe(Operation operation, As as, String target, @Nullable Body body, String what) {
        String shown = target.length() > 200 ? target.substring(0, 200) + "..." : target;
        String sent = body == null ? "" : " " + body.contentType() + " " + abbreviate(body.bytes());
        return "  " + operation.method() + " " + shown + " as " + as.name() + sent + " -> " + what;
    }

    private static String abbreviate(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
        return bytes.length > 300 ? text + "...(" + bytes.length + " bytes)" : text;
    }

    // --- paths and queries ---

    private String path(Operation operation, Fixtures fixtures) {
        String path = operation.path();
        for (Param param : operation.params()) {
            if (param.in().equals("path")) {
                path = path.replace("{" + param.name() + "}", realId(param.name(), fixtures));
            }
        }
        return path;
    }

    private String garbagePath(Operation operation, Fixtures fixtures) {
        String path = operation.path();
        List<Param> params =
                operation.params().stream().filter(p -> p.in().equals("path")).toList();
        Param spoiled = pick(params);
        for (Param param : params) {
            String value = param == spoiled || random.nextBoolean() ? pathGarbage() : realId(param.name(), fixtures);
            path = path.replace("{" + param.name() + "}", value);
        }
        return path;
    }

    private String pathGarbage() {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(pick(List.of(300, 5_000)));
            case 1 -> randomUnicode(8);
            case 2 -> pick(URL_GARBAGE) + ";" + pick(URL_GARBAGE);
            default -> pick(URL_GARBAGE);
        };
    }

    private static String realId(String name, Fixtures fixtures) {
        return switch (name) {
            case "spotId" -> fixtures.spot().toString();
            case "slotId" -> fixtures.slot().toString();
            case "bookingId" -> fixtures.upcomingBooking().toString();
            case "reviewId" -> fixtures.review().toString();
            case "userId" -> fixtures.driver().id().toString();
            default -> UUID.randomUUID().toString();
        };
    }

    private String query(Operation operation, boolean garbage) {
        List<String> pairs = new ArrayList<>();
        for (Param param : operation.params()) {
            if (!param.in().equals("query")) {
                continue;
            }
            if (garbage && random.nextBoolean()) {
                pairs.add(param.name() + "=" + queryGarbage());
            } else if (random.nextInt(3) == 0) {
                pairs.add(param.name() + "=" + plausible(param));
            }
        }
        if (garbage && (pairs.isEmpty() || random.nextInt(3) == 0)) {
            String name = pick(List.of("zzz", "%FF", "a%00", "q[]", "%zz", "x" + random.nextInt(100)));
            pairs.add(name + "=" + queryGarbage());
        }
        if (garbage && random.nextInt(30) == 0) {
            pairs.add("q=" + "a".repeat(100_000));
        }
        Collections.shuffle(pairs, random);
        return String.join("&", pairs);
    }

    private String queryGarbage() {
        return switch (random.nextInt(12)) {
            case 0 -> "x".repeat(pick(List.of(300, 5_000)));
            case 1 -> URLEncoder.encode(randomUnicode(12), StandardCharsets.UTF_8);
            case 2 -> pick(URL_GARBAGE) + pick(URL_GARBAGE);
            default -> pick(URL_GARBAGE);
        };
    }

    private static String plausible(Param param) {
        return switch (param.type()) {
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            default -> "date-time".equals(param.format()) ? "2031-01-01T10:00:00Z" : "text";
        };
    }

    private String headerGarbage() {
        return pick(List.of(
                "",
                "x".repeat(300),
                "x".repeat(5_000),
                "\u00e9\u00ff",
                "\u0085",
                "t=1,v1=" + "0".repeat(64),
                "' OR 1=1 --",
                UUID.randomUUID().toString()));
    }

    // --- bodies ---

    private Body fieldGarbage(String type, Operation operation, Fixtures fixtures) {
        ObjectNode base = baseBody(operation, type, fixtures);
        if (type.equals("multipart/form-data")) {
            return multipart();
        }
        List<String> names = new ArrayList<>(base.propertyNames());
        Map<String, String> fields = new LinkedHashMap<>();
        base.properties().forEach(e -> fields.put(e.getKey(), JSON.writeValueAsString(e.getValue())));
        int spoil = 1 + random.nextInt(3);
        for (int i = 0; i < spoil; i++) {
            String name = names.isEmpty() || random.nextInt(6) == 0 ? pick(List.of("extra", "a\\u0000")) : pick(names);
            fields.put(name, jsonGarbage());
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            String form = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + queryGarbage())
                    .collect(Collectors.joining("&"));
            return new Body(type, form.getBytes(StandardCharsets.ISO_8859_1));
        }
        String json = fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return new Body(jsonType(), json.getBytes(StandardCharsets.UTF_8));
    }

    private String jsonGarbage() {
        return switch (random.nextInt(14)) {
            case 0 -> "\"" + "x".repeat(100_000) + "\"";
            case 1 -> JSON.writeValueAsString(randomUnicode(20));
            case 2 -> "[" + String.join(", ", Collections.nCopies(1 + random.nextInt(50), pick(JSON_GARBAGE))) + "]";
            case 3 -> "{\"nested\": " + pick(JSON_GARBAGE) + "}";
            default -> pick(JSON_GARBAGE);
        };
    }

    private Body wholeGarbage(String type) {
        if (type.equals("multipart/form-data")) {
            return pick(List.of(
                    new Body("multipart/form-data", "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                    new Body("multipart/form-data; boundary=x", "garbage".getBytes(StandardCharsets.UTF_8)),
                    multipart()));
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return new Body(
                    type,
                    pick(List.of("%FF=%FF", "username=%00&password=%00", "&&&==", "a=%zz", "="))
                            .getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] bytes = switch (random.nextInt(16)) {
            case 0 -> "{".getBytes(StandardCharsets.UTF_8);
            case 1 -> "[1, 2".getBytes(StandardCharsets.UTF_8);
            case 2 -> "\"\\u0000\"".getBytes(StandardCharsets.UTF_8);
            case 3 -> "nul".getBytes(StandardCharsets.UTF_8);
            case 4 -> "{\"a\": 1}{\"b\": 2}".getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'};
            case 6 -> new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', 0, 'b', '"', '}'};
            case 7 -> new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
            case 8 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 9 -> "123".getBytes(StandardCharsets.UTF_8);
            case 10 -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
            case 11 -> ("{\"a\": " + "[".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 12 -> ("{\"" + "k".repeat(100_000) + "\": 1}").getBytes(StandardCharsets.UTF_8);
            case 13 -> (" ".repeat(1_100_000) + "{}").getBytes(StandardCharsets.UTF_8);
            case 14 -> ("{" + "\"a\": 1, ".repeat(20_000) + "\"b\": 2}").getBytes(StandardCharsets.UTF_8);
            default -> "null".getBytes(StandardCharsets.UTF_8);
        };
        return new Body(jsonType(), bytes);
    }

    private String jsonType() {
        return pick(List.of(
                "application/json",
                "application/json",
                "application/json",
                "application/json; charset=utf-8",
                "application/json; charset=klingon",
                "application/json; charset=utf-16",
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/*",
                "garbage"));
    }

    private Body multipart() {
        byte[] file = new byte[random.nextInt(4096)];
        random.nextBytes(file);
        if (file.length > 2 && random.nextBoolean()) {
            file[0] = (byte) 0xff;
            file[1] = (byte) 0xd8;
        }
        String name = pick(List.of("file", "file", "%00", "x".repeat(300), "fi\"le"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + pick(List.of("a.jpg", "../../etc/passwd", "a\u0000.jpg", "x".repeat(1_000))) + "\"\r\n"
                        + "Content-Type: " + pick(List.of("image/jpeg", "text/html", "garbage")) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        return new Body("multipart/form-data; boundary=b", out.toByteArray());
    }

    /** A plausible body for the operation: from its schema, or, where the schema is open (a raw JSON node), by hand. */
    private ObjectNode baseBody(Operation operation, String type, Fixtures fixtures) {
        String key = operation.method() + " " + operation.path();
        Instant start =
                Instant.now().plus(3 + random.nextInt(30), ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String known = switch (key) {
            case "POST /api/v1/parking-spots", "PUT /api/v1/parking-spots/{spotId}" -> """
                    {"title": "Garbage test spot", "address": "Tsimiski 20", "city": "Thessaloniki",
                     "state": "Central Macedonia", "zip_code": "54624", "latitude": 40.63, "longitude": 22.94,
                     "hourly_rate": 300, "daily_rate": 2000, "monthly_rate": 30000, "images": [],
                     "operating_hours": {"mon": {"open": "08:00", "close": "20:00"}}, "time_zone": "Europe/Athens"}""";
            case "POST /api/v1/parking-spots/{spotId}/availability" -> """
                    {"day_of_week": 1, "start_time": "09:00", "end_time": "17:00", "is_available": false}""";
            case "PUT /api/v1/users/me" -> """
                    {"full_name": "Garbage Tester", "phone_number": "+302100000000", "latitude": 40.6, "longitude": 22.9}""";
            case "PUT /api/v1/reviews/{reviewId}" -> """
                    {"overall_rating": 4, "title": "Fine", "comment": "Close to the centre"}""";
            case "POST /api/v1/bookings" -> """
                    {"parking_spot_id": "%s", "start_time": "%s", "end_time": "%s", "vehicle_make": "Fiat"}""".formatted(fixtures.spot(), start, start.plus(2, ChronoUnit.HOURS));
            case "POST /api/v1/reviews" -> """
                    {"booking_id": "%s", "overall_rating": 5, "comment": "Good"}""".formatted(fixtures.completedBooking());
            default -> null;
        };
        if (known != null) {
            return (ObjectNode) JSON.readTree(known);
        }
        ObjectNode body = JSON.createObjectNode();
        JsonNode schema = operation.bodies().get(type);
        JsonNode properties = schema == null ? null : schema.get("properties");
        if (properties != null) {
            for (var property : properties.properties()) {
                // the document names fields as in Java; the API reads them in snake_case
                String name = Names.snake(property.getKey());
                body.set(name, plausibleJson(name, property.getValue(), fixtures, start));
            }
        }
        return body;
    }

    private static JsonNode plausibleJson(String name, JsonNode schema, Fixtures fixtures, Instant start) {
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "integer" -> JSON.getNodeFactory().numberNode(1);
            case "number" -> JSON.getNodeFactory().numberNode(1.5);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode();
            case "object" -> JSON.createObjectNode();
            default ->
                JSON.getNodeFactory()
                        .stringNode(
                                switch (name) {
                                    case "parking_spot_id" -> fixtures.spot().toString();
                                    case "booking_id" ->
                                        fixtures.upcomingBooking().toString();
                                    case "payment_id" ->
                                        fixtures.payment() == null
                                                ? UUID.randomUUID().toString()
                                                : fixtures.payment().toString();
                                    case "email" -> Api.uniqueEmail("garbage");
                                    case "password", "current_password", "new_password" -> "long enough password";
                                    case "start_time" -> start.toString();
                                    case "end_time" ->
                                        start.plus(2, ChronoUnit.HOURS).toString();
                                    case "status" -> "confirmed";
                                    case "role" -> "renter";
                                    default ->
                                        format.equals("uuid")
                                                ? UUID.randomUUID().toString()
                                                : "text";
                                });
        };
    }

    // --- the OpenAPI document and the fixtures ---

    private List<Operation> operations() {
        var document = http.get("/api/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        JsonNode openApi = document.json();
        JsonNode schemas = openApi.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (var path : openApi.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    params.add(new Param(
                            p.get("name").asString(),
                            p.get("in").asString(),
                            p.path("schema").path("type").asString("string"),
                            p.path("schema").has("format")
                                    ? p.path("schema").get("format").asString()
                                    : null));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                for (var content : op.path("requestBody").path("content").properties()) {
                    JsonNode schema = content.getValue().path("schema");
                    if (schema.has("$ref")) {
                        String ref = schema.get("$ref").asString();
                        schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    bodies.put(content.getKey(), schema);
                }
                operations.add(new Operation(
                        method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), params, bodies));
            }
        }
        return operations;
    }

    private Fixtures fixtures() {
        Api.Session owner = api.signUp("owner");
        Api.Session driver = api.signUp("renter");
        Api.Session admin = api.signUp("renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = ?")
                .param(admin.id())
                .update();
        UUID spot = api.createSpot(owner, "\"daily_rate\": 2000");
        var slot = http.post(
                "/api/v1/parking-spots/" + spot + "/availability",
                "{\"day_of_week\": 6, \"start_time\": \"01:00\", \"end_time\": \"02:00\", \"is_available\": false}",
                owner.auth());
        assertThat(slot.status()).as(slot.body()).isEqualTo(200);

        Instant soon = Instant.now().plus(1, ChronoUnit.MINUTES);
        String completed = book(driver, spot, soon, soon.plus(30, ChronoUnit.MINUTES));
        assertThat(http.post("/api/v1/bookings/" + completed + "/check-in", null, driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/bookings/" + completed + "/check-out", null, driver.auth())
                        .status())
                .isEqualTo(200);
        var review = http.post(
                "/api/v1/reviews/",
                "{\"booking_id\": \"%s\", \"overall_rating\": 4, \"comment\": \"ok\"}".formatted(completed),
                driver.auth());
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        Instant later = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String upcoming = book(driver, spot, later, later.plus(3, ChronoUnit.HOURS));
        JsonNode payments =
                http.get("/api/v1/payments/my-payments", driver.auth()).json();
        UUID payment =
                payments.isArray() && !payments.isEmpty() && payments.get(0).has("id")
                        ? UUID.fromString(payments.get(0).get("id").asString())
                        : null;
        return new Fixtures(
                owner,
                driver,
                admin,
                spot,
                UUID.fromString(slot.json().get("id").asString()),
                UUID.fromString(completed),
                UUID.fromString(upcoming),
                UUID.fromString(review.json().get("id").asString()),
                payment);
    }

    private String book(Api.Session driver, UUID spot, Instant start, Instant end) {
        var booked = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\": \"%s\", \"start_time\": \"%s\", \"end_time\": \"%s\"}"
                        .formatted(spot, start, end),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    // --- what was written ---

    private long[] counts() {
        String sql = TABLES.stream()
                .map(t -> "(SELECT count(*) FROM " + t + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        return jdbc.sql(sql)
                .query((rs, n) -> {
                    long[] values = new long[TABLES.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(i + 1);
                    }
                    return values;
                })
                .single();
    }

    /**
     * After a request that was accepted: what it set off in the background (event listeners, such as the refund of a
     * cancelled booking) has landed before the next request is judged. (Real-time fan-out writes nothing: not awaited.)
     */
    private long[] settledCounts(Instant sentAt) {
        for (int i = 0; i < 200; i++) {
            long pending = jdbc.sql("""
                            SELECT count(*) FROM event_publication
                            WHERE completion_date IS NULL AND publication_date >= ?
                              AND listener_id NOT LIKE 'com.parkingspots.realtime.%'""")
                    .param(java.sql.Timestamp.from(sentAt.minusSeconds(1)))
                    .query(Long.class)
                    .single();
            if (pending == 0) {
                break;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return counts();
    }

    private static String changes(long[] before, long[] after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            if (before[i] != after[i]) {
                changed.add(TABLES.get(i) + " " + before[i] + " -> " + after[i]);
            }
        }
        return String.join(", ", changed);
    }

    // --- randomness ---

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0xa0 + random.nextInt(0x700);
                case 2 -> 0x1f300 + random.nextInt(0x300);
                default -> 0x4e00 + random.nextInt(0x5000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
