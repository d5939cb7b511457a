package com.parkingspots.spots.internal;

import com.parkingspots.shared.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A spot's calendar for a range, so a booking form can show or disable times before asking for a price: when it is
 * open (its hours and weekly blocks, read in its own time zone), which dated blocks and which bookings' intervals fall
 * in the range. From the in-memory marketplace; the same rules as a booking's check and a search's time window.
 */
@Service
public class SpotCalendar {

    /** A half-open interval {@code [start, end)}. */
    public record Interval(Instant start, Instant end) {}

    public record Calendar(
            UUID spotId,
            String timeZone,
            Instant from,
            Instant to,
            List<Interval> open,
            List<Interval> blocked,
            List<Interval> busy) {}

    private final MarketplaceSync sync;

    SpotCalendar(MarketplaceSync sync) {
        this.sync = sync;
    }

    public Calendar calendar(UUID spotId, Instant from, Instant to) {
        Marketplace marketplace = sync.marketplace()
                .orElseThrow(() -> new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable, try again shortly"));
        if (from.isBefore(marketplace.occupancyFrom())) {
            throw ApiException.badRequest("The calendar starts at most a day in the past");
        }
        Marketplace.Holding holding =
                marketplace.holding(spotId).orElseThrow(() -> ApiException.notFound(SpotManagement.NOT_FOUND));
        Listing listing = holding.listing();
        return new Calendar(
                spotId,
                listing.timeZone,
                from,
                to,
                open(listing.openWeek(), listing.zone, from, to),
                overlapping(listing.blocks(), from, to),
                overlapping(holding.held(), from, to));
    }

    /** The open week's windows as instants, week by week in the spot's zone, cut to the range and joined. */
    static List<Interval> open(int[] week, ZoneId zone, Instant from, Instant to) {
        List<Interval> open = new ArrayList<>();
        if (week == null) {
            open.add(new Interval(from, to));
            return open;
        }
        LocalDate monday = LocalDateTime.ofInstant(from, zone)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        while (true) {
            LocalDateTime weekStart = monday.atStartOfDay();
            if (!ZonedDateTime.of(weekStart, zone).toInstant().isBefore(to)) {
                break;
            }
            for (int i = 0; i + 1 < week.length; i += 2) {
                Instant start =
                        ZonedDateTime.of(weekStart.plusMinutes(week[i]), zone).toInstant();
                Instant end = ZonedDateTime.of(weekStart.plusMinutes(week[i + 1]), zone)
                        .toInstant();
                Instant a = start.isBefore(from) ? from : start;
                Instant b = end.isAfter(to) ? to : end;
                if (a.isBefore(b)) {
                    Interval last = open.isEmpty() ? null : open.getLast();
                    if (last != null && !last.end().isBefore(a)) {
                        open.set(open.size() - 1, new Interval(last.start(), b.isAfter(last.end()) ? b : last.end()));
                    } else {
                        open.add(new Interval(a, b));
                    }
                }
            }
            monday = monday.plusWeeks(1);
        }
        return open;
    }

    private static List<Interval> overlapping(long[] pairs, Instant from, Instant to) {
        List<Interval> found = new ArrayList<>();
        if (pairs == null) {
            return found;
        }
        long a = Listing.micros(from);
        long b = Listing.micros(to);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i] < b && a < pairs[i + 1]) {
                found.add(new Interval(Listing.instant(pairs[i]), Listing.instant(pairs[i + 1])));
            }
        }
        found.sort(java.util.Comparator.comparing(Interval::start));
        return found;
    }
}
