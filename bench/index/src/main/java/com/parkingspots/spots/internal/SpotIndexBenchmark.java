package com.parkingspots.spots.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;

/**
 * ADR 0010's measurement: the same spots (bench/generate_spots.py's CSV) and the same query mix as bench/search.lua,
 * answered by (1) the marketplace's grid at several cell sizes, (2) Lucene's distance query with the filters and a
 * distance sort, (3) Lucene's nearest-neighbour walk of the BKD tree with the filters as live docs. One thread, each
 * query timed alone; build time and heap of each structure.
 *
 * <p>Usage: java ... SpotIndexBenchmark SPOTS_CSV [QUERIES]
 */
public class SpotIndexBenchmark {

    record Row(UUID id, double lat, double lon, int type, int size, int rate, boolean covered, boolean ev) {}

    record Q(double lat, double lon, double radiusKm, int type, int size, int maxRate, boolean ev, boolean covered,
            int offset, int limit) {}

    interface Engine {
        String name();

        List<Integer> search(Q q) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<Row> rows = load(csv);
        System.out.printf(Locale.ROOT, "spots=%d queries=%d java=%s%n", rows.size(), queries,
                System.getProperty("java.version"));
        List<Q> mix = mix(queries, 1234);
        List<Engine> engines = new ArrayList<>();
        for (double cell : new double[] {0.0025, 0.005, 0.01, 0.02}) {
            engines.add(measureBuild("grid " + cell, () -> grid(rows, cell)));
        }
        engines.add(measureBuild("marketplace (grid 0.005 + listings)", () -> marketplace(rows)));
        engines.add(measureBuild("lucene distance query + sort", () -> lucene(rows, false)));
        engines.add(measureBuild("lucene nearest (BKD walk, filters as live docs)", () -> lucene(rows, true)));
        List<Integer>[] reference = null;
        for (Engine engine : engines) {
            List<Integer>[] answers = run(engine, mix);
            if (reference == null) {
                reference = answers;
            } else {
                int differ = 0;
                for (int i = 0; i < answers.length; i++) {
                    if (!new HashSet<>(answers[i]).equals(new HashSet<>(reference[i]))) {
                        differ++;
                    }
                }
                System.out.printf(Locale.ROOT, "  %-50s pages differing from the first engine: %d of %d%n",
                        engine.name(), differ, answers.length);
            }
        }
    }

    interface Builder {
        Engine build() throws Exception;
    }

    static Engine measureBuild(String name, Builder builder) throws Exception {
        long before = usedHeap();
        long started = System.nanoTime();
        Engine engine = builder.build();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "BUILD %-50s %6d ms  heap %+6.1f MB%n", name, millis,
                (after - before) / 1048576.0);
        KEEP.add(engine);
        return engine;
    }

    static final List<Object> KEEP = new ArrayList<>();

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    @SuppressWarnings("unchecked")
    static List<Integer>[] run(Engine engine, List<Q> mix) throws IOException {
        for (int i = 0; i < Math.min(3000, mix.size()); i++) {
            engine.search(mix.get(i));
        }
        List<Integer>[] answers = new List[mix.size()];
        long[] nanos = new long[mix.size()];
        long total = System.nanoTime();
        for (int i = 0; i < mix.size(); i++) {
            long started = System.nanoTime();
            answers[i] = engine.search(mix.get(i));
            nanos[i] = System.nanoTime() - started;
        }
        total = System.nanoTime() - total;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT,
                "QUERY %-50s mean %8.1f us  p50 %8.1f us  p99 %8.1f us  max %9.1f us  (%.0f queries/s on one thread)%n",
                engine.name(), total / 1e3 / mix.size(), sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e3,
                mix.size() / (total / 1e9));
        return answers;
    }

    // --- the grid and the marketplace ---

    static Engine grid(List<Row> rows, double cell) {
        GeoGrid grid = new GeoGrid(cell);
        long[] msb = new long[rows.size()];
        long[] lsb = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            grid.put(i, r.lat(), r.lon(), attributes(r), r.rate());
            msb[i] = r.id().getMostSignificantBits();
            lsb[i] = r.id().getLeastSignificantBits();
        }
        return new Engine() {
            public String name() {
                return "grid " + cell + " (" + grid.cells() + " cells)";
            }

            public List<Integer> search(Q q) {
                GeoGrid.Filter filter = new GeoGrid.Filter() {
                    public boolean accepts(int attributes, int rate) {
                        return (q.type() < 0 || (attributes & Listing.TYPE_MASK) == q.type())
                                && ((attributes >>> Listing.SIZE_SHIFT) & 7) >= q.size()
                                && rate <= q.maxRate()
                                && (!q.ev() || (attributes & Listing.EV_CHARGING) != 0)
                                && (!q.covered() || (attributes & Listing.COVERED) != 0);
                    }

                    public boolean acceptsSlot(int slot) {
                        return true;
                    }

                    public int tieBreak(int a, int b) {
                        int high = Long.compareUnsigned(msb[a], msb[b]);
                        return high != 0 ? high : Long.compareUnsigned(lsb[a], lsb[b]);
                    }
                };
                List<GeoGrid.Found> found = grid.nearest(q.lat(), q.lon(), q.radiusKm(), q.offset() + q.limit(), filter);
                List<Integer> page = new ArrayList<>();
                for (int i = q.offset(); i < found.size(); i++) {
                    GeoGrid.Found f = found.get(i);
                    Row r = rows.get(f.slot());
                    if (Marketplace.haversine(q.lat(), q.lon(), r.lat(), r.lon()) <= q.radiusKm()) {
                        page.add(f.slot());
                    }
                }
                return page;
            }
        };
    }

    static Engine marketplace(List<Row> rows) {
        Marketplace marketplace = new Marketplace(rows.size(), Instant.parse("2026-01-01T00:00:00Z"));
        UUID owner = UUID.randomUUID();
        ZoneId athens = ZoneId.of("Europe/Athens");
        java.util.Map<UUID, Integer> slots = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            slots.put(r.id(), i);
            marketplace.put(new Listing(r.id(), owner, "Bench spot " + i, null,
                    "Ermou " + (1 + i % 200), "Athens", "Attica", Integer.toString(10431 + i % 500).intern(),
                    "Greece", r.lat(), r.lon(), r.rate(), 0, 0, "eur", attributes(r), null, null, "Europe/Athens",
                    athens, List.of(), 0, 0, 0, 1_700_000_000_000_000L + i, 1_700_000_000_000_000L + i, null,
                    null));
        }
        marketplace.compact();
        return new Engine() {
            public String name() {
                return "marketplace (grid 0.005 + listings, whole page)";
            }

            public List<Integer> search(Q q) {
                SearchCriteria c = new SearchCriteria(q.lat(), q.lon(), q.radiusKm(),
                        q.type() < 0 ? null : Listing.TYPES.get(q.type()), q.size() == 0 ? null : q.size(),
                        q.maxRate() == Integer.MAX_VALUE ? null : q.maxRate(), q.ev() ? true : null,
                        q.covered() ? true : null, null, null, null, null, null, null, null, null, null, q.offset(),
                        q.limit());
                List<Integer> page = new ArrayList<>();
                for (SpotSummary s : marketplace.search(c).orElseThrow()) {
                    page.add(slots.get(s.id()));
                }
                return page;
            }
        };
    }

    // --- Lucene ---

    static Engine lucene(List<Row> rows, boolean nearest) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig();
        config.setRAMBufferSizeMB(256);
        IndexWriter writer = new IndexWriter(directory, config);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Document doc = new Document();
            doc.add(new LatLonPoint("loc", r.lat(), r.lon()));
            doc.add(new LatLonDocValuesField("loc", r.lat(), r.lon()));
            doc.add(new IntField("type", r.type(), Field.Store.NO));
            doc.add(new IntField("size", r.size(), Field.Store.NO));
            doc.add(new IntField("rate", r.rate(), Field.Store.NO));
            doc.add(new IntField("ev", r.ev() ? 1 : 0, Field.Store.NO));
            doc.add(new IntField("covered", r.covered() ? 1 : 0, Field.Store.NO));
            doc.add(new NumericDocValuesField("slot", i));
            doc.add(new NumericDocValuesField("id_hi", r.id().getMostSignificantBits() ^ Long.MIN_VALUE));
            doc.add(new NumericDocValuesField("id_lo", r.id().getLeastSignificantBits() ^ Long.MIN_VALUE));
            writer.addDocument(doc);
        }
        writer.forceMerge(1); // Lucene's best case: one segment, doc id = slot
        writer.commit();
        DirectoryReader reader = DirectoryReader.open(writer);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null); // every query differs
        return new Engine() {
            public String name() {
                return nearest ? "lucene nearest (BKD walk, filters as live docs)" : "lucene distance query + sort";
            }

            public List<Integer> search(Q q) throws IOException {
                int n = q.offset() + q.limit();
                TopDocs top;
                if (nearest) {
                    IntPredicate accepts = slot -> {
                        Row r = rows.get(slot);
                        return (q.type() < 0 || r.type() == q.type())
                                && r.size() >= q.size()
                                && r.rate() <= q.maxRate()
                                && (!q.ev() || r.ev())
                                && (!q.covered() || r.covered());
                    };
                    top = LatLonPoint.nearest(
                            new IndexSearcher(filtered(reader, accepts)), "loc", q.lat(), q.lon(), n);
                } else {
                    BooleanQuery.Builder query = new BooleanQuery.Builder();
                    query.add(LatLonPoint.newDistanceQuery("loc", q.lat(), q.lon(), q.radiusKm() * 1000),
                            BooleanClause.Occur.FILTER);
                    if (q.type() >= 0) {
                        query.add(IntField.newExactQuery("type", q.type()), BooleanClause.Occur.FILTER);
                    }
                    if (q.size() > 0) {
                        query.add(IntField.newRangeQuery("size", q.size(), 5), BooleanClause.Occur.FILTER);
                    }
                    if (q.maxRate() != Integer.MAX_VALUE) {
                        query.add(IntField.newRangeQuery("rate", 0, q.maxRate()), BooleanClause.Occur.FILTER);
                    }
                    if (q.ev()) {
                        query.add(IntField.newExactQuery("ev", 1), BooleanClause.Occur.FILTER);
                    }
                    if (q.covered()) {
                        query.add(IntField.newExactQuery("covered", 1), BooleanClause.Occur.FILTER);
                    }
                    Query built = query.build();
                    top = searcher.search(built, n, new Sort(
                            LatLonDocValuesField.newDistanceSort("loc", q.lat(), q.lon()),
                            new SortField("id_hi", SortField.Type.LONG),
                            new SortField("id_lo", SortField.Type.LONG)));
                }
                List<Integer> page = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = q.offset(); i < docs.length; i++) {
                    Row r = rows.get(docs[i].doc);
                    if (Marketplace.haversine(q.lat(), q.lon(), r.lat(), r.lon()) <= q.radiusKm()) {
                        page.add(docs[i].doc);
                    }
                }
                return page;
            }
        };
    }

    /** The reader with the filter as its live documents (doc id = slot: one segment, added in slot order). */
    static DirectoryReader filtered(DirectoryReader reader, IntPredicate accepts) throws IOException {
        return new FilterDirectoryReader(reader, new FilterDirectoryReader.SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader leaf) {
                return new FilterLeafReader(leaf) {
                    @Override
                    public Bits getLiveDocs() {
                        return new Bits() {
                            public boolean get(int doc) {
                                return accepts.test(doc);
                            }

                            public int length() {
                                return leaf.maxDoc();
                            }
                        };
                    }

                    @Override
                    public int numDocs() {
                        return leaf.maxDoc() - 1; // has deletions, so the live docs are consulted
                    }

                    @Override
                    public CacheHelper getCoreCacheHelper() {
                        return null;
                    }

                    @Override
                    public CacheHelper getReaderCacheHelper() {
                        return null;
                    }
                };
            }
        }) {
            @Override
            protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
                return in;
            }

            @Override
            public CacheHelper getReaderCacheHelper() {
                return null;
            }
        };
    }

    // --- data and queries ---

    static int attributes(Row r) {
        return Listing.attributes(Listing.TYPES.get(r.type()), Listing.SIZES.get(r.size() - 1), r.covered(), r.ev(),
                false, false, false, true, true, false);
    }

    static List<Row> load(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                rows.add(new Row(UUID.fromString(f[0]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                        Listing.TYPES.indexOf(f[3]), Listing.SIZES.indexOf(f[4]) + 1, Integer.parseInt(f[12]),
                        f[14].equals("t"), f[15].equals("t")));
            }
        }
        return rows;
    }

    /** bench/search.lua's mix: centres from the same clusters, radii 0.5-25 km, its filter and page odds. */
    static List<Q> mix(int n, long seed) {
        Random random = new Random(seed);
        double[] radii = {0.5, 1, 2, 5, 10, 25};
        List<Q> mix = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            double lat;
            double lon;
            if (r < 0.6) {
                lat = 37.9838 + random.nextGaussian() * 0.02;
                lon = 23.7275 + random.nextGaussian() * 0.025;
            } else if (r < 0.9) {
                lat = 37.9838 + random.nextGaussian() * 0.07;
                lon = 23.7275 + random.nextGaussian() * 0.09;
            } else {
                lat = 37.9838 + random.nextGaussian() * 0.25;
                lon = 23.7275 + random.nextGaussian() * 0.3;
            }
            double radius = radii[random.nextInt(radii.length)];
            int type = random.nextDouble() < 0.25 ? random.nextInt(6) : -1;
            boolean ev = random.nextDouble() < 0.15;
            int maxRate = random.nextDouble() < 0.20 ? 200 + 50 * random.nextInt(15) : Integer.MAX_VALUE;
            int size = random.nextDouble() < 0.10 ? 1 + random.nextInt(5) : 0;
            boolean covered = random.nextDouble() < 0.10;
            int page = random.nextDouble() < 0.10 ? 2 + random.nextInt(2) : 1;
            mix.add(new Q(lat, lon, radius, type, size, maxRate, ev, covered, (page - 1) * 20, 20));
        }
        return mix;
    }
}
