package com.parkingspots.shared.web;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a partial update ({@code PUT} with only the keys to change): a key that is absent is left alone, a key that is
 * present is validated with the same rules as on create, and {@code null} is accepted only where the field may be null.
 * Collects every problem and throws one 422 with all of them ({@link #validate()}).
 */
public final class PartialUpdate {

    /** A present key: {@code value} is null when the client sent {@code null}. */
    public record Field<T>(@Nullable T value) {}

    private final ObjectNode body;
    private final List<ValidationError> errors = new ArrayList<>();

    public PartialUpdate(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw RequestValidationException.of(
                    "model_attributes_type",
                    List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from");
        }
        this.body = object;
    }

    public boolean has(String key) {
        return body.has(key);
    }

    public Optional<Field<String>> string(String key, int min, int max, boolean nullable) {
        return read(key, nullable, node -> {
            if (!node.isString()) {
                return fail(key, "string_type", "Input should be a valid string");
            }
            String value = node.asString();
            if (value.length() < min) {
                return fail(
                        key,
                        "string_too_short",
                        "String should have at least " + min + " character" + (min == 1 ? "" : "s"));
            }
            if (value.length() > max) {
                return fail(key, "string_too_long", "String should have at most " + max + " characters");
            }
            return value;
        });
    }

    /**
     * An integer in {@code [min, max]} (at most {@code Integer.MAX_VALUE}), given as a JSON integer or a string of
     * digits, as pydantic's lax mode reads it. Any size is compared with the bounds, so {@code 10**25} is "less than or
     * equal to" its maximum, never an overflow.
     */
    public Optional<Field<Integer>> integer(String key, long min, long max, boolean nullable) {
        return read(key, nullable, node -> {
            BigInteger value;
            if (node.isIntegralNumber()) {
                value = node.bigIntegerValue();
            } else if (node.isString() && node.asString().strip().matches("[-+]?\\d{1,4300}")) {
                value = new BigInteger(node.asString().strip());
            } else {
                return fail(key, "int_parsing", "Input should be a valid integer");
            }
            if (value.compareTo(BigInteger.valueOf(Math.max(min, Integer.MIN_VALUE))) < 0) {
                return fail(key, "greater_than_equal", "Input should be greater than or equal to " + min);
            }
            if (value.compareTo(BigInteger.valueOf(Math.min(max, Integer.MAX_VALUE))) > 0) {
                return fail(key, "less_than_equal", "Input should be less than or equal to " + max);
            }
            return value.intValueExact();
        });
    }

    public Optional<Field<Double>> number(String key, double min, double max, boolean nullable) {
        return read(key, nullable, node -> {
            if (!node.isNumber()) {
                return fail(key, "float_parsing", "Input should be a valid number");
            }
            double value = node.asDouble();
            if (!Double.isFinite(value) || value < min) {
                return fail(key, "greater_than_equal", "Input should be greater than or equal to " + min);
            }
            if (value > max) {
                return fail(key, "less_than_equal", "Input should be less than or equal to " + max);
            }
            return value;
        });
    }

    public Optional<Field<Boolean>> bool(String key) {
        return read(key, false, node -> {
            if (!node.isBoolean()) {
                return fail(key, "bool_parsing", "Input should be a valid boolean");
            }
            return node.asBoolean();
        });
    }

    /** A present key whose raw JSON is handed to {@code parse}; it reports problems with {@link #fail}. */
    public <T> Optional<Field<T>> custom(String key, boolean nullable, Function<JsonNode, @Nullable T> parse) {
        return read(key, nullable, parse);
    }

    public <T> @Nullable T fail(String key, String type, String msg) {
        errors.add(ValidationError.of(type, List.of("body", key), msg));
        return null;
    }

    /** Throws the collected 422, if any. Call after reading every field. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    private <T> Optional<Field<T>> read(String key, boolean nullable, Function<JsonNode, @Nullable T> parse) {
        if (!body.has(key)) {
            return Optional.empty();
        }
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) {
            if (!nullable) {
                fail(key, "missing", "Field may not be null");
                return Optional.empty();
            }
            return Optional.of(new Field<>(null));
        }
        int before = errors.size();
        T value = parse.apply(node);
        return errors.size() > before ? Optional.empty() : Optional.of(new Field<>(value));
    }
}
