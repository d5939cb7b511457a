package com.parkingspots.spots.web;

import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.NotFoundDetail;
import com.parkingspots.shared.web.RequestValidationException;
import com.parkingspots.shared.web.ValidationError;
import com.parkingspots.spots.internal.Favorites;
import com.parkingspots.spots.internal.SearchCriteria;
import com.parkingspots.spots.internal.SpotCalendar;
import com.parkingspots.spots.internal.SpotManagement;
import com.parkingspots.spots.internal.SpotSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CONTRACT.md 3.4: listings, search, availability slots and photos. */
@RestController
@RequestMapping("/api/v1/parking-spots")
class SpotsController {

    private static final List<String> SPOT_TYPES = List.of("indoor", "outdoor", "covered", "garage", "driveway", "lot");
    private static final List<String> VEHICLE_SIZES =
            List.of("motorcycle", "compact", "standard", "large", "oversized");
    private static final String NOT_FOUND = SpotManagement.NOT_FOUND;

    // a time window outside these years is no search anyone means (and beyond PostgreSQL's or the week arithmetic's)
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final SpotManagement spots;
    private final SpotCalendar calendar;
    private final Favorites favorites;
    private final JsonMapper json;

    SpotsController(SpotManagement spots, SpotCalendar calendar, Favorites favorites, JsonMapper json) {
        this.spots = spots;
        this.calendar = calendar;
        this.favorites = favorites;
        this.json = json;
    }

    /** List items marked with the caller's favourites, read from memory (no database query once loaded). */
    private List<SpotListItem> items(Optional<Caller> caller, List<SpotSummary> found) {
        if (caller.isEmpty()) {
            return found.stream().map(SpotListItem::of).toList();
        }
        Set<UUID> favorite = favorites.idsOf(caller.get().id());
        return found.stream()
                .map(s -> SpotListItem.of(s, favorite.contains(s.id())))
                .toList();
    }

    /** Filters shared by the list and the search endpoint. */
    record Filters(
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String spotType,
            @Nullable String vehicleSize,
            @Nullable Integer maxHourlyRate,
            @Nullable Integer maxPrice,
            @Nullable Boolean hasEvCharging,
            @Nullable Boolean isCovered,
            @Nullable Boolean hasSecurity,
            @Nullable Boolean hasLighting,
            @Nullable Boolean isHandicapAccessible,
            @Nullable String q,
            @Nullable String city,
            @Nullable Instant startTime,
            @Nullable Instant endTime) {}

    @GetMapping
    List<SpotListItem> list(
            Optional<Caller> caller,
            @RequestParam(required = false) @Nullable Double latitude,
            @RequestParam(required = false) @Nullable Double longitude,
            @RequestParam(name = "radius_km", defaultValue = "10") double radiusKm,
            @RequestParam(name = "spot_type", required = false) @Nullable String spotType,
            @RequestParam(name = "vehicle_size", required = false) @Nullable String vehicleSize,
            @RequestParam(name = "max_hourly_rate", required = false) @Nullable @Min(1) Integer maxHourlyRate,
            @RequestParam(name = "max_price", required = false) @Nullable @Min(1) Integer maxPrice,
            @RequestParam(name = "has_ev_charging", required = false) @Nullable Boolean hasEvCharging,
            @RequestParam(name = "is_covered", required = false) @Nullable Boolean isCovered,
            @RequestParam(name = "has_security", required = false) @Nullable Boolean hasSecurity,
            @RequestParam(name = "has_lighting", required = false) @Nullable Boolean hasLighting,
            @RequestParam(name = "is_handicap_accessible", required = false) @Nullable Boolean isHandicapAccessible,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(name = "start_time", required = false) @Nullable Instant startTime,
            @RequestParam(name = "end_time", required = false) @Nullable Instant endTime,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(required = false) @Nullable @Min(1) @Max(100) Integer limit) {
        Filters filters = new Filters(
                latitude,
                longitude,
                spotType,
                vehicleSize,
                maxHourlyRate,
                maxPrice,
                hasEvCharging,
                isCovered,
                hasSecurity,
                hasLighting,
                isHandicapAccessible,
                q,
                city,
                startTime,
                endTime);
        int size = limit != null ? limit : pageSize;
        SearchCriteria criteria = criteria(filters, radiusKm, 100, null, null, (page - 1) * size, size);
        return items(caller, spots.search(criteria));
    }

    /** The implementation's second search: no page, radius 50 km by default, and "available in the next hour". */
    @GetMapping("/search")
    List<SpotListItem> search(
            Optional<Caller> caller,
            @RequestParam(required = false) @Nullable Double latitude,
            @RequestParam(required = false) @Nullable Double longitude,
            @RequestParam(name = "radius_km", defaultValue = "50") double radiusKm,
            @RequestParam(name = "spot_type", required = false) @Nullable String spotType,
            @RequestParam(name = "vehicle_size", required = false) @Nullable String vehicleSize,
            @RequestParam(name = "max_price", required = false) @Nullable @Min(1) Integer maxPrice,
            @RequestParam(name = "max_hourly_rate", required = false) @Nullable @Min(1) Integer maxHourlyRate,
            @RequestParam(name = "has_ev_charging", required = false) @Nullable Boolean hasEvCharging,
            @RequestParam(name = "is_covered", required = false) @Nullable Boolean isCovered,
            @RequestParam(name = "has_security", required = false) @Nullable Boolean hasSecurity,
            @RequestParam(name = "has_lighting", required = false) @Nullable Boolean hasLighting,
            @RequestParam(name = "is_handicap_accessible", required = false) @Nullable Boolean isHandicapAccessible,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(required = false) @Nullable String prefecture,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(name = "zip_code", required = false) @Nullable String zipCode,
            @RequestParam(name = "start_time", required = false) @Nullable Instant startTime,
            @RequestParam(name = "end_time", required = false) @Nullable Instant endTime,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        boolean defaultWindow = startTime == null && endTime == null;
        if (defaultWindow) {
            startTime = spots.now();
            endTime = startTime.plus(Duration.ofHours(1));
        }
        Filters filters = new Filters(
                latitude,
                longitude,
                spotType,
                vehicleSize,
                maxHourlyRate,
                maxPrice,
                hasEvCharging,
                isCovered,
                hasSecurity,
                hasLighting,
                isHandicapAccessible,
                q,
                city,
                startTime,
                endTime);
        SearchCriteria criteria =
                criteria(filters, radiusKm, 500, state != null ? state : prefecture, zipCode, 0, limit);
        return items(caller, spots.search(criteria));
    }

    /**
     * The caller's spots, newest first: all of them (as the existing clients expect), or, with {@code page},
     * {@code page_size}, {@code q} (title, address, city, postcode) or {@code status} (active, inactive, available,
     * unavailable), one page of the matches, their number in {@code X-Total-Count}.
     */
    @GetMapping("/my-spots")
    ResponseEntity<List<SpotResponse>> mySpots(
            Caller caller,
            @RequestParam(required = false) @Nullable @Min(1) @Max(1_000_000) Integer page,
            @RequestParam(name = "page_size", required = false) @Nullable @Min(1) @Max(100) Integer pageSize,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status) {
        if (page == null && pageSize == null && q == null && status == null) {
            List<SpotResponse> all = spots.ownedBy(caller.id()).stream()
                    .map(s -> SpotResponse.of(s, json))
                    .toList();
            return ResponseEntity.ok()
                    .header("X-Total-Count", String.valueOf(all.size()))
                    .body(all);
        }
        List<ValidationError> errors = new ArrayList<>();
        String state = enumeration(errors, "status", status, List.of("active", "inactive", "available", "unavailable"));
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        SpotManagement.OwnedPage found = spots.ownedBy(
                caller.id(), blankToNull(q), state, page == null ? 1 : page, pageSize == null ? 20 : pageSize);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(found.total()))
                .body(found.spots().stream().map(s -> SpotResponse.of(s, json)).toList());
    }

    @GetMapping("/{spotId}")
    SpotResponse get(@PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId) {
        return SpotResponse.of(spots.get(spotId), json);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SpotResponse create(Caller caller, @RequestBody JsonNode body) {
        return SpotResponse.of(spots.create(caller, body), json);
    }

    @PutMapping("/{spotId}")
    SpotResponse update(
            Caller caller, @PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId, @RequestBody JsonNode body) {
        return SpotResponse.of(spots.update(caller, spotId, body), json);
    }

    @DeleteMapping("/{spotId}")
    Map<String, Object> delete(Caller caller, @PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId) {
        SpotManagement.Deletion deletion = spots.delete(caller, spotId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Parking spot deleted successfully");
        // a spot with booking history is kept, inactive, so that its bookings, payments and reviews stay intact
        body.put("deactivated", deletion == SpotManagement.Deletion.DEACTIVATED);
        return body;
    }

    // --- availability ---

    @PostMapping("/{spotId}/availability")
    SlotResponse addSlot(
            Caller caller, @PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId, @RequestBody JsonNode body) {
        return SlotResponse.of(spots.addSlot(caller, spotId, body));
    }

    @GetMapping("/{spotId}/availability")
    List<SlotResponse> slots(@PathVariable String spotId) {
        UUID id;
        try {
            id = UUID.fromString(spotId);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
        return spots.slots(id).stream().map(SlotResponse::of).toList();
    }

    /**
     * When the spot is open, blocked and booked between {@code from} and {@code to} (default: the next 7 days, at
     * most 62), so a booking form can disable those times before asking for a price.
     */
    @GetMapping("/{spotId}/calendar")
    CalendarResponse calendar(
            @PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        Instant start = from != null ? from : spots.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant end = to != null ? to : start.plus(Duration.ofDays(7));
        if (!end.isAfter(start)) {
            throw RequestValidationException.of("value_error", List.of("query", "to"), "to must be after from");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(62)) > 0) {
            throw RequestValidationException.of(
                    "value_error", List.of("query", "to"), "The calendar covers at most 62 days");
        }
        return CalendarResponse.of(calendar.calendar(spotId, start, end));
    }

    @DeleteMapping("/{spotId}/availability/{slotId}")
    Map<String, String> deleteSlot(
            Caller caller,
            @PathVariable @NotFoundDetail("Not authorized") UUID spotId,
            @PathVariable @NotFoundDetail("Availability slot not found") UUID slotId) {
        spots.deleteSlot(caller, spotId, slotId);
        return Map.of("message", "Availability slot deleted");
    }

    // --- photos ---

    @PostMapping(value = "/{spotId}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SpotResponse addImage(
            Caller caller,
            @PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId,
            @RequestParam("file") MultipartFile file) {
        try {
            return SpotResponse.of(spots.addImage(caller, spotId, file.getBytes()), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DeleteMapping("/{spotId}/images")
    SpotResponse removeImage(
            Caller caller, @PathVariable @NotFoundDetail(NOT_FOUND) UUID spotId, @RequestParam String url) {
        return SpotResponse.of(spots.removeImage(caller, spotId, url), json);
    }

    // --- query validation ---

    private static void representable(List<ValidationError> errors, String name, @Nullable Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            errors.add(ValidationError.of(
                    "value_error", List.of("query", name), name + " must be between 1970-01-01 and 9999-12-31"));
        }
    }

    private static SearchCriteria criteria(
            Filters f,
            double radiusKm,
            double maxRadiusKm,
            @Nullable String state,
            @Nullable String zipCode,
            int offset,
            int limit) {
        List<ValidationError> errors = new ArrayList<>();
        if (f.latitude() != null && !(f.latitude() >= -90 && f.latitude() <= 90)) {
            errors.add(range("latitude", "-90", "90"));
        }
        if (f.longitude() != null && !(f.longitude() >= -180 && f.longitude() <= 180)) {
            errors.add(range("longitude", "-180", "180"));
        }
        if ((f.latitude() == null) != (f.longitude() == null)) {
            errors.add(ValidationError.of(
                    "missing",
                    List.of("query", f.latitude() == null ? "latitude" : "longitude"),
                    "latitude and longitude must be given together"));
        }
        // the list allows 100 km, the implementation's /search 500 km (CONTRACT.md 3.4)
        if (!(radiusKm > 0 && radiusKm <= maxRadiusKm)) {
            errors.add(ValidationError.of(
                    "value_error",
                    List.of("query", "radius_km"),
                    "radius_km must be greater than 0 and at most " + (int) maxRadiusKm));
        }
        String spotType = enumeration(errors, "spot_type", f.spotType(), SPOT_TYPES);
        String size = enumeration(errors, "vehicle_size", f.vehicleSize(), VEHICLE_SIZES);
        representable(errors, "start_time", f.startTime());
        representable(errors, "end_time", f.endTime());
        if (f.startTime() != null && f.endTime() != null && !f.endTime().isAfter(f.startTime())) {
            errors.add(ValidationError.of(
                    "value_error", List.of("query", "end_time"), "end_time must be after start_time"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Integer maxRate = f.maxHourlyRate();
        if (maxRate == null || f.maxPrice() != null && f.maxPrice() < maxRate) {
            maxRate = f.maxPrice(); // max_price is an alias (Decision 7); with both, the lower bound wins
        }
        return new SearchCriteria(
                f.latitude(),
                f.longitude(),
                radiusKm,
                spotType,
                size == null ? null : VEHICLE_SIZES.indexOf(size) + 1,
                maxRate,
                f.hasEvCharging(),
                f.isCovered(),
                f.hasSecurity(),
                f.hasLighting(),
                f.isHandicapAccessible(),
                blankToNull(f.q()),
                blankToNull(f.city()),
                blankToNull(state),
                blankToNull(zipCode),
                f.startTime() != null && f.endTime() != null ? f.startTime() : null,
                f.startTime() != null && f.endTime() != null ? f.endTime() : null,
                offset,
                limit);
    }

    private static ValidationError range(String name, String min, String max) {
        return ValidationError.of(
                "value_error", List.of("query", name), name + " must be between " + min + " and " + max);
    }

    private static @Nullable String enumeration(
            List<ValidationError> errors, String name, @Nullable String value, List<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            List<String> quoted = allowed.stream().map(v -> "'" + v + "'").toList();
            errors.add(ValidationError.of(
                    "enum",
                    List.of("query", name),
                    "Input should be " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or "
                            + quoted.getLast()));
            return null;
        }
        return lower;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
