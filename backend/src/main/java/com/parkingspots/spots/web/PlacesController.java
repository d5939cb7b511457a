package com.parkingspots.spots.web;

import com.parkingspots.shared.web.RequestValidationException;
import com.parkingspots.shared.web.ValidationError;
import com.parkingspots.spots.internal.PlaceSearch;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/places?q=…&limit=…}: neighbourhoods, squares, streets, landmarks, towns and postcodes matching
 * what a driver types (any case, accents or script), best first, to move the map there. Public.
 */
@RestController
@RequestMapping("/api/v1/places")
class PlacesController {

    record PlaceResponse(String name, String kind, String city, double latitude, double longitude, int spots) {}

    private final PlaceSearch places;

    PlacesController(PlaceSearch places) {
        this.places = places;
    }

    @GetMapping
    List<PlaceResponse> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String limit) {
        List<ValidationError> errors = new ArrayList<>();
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            errors.add(ValidationError.of("missing", List.of("query", "q"), "Field required"));
        } else if (text.length() > 100) {
            errors.add(ValidationError.of(
                    "string_too_long", List.of("query", "q"), "String should have at most 100 characters"));
        }
        int size = 8;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
                if (size < 1 || size > 20) {
                    errors.add(ValidationError.of(
                            "value_error", List.of("query", "limit"), "limit must be between 1 and 20"));
                }
            } catch (NumberFormatException e) {
                errors.add(ValidationError.of(
                        "int_parsing",
                        List.of("query", "limit"),
                        "Input should be a valid integer, unable to parse string as an integer"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return places.search(text, size).stream()
                .map(p -> new PlaceResponse(p.name(), p.kind(), p.city(), p.latitude(), p.longitude(), p.spots()))
                .toList();
    }
}
