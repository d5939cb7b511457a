import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A small open-model load driver (JDK only: {@code java bench/OpenLoad.java MODE key=value ...}). Requests are sent at
 * a fixed arrival rate whatever the server's latency (request i is due at start + i / rate, each on its own virtual
 * thread), and a request's latency is measured from the moment it was due, so a server that falls behind is charged
 * for the queue it builds (no coordinated omission, unlike a closed loop such as wrk).
 *
 * <pre>
 * bookings      url= tokens= spots= base=EPOCH rates=300,400 step=60 [offset=0] [dup=50] [label=]
 *               POST /api/v1/bookings: request g books spot g mod #spots, 30-minute slot g / #spots, as renter
 *               g mod #renters; every dup-th repeats the one dup/2 earlier with another renter (a deliberate 409)
 * search        url= rate=200 step=30 [storm=50 email= password=] [lat=37.98 lon=23.73]
 *               GET nearby searches at a fixed rate, once alone and once while `storm` clients sign in in a loop
 * signin-timing url= known=EMAIL[,EMAIL...] [rounds=200]
 *               failed sign-ins, one after another: an unknown email and each known one with a wrong password
 * </pre>
 *
 * Prints one {@code RESULT key=value ...} line per step (and {@code SAMPLE} lines with the first unexpected responses).
 */
public class OpenLoad {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/OpenLoad.java bookings|search|signin-timing key=value ...");
            System.exit(2);
        }
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            o.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        switch (args[0]) {
            case "bookings" -> bookings(o);
            case "search" -> search(o);
            case "signin-timing" -> signinTiming(o);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    // --- bookings ---

    static void bookings(Map<String, String> o) throws Exception {
        String url = o.get("url");
        List<String> tokens = lines(o.get("tokens"));
        List<String> spots = lines(o.get("spots"));
        long base = Long.parseLong(o.get("base"));
        int step = Integer.parseInt(o.getOrDefault("step", "60"));
        int dup = Integer.parseInt(o.getOrDefault("dup", "50"));
        AtomicLong next = new AtomicLong(Long.parseLong(o.getOrDefault("offset", "0")));
        for (String r : o.get("rates").split(",")) {
            double rate = Double.parseDouble(r);
            int total = (int) Math.round(rate * step);
            long first = next.get();
            // the fresh index of each request of this step (duplicates reuse an earlier one)
            long[] index = new long[total];
            int[] renter = new int[total];
            long g = first;
            for (int i = 0; i < total; i++) {
                if (dup > 0 && i >= dup && i % dup == 0) {
                    index[i] = index[i - dup / 2];
                    renter[i] = (int) ((index[i] + 1) % tokens.size());
                } else {
                    index[i] = g;
                    renter[i] = (int) (g % tokens.size());
                    g++;
                }
            }
            next.set(g);
            IntFunction<HttpRequest> request = i -> {
                long k = index[i];
                String spot = spots.get((int) (k % spots.size()));
                Instant start = Instant.ofEpochSecond(base + (k / spots.size()) * 1800);
                String body = "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plusSeconds(1800));
                return HttpRequest.newBuilder(URI.create(url + "/api/v1/bookings/"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.get(renter[i]))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
            };
            Step s = openStep(rate, total, request);
            Map<String, Object> line = s.summary(step);
            line.put("label", o.getOrDefault("label", "run"));
            line.put("created", s.count(201));
            line.put("created_per_s", round(s.count(201) / (double) step));
            line.put("conflicts", s.count(409));
            line.put("duplicates_sent", total - (g - first));
            line.put("first_index", first);
            line.put("next_index", g);
            line.put("errors", s.unexpected(201, 409));
            print(line);
            s.samples(201, 409);
        }
    }

    // --- search with and without a sign-in storm ---

    static void search(Map<String, String> o) throws Exception {
        String url = o.get("url");
        double rate = Double.parseDouble(o.getOrDefault("rate", "200"));
        int step = Integer.parseInt(o.getOrDefault("step", "30"));
        int storm = Integer.parseInt(o.getOrDefault("storm", "0"));
        double lat = Double.parseDouble(o.getOrDefault("lat", "37.98"));
        double lon = Double.parseDouble(o.getOrDefault("lon", "23.73"));
        int total = (int) Math.round(rate * step);
        IntFunction<HttpRequest> request = i -> {
            Random r = new Random(i * 7919L);
            String q = String.format(
                    Locale.ROOT,
                    "latitude=%.5f&longitude=%.5f&radius=%.1f",
                    lat + (r.nextDouble() - 0.5) * 0.1,
                    lon + (r.nextDouble() - 0.5) * 0.1,
                    0.5 + r.nextDouble() * 5);
            return HttpRequest.newBuilder(URI.create(url + "/api/v1/parking-spots/?" + q))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
        };
        Step alone = openStep(rate, total, request);
        Map<String, Object> a = alone.summary(step);
        a.put("label", "search-alone");
        a.put("errors", alone.unexpected(200));
        print(a);
        alone.samples(200);
        if (storm <= 0) {
            return;
        }
        String login = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(o.get("email"), o.get("password"));
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, AtomicLong> signins = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> signinLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService stormers = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < storm; c++) {
            stormers.submit(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = CLIENT.send(
                                        HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login"))
                                                .timeout(Duration.ofSeconds(30))
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofString(login))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException | InterruptedException e) {
                        status = -1;
                    }
                    if (status == 200) {
                        signinLatencies.add(System.nanoTime() - t0);
                    }
                    signins.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                }
                return null;
            });
        }
        Thread.sleep(3000); // the storm is under way
        signins.clear();
        signinLatencies.clear();
        Step during = openStep(rate, total, request);
        stop.set(true);
        stormers.shutdown();
        stormers.awaitTermination(40, TimeUnit.SECONDS);
        Map<String, Object> b = during.summary(step);
        b.put("label", "search-during-storm");
        b.put("errors", during.unexpected(200));
        b.put("storm_clients", storm);
        long ok = signins.getOrDefault(200, new AtomicLong()).get();
        b.put("signin_200", ok);
        b.put("signin_503", signins.getOrDefault(503, new AtomicLong()).get());
        b.put("signin_other", signins.entrySet().stream()
                .filter(e -> e.getKey() != 200 && e.getKey() != 503)
                .mapToLong(e -> e.getValue().get())
                .sum());
        b.put("signin_200_per_s", round(ok / (double) step));
        long[] sl = signinLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        b.put("signin_p50_ms", ms(pct(sl, 50)));
        b.put("signin_p99_ms", ms(pct(sl, 99)));
        b.put("p99_ratio", round(ms(pct(during.sortedLatencies(), 99)) / Math.max(0.001, ms(pct(alone.sortedLatencies(), 99)))));
        print(b);
        during.samples(200);
    }

    // --- failed sign-ins: unknown email vs known ones ---

    static void signinTiming(Map<String, String> o) throws Exception {
        String url = o.get("url");
        List<String> known = Arrays.asList(o.get("known").split(","));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "200"));
        Map<String, long[]> latencies = new LinkedHashMap<>();
        latencies.put("unknown", new long[rounds]);
        for (String k : known) {
            latencies.put(k, new long[rounds]);
        }
        for (int i = -10; i < rounds; i++) { // 10 warm-up rounds
            List<String> order = new ArrayList<>(latencies.keySet());
            java.util.Collections.shuffle(order, new Random(i));
            for (String who : order) {
                String email = who.equals("unknown") ? "nobody-" + UUID.randomUUID() + "@bench.parkingspots.com" : who;
                long t0 = System.nanoTime();
                int status = CLIENT.send(
                                HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"email\":\"%s\",\"password\":\"wrong-password-%d\"}"
                                                        .formatted(email, i)))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                long took = System.nanoTime() - t0;
                if (status != 401) {
                    throw new IllegalStateException("sign-in for " + who + " answered " + status);
                }
                if (i >= 0) {
                    latencies.get(who)[i] = took;
                }
            }
        }
        double unknownMedian = 0;
        for (var e : latencies.entrySet()) {
            long[] sorted = e.getValue().clone();
            Arrays.sort(sorted);
            double median = ms(pct(sorted, 50));
            if (e.getKey().equals("unknown")) {
                unknownMedian = median;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", "failed-signin");
            line.put("who", e.getKey());
            line.put("n", rounds);
            line.put("mean_ms", round(Arrays.stream(sorted).average().orElse(0) / 1e6));
            line.put("p50_ms", median);
            line.put("p90_ms", ms(pct(sorted, 90)));
            line.put("p99_ms", ms(pct(sorted, 99)));
            line.put("median_ratio_to_unknown", unknownMedian == 0 ? 1 : round(median / unknownMedian));
            print(line);
        }
    }

    // --- the open-model engine ---

    static final class Step {
        final long[] latency;
        final int[] status;
        final String[] sample;
        final double rate;
        long lateStarts;

        Step(int total, double rate) {
            this.latency = new long[total];
            this.status = new int[total];
            this.sample = new String[total];
            this.rate = rate;
        }

        long count(int code) {
            return Arrays.stream(status).filter(s -> s == code).count();
        }

        long unexpected(int... expected) {
            return Arrays.stream(status)
                    .filter(s -> Arrays.stream(expected).noneMatch(e -> e == s))
                    .count();
        }

        long[] sortedLatencies() {
            long[] done = Arrays.stream(latency).filter(l -> l > 0).toArray();
            Arrays.sort(done);
            return done;
        }

        Map<String, Object> summary(int seconds) {
            long[] sorted = sortedLatencies();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offered_per_s", rate);
            m.put("seconds", seconds);
            m.put("sent", status.length);
            m.put("achieved_per_s", round(sorted.length / (double) seconds));
            m.put("p50_ms", ms(pct(sorted, 50)));
            m.put("p90_ms", ms(pct(sorted, 90)));
            m.put("p99_ms", ms(pct(sorted, 99)));
            m.put("p999_ms", ms(pct(sorted, 99.9)));
            m.put("max_ms", ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            m.put("timeouts_or_io_errors", Arrays.stream(status).filter(s -> s < 0).count());
            m.put("late_sends", lateStarts);
            return m;
        }

        void samples(int... expected) {
            int shown = 0;
            for (int i = 0; i < status.length && shown < 3; i++) {
                int s = status[i];
                if (Arrays.stream(expected).noneMatch(e -> e == s)) {
                    System.out.println("SAMPLE " + s + " " + sample[i]);
                    shown++;
                }
            }
        }
    }

    static Step openStep(double rate, int total, IntFunction<HttpRequest> requestFor) throws InterruptedException {
        Step step = new Step(total, rate);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -10_000_000L) {
                    step.lateStarts++; // the driver itself fell behind by more than 10 ms
                }
                HttpRequest request = requestFor.apply(i);
                int n = i;
                senders.submit(() -> {
                    try {
                        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                        step.latency[n] = Math.max(1, System.nanoTime() - due);
                        step.status[n] = response.statusCode();
                        if (response.statusCode() >= 500 || response.statusCode() == 400) {
                            step.sample[n] = response.body().substring(0, Math.min(200, response.body().length()));
                        }
                    } catch (IOException | InterruptedException e) {
                        step.status[n] = -1;
                        step.sample[n] = e.toString();
                    }
                    return null;
                });
            }
        } // waits for every request (each has a timeout)
        return step;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static List<String> lines(String path) throws IOException {
        return Files.readAllLines(Path.of(path)).stream().filter(l -> !l.isBlank()).toList();
    }

    static void print(Map<String, Object> line) {
        StringBuilder out = new StringBuilder("RESULT");
        line.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        System.out.println(out);
    }
}
