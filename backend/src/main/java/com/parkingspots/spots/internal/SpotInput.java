package com.parkingspots.spots.internal;

import com.parkingspots.shared.web.PartialUpdate;
import com.parkingspots.shared.web.RequestValidationException;
import com.parkingspots.shared.web.ValidationError;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a spot's JSON body (CONTRACT.md 3.4) into column values, with the same rules on create and update: on create
 * the required fields must be present and defaults fill the rest; on update only present keys change, and {@code null}
 * is accepted only where the field may be null. {@code state} and {@code prefecture} are the same field.
 */
final class SpotInput {

    static final List<String> SPOT_TYPES = List.of("indoor", "outdoor", "covered", "garage", "driveway", "lot");
    static final List<String> VEHICLE_SIZES = List.of("motorcycle", "compact", "standard", "large", "oversized");
    private static final List<String> REQUIRED =
            List.of("title", "address", "city", "zip_code", "latitude", "longitude", "hourly_rate");
    private static final int MAX_RATE = 100_000_000;

    /** Column values, and whether the schedule (operating hours or time zone) changed. */
    record Columns(Map<String, @Nullable Object> values) {
        boolean touches(String column) {
            return values.containsKey(column);
        }
    }

    /**
     * Whether the spot may list an image URL (docs/decisions/0009): {@code null} when it may, otherwise the message of
     * the 422.
     */
    @FunctionalInterface
    interface ImageRule {
        @Nullable
        String refusal(String url);
    }

    private SpotInput() {}

    static Columns read(JsonNode json, boolean creating, SpotsProperties defaults, int maxImages, ImageRule rule) {
        PartialUpdate body = new PartialUpdate(json);
        Map<String, @Nullable Object> columns = new LinkedHashMap<>();
        List<ValidationError> missing = new ArrayList<>();
        if (creating) {
            for (String key : REQUIRED) {
                if (!json.has(key) || json.get(key).isNull()) {
                    missing.add(ValidationError.of("missing", List.of("body", key), "Field required"));
                }
            }
            if (!(json.has("state") && !json.get("state").isNull())
                    && !(json.has("prefecture") && !json.get("prefecture").isNull())) {
                missing.add(ValidationError.of("missing", List.of("body", "prefecture"), "Field required"));
            }
        }
        body.string("title", 5, 255, false).ifPresent(f -> columns.put("title", f.value()));
        body.string("description", 0, 5000, true).ifPresent(f -> columns.put("description", f.value()));
        enumeration(body, "spot_type", SPOT_TYPES).ifPresent(v -> columns.put("spot_type", v));
        enumeration(body, "vehicle_size", VEHICLE_SIZES).ifPresent(v -> columns.put("vehicle_size", v));
        body.string("address", 5, 500, false).ifPresent(f -> columns.put("address", f.value()));
        body.string("city", 2, 100, false).ifPresent(f -> columns.put("city", f.value()));
        body.string("prefecture", 2, 100, false).ifPresent(f -> columns.put("state", f.value()));
        body.string("state", 2, 100, false).ifPresent(f -> columns.put("state", f.value()));
        body.string("zip_code", 3, 20, false).ifPresent(f -> columns.put("zip_code", f.value()));
        body.string("country", 2, 100, false).ifPresent(f -> columns.put("country", f.value()));
        body.number("latitude", -90, 90, false).ifPresent(f -> columns.put("latitude", f.value()));
        body.number("longitude", -180, 180, false).ifPresent(f -> columns.put("longitude", f.value()));
        body.integer("hourly_rate", 1, MAX_RATE, false).ifPresent(f -> columns.put("hourly_rate", f.value()));
        body.integer("daily_rate", 1, MAX_RATE, true).ifPresent(f -> columns.put("daily_rate", f.value()));
        body.integer("monthly_rate", 1, MAX_RATE, true).ifPresent(f -> columns.put("monthly_rate", f.value()));
        body.custom("currency", false, node -> currency(body, node)).ifPresent(f -> columns.put("currency", f.value()));
        for (String flag :
                List.of("is_covered", "has_ev_charging", "has_security", "has_lighting", "is_handicap_accessible")) {
            body.bool(flag).ifPresent(f -> columns.put(flag, f.value()));
        }
        body.string("access_instructions", 0, 2000, true).ifPresent(f -> columns.put("access_instructions", f.value()));
        body.custom("operating_hours", true, node -> operatingHours(body, node))
                .ifPresent(f -> columns.put("operating_hours", f.value()));
        body.custom("time_zone", false, node -> timeZone(body, node))
                .ifPresent(f -> columns.put("time_zone", f.value()));
        body.custom("images", false, node -> images(body, node, maxImages))
                .ifPresent(f -> columns.put("images", f.value()));
        if (!creating) {
            body.bool("is_active").ifPresent(f -> columns.put("is_active", f.value()));
            body.bool("is_available").ifPresent(f -> columns.put("is_available", f.value()));
        }
        try {
            body.validate();
        } catch (RequestValidationException e) {
            missing.addAll(e.errors());
        }
        if (columns.containsKey("images")) {
            missing.addAll(refusedImages(json.get("images"), rule));
        }
        if (!missing.isEmpty()) {
            throw new RequestValidationException(missing);
        }
        if (creating) {
            columns.putIfAbsent("spot_type", "outdoor");
            columns.putIfAbsent("vehicle_size", "standard");
            columns.putIfAbsent("country", "Greece");
            columns.putIfAbsent("currency", defaults.defaultCurrency());
            columns.putIfAbsent("time_zone", defaults.defaultTimeZone());
            columns.putIfAbsent("images", "[]");
        }
        return new Columns(columns);
    }

    private static Optional<String> enumeration(PartialUpdate body, String key, List<String> values) {
        return body.<String>custom(key, false, node -> {
                    String value = node.isString() ? node.asString().toLowerCase(Locale.ROOT) : "";
                    if (!values.contains(value)) {
                        return body.fail(key, "enum", "Input should be " + oneOf(values));
                    }
                    return value;
                })
                .map(PartialUpdate.Field::value);
    }

    static String oneOf(List<String> values) {
        List<String> quoted = values.stream().map(v -> "'" + v + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
    }

    private static @Nullable String currency(PartialUpdate body, JsonNode node) {
        String code = node.isString() ? node.asString() : "";
        if (code.matches("[A-Za-z]{3}")) {
            try {
                Currency.getInstance(code.toUpperCase(Locale.ROOT));
                return code.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException unknown) {
                // fall through
            }
        }
        return body.fail("currency", "value_error", "currency must be an ISO 4217 code such as 'eur' or 'usd'");
    }

    private static @Nullable String timeZone(PartialUpdate body, JsonNode node) {
        if (node.isString() && TimeZones.isValid(node.asString())) {
            return node.asString();
        }
        return body.fail(
                "time_zone", "value_error", "time_zone must be an IANA time zone name such as 'Europe/Athens'");
    }

    private static @Nullable String operatingHours(PartialUpdate body, JsonNode node) {
        try {
            WeeklySchedule.parse(node);
            return node.toString();
        } catch (IllegalArgumentException e) {
            return body.fail("operating_hours", "value_error", e.getMessage());
        }
    }

    private static @Nullable String images(PartialUpdate body, JsonNode node, int maxImages) {
        if (!node.isArray()) {
            return body.fail("images", "list_type", "Input should be a valid list");
        }
        if (node.size() > maxImages) {
            return body.fail("images", "too_long", "List should have at most " + maxImages + " items");
        }
        for (JsonNode item : node) {
            if (!item.isString() || item.asString().isBlank() || item.asString().length() > 500) {
                return body.fail("images", "string_type", "images must be URLs (strings of at most 500 characters)");
            }
        }
        return node.toString();
    }

    private static List<ValidationError> refusedImages(JsonNode list, ImageRule rule) {
        List<ValidationError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String url = list.get(i).asString();
            String refusal = seen.add(url) ? rule.refusal(url) : "Image is listed more than once";
            if (refusal != null) {
                errors.add(new ValidationError("value_error", List.of("body", "images", i), refusal, url, null));
            }
        }
        return errors;
    }
}
