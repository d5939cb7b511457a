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
 * contract asks, instead of failing), a bare date (midnight UTC) or epoch seconds. Anything else, and any instant before
 * year 1 or beyond what PostgreSQL stores, is a {@link DateTimeParseException}.
 */
public final class FlexibleInstants {

    private FlexibleInstants() {}

    /** The first instant of year 1, as in pydantic (Python's datetime). */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

    /** The last whole year PostgreSQL's {@code timestamptz} can hold: later values are no datetime it could store. */
    static final Instant MAX = Instant.parse("+294275-12-31T23:59:59.999999Z");

    public static Instant parse(String raw) {
        Instant instant = parseUnchecked(raw);
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new DateTimeParseException("datetime out of range", raw, 0);
        }
        return instant;
    }

    private static Instant parseUnchecked(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new DateTimeParseException("empty datetime", raw, 0);
        }
        if (text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-') && text.indexOf('-', 1) < 0) {
            double seconds = Double.parseDouble(text);
            if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e16) {
                throw new DateTimeParseException("epoch value out of range", raw, 0);
            }
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
