import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import { Segmented } from '@/components/ui/tabs';
import { formatDateTime, formatTimeRange, safeTimeZone } from '@/lib/format';
import { keepsOffline, saveBooking, savedBookings, type SavedBooking } from '@/lib/offline-store';
import { useOnline } from '@/lib/use-online';
import type { Booking } from '@/types/api';
import {
  bookingKeys,
  getPass,
  useMyBookings,
  useOwnerBookings,
} from '@/features/bookings/api/bookings-api';
import { groupBookings, type BookingGroup } from '@/features/bookings/booking-groups';
import { BookingCard } from '@/features/bookings/components/booking-card';

const GROUPS: BookingGroup[] = ['upcoming', 'active', 'past', 'cancelled'];

/**
 * Keeps upcoming and current bookings, with their pass, on the device whenever the list loads, so
 * they open without a connection.
 */
function useSavePasses(bookings: readonly Booking[] | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!bookings) return;
    for (const booking of bookings.filter((b) => keepsOffline(b))) {
      void queryClient
        .fetchQuery({
          queryKey: bookingKeys.pass(booking.id),
          queryFn: ({ signal }) => getPass(booking.id, signal),
          staleTime: 60_000,
        })
        .then((pass) => saveBooking(booking, pass))
        .catch(() => saveBooking(booking, null));
    }
  }, [bookings, queryClient]);
}

/** What was saved on the device, shown while offline. */
function SavedPasses() {
  const [saved, setSaved] = useState<SavedBooking[]>([]);
  useEffect(() => {
    void savedBookings().then(setSaved);
  }, []);
  if (saved.length === 0) return null;
  return (
    <section aria-labelledby="saved-title">
      <h2 id="saved-title">{m.booking.savedOffline}</h2>
      <ul className="booking-list">
        {saved.map(({ booking, pass, savedAt }) => {
          const tz = safeTimeZone(booking.parking_spot?.time_zone);
          return (
            <li key={booking.id} className="booking-card card">
              <h3>
                <Link to={paths.booking(booking.id)}>
                  {booking.parking_spot?.title ?? m.booking.open}
                </Link>
              </h3>
              <p>{formatTimeRange(booking.start_time, booking.end_time, tz)}</p>
              {pass ? <p className="pass-code">{pass.code}</p> : null}
              <p className="muted small">
                {fmt(m.bookingPage.savedAt, { time: formatDateTime(savedAt, tz) })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function MyBookings({ currency, live }: { currency: string; live: boolean }) {
  const query = useMyBookings();
  const online = useOnline();
  useSavePasses(query.data);
  const [params, setParams] = useSearchParams();
  const groups = groupBookings(query.data ?? []);
  // "Booked!" only while that booking still stands (not after cancelling it)
  const bookedId = params.get('booking');
  const booked = bookedId ? query.data?.find((b) => b.id === bookedId) : undefined;
  const justBooked =
    Boolean(params.get('booked')) &&
    !(booked && (booked.status === 'cancelled' || booked.status === 'refunded'));
  const requested = params.get('tab') as BookingGroup | null;
  const fallback: BookingGroup = groups.active.length > 0 ? 'active' : 'upcoming';
  const [tab, setTab] = useState<BookingGroup>(
    requested && GROUPS.includes(requested) ? requested : fallback,
  );

  return (
    <div className="page">
      <header className="page-header">
        <h1>{m.booking.myBookings}</h1>
        {live ? (
          <span className="live" title={m.booking.liveLabel} data-testid="live-label">
            <span className="live-dot" aria-hidden="true" />
            <span>{m.booking.live}</span>
          </span>
        ) : null}
      </header>
      {justBooked ? (
        <Notice kind="success" testId="booked-banner">
          {m.booking.confirmed}
        </Notice>
      ) : null}
      <Segmented
        label={m.booking.myBookings}
        value={tab}
        onChange={(value) => {
          setTab(value);
          setParams({ tab: value }, { replace: true });
        }}
        options={GROUPS.map((g) => ({
          value: g,
          label: m.booking.tabs[g],
          count: groups[g].length,
        }))}
      />
      {!online && !query.data ? (
        <SavedPasses />
      ) : query.isPending ? (
        <Skeleton lines={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : groups[tab].length === 0 ? (
        <EmptyState
          title={m.booking.empty[tab]}
          action={
            tab === 'upcoming' ? (
              <Link className="btn btn-primary" to={paths.search}>
                {m.booking.findSpot}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <ul className="booking-list">
          {groups[tab].map((booking) => (
            <BookingCard
              key={booking.id}
              booking={booking}
              currency={currency}
              perspective="driver"
            />
          ))}
        </ul>
      )}
    </div>
  );
}

export function OwnerBookings({ currency }: { currency: string }) {
  const query = useOwnerBookings();
  const bookings = [...(query.data ?? [])].sort((a, b) => b.start_time.localeCompare(a.start_time));
  return (
    <section aria-labelledby="owner-bookings-title">
      <h2 id="owner-bookings-title" className="sr-only">
        {m.booking.owner}
      </h2>
      {query.isPending ? (
        <Skeleton lines={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : bookings.length === 0 ? (
        <EmptyState title={m.booking.ownerEmpty} />
      ) : (
        <ul className="booking-list">
          {bookings.map((booking) => (
            <BookingCard
              key={booking.id}
              booking={booking}
              currency={currency}
              perspective="owner"
            />
          ))}
        </ul>
      )}
    </section>
  );
}
