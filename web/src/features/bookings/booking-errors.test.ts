import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/messages';
import { ApiError } from '@/lib/api-client';
import {
  bookingErrorMessage,
  clashMessage,
  isTimeError,
} from '@/features/bookings/components/booking-form';

describe('booking errors', () => {
  afterEach(() => setLanguage('en'));

  it('shows the 409 once, in plain words', () => {
    const text = bookingErrorMessage(new ApiError(409, 'Time slot is already booked'));
    expect(text).toBe('That time is already booked. Please choose another time.');
    expect(text.match(/already booked/g)).toHaveLength(1);
    setLanguage('el');
    expect(bookingErrorMessage(new ApiError(409, 'Time slot is already booked'))).toBe(
      'Αυτή η ώρα είναι ήδη κρατημένη. Επιλέξτε άλλη ώρα.',
    );
  });

  it('puts time errors next to the time fields', () => {
    expect(isTimeError(new ApiError(409, 'Time slot is already booked'))).toBe(true);
    expect(isTimeError(new ApiError(422, 'Parking spot is closed at the requested time'))).toBe(
      true,
    );
    expect(isTimeError(new ApiError(422, 'vehicle plate: too long'))).toBe(false);
  });

  it('names what a chosen time overlaps', () => {
    const busy = {
      reason: 'busy' as const,
      start: Date.parse('2030-03-04T10:00:00Z'),
      end: Date.parse('2030-03-04T12:00:00Z'),
    };
    expect(clashMessage(busy, 'UTC')).toMatch(/already booked \(.*10:00.*12:00.*\)/);
    expect(clashMessage({ ...busy, reason: 'blocked' }, 'UTC')).toMatch(/blocked/);
    expect(clashMessage({ ...busy, reason: 'closed' }, 'UTC')).toMatch(/closed/);
  });
});
