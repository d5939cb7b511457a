import { describe, expect, it } from 'vitest';
import {
  clashOf,
  nextFreeStart,
  spansWithin,
  unavailableSpans,
  type SpotCalendar,
} from '@/features/bookings/availability';

// A spot open 08:00–20:00 UTC on two days, one booking 10:00–12:00 on day 1 and a block on day 2.
const calendar: SpotCalendar = {
  spot_id: 's',
  time_zone: 'UTC',
  from: '2030-03-04T00:00:00Z',
  to: '2030-03-06T00:00:00Z',
  open: [
    { start: '2030-03-04T08:00:00Z', end: '2030-03-04T20:00:00Z' },
    { start: '2030-03-05T08:00:00Z', end: '2030-03-05T20:00:00Z' },
  ],
  busy: [{ start: '2030-03-04T10:00:00Z', end: '2030-03-04T12:00:00Z' }],
  blocked: [{ start: '2030-03-05T08:00:00Z', end: '2030-03-05T20:00:00Z' }],
};
const at = (iso: string) => new Date(iso).getTime();

describe('availability from the calendar', () => {
  it('lists closed hours, bookings and blocks in time order', () => {
    const spans = unavailableSpans(calendar).map((s) => [
      s.reason,
      new Date(s.start).toISOString().slice(5, 16),
      new Date(s.end).toISOString().slice(5, 16),
    ]);
    expect(spans).toEqual([
      ['closed', '03-04T00:00', '03-04T08:00'],
      ['busy', '03-04T10:00', '03-04T12:00'],
      ['closed', '03-04T20:00', '03-05T08:00'],
      ['blocked', '03-05T08:00', '03-05T20:00'],
      ['closed', '03-05T20:00', '03-06T00:00'],
    ]);
  });

  it('finds what a window overlaps, bookings before closed hours', () => {
    expect(clashOf(calendar, '2030-03-04T08:00:00Z', '2030-03-04T10:00:00Z')).toBeNull();
    expect(clashOf(calendar, '2030-03-04T11:00:00Z', '2030-03-04T13:00:00Z')?.reason).toBe('busy');
    expect(clashOf(calendar, '2030-03-04T19:00:00Z', '2030-03-04T21:00:00Z')?.reason).toBe(
      'closed',
    );
    expect(clashOf(calendar, '2030-03-04T07:00:00Z', '2030-03-04T11:00:00Z')?.reason).toBe('busy');
    expect(clashOf(calendar, '2030-03-05T09:00:00Z', '2030-03-05T10:00:00Z')?.reason).toBe(
      'blocked',
    );
  });

  it('says nothing about a window the calendar does not cover', () => {
    expect(clashOf(calendar, '2030-03-07T09:00:00Z', '2030-03-07T10:00:00Z')).toBeNull();
  });

  it('treats a booking that ends when the window starts as no clash', () => {
    expect(clashOf(calendar, '2030-03-04T12:00:00Z', '2030-03-04T14:00:00Z')).toBeNull();
  });

  it('suggests the next start from which the stay fits', () => {
    expect(nextFreeStart(calendar, '2030-03-04T11:00:00Z', 2)).toBe('2030-03-04T12:00:00.000Z');
    expect(nextFreeStart(calendar, '2030-03-04T19:00:00Z', 2)).toBeNull();
    expect(nextFreeStart(calendar, '2030-03-04T06:10:00Z', 1)).toBe('2030-03-04T08:00:00.000Z');
  });

  it('clips the spans to a day', () => {
    const day = spansWithin(
      unavailableSpans(calendar),
      at('2030-03-04T00:00:00Z'),
      at('2030-03-05T00:00:00Z'),
    );
    expect(day.map((s) => s.reason)).toEqual(['closed', 'busy', 'closed']);
    expect(new Date(day[2]!.end).toISOString()).toBe('2030-03-05T00:00:00.000Z');
  });
});

describe('calendar answers', () => {
  it('ignores an answer without the calendar’s shape instead of refusing every time', async () => {
    const { asCalendar } = await import('@/features/bookings/api/bookings-api');
    expect(asCalendar([])).toBeNull();
    expect(asCalendar({ from: 'x' })).toBeNull();
    expect(asCalendar(calendar)).toBe(calendar);
  });
});
