import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { directionsUrl } from '@/lib/directions';
import { formatMoney, formatTimeRange } from '@/lib/format';
import { useReceipt } from '@/features/bookings/api/bookings-api';
import type { BookingSectionProps } from '@/types/booking-section';

/** Where, when, how to get in, which vehicle, and the money (paid, refunded). */
export function DetailsSection({
  booking,
  pass,
  offline,
  currency,
  timeZone,
  isDriver,
}: BookingSectionProps) {
  const spot = booking.parking_spot;
  const latitude = pass?.spot.latitude ?? spot?.latitude;
  const longitude = pass?.spot.longitude ?? spot?.longitude;
  const title = pass?.spot.title ?? spot?.title ?? '';
  const access = pass?.spot.access_instructions ?? spot?.access_instructions;
  const vehicle = [
    booking.vehicle_plate,
    booking.vehicle_color,
    booking.vehicle_make,
    booking.vehicle_model,
  ]
    .filter(Boolean)
    .join(' · ');
  const cancelled = booking.status === 'cancelled' || booking.status === 'refunded';
  const receipt = useReceipt(booking.id, cancelled && !offline && isDriver, true);
  const refunded = receipt.data?.totals.refunded ?? 0;

  return (
    <section className="section card" aria-labelledby="details-title">
      <h2 id="details-title">{m.bookingPage.details}</h2>
      {spot ? (
        <p>
          <Link to={paths.spot(spot.id)}>
            <strong>{title}</strong>
          </Link>
          <br />
          <span className="muted">
            {spot.address}, {spot.city}
          </span>
        </p>
      ) : null}
      <p>{formatTimeRange(booking.start_time, booking.end_time, timeZone)}</p>
      {latitude != null && longitude != null ? (
        <p>
          <a className="btn btn-secondary" href={directionsUrl(latitude, longitude, title)}>
            {m.bookingPage.directions}
          </a>
        </p>
      ) : null}
      {access && (booking.status === 'confirmed' || booking.status === 'in_progress') ? (
        <div className="access">
          <h3>{m.spot.access}</h3>
          <p className="prewrap" data-testid="access-instructions">
            {access}
          </p>
        </div>
      ) : null}
      <h3>{m.bookingPage.vehicle}</h3>
      <p>{vehicle || <span className="muted">{m.bookingPage.noVehicle}</span>}</p>
      <h3>{m.bookingPage.amounts}</h3>
      <dl className="amounts">
        <dt>{m.price.serviceFee}</dt>
        <dd>{formatMoney(booking.service_fee, currency)}</dd>
        <dt>{m.booking.total}</dt>
        <dd>
          <strong>{formatMoney(booking.total_amount, currency)}</strong>
        </dd>
      </dl>
      {cancelled && isDriver ? (
        <p data-testid="refunded">
          {refunded > 0 || booking.status === 'refunded'
            ? fmt(m.bookingPage.refunded, { amount: formatMoney(refunded, currency) })
            : m.bookingPage.refundPending}
        </p>
      ) : null}
      {booking.pending_extension ? (
        <p className="muted">
          {fmt(m.bookingPage.pendingExtension, {
            time: formatTimeRange(
              booking.start_time,
              booking.pending_extension.new_end_time,
              timeZone,
            ),
            amount: formatMoney(booking.pending_extension.total_amount, currency),
          })}
        </p>
      ) : null}
      {booking.status !== 'pending' && !offline && isDriver ? (
        <p>
          <Link to={paths.receipt(booking.id)}>{m.bookingPage.receipt}</Link>
        </p>
      ) : null}
    </section>
  );
}
