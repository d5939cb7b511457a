package com.parkingspots.spots.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The places a driver types to find parking: the shipped list of the demo region's neighbourhoods, squares,
 * landmarks and towns in Greek and Latin script ({@code places/attica.json}), and what the marketplace's own spots
 * say: their streets, neighbourhoods (the part of an address after its last comma), cities and postcodes, each at the
 * centre of its spots and with their number. Derived places are rebuilt from the in-memory marketplace when it changed,
 * at most once a second and at most 5% of the time (a rebuild reads every listing: ~1 s at 1,000,000 spots, so then
 * every 20 s). Matching folds case, accents and script ({@link PlaceNames}).
 */
@Component
class Gazetteer {

    /** A place: {@code kind} is neighbourhood, square, landmark, city, street or postcode. */
    record Place(String name, String kind, String city, double latitude, double longitude, int spots) {}

    /** A place under all its names ({@code names[i]} folded is {@code keys[i]}). */
    private record Entry(Place place, List<String> names, List<String> keys) {}

    private static final long MIN_REBUILD_MILLIS = 1_000;
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\s+\\d+[a-zA-Zα-ωΑ-Ω]?$");
    private static final Map<String, Integer> KIND_WEIGHT =
            Map.of("square", 6, "neighbourhood", 5, "landmark", 5, "city", 4, "street", 3, "postcode", 2, "place", 1);

    private final MarketplaceSync sync;
    private final List<Entry> shipped;
    private volatile List<Entry> derived;
    private volatile long derivedFrom = -1;
    private volatile long derivedAt;
    private volatile long rebuildMillis = MIN_REBUILD_MILLIS;

    Gazetteer(MarketplaceSync sync, JsonMapper json) throws IOException {
        this.sync = sync;
        this.shipped = shipped(json);
        this.derived = shipped;
    }

    /**
     * Up to {@code limit} places matching the text, best first: a whole-name match, then a name that starts with it,
     * then a word that does, then anywhere in a name (from 3 characters on); within each, squares and neighbourhoods
     * before streets and postcodes, and places with more spots first.
     */
    List<Place> search(String text, int limit) {
        String query = PlaceNames.fold(text);
        if (query.isEmpty()) {
            return List.of();
        }
        String compactQuery = PlaceNames.compact(query);
        boolean greek = isGreek(text);
        record Hit(Place place, int quality, boolean inScript) {}
        List<Hit> hits = new ArrayList<>();
        {
            for (Entry entry : places()) {
                // ranked by its best-matching name, shown under the best one in the script the driver typed in
                int quality = Integer.MAX_VALUE;
                int inScript = Integer.MAX_VALUE;
                String matched = entry.place().name();
                for (int i = 0; i < entry.keys().size(); i++) {
                    int q = quality(
                            entry.keys().get(i),
                            query,
                            compactQuery,
                            entry.place().kind());
                    String name = entry.names().get(i);
                    if (q < quality && inScript == Integer.MAX_VALUE) {
                        matched = name;
                    }
                    quality = Math.min(quality, q);
                    if (q < inScript && isGreek(name) == greek) {
                        inScript = q;
                        matched = name;
                    }
                }
                if (quality != Integer.MAX_VALUE) {
                    // shown under the name that matched: a Greek query gets the Greek name
                    Place p = entry.place();
                    hits.add(new Hit(
                            new Place(matched, p.kind(), p.city(), p.latitude(), p.longitude(), p.spots()),
                            quality,
                            inScript != Integer.MAX_VALUE));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::quality)
                .thenComparing(h -> !h.inScript()) // a Greek query: places named in Greek first
                .thenComparing(h -> -KIND_WEIGHT.getOrDefault(h.place().kind(), 0))
                .thenComparing(h -> -h.place().spots())
                .thenComparing(h -> h.place().name()));
        List<Place> places = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Hit hit : hits) {
            // one entry per name and kind in a city (the shipped one and what the spots say may both know it)
            if (seen.add(hit.place().kind() + "|" + PlaceNames.fold(hit.place().name()) + "|"
                            + hit.place().city())
                    && places.size() < limit) {
                places.add(hit.place());
            }
        }
        return places;
    }

    private static boolean isGreek(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK);
    }

    private static int quality(String key, String query, String compactQuery, String kind) {
        if (kind.equals("postcode")) {
            return PlaceNames.compact(key).startsWith(compactQuery) ? 1 : Integer.MAX_VALUE;
        }
        if (key.equals(query)) {
            return 0;
        }
        if (key.startsWith(query)) {
            return 1;
        }
        if (key.contains(" " + query)) {
            return 2;
        }
        return query.length() >= 3 && key.contains(query) ? 3 : Integer.MAX_VALUE;
    }

    /** The shipped places (with the number of spots that name them) and the other places the spots name. */
    private List<Entry> places() {
        Optional<Marketplace> marketplace = sync.marketplace();
        if (marketplace.isEmpty()) {
            return derivedFrom < 0 ? shipped : derived;
        }
        long changes = marketplace.get().listingChanges();
        long now = System.currentTimeMillis();
        if (changes != derivedFrom && (derivedFrom < 0 || now - derivedAt >= rebuildMillis)) {
            synchronized (this) {
                if (changes != derivedFrom && (derivedFrom < 0 || now - derivedAt >= rebuildMillis)) {
                    long started = System.nanoTime();
                    derived = merge(shipped, derive(marketplace.get()));
                    derivedFrom = changes;
                    derivedAt = now;
                    rebuildMillis = Math.max(MIN_REBUILD_MILLIS, 20 * (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return derived;
    }

    /** Streets, neighbourhoods, cities and postcodes of the listed spots, at the centre of their spots. */
    static List<Entry> derive(Marketplace marketplace) {
        final class Sum {
            final String name;
            final String kind;
            final String city;
            double lat;
            double lon;
            int spots;

            Sum(String name, String kind, String city) {
                this.name = name;
                this.kind = kind;
                this.city = city;
            }
        }
        Map<String, Sum> sums = new HashMap<>();
        marketplace.forEachListing(listing -> {
            if (!listing.searchable()) {
                return;
            }
            String address = listing.address();
            int comma = address.lastIndexOf(',');
            String street = HOUSE_NUMBER
                    .matcher((comma < 0 ? address : address.substring(0, address.indexOf(','))).strip())
                    .replaceAll("");
            String neighbourhood = comma < 0 ? "" : address.substring(comma + 1).strip();
            String[][] parts = {
                {street, "street"},
                {neighbourhood, "neighbourhood"},
                {listing.city, "city"},
                {listing.zipCode, "postcode"}
            };
            for (String[] part : parts) {
                String name = part[0];
                if (name.length() < 2 || !name.chars().anyMatch(Character::isLetterOrDigit)) {
                    continue;
                }
                String key = part[1] + "|" + PlaceNames.fold(name) + "|" + listing.city.toLowerCase(Locale.ROOT);
                Sum sum = sums.computeIfAbsent(key, k -> new Sum(name, part[1], listing.city));
                sum.lat += listing.latitude;
                sum.lon += listing.longitude;
                sum.spots++;
            }
        });
        List<Entry> entries = new ArrayList<>(sums.size());
        for (Sum sum : sums.values()) {
            Place place = new Place(sum.name, sum.kind, sum.city, sum.lat / sum.spots, sum.lon / sum.spots, sum.spots);
            entries.add(new Entry(place, List.of(sum.name), List.of(PlaceNames.fold(sum.name))));
        }
        return entries;
    }

    /**
     * A place the spots name that the shipped list knows too (same kind, a name that folds alike, same city) adds its
     * spots to the shipped one, which keeps its names in both scripts and its coordinates.
     */
    static List<Entry> merge(List<Entry> shipped, List<Entry> derived) {
        Map<String, Integer> index = new HashMap<>();
        int[] spots = new int[shipped.size()];
        for (int i = 0; i < shipped.size(); i++) {
            Entry entry = shipped.get(i);
            for (String key : entry.keys()) {
                index.put(identity(entry.place().kind(), key, entry.place().city()), i);
            }
        }
        List<Entry> merged = new ArrayList<>();
        for (Entry entry : derived) {
            Integer known = index.get(identity(
                    entry.place().kind(), entry.keys().getFirst(), entry.place().city()));
            if (known != null) {
                spots[known] += entry.place().spots();
            } else {
                merged.add(entry);
            }
        }
        for (int i = 0; i < shipped.size(); i++) {
            Entry entry = shipped.get(i);
            Place p = entry.place();
            merged.add(new Entry(
                    new Place(p.name(), p.kind(), p.city(), p.latitude(), p.longitude(), spots[i]),
                    entry.names(),
                    entry.keys()));
        }
        return List.copyOf(merged);
    }

    private static String identity(String kind, String key, String city) {
        return kind + "|" + key + "|" + PlaceNames.fold(city);
    }

    private static List<Entry> shipped(JsonMapper json) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = new ClassPathResource("places/attica.json").getInputStream()) {
            for (JsonNode node : json.readTree(in)) {
                List<String> names = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (JsonNode name : node.get("names")) {
                    names.add(name.asString());
                    keys.add(PlaceNames.fold(name.asString()));
                }
                Place place = new Place(
                        node.get("names").get(0).asString(),
                        node.get("kind").asString(),
                        node.get("city").asString(),
                        node.get("latitude").asDouble(),
                        node.get("longitude").asDouble(),
                        0);
                entries.add(new Entry(place, List.copyOf(names), List.copyOf(keys)));
            }
        }
        return List.copyOf(entries);
    }
}
