import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Correctness check of nearby search: for Q random queries (varied centres, radii, filters, pages), the ids the server
 * returns equal a brute-force haversine (R = 6371 km) over every spot of the generated CSV, computed here without the
 * database. Near-ties (distances within 1e-9 km) may come in either order.
 *
 * <p>Usage: java BruteForceCheck.java SPOTS_CSV BASE_URL [QUERIES] [SEED]
 */
public class BruteForceCheck {

    static final List<String> TYPES = List.of("indoor", "outdoor", "covered", "garage", "driveway", "lot");
    static final List<String> SIZES = List.of("motorcycle", "compact", "standard", "large", "oversized");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    static String[] ids;
    static double[] lat, lon, cosLat;
    static byte[] type, size;
    static int[] rate;
    static boolean[] covered, ev;

    record Query(double lat, double lon, double radius, int type, int size, int maxRate, boolean ev, boolean covered,
            int page, int pageSize) {
        String url(String base) {
            StringBuilder q = new StringBuilder(base).append("/api/v1/parking-spots/?latitude=").append(lat)
                    .append("&longitude=").append(lon).append("&radius_km=").append(radius)
                    .append("&page=").append(page).append("&page_size=").append(pageSize);
            if (type >= 0) q.append("&spot_type=").append(TYPES.get(type));
            if (size >= 0) q.append("&vehicle_size=").append(SIZES.get(size));
            if (maxRate > 0) q.append("&max_price=").append(maxRate);
            if (ev) q.append("&has_ev_charging=true");
            if (covered) q.append("&is_covered=true");
            return q.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        String base = args[1];
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        load(csv);
        Random random = new Random(seed);
        List<Query> all = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            all.add(query(random));
        }
        HttpClient client = HttpClient.newHttpClient();
        AtomicInteger exact = new AtomicInteger(), ties = new AtomicInteger(), wrong = new AtomicInteger(),
                results = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            Query q = all.get(i);
            List<String> expected = bruteForce(q);
            List<String> actual = new ArrayList<>();
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(q.url(base))).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                Matcher m = ID.matcher(response.body());
                while (m.find()) actual.add(m.group(1));
            } catch (Exception e) {
                wrong.incrementAndGet();
                failures.add(q.url(base) + " -> " + e.getMessage());
                return;
            }
            results.addAndGet(actual.size());
            if (actual.equals(expected)) {
                exact.incrementAndGet();
            } else if (tieEquivalent(q, actual, expected)) {
                ties.incrementAndGet();
            } else {
                wrong.incrementAndGet();
                failures.add(q.url(base) + "\n  expected " + expected + "\n  actual   " + actual);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("CHECK queries=%d exact=%d tie_equivalent=%d mismatches=%d results=%d spots=%d seconds=%.1f%n",
                queries, exact.get(), ties.get(), wrong.get(), results.get(), ids.length, seconds);
        failures.stream().limit(5).forEach(f -> System.out.println("MISMATCH " + f));
        System.exit(wrong.get() == 0 ? 0 : 1);
    }

    static Query query(Random r) {
        double u = r.nextDouble();
        double sigma = u < 0.6 ? 0.02 : u < 0.9 ? 0.07 : 0.25;
        double qLat = Math.round((37.9838 + r.nextGaussian() * sigma) * 1e5) / 1e5;
        double qLon = Math.round((23.7275 + r.nextGaussian() * sigma * 1.25) * 1e5) / 1e5;
        double[] radii = {0.2, 0.5, 1, 2, 5, 10, 25, 60};
        return new Query(qLat, qLon, radii[r.nextInt(radii.length)],
                r.nextInt(4) == 0 ? r.nextInt(6) : -1,
                r.nextInt(8) == 0 ? r.nextInt(5) : -1,
                r.nextInt(5) == 0 ? 200 + 50 * r.nextInt(15) : 0,
                r.nextInt(7) == 0,
                r.nextInt(10) == 0,
                r.nextInt(5) == 0 ? 2 + r.nextInt(3) : 1,
                1 + r.nextInt(50));
    }

    static List<String> bruteForce(Query q) {
        double rLat = Math.toRadians(q.lat), cosQ = Math.cos(rLat);
        List<double[]> hits = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (q.type >= 0 && type[i] != q.type) continue;
            if (q.size >= 0 && size[i] < q.size) continue;
            if (q.maxRate > 0 && rate[i] > q.maxRate) continue;
            if (q.ev && !ev[i]) continue;
            if (q.covered && !covered[i]) continue;
            double d = haversine(rLat, cosQ, Math.toRadians(q.lon), i);
            if (d <= q.radius) hits.add(new double[] {d, i});
        }
        hits.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : ids[(int) a[1]].compareTo(ids[(int) b[1]]));
        int from = Math.min(hits.size(), (q.page - 1) * q.pageSize);
        int to = Math.min(hits.size(), from + q.pageSize);
        List<String> page = new ArrayList<>();
        for (double[] h : hits.subList(from, to)) page.add(ids[(int) h[1]]);
        return page;
    }

    static double haversine(double rLat, double cosQ, double rLon, int i) {
        double dLat = Math.toRadians(lat[i]) - rLat;
        double dLon = Math.toRadians(lon[i]) - rLon;
        double a = Math.pow(Math.sin(dLat / 2), 2) + cosQ * cosLat[i] * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Same length, and position by position the same distance within 1e-9 km: only near-ties swapped places. */
    static boolean tieEquivalent(Query q, List<String> actual, List<String> expected) {
        if (actual.size() != expected.size()) return false;
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) index.put(ids[i], i);
        double rLat = Math.toRadians(q.lat), rLon = Math.toRadians(q.lon), cosQ = Math.cos(rLat);
        for (int k = 0; k < actual.size(); k++) {
            Integer a = index.get(actual.get(k)), e = index.get(expected.get(k));
            if (a == null || Math.abs(haversine(rLat, cosQ, rLon, a) - haversine(rLat, cosQ, rLon, e)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    static void load(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size();
        ids = new String[n];
        lat = new double[n]; lon = new double[n]; cosLat = new double[n];
        type = new byte[n]; size = new byte[n]; rate = new int[n];
        covered = new boolean[n]; ev = new boolean[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            ids[i] = f[0];
            type[i] = (byte) TYPES.indexOf(f[3]);
            size[i] = (byte) SIZES.indexOf(f[4]);
            lat[i] = Double.parseDouble(f[10]);
            lon[i] = Double.parseDouble(f[11]);
            cosLat[i] = Math.cos(Math.toRadians(lat[i]));
            rate[i] = Integer.parseInt(f[12]);
            covered[i] = f[14].equals("t");
            ev[i] = f[15].equals("t");
        }
    }
}
