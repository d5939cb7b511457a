package com.parkingspots.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the datetimes clients send: ISO-8601 with {@code Z} or an offset, and also without one (read as UTC, as the
 * contract asks, instead of failing), a bare date (midnight UTC) or epoch seconds.
 */
public final class FlexibleInstants {

    private FlexibleInstants() {}

    public static Instant parse(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new DateTimeParseException("empty datetime", raw, 0);
        }
        if (text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-') && text.indexOf('-', 1) < 0) {
            double seconds = Double.parseDouble(text);
            // like pydantic: values too large to be seconds are milliseconds
            return Math.abs(seconds) > 2e10
                    ? Instant.ofEpochMilli((long) seconds)
                    : Instant.ofEpochSecond((long) Math.floor(seconds), (long) ((seconds - Math.floor(seconds)) * 1e9));
        }
        String normalized = text.replace(' ', 'T');
        if (normalized.endsWith("z")) {
            normalized = normalized.substring(0, normalized.length() - 1) + "Z";
        }
        if (normalized.length() == 10) {
            return LocalDate.parse(normalized).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
