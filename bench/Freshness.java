import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshness across instances: signs up on instance A, lists a spot there, then N times changes its hourly rate on A and
 * measures how long until instance B shows the new rate, in the spot's detail and in a nearby search around it (B
 * polled every millisecond, each wait bounded by 5 s). Prints p50/p90/p99/max of both.
 *
 * <p>Usage: java Freshness.java A_BASE_URL B_BASE_URL [N]
 */
public class Freshness {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Pattern RATE = Pattern.compile("\"hourly_rate\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String email = "fresh-" + System.nanoTime() + "@bench.parkingspots.app";
        send("POST", a + "/api/v1/auth/register", null,
                "{\"email\":\"%s\",\"password\":\"bench-password-1\",\"full_name\":\"Freshness Bench\"}".formatted(email));
        String login = send("POST", a + "/api/v1/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"bench-password-1\"}".formatted(email));
        String token = field(login, "access_token");
        double lat = -60 - Math.random();
        double lon = -150 - Math.random();
        String spot = field(send("POST", a + "/api/v1/parking-spots/", token, """
                {"title":"Freshness probe","spot_type":"lot","vehicle_size":"standard","address":"Probe 1",
                 "city":"Probe","state":"Probe","zip_code":"10001","latitude":%s,"longitude":%s,"hourly_rate":100}"""
                .formatted(lat, lon)), "id");
        String detail = b + "/api/v1/parking-spots/" + spot;
        String search = b + "/api/v1/parking-spots/?latitude=" + lat + "&longitude=" + lon + "&radius_km=1";
        waitFor(detail, 100, 10_000);
        List<Long> detailMicros = new ArrayList<>();
        List<Long> searchMicros = new ArrayList<>();
        int late = 0;
        for (int i = 1; i <= n; i++) {
            int rate = 100 + i;
            send("PUT", a + "/api/v1/parking-spots/" + spot, token, "{\"hourly_rate\":" + rate + "}");
            long written = System.nanoTime();
            long inDetail = waitFor(detail, rate, 5_000);
            long inSearch = waitFor(search, rate, 5_000);
            if (inDetail < 0 || inSearch < 0) {
                late++;
                continue;
            }
            detailMicros.add((inDetail - written) / 1000);
            searchMicros.add((inSearch - written) / 1000);
        }
        System.out.println("FRESHNESS updates=" + n + " not_within_5s=" + late + " " + summary("detail", detailMicros)
                + " " + summary("search", searchMicros));
    }

    /** Polls until the first hourly_rate in the body is {@code rate}; the time it was seen, or -1. */
    static long waitFor(String url, int rate, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            String body = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = RATE.matcher(body);
            if (m.find() && Integer.parseInt(m.group(1)) == rate) {
                return System.nanoTime();
            }
            Thread.sleep(1);
        }
        return -1;
    }

    static String summary(String name, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return name + "_p50_ms=n/a";
        }
        return String.format(Locale.ROOT, "%s_p50_ms=%.1f %s_p90_ms=%.1f %s_p99_ms=%.1f %s_max_ms=%.1f", name,
                sorted[sorted.length / 2] / 1e3, name, sorted[(int) (sorted.length * 0.9)] / 1e3, name,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e3, name,
                sorted[sorted.length - 1] / 1e3);
    }

    static String send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
