import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { useReviewed } from '@/stores/reviewed-store';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/status';
import { useBookingAction } from '@/features/bookings/api/bookings-api';
import { checkInOpensAt, driverActions } from '@/features/bookings/booking-actions';
import type { BookingSectionProps } from '@/types/booking-section';

/** Re-renders every 30 s, so a button appears when its time comes. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Check in and check out, offered only when the server allows them now. */
export function ActionsSection({ booking, offline, timeZone, isDriver }: BookingSectionProps) {
  const now = useNow();
  const action = useBookingAction(booking.id);
  const reviewed = useReviewed(booking.id);
  const can = { ...driverActions(booking, now) };
  if (reviewed) can.review = false;
  const opensLater =
    booking.status === 'confirmed' && !can.checkIn && checkInOpensAt(booking) > now;
  if (offline || !isDriver || !(can.checkIn || can.checkOut || can.review || opensLater))
    return null;
  return (
    <section className="section" aria-label={m.bookingPage.timeline}>
      {action.isError ? <Notice kind="error">{errorMessage(action.error)}</Notice> : null}
      <div className="actions">
        {can.checkIn ? (
          <Button onClick={() => action.mutate({ kind: 'check-in' })} busy={action.isPending}>
            {m.booking.checkIn}
          </Button>
        ) : null}
        {can.checkOut ? (
          <Button onClick={() => action.mutate({ kind: 'check-out' })} busy={action.isPending}>
            {m.booking.checkOut}
          </Button>
        ) : null}
        {can.review ? (
          <Link className="btn btn-secondary" to={paths.review(booking.id)}>
            {m.booking.writeReview}
          </Link>
        ) : null}
      </div>
      {opensLater ? (
        <p className="muted small">
          {fmt(m.bookingPage.checkInOpens, {
            time: formatDateTime(new Date(checkInOpensAt(booking)).toISOString(), timeZone),
          })}
        </p>
      ) : null}
    </section>
  );
}
