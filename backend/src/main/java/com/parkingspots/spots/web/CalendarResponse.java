package com.parkingspots.spots.web;

import com.parkingspots.spots.internal.SpotCalendar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /parking-spots/{id}/calendar}: half-open intervals within {@code [from, to)}. */
record CalendarResponse(
        UUID spotId,
        String timeZone,
        Instant from,
        Instant to,
        List<Interval> open,
        List<Interval> blocked,
        List<Interval> busy) {

    record Interval(Instant start, Instant end) {}

    static CalendarResponse of(SpotCalendar.Calendar c) {
        return new CalendarResponse(
                c.spotId(),
                c.timeZone(),
                c.from(),
                c.to(),
                intervals(c.open()),
                intervals(c.blocked()),
                intervals(c.busy()));
    }

    private static List<Interval> intervals(List<SpotCalendar.Interval> intervals) {
        return intervals.stream().map(i -> new Interval(i.start(), i.end())).toList();
    }
}
