package com.parkingspots.spots.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external geocoder (Nominatim or Photon), only when {@code GEOCODER_URL} is set: asked when the gazetteer finds too
 * few places, with a short timeout, its answers kept 10 minutes per text (public instances limit the rate). A failure
 * or a timeout is no answer, never an error for the driver.
 */
@Component
class Geocoder {

    private static final Logger log = LoggerFactory.getLogger(Geocoder.class);

    private final PlacesProperties properties;
    private final JsonMapper json;
    private final HttpClient http;
    private final Cache<String, List<Gazetteer.Place>> answers = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    Geocoder(PlacesProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.geocoderTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean configured() {
        return properties.geocoderUrl() != null;
    }

    List<Gazetteer.Place> search(String text, int limit) {
        if (!configured()) {
            return List.of();
        }
        String key = PlaceNames.fold(text) + "|" + limit;
        List<Gazetteer.Place> cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        List<Gazetteer.Place> found;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri(text, limit))
                            .timeout(properties.geocoderTimeout())
                            .header("Accept", "application/json")
                            .header("User-Agent", "ParkingSpots place search")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("The geocoder answered {}", response.statusCode());
                return List.of();
            }
            found = parse(json.readTree(response.body()), limit);
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("The geocoder could not be asked: {}", e.toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        answers.put(key, found);
        return found;
    }

    private URI uri(String text, int limit) {
        String base = properties.geocoderUrl();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
        return URI.create(
                properties.geocoderFlavour().equals("photon")
                        ? base + "/api?q=" + q + "&limit=" + limit
                        : base + "/search?format=jsonv2&q=" + q + "&limit=" + limit);
    }

    private List<Gazetteer.Place> parse(JsonNode body, int limit) {
        List<Gazetteer.Place> places = new ArrayList<>();
        if (properties.geocoderFlavour().equals("photon")) {
            for (JsonNode feature : body.path("features")) {
                JsonNode p = feature.path("properties");
                JsonNode coordinates = feature.path("geometry").path("coordinates");
                String name = p.path("name").asString("");
                if (!name.isEmpty() && coordinates.size() == 2) {
                    places.add(new Gazetteer.Place(
                            name,
                            "place",
                            p.path("city").asString(""),
                            coordinates.get(1).asDouble(),
                            coordinates.get(0).asDouble(),
                            0));
                }
            }
        } else {
            for (JsonNode hit : body) {
                String name = hit.path("name").asString("");
                if (name.isEmpty()) {
                    name = hit.path("display_name").asString("").split(",")[0];
                }
                if (!name.isEmpty() && hit.hasNonNull("lat") && hit.hasNonNull("lon")) {
                    places.add(new Gazetteer.Place(
                            name,
                            "place",
                            hit.path("address").path("city").asString(""),
                            Double.parseDouble(hit.get("lat").asString()),
                            Double.parseDouble(hit.get("lon").asString()),
                            0));
                }
            }
        }
        return places.size() > limit ? places.subList(0, limit) : places;
    }
}
