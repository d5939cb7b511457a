import { describe, expect, it } from 'vitest';
import { describeHours } from '@/features/spots/components/hours-table';

describe('operating hours', () => {
  it('renders the weekly object shape', () => {
    const lines = describeHours({ monday: { open: '08:00', close: '22:00' }, sunday: null });
    expect(lines?.[0]).toEqual({ day: 'monday', text: '08:00–22:00' });
    expect(lines?.[1]).toEqual({ day: 'tuesday', text: 'Not specified' });
    expect(lines?.[6]).toEqual({ day: 'sunday', text: 'Closed' });
  });

  it('accepts "24h" for the whole week or a day, and tolerates junk', () => {
    expect(describeHours('24h')?.every((l) => l.text === 'Open 24 hours')).toBe(true);
    expect(describeHours({ friday: '24h', saturday: 42 as unknown as null })?.slice(4, 6)).toEqual([
      { day: 'friday', text: 'Open 24 hours' },
      { day: 'saturday', text: 'Not specified' },
    ]);
    expect(describeHours(null)).toBeNull();
    expect(describeHours({ monday: { open: '00:00', close: '24:00' } })?.[0]?.text).toBe(
      'Open 24 hours',
    );
  });
});
