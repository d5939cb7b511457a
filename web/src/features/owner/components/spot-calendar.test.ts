import { describe, expect, it } from 'vitest';
import { addDays, mondayOf, within } from '@/features/owner/components/spot-calendar';

describe('spot calendar', () => {
  it('counts days across months and years and finds the Monday of a week', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
  });

  it('clips intervals to a day and drops those outside it', () => {
    const day = { start: '2026-12-07T22:00:00.000Z', end: '2026-12-08T22:00:00.000Z' };
    expect(
      within(
        [
          { start: '2026-12-07T20:00:00.000Z', end: '2026-12-07T23:00:00.000Z' },
          { start: '2026-12-08T10:00:00.000Z', end: '2026-12-08T11:00:00.000Z' },
          { start: '2026-12-09T10:00:00.000Z', end: '2026-12-09T11:00:00.000Z' },
          { start: '2026-12-07T21:00:00.000Z', end: '2026-12-07T22:00:00.000Z' },
        ],
        day.start,
        day.end,
      ),
    ).toEqual([
      { start: '2026-12-07T22:00:00.000Z', end: '2026-12-07T23:00:00.000Z' },
      { start: '2026-12-08T10:00:00.000Z', end: '2026-12-08T11:00:00.000Z' },
    ]);
  });
});
