import { fmt, m } from '@/i18n/messages';
import { timeZoneLabel } from '@/lib/format';
import { WEEKDAYS, type OperatingHours, type Weekday } from '@/types/api';

/** One line per weekday, whatever shape the schedule came in. */
export function describeHours(
  hours: OperatingHours | null | undefined,
): { day: Weekday; text: string }[] | null {
  if (hours == null) return null;
  if (typeof hours === 'string') {
    return /24/.test(hours) ? WEEKDAYS.map((day) => ({ day, text: m.spot.open24h })) : null;
  }
  if (typeof hours !== 'object') return null;
  return WEEKDAYS.map((day) => {
    const value = (hours as Record<string, unknown>)[day];
    if (value === null) return { day, text: m.spot.closed };
    if (value === undefined) return { day, text: m.spot.hoursUnknown };
    if (typeof value === 'string') return { day, text: /24/.test(value) ? m.spot.open24h : value };
    if (typeof value === 'object') {
      const { open, close, closed } = value as {
        open?: unknown;
        close?: unknown;
        closed?: unknown;
      };
      if (closed === true) return { day, text: m.spot.closed };
      if (typeof open === 'string' && typeof close === 'string') {
        if (open === '00:00' && (close === '24:00' || close === '23:59' || close === '00:00')) {
          return { day, text: m.spot.open24h };
        }
        return { day, text: `${open}–${close}` };
      }
    }
    return { day, text: m.spot.hoursUnknown };
  });
}

export function HoursTable({
  hours,
  timeZone,
}: {
  hours: OperatingHours | null | undefined;
  timeZone: string;
}) {
  const lines = describeHours(hours);
  if (!lines) return <p className="muted">{m.spot.hoursUnknown}</p>;
  return (
    <>
      <table className="hours">
        <tbody>
          {lines.map(({ day, text }) => (
            <tr key={day}>
              <th scope="row">{m.spot.days[day]}</th>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {fmt(m.spot.hoursIn, { tz: `${timeZone} (${timeZoneLabel(timeZone)})` })}
      </p>
    </>
  );
}
