import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { formatMoney, formatTimeRange, safeTimeZone } from '@/lib/format';
import { Pager } from '@/components/ui/pager';
import { ErrorState, Skeleton } from '@/components/ui/status';
import { useUserBookings, useUserSpots } from '@/features/admin/api/users-api';

const PAGE_SIZE = 5;

/** A user's spots and bookings, a few at a time. */
export function UserActivity({ userId }: { userId: string }) {
  const [spotsPage, setSpotsPage] = useState(1);
  const [bookingsPage, setBookingsPage] = useState(1);
  const spots = useUserSpots(userId, spotsPage, PAGE_SIZE);
  const bookings = useUserBookings(userId, bookingsPage, PAGE_SIZE);
  return (
    <div className="user-activity">
      <h4>
        {m.adminUsers.spots}
        {spots.data ? ` (${spots.data.total})` : ''}
      </h4>
      {spots.isPending ? (
        <Skeleton lines={2} />
      ) : spots.isError ? (
        <ErrorState error={spots.error} onRetry={() => void spots.refetch()} />
      ) : spots.data.items.length === 0 ? (
        <p className="muted small">{m.adminUsers.noSpots}</p>
      ) : (
        <>
          <ul className="plain-list">
            {spots.data.items.map((spot) => (
              <li key={spot.id}>
                <Link to={paths.spot(spot.id)}>{spot.title}</Link>
                <span className="muted small">
                  {' '}
                  · {spot.city} · {spot.is_active ? m.owner.active : m.owner.inactive}
                </span>
              </li>
            ))}
          </ul>
          <Pager
            page={spotsPage}
            pages={Math.ceil(spots.data.total / PAGE_SIZE)}
            onPage={setSpotsPage}
          />
        </>
      )}
      <h4>
        {m.adminUsers.bookings}
        {bookings.data ? ` (${bookings.data.total})` : ''}
      </h4>
      {bookings.isPending ? (
        <Skeleton lines={2} />
      ) : bookings.isError ? (
        <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} />
      ) : bookings.data.items.length === 0 ? (
        <p className="muted small">{m.adminUsers.noBookings}</p>
      ) : (
        <>
          <ul className="plain-list">
            {bookings.data.items.map((booking) => {
              const tz = safeTimeZone(booking.parking_spot?.time_zone);
              return (
                <li key={booking.id}>
                  <Link to={paths.booking(booking.id)}>
                    {booking.parking_spot?.title ?? booking.id}
                  </Link>
                  <span className="muted small">
                    {' '}
                    · {formatTimeRange(booking.start_time, booking.end_time, tz)} ·{' '}
                    {m.booking.status[booking.status] ?? booking.status} ·{' '}
                    {formatMoney(booking.total_amount, booking.currency ?? 'eur')}
                  </span>
                </li>
              );
            })}
          </ul>
          <Pager
            page={bookingsPage}
            pages={Math.ceil(bookings.data.total / PAGE_SIZE)}
            onPage={setBookingsPage}
          />
        </>
      )}
    </div>
  );
}
