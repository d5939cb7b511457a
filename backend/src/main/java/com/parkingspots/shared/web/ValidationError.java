package com.parkingspots.shared.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of a 422 {@code detail} list, in FastAPI's shape: {@code {"type","loc","msg","input","ctx"}}.
 *
 * @param loc where: {@code ["body", "field"]}, {@code ["query", "page"]}, {@code ["path", "id"]}
 */
public record ValidationError(
        String type,
        List<Object> loc,
        String msg,
        @Nullable Object input,
        @Nullable Map<String, Object> ctx) {

    public static ValidationError of(String type, List<Object> loc, String msg) {
        return new ValidationError(type, loc, msg, null, null);
    }
}
