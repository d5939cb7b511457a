import { describe, expect, it } from 'vitest';
import { bookingGroup, defaultStart, groupBookings } from '@/features/bookings/booking-groups';
import type { Booking } from '@/types/api';

const now = Date.parse('2026-03-02T12:00:00Z');
function booking(
  status: Booking['status'],
  start: string,
  end: string,
  id: string = status,
): Booking {
  return { id, status, start_time: start, end_time: end } as Booking;
}

describe('booking groups', () => {
  it('sorts bookings into upcoming, active, past and cancelled', () => {
    expect(
      bookingGroup(booking('confirmed', '2026-03-02T13:00:00Z', '2026-03-02T15:00:00Z'), now),
    ).toBe('upcoming');
    expect(
      bookingGroup(booking('confirmed', '2026-03-02T11:00:00Z', '2026-03-02T13:00:00Z'), now),
    ).toBe('active');
    expect(
      bookingGroup(booking('in_progress', '2026-03-02T11:00:00Z', '2026-03-02T13:00:00Z'), now),
    ).toBe('active');
    expect(
      bookingGroup(booking('completed', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'), now),
    ).toBe('past');
    expect(
      bookingGroup(booking('confirmed', '2026-03-01T09:00:00Z', '2026-03-01T10:00:00Z'), now),
    ).toBe('past');
    expect(
      bookingGroup(booking('refunded', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z'), now),
    ).toBe('cancelled');
  });

  it('orders upcoming soonest first', () => {
    const groups = groupBookings(
      [
        booking('confirmed', '2026-03-05T09:00:00Z', '2026-03-05T10:00:00Z', 'later'),
        booking('pending', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z', 'sooner'),
      ],
      now,
    );
    expect(groups.upcoming.map((b) => b.id)).toEqual(['sooner', 'later']);
  });

  it('defaults the start to the next quarter hour, at most 15 minutes away so check-in is open', () => {
    expect(defaultStart(new Date('2026-03-02T12:03:00Z'))).toBe('2026-03-02T12:15:00.000Z');
    expect(defaultStart(new Date('2026-03-02T12:12:00Z'))).toBe('2026-03-02T12:15:00.000Z');
    expect(defaultStart(new Date('2026-03-02T12:14:30Z'))).toBe('2026-03-02T12:15:00.000Z');
  });
});
