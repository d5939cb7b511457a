package com.parkingspots.spots.internal;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A spot's week, in minutes since Monday 00:00 of its own time zone ({@code [0, 10080)}), as the database stores it
 * ({@code open_week int4multirange}): the operating hours minus the weekly blocked slots.
 *
 * <p>{@code operating_hours} is an object keyed by day ({@code monday} … {@code sunday}); each day is
 * {@code {"open": "HH:MM", "close": "HH:MM"}} (a close at or before the open means the spot closes the next day, so
 * {@code 22:00}–{@code 06:00} is overnight and {@code 00:00}–{@code 00:00} is the whole day), {@code {"closed": true}}
 * or {@code "closed"}, or {@code {"open_24h": true}} or {@code "24h"}. A day that is not named is closed. Without
 * operating hours ({@code null}) the spot is open all week.
 */
public final class WeeklySchedule {

    public static final int MINUTES_PER_DAY = 1440;
    public static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
    public static final List<String> DAYS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");

    /** A weekly window: on {@code day} (0 = Monday; null = every day) from {@code start} to {@code end}. */
    public record Window(@Nullable Integer day, LocalTime start, LocalTime end) {}

    private final BitSet open = new BitSet(MINUTES_PER_WEEK);

    private WeeklySchedule() {}

    /** The week of a spot with these operating hours (null: always open) and these weekly blocked windows. */
    public static WeeklySchedule of(@Nullable JsonNode operatingHours, List<Window> blocked) {
        WeeklySchedule week = new WeeklySchedule();
        if (operatingHours == null || operatingHours.isNull()) {
            week.open.set(0, MINUTES_PER_WEEK);
        } else {
            for (Map.Entry<Integer, Window> day : parse(operatingHours).entrySet()) {
                week.mark(day.getValue(), true);
            }
        }
        for (Window window : blocked) {
            if (window.day() == null) {
                for (int day = 0; day < 7; day++) {
                    week.mark(new Window(day, window.start(), window.end()), false);
                }
            } else {
                week.mark(window, false);
            }
        }
        return week;
    }

    /**
     * Checks an {@code operating_hours} value and returns its open windows by day (0 = Monday); throws
     * {@link IllegalArgumentException} with a message for the client when it is malformed.
     */
    public static Map<Integer, Window> parse(JsonNode hours) {
        if (!hours.isObject()) {
            throw new IllegalArgumentException(
                    "operating_hours must be an object keyed by day (monday … sunday), or null");
        }
        var windows = new java.util.TreeMap<Integer, Window>();
        for (String key : hours.propertyNames()) {
            int day = DAYS.indexOf(key.toLowerCase(Locale.ROOT));
            if (day < 0) {
                throw new IllegalArgumentException("operating_hours: unknown day '" + key + "' (use monday … sunday)");
            }
            JsonNode value = hours.get(key);
            Window window = day(DAYS.get(day), day, value);
            if (window != null) {
                windows.put(day, window);
            }
        }
        return windows;
    }

    private static @Nullable Window day(String name, int day, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null; // the web client sends a closed day as null
        }
        if (value.isString()) {
            String text = value.asString().toLowerCase(Locale.ROOT);
            if (text.equals("closed")) {
                return null;
            }
            if (text.equals("24h") || text.equals("open_24h")) {
                return new Window(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
            }
        } else if (value.isObject()) {
            if (value.path("closed").asBoolean(false)) {
                return null;
            }
            if (value.path("open_24h").asBoolean(false) || value.path("24h").asBoolean(false)) {
                return new Window(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
            }
            if (value.has("open") && value.has("close")) {
                return new Window(
                        day,
                        time(value.get("open"), "operating_hours." + name + ".open"),
                        closing(value.get("close"), "operating_hours." + name + ".close"));
            }
        }
        throw new IllegalArgumentException("operating_hours." + name
                + " must be {\"open\": \"HH:MM\", \"close\": \"HH:MM\"}, {\"closed\": true} or {\"open_24h\": true}");
    }

    /** A closing time: {@code HH:MM}, where {@code 24:00} is the end of the day (the same as {@code 00:00}). */
    private static LocalTime closing(@Nullable JsonNode node, String field) {
        if (node != null && node.isString() && node.asString().equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        return time(node, field);
    }

    /** {@code HH:MM}, 00:00 to 23:59; throws {@link IllegalArgumentException} naming {@code field} otherwise. */
    public static LocalTime time(@Nullable JsonNode node, String field) {
        if (node == null || !node.isString() || !HH_MM.matcher(node.asString()).matches()) {
            throw new IllegalArgumentException(field + " must be a time as HH:MM");
        }
        return time(node.asString(), field);
    }

    public static LocalTime time(String text, String field) {
        if (!HH_MM.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " must be a time as HH:MM");
        }
        try {
            return LocalTime.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " must be a time between 00:00 and 23:59");
        }
    }

    private void mark(Window window, boolean value) {
        int start = window.day() * MINUTES_PER_DAY
                + window.start().getHour() * 60
                + window.start().getMinute();
        int length = minutes(window.end()) - minutes(window.start());
        if (length <= 0) {
            length += MINUTES_PER_DAY; // closes the next day
        }
        int end = start + length;
        if (end <= MINUTES_PER_WEEK) {
            open.set(start, end, value);
        } else {
            open.set(start, MINUTES_PER_WEEK, value);
            open.set(0, end - MINUTES_PER_WEEK, value);
        }
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    public boolean isOpenAllWeek() {
        return open.cardinality() == MINUTES_PER_WEEK;
    }

    /** The PostgreSQL {@code int4multirange} literal, e.g. {@code {[480,1320),[1920,2760)}}. */
    public String toMultirange() {
        StringBuilder text = new StringBuilder("{");
        int from = open.nextSetBit(0);
        while (from >= 0 && from < MINUTES_PER_WEEK) {
            int to = open.nextClearBit(from);
            if (text.length() > 1) {
                text.append(',');
            }
            text.append('[')
                    .append(from)
                    .append(',')
                    .append(Math.min(to, MINUTES_PER_WEEK))
                    .append(')');
            from = open.nextSetBit(to);
        }
        return text.append('}').toString();
    }
}
