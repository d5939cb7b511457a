import type { Booking } from '@/types/api';

export type BookingGroup = 'upcoming' | 'active' | 'past' | 'cancelled';

export function bookingGroup(booking: Booking, now: number = Date.now()): BookingGroup {
  const start = new Date(booking.start_time).getTime();
  const end = new Date(booking.end_time).getTime();
  switch (booking.status) {
    case 'cancelled':
    case 'refunded':
      return 'cancelled';
    case 'completed':
      return 'past';
    case 'in_progress':
      return 'active';
    default:
      if (end <= now) return 'past';
      if (start <= now) return 'active';
      return 'upcoming';
  }
}

export function groupBookings(bookings: Booking[], now: number = Date.now()) {
  const groups: Record<BookingGroup, Booking[]> = {
    upcoming: [],
    active: [],
    past: [],
    cancelled: [],
  };
  for (const booking of bookings) groups[bookingGroup(booking, now)].push(booking);
  groups.upcoming.sort((a, b) => a.start_time.localeCompare(b.start_time));
  groups.active.sort((a, b) => a.start_time.localeCompare(b.start_time));
  groups.past.sort((a, b) => b.start_time.localeCompare(a.start_time));
  groups.cancelled.sort((a, b) => b.start_time.localeCompare(a.start_time));
  return groups;
}

/**
 * The next quarter hour: never more than 15 minutes away, so the driver can check in right away (check-in opens 15
 * minutes before the start, and the server accepts a start a few minutes in the past while the form is filled in).
 */
export function defaultStart(now: Date = new Date()): string {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil(now.getTime() / quarter) * quarter).toISOString();
}
