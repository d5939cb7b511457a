import { useState } from 'react';
import { fmt, locale, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { safeTimeZone, utcToZonedWallTime, zonedWallTimeToUtc } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { ErrorState, Notice, Skeleton } from '@/components/ui/status';
import {
  useSlotMutations,
  useSlots,
  useSpotCalendar,
  type CalendarInterval,
} from '@/features/owner/api/owner-api';

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day. */
export function mondayOf(day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The parts of intervals that fall within [start, end), clipped to it. */
export function within(
  intervals: readonly CalendarInterval[],
  start: string,
  end: string,
): CalendarInterval[] {
  const s = Date.parse(start);
  const e = Date.parse(end);
  return intervals
    .filter((i) => Date.parse(i.start) < e && Date.parse(i.end) > s)
    .map((i) => ({
      start: new Date(Math.max(Date.parse(i.start), s)).toISOString(),
      end: new Date(Math.min(Date.parse(i.end), e)).toISOString(),
    }));
}

function dayLabel(day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, mo - 1, d, 12)));
}

function hhmm(iso: string, timeZone: string, dayEnd: string): string {
  if (iso === dayEnd) return '24:00';
  return utcToZonedWallTime(iso, timeZone).slice(11, 16);
}

/** A week of a spot: its bookings, blocked days and closed days, and blocking or unblocking a day. */
export function SpotCalendar({ spotId, timeZone }: { spotId: string; timeZone: string | null }) {
  const tz = safeTimeZone(timeZone);
  const today = utcToZonedWallTime(new Date().toISOString(), tz).slice(0, 10);
  const [weekStart, setWeekStart] = useState(() => mondayOf(today));
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const from = zonedWallTimeToUtc(`${weekStart}T00:00`, tz);
  const to = zonedWallTimeToUtc(`${addDays(weekStart, 7)}T00:00`, tz);
  const calendar = useSpotCalendar(spotId, from, to);
  const slots = useSlots(spotId);
  const { add, remove } = useSlotMutations(spotId);

  const blockedSlot = (day: string) =>
    (slots.data ?? []).find((s) => s.specific_date === day && !s.is_available);

  return (
    <section className="spot-calendar" aria-labelledby="week-title">
      <div className="calendar-nav">
        <Button variant="secondary" onClick={() => setWeekStart(addDays(weekStart, -7))}>
          <span aria-hidden="true">‹ </span>
          {m.ownerTools.previousWeek}
        </Button>
        <Button variant="ghost" onClick={() => setWeekStart(mondayOf(today))}>
          {m.ownerTools.thisWeek}
        </Button>
        <Button variant="secondary" onClick={() => setWeekStart(addDays(weekStart, 7))}>
          {m.ownerTools.nextWeek}
          <span aria-hidden="true"> ›</span>
        </Button>
      </div>
      <h3 id="week-title" aria-live="polite">
        {fmt(m.ownerTools.weekOf, { date: dayLabel(weekStart) })}
      </h3>
      {add.isError ? <Notice kind="error">{errorMessage(add.error)}</Notice> : null}
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      {calendar.isPending || slots.isPending ? (
        <Skeleton lines={7} />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <ol className="week" aria-busy={calendar.isFetching || undefined}>
          {days.map((day) => {
            const start = zonedWallTimeToUtc(`${day}T00:00`, tz);
            const end = zonedWallTimeToUtc(`${addDays(day, 1)}T00:00`, tz);
            const busy = within(calendar.data.busy, start, end);
            const open = within(calendar.data.open, start, end);
            const blocked = within(calendar.data.blocked, start, end);
            const slot = blockedSlot(day);
            const past = day < today;
            return (
              <li
                key={day}
                className={`day card${day === today ? ' day-today' : ''}`}
                aria-label={dayLabel(day)}
                data-day={day}
              >
                <div className="day-head">
                  <strong>{dayLabel(day)}</strong>
                  {slot ? (
                    <Button
                      variant="secondary"
                      busy={remove.isPending && remove.variables === slot.id}
                      onClick={() => remove.mutate(slot.id)}
                    >
                      {m.ownerTools.unblockDay}
                    </Button>
                  ) : past ? null : (
                    <Button
                      variant="secondary"
                      busy={add.isPending && add.variables === day}
                      onClick={() => add.mutate(day)}
                    >
                      {m.ownerTools.blockDay}
                    </Button>
                  )}
                </div>
                <ul className="day-items">
                  {slot ? (
                    <li className="day-item day-blocked">{m.ownerTools.dayBlocked}</li>
                  ) : (
                    blocked.map((b) => (
                      <li key={`b-${b.start}`} className="day-item day-blocked">
                        {m.ownerTools.blocked} {hhmm(b.start, tz, end)}–{hhmm(b.end, tz, end)}
                      </li>
                    ))
                  )}
                  {busy.map((b) => (
                    <li key={`k-${b.start}`} className="day-item day-booked">
                      {m.ownerTools.booked} {hhmm(b.start, tz, end)}–{hhmm(b.end, tz, end)}
                    </li>
                  ))}
                  {!slot && open.length === 0 ? (
                    <li className="day-item muted">{m.ownerTools.closed}</li>
                  ) : null}
                  {!slot && open.length > 0 && busy.length === 0 && blocked.length === 0 ? (
                    <li className="day-item muted">{m.ownerTools.free}</li>
                  ) : null}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
