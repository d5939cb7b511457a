package parkingspots.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A marketplace's visitors, arriving at fixed rates (open model): each visitor is one Gatling user who searches,
 * looks at spots, reads reviews, asks for prices, and sometimes signs in, books and cancels, with think times between
 * pages. {@code bench.rates} are offered requests per second; the visitor arrival rate is that divided by the mean
 * number of requests of a visit ({@link Visits#REQUESTS_PER_VISIT}). Every request is also written to
 * {@code bench.out}/requests.csv by {@link Recorder}, so the report can cut the run into its rate steps.
 *
 * <p>System properties: {@code bench.baseUrl}, {@code bench.rates} (comma-separated requests/s), {@code bench.stepSeconds},
 * {@code bench.out} (directory), {@code bench.spotIds} (file of known spot ids, one a line), {@code bench.renters}
 * (renters {@code bench-renter-<i>@bench.parkingspots.com}), {@code bench.password}, {@code bench.thinkScale} (multiplies think
 * times; 1 = 1–3 s between pages), {@code bench.label}.
 */
public class MarketplaceSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("bench.baseUrl", "http://127.0.0.1:8000");
    static final double[] RATES = Arrays.stream(System.getProperty("bench.rates", "20").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToDouble(Double::parseDouble)
            .toArray();
    static final int STEP_SECONDS = Integer.getInteger("bench.stepSeconds", 60);
    static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench"));
    static final List<String> SPOT_IDS = readLines(System.getProperty("bench.spotIds", ""));
    static final int RENTERS = Integer.getInteger("bench.renters", 1000);
    static final String PASSWORD = System.getProperty("bench.password", "bench-password-1");
    static final double THINK_SCALE = Double.parseDouble(System.getProperty("bench.thinkScale", "1"));

    static List<String> readLines(String file) {
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("parkingspots-load/1.0")
            .disableCaching();

    /** A request measured by Gatling and by {@link Recorder}: status and response time saved first, then validated. */
    static ChainBuilder timed(String name, HttpRequestActionBuilder request, Integer... expected) {
        return exec(session -> session.set("t0", System.currentTimeMillis()))
                .exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"))
                        .check(status().in(expected)))
                .exec(session -> {
                    Recorder.request(name, session);
                    return session.remove("status").remove("rt");
                });
    }

    static ChainBuilder think(double min, double max) {
        return pause(Duration.ofMillis((long) (min * 1000 * THINK_SCALE)),
                Duration.ofMillis((long) (max * 1000 * THINK_SCALE)));
    }

    // --- the pages a visitor sees

    static ChainBuilder search(String name) {
        return exec(session -> session.set("searchQuery", Places.searchQuery()))
                .exec(timed(name,
                        http(name).get("/api/v1/parking-spots/#{searchQuery}")
                                .check(jsonPath("$[*].id").findAll().optional().saveAs("found")),
                        200));
    }

    /** A spot from the last search's results, or any known spot when the search found none. */
    static ChainBuilder pickSpot() {
        return exec(session -> {
            List<String> found = session.contains("found") ? session.getList("found") : List.of();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            String spot = !found.isEmpty() && rnd.nextDouble() < 0.9
                    ? found.get(Math.min(found.size() - 1, (int) Math.abs(rnd.nextGaussian() * 4)))
                    : SPOT_IDS.get(rnd.nextInt(SPOT_IDS.size()));
            return session.set("spot", spot).remove("found");
        });
    }

    static final ChainBuilder DETAIL = exec(pickSpot())
            .exec(timed("spot detail", http("spot detail").get("/api/v1/parking-spots/#{spot}"), 200));

    static final ChainBuilder REVIEWS = timed("reviews", http("reviews").get("/api/v1/reviews/parking-spot/#{spot}"),
            200);

    static ChainBuilder stay() {
        return exec(session -> {
            Instant[] stay = Places.stay(session.getString("spot"));
            return session.set("start", stay[0].toString()).set("end", stay[1].toString());
        });
    }

    static final String STAY_BODY = "{\"parking_spot_id\":\"#{spot}\",\"start_time\":\"#{start}\",\"end_time\":\"#{end}\"}";

    static final ChainBuilder PRICE = exec(stay())
            .exec(timed("calculate price",
                    http("calculate price").post("/api/v1/bookings/calculate-price").body(StringBody(STAY_BODY)),
                    200));

    static final ChainBuilder SIGN_IN = exec(session -> session.set("email",
                    "bench-renter-" + ThreadLocalRandom.current().nextInt(RENTERS) + "@bench.parkingspots.com"))
            .exec(timed("sign in",
                    http("sign in").post("/api/v1/auth/login")
                            .body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\"}"))
                            .check(jsonPath("$.access_token").optional().saveAs("token")),
                    200));

    /** Books the spot and stay last priced; 409 (the slot is taken) is an expected outcome, counted apart. */
    static final ChainBuilder BOOK = doIf(session -> session.contains("token"))
            .then(exec(Places.maybeHotSpot())
                    .exec(timed("create booking",
                            http("create booking").post("/api/v1/bookings/")
                                    .header("Authorization", "Bearer #{token}")
                                    .body(StringBody(STAY_BODY))
                                    .check(jsonPath("$.id").optional().saveAs("booking")),
                            201, 409))
                    .doIf(session -> session.contains("booking")
                                    && ThreadLocalRandom.current().nextDouble() < 0.4)
                    .then(think(1, 3)
                            .exec(timed("cancel booking",
                                    http("cancel booking").post("/api/v1/bookings/#{booking}/cancel")
                                            .header("Authorization", "Bearer #{token}")
                                            .body(StringBody("{\"cancellation_reason\":\"load test\"}")),
                                    200))));

    // --- visits: weights and pages, see Visits for the expected number of requests

    final ScenarioBuilder visitors = scenario("visitors")
            .exec(session -> {
                Recorder.visitStarted();
                return session;
            })
            .randomSwitch()
            .on(
                    percent(Visits.BOUNCE).then(search("search")),
                    percent(Visits.BROWSE).then(search("search")
                            .exec(think(1, 3))
                            .exec(DETAIL)
                            .randomSwitch()
                            .on(percent(60).then(think(1, 2).exec(REVIEWS)))),
                    percent(Visits.COMPARE).then(search("search")
                            .exec(think(1, 3))
                            .exec(DETAIL)
                            .exec(think(1, 3))
                            .exec(search("search"))
                            .exec(think(1, 3))
                            .exec(DETAIL)
                            .randomSwitch()
                            .on(percent(50).then(think(1, 2).exec(REVIEWS)))),
                    percent(Visits.PRICE).then(search("search")
                            .exec(think(1, 3))
                            .exec(DETAIL)
                            .exec(think(1, 2))
                            .exec(PRICE)
                            .randomSwitch()
                            .on(percent(50).then(think(1, 2).exec(PRICE)))),
                    percent(Visits.BOOK).then(exec(SIGN_IN)
                            .exec(think(0.5, 1.5))
                            .exec(search("search"))
                            .exec(think(1, 3))
                            .exec(DETAIL)
                            .exec(think(1, 2))
                            .exec(PRICE)
                            .exec(think(1, 2))
                            .exec(BOOK)))
            .exec(session -> {
                Recorder.visitEnded();
                return session;
            });

    {
        List<OpenInjectionStep> steps = new ArrayList<>();
        for (double rate : RATES) {
            steps.add(constantUsersPerSec(rate / Visits.REQUESTS_PER_VISIT).during(Duration.ofSeconds(STEP_SECONDS)));
        }
        setUp(visitors.injectOpen(steps)).protocols(protocol);
    }

    @Override
    public void before() {
        if (SPOT_IDS.isEmpty()) {
            throw new IllegalStateException("bench.spotIds: a file of known spot ids is needed");
        }
        Recorder.start(OUT, RATES, STEP_SECONDS, Visits.REQUESTS_PER_VISIT);
        System.out.printf(Locale.ROOT, "bench: %s, rates %s req/s (%.3f requests per visit), %d s each%n", BASE_URL,
                Arrays.toString(RATES), Visits.REQUESTS_PER_VISIT, STEP_SECONDS);
    }

    @Override
    public void after() {
        Recorder.stop();
    }

    /** Shares of the kinds of visit (percent) and the mean number of requests a visit makes. */
    static final class Visits {
        static final double BOUNCE = 15, BROWSE = 45, COMPARE = 25, PRICE = 10, BOOK = 5;
        /** Requests of each kind of visit: search [+ detail [+ reviews ...]]; a booking visit cancels 40% of its 201s. */
        static final double REQUESTS_PER_VISIT = (BOUNCE * 1
                        + BROWSE * (2 + 0.6)
                        + COMPARE * (4 + 0.5)
                        + PRICE * (3 + 0.5)
                        + BOOK * (5 + 0.4))
                / 100;
    }

    /** Where and when visitors look: named places (repeated, so a cache can help) and anywhere on the map. */
    static final class Places {
        static final double CENTRE_LAT = 37.9838, CENTRE_LON = 23.7275;
        static final String[] TYPES = {"indoor", "outdoor", "covered", "garage", "driveway", "lot"};
        static final String[] SIZES = {"motorcycle", "compact", "standard", "large", "oversized"};
        static final String[] RADII = {"0.5", "1", "2", "3", "5", "10", "25"};
        static final String[] PLACE_RADII = {"1", "2", "5"};
        /** 40 neighbourhoods drawn once (seed 7) from the dataset's own distribution. */
        static final double[][] NAMED = named(40);
        static final Instant DAY0 = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.DAYS);

        static double[][] named(int n) {
            java.util.Random rnd = new java.util.Random(7);
            double[][] places = new double[n][];
            for (int i = 0; i < n; i++) {
                places[i] = point(rnd.nextDouble(), rnd.nextGaussian(), rnd.nextGaussian());
            }
            return places;
        }

        /** The clusters of bench/generate_spots.py, roughly: centre, urban ring, suburbs. */
        static double[] point(double r, double g1, double g2) {
            double sigma = r < 0.55 ? 0.018 : r < 0.9 ? 0.065 : 0.2;
            return new double[] {CENTRE_LAT + g1 * sigma, CENTRE_LON + g2 * sigma * 1.27};
        }

        /**
         * Half the searches are a named place with a common radius and at most one common filter (what people type
         * into the search box); the other half a map position anywhere, any radius and any filters. 15% of all ask for a
         * time window (availability), which the product never caches.
         */
        static String searchQuery() {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            StringBuilder q = new StringBuilder("?");
            if (rnd.nextBoolean()) {
                double[] p = NAMED[rnd.nextInt(NAMED.length)];
                q.append(String.format(Locale.ROOT, "latitude=%.4f&longitude=%.4f&radius_km=%s", p[0], p[1],
                        PLACE_RADII[rnd.nextInt(PLACE_RADII.length)]));
                double f = rnd.nextDouble();
                if (f < 0.15) {
                    q.append("&spot_type=").append(TYPES[rnd.nextInt(2) == 0 ? 0 : 3]);
                } else if (f < 0.25) {
                    q.append("&has_ev_charging=true");
                } else if (f < 0.35) {
                    q.append("&max_price=").append(rnd.nextBoolean() ? 300 : 500);
                }
            } else {
                double[] p = point(rnd.nextDouble(), rnd.nextGaussian(), rnd.nextGaussian());
                q.append(String.format(Locale.ROOT, "latitude=%.4f&longitude=%.4f&radius_km=%s", p[0], p[1],
                        RADII[rnd.nextInt(RADII.length)]));
                if (rnd.nextDouble() < 0.25) q.append("&spot_type=").append(TYPES[rnd.nextInt(TYPES.length)]);
                if (rnd.nextDouble() < 0.15) q.append("&has_ev_charging=true");
                if (rnd.nextDouble() < 0.20) q.append("&max_price=").append(200 + 50 * rnd.nextInt(15));
                if (rnd.nextDouble() < 0.10) q.append("&vehicle_size=").append(SIZES[rnd.nextInt(SIZES.length)]);
                if (rnd.nextDouble() < 0.10) q.append("&is_covered=true");
                if (rnd.nextDouble() < 0.10) q.append("&page=").append(2 + rnd.nextInt(2));
            }
            if (rnd.nextDouble() < 0.15) {
                Instant[] stay = stay(null);
                q.append("&start_time=").append(stay[0]).append("&end_time=").append(stay[1]);
            }
            return q.toString();
        }

        /** A stay of 1–4 whole hours starting within the next 30 days (between 07:00 and 20:00 UTC). */
        static Instant[] stay(String spot) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            Instant start = DAY0.truncatedTo(ChronoUnit.DAYS)
                    .plus(1 + rnd.nextInt(30), ChronoUnit.DAYS)
                    .plus(7 + rnd.nextInt(13), ChronoUnit.HOURS);
            return new Instant[] {start, start.plus(1 + rnd.nextInt(4), ChronoUnit.HOURS)};
        }

        /**
         * 30% of the bookings go to one of 50 popular spots, on one of 3 days at 09:00–12:00 UTC for 1–2 hours: these
         * collide, so some bookings must get 409, and none may overlap.
         */
        static ChainBuilder maybeHotSpot() {
            return exec(session -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                if (rnd.nextDouble() >= 0.3) {
                    return session;
                }
                Instant start = DAY0.truncatedTo(ChronoUnit.DAYS)
                        .plus(2 + rnd.nextInt(3), ChronoUnit.DAYS)
                        .plus(9 + rnd.nextInt(4), ChronoUnit.HOURS);
                return session.set("spot", SPOT_IDS.get(rnd.nextInt(Math.min(50, SPOT_IDS.size()))))
                        .set("start", start.toString())
                        .set("end", start.plus(1 + rnd.nextInt(2), ChronoUnit.HOURS).toString());
            });
        }
    }
}
