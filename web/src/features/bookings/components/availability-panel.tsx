import { fmt, m } from '@/i18n/messages';
import { formatTimeRange, utcToZonedWallTime, zonedWallTimeToUtc } from '@/lib/format';
import { spansWithin, unavailableSpans, type SpotCalendar } from '@/features/bookings/availability';

/** Start of the local day (in the spot's zone) of a moment, as epoch ms. */
function dayStart(iso: string, timeZone: string): number {
  const wall = utcToZonedWallTime(iso, timeZone).slice(0, 10);
  return new Date(zonedWallTimeToUtc(`${wall}T00:00`, timeZone)).getTime();
}

/**
 * What the chosen day(s) hold: closed hours, blocks and other bookings, listed before the price is
 * asked for. The chosen window itself is checked by the form.
 */
export function AvailabilityPanel({
  calendar,
  start,
  end,
  timeZone,
}: {
  calendar: SpotCalendar;
  start: string;
  end: string;
  timeZone: string;
}) {
  const from = dayStart(start, timeZone);
  const lastMoment = new Date(new Date(end).getTime() - 1).toISOString();
  const to = Math.max(dayStart(lastMoment, timeZone), from) + 86_400_000;
  const spans = spansWithin(unavailableSpans(calendar), from, to);
  return (
    <div className="availability" data-testid="availability">
      <p className="availability-title">{m.booking.availability}</p>
      {spans.length === 0 ? (
        <p className="muted small">{m.booking.freeAll}</p>
      ) : (
        <ul className="availability-list">
          {spans.map((span) => (
            <li
              key={`${span.reason}-${span.start}`}
              className={`unavailable unavailable-${span.reason}`}
              data-testid="unavailable"
            >
              <span className="unavailable-reason">{m.booking.reasons[span.reason]}</span>{' '}
              {formatTimeRange(
                new Date(span.start).toISOString(),
                new Date(span.end).toISOString(),
                timeZone,
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{fmt(m.booking.availabilityIn, { tz: timeZone })}</p>
    </div>
  );
}
