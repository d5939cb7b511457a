import { describe, expect, it } from 'vitest';
import { driverActions } from '@/features/bookings/booking-actions';
import type { Booking } from '@/types/api';

const start = new Date('2030-05-01T10:00:00Z').getTime();
const booking = (over: Partial<Booking>): Booking =>
  ({
    id: 'b',
    status: 'confirmed',
    start_time: '2030-05-01T10:00:00Z',
    end_time: '2030-05-01T12:00:00Z',
    check_in_opens_at: '2030-05-01T09:45:00Z',
    ...over,
  }) as Booking;

describe('driverActions', () => {
  it('offers check-in only from when it opens until the end', () => {
    expect(driverActions(booking({}), start - 2 * 86_400_000).checkIn).toBe(false);
    expect(driverActions(booking({}), start - 16 * 60_000).checkIn).toBe(false);
    expect(driverActions(booking({}), start - 15 * 60_000).checkIn).toBe(true);
    expect(driverActions(booking({}), start + 2 * 3_600_000).checkIn).toBe(false);
  });

  it('offers cancel before the start and extend while the stay can still grow', () => {
    expect(driverActions(booking({}), start - 60_000).cancel).toBe(true);
    expect(driverActions(booking({}), start + 60_000).cancel).toBe(false);
    expect(driverActions(booking({ status: 'in_progress' }), start + 60_000).extend).toBe(true);
    expect(
      driverActions(
        booking({
          pending_extension: {
            id: 'e',
            new_end_time: '2030-05-01T13:00:00Z',
            total_amount: 100,
            currency: 'eur',
            hold_expires_at: null,
          },
        }),
        start,
      ).extend,
    ).toBe(false);
    expect(driverActions(booking({ status: 'completed' }), start).extend).toBe(false);
  });
});
