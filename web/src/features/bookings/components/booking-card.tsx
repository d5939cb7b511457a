import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { useReviewed } from '@/stores/reviewed-store';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatMoney, formatTimeRange, safeTimeZone } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { useBookingAction } from '@/features/bookings/api/bookings-api';
import { driverActions } from '@/features/bookings/booking-actions';
import type { Booking } from '@/types/api';

function vehicleText(b: Booking): string {
  return [b.vehicle_plate, b.vehicle_color, b.vehicle_make, b.vehicle_model]
    .filter(Boolean)
    .join(' · ');
}

export function BookingCard({
  booking,
  currency,
  perspective,
}: {
  booking: Booking;
  currency: string;
  perspective: 'driver' | 'owner';
}) {
  const action = useBookingAction(booking.id);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [reason, setReason] = useState('');
  const spot = booking.parking_spot;
  const timeZone = safeTimeZone(spot?.time_zone);
  const cur = (booking.currency ?? spot?.currency ?? currency).toLowerCase();
  const can = driverActions(booking);
  const canCancel = can.cancel;
  const canCheckIn = perspective === 'driver' && can.checkIn;
  const canCheckOut = perspective === 'driver' && can.checkOut;
  const reviewed = useReviewed(booking.id);
  const canReview = perspective === 'driver' && can.review && !reviewed;
  const vehicle = vehicleText(booking);

  return (
    <li
      className="booking-card card"
      data-status={booking.status}
      aria-label={spot?.title ?? booking.id}
    >
      <div className="booking-head">
        <h3>
          {perspective === 'driver' ? (
            <Link to={paths.booking(booking.id)}>{spot?.title ?? m.booking.open}</Link>
          ) : spot ? (
            <Link to={paths.spot(spot.id)}>{spot.title}</Link>
          ) : (
            m.booking.when
          )}
        </h3>
        <span className={`status status-${booking.status}`}>
          {m.booking.status[booking.status] ?? booking.status}
        </span>
      </div>
      {spot ? (
        <p className="muted">
          {spot.address}, {spot.city}
        </p>
      ) : null}
      <p>
        <span className="sr-only">{m.booking.when}: </span>
        {formatTimeRange(booking.start_time, booking.end_time, timeZone)}
      </p>
      <p>
        {m.booking.total}: <strong>{formatMoney(booking.total_amount, cur)}</strong>
      </p>
      {perspective === 'owner' && booking.driver_name ? (
        <p>{fmt(m.ownerTools.driver, { name: booking.driver_name })}</p>
      ) : null}
      {vehicle ? <p className="muted">{fmt(m.booking.driverVehicle, { vehicle })}</p> : null}
      {booking.checked_in_at ? (
        <p className="muted small">
          {fmt(m.booking.checkedInAt, { time: formatDateTime(booking.checked_in_at, timeZone) })}
        </p>
      ) : null}
      {booking.checked_out_at ? (
        <p className="muted small">
          {fmt(m.booking.checkedOutAt, { time: formatDateTime(booking.checked_out_at, timeZone) })}
        </p>
      ) : null}
      {perspective === 'driver' &&
      spot?.access_instructions &&
      (booking.status === 'confirmed' || booking.status === 'in_progress') ? (
        <p className="prewrap access">
          <strong>{m.spot.access}:</strong> {spot.access_instructions}
        </p>
      ) : null}
      {booking.cancellation_reason ? <p className="muted">{booking.cancellation_reason}</p> : null}
      {action.isError ? <Notice kind="error">{errorMessage(action.error)}</Notice> : null}
      <div className="actions">
        {perspective === 'driver' ? (
          <Link className="btn btn-secondary" to={paths.booking(booking.id)}>
            {m.booking.open}
          </Link>
        ) : null}
        {canCheckIn ? (
          <Button onClick={() => action.mutate({ kind: 'check-in' })} busy={action.isPending}>
            {m.booking.checkIn}
          </Button>
        ) : null}
        {canCheckOut ? (
          <Button onClick={() => action.mutate({ kind: 'check-out' })} busy={action.isPending}>
            {m.booking.checkOut}
          </Button>
        ) : null}
        {canReview ? (
          <Link className="btn btn-secondary" to={paths.review(booking.id)}>
            {m.booking.writeReview}
          </Link>
        ) : null}
        {canCancel && !confirmCancel ? (
          <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
            {m.booking.cancel}
          </Button>
        ) : null}
      </div>
      {confirmCancel ? (
        <div className="confirm-box" role="group" aria-label={m.booking.cancelConfirm}>
          <p>{m.booking.cancelConfirm}</p>
          <TextField
            label={m.booking.cancelReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="actions">
            <Button
              variant="danger"
              busy={action.isPending}
              onClick={() =>
                action.mutate(
                  { kind: 'cancel', reason },
                  { onSuccess: () => setConfirmCancel(false) },
                )
              }
            >
              {m.booking.cancel}
            </Button>
            <Button variant="ghost" onClick={() => setConfirmCancel(false)}>
              {m.app.back}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
