import type { Booking } from '@/types/api';

const CHECK_IN_OPENS_MS = 15 * 60_000;

/** When check-in opens: the server says so; older servers open it 15 minutes before the start. */
export function checkInOpensAt(booking: Booking): number {
  return booking.check_in_opens_at
    ? new Date(booking.check_in_opens_at).getTime()
    : new Date(booking.start_time).getTime() - CHECK_IN_OPENS_MS;
}

/**
 * What the driver may do now, by the server's own rules (CONTRACT Decision 21), so no button is
 * offered only to be refused.
 */
export function driverActions(booking: Booking, now: number = Date.now()) {
  const start = new Date(booking.start_time).getTime();
  const end = new Date(booking.end_time).getTime();
  const active = booking.status === 'confirmed' || booking.status === 'in_progress';
  return {
    checkIn: booking.status === 'confirmed' && now >= checkInOpensAt(booking) && now < end,
    checkOut: booking.status === 'in_progress',
    cancel: (booking.status === 'pending' || booking.status === 'confirmed') && start > now,
    extend: active && end > now && !booking.pending_extension,
    review: booking.status === 'completed',
    pass: active && end > now,
  };
}
