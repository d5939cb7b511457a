import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import { Segmented } from '@/components/ui/tabs';
import { useMyBookings, useOwnerBookings } from '@/features/bookings/api/bookings-api';
import { groupBookings, type BookingGroup } from '@/features/bookings/booking-groups';
import { BookingCard } from '@/features/bookings/components/booking-card';

const GROUPS: BookingGroup[] = ['upcoming', 'active', 'past', 'cancelled'];

export function MyBookings({ currency, live }: { currency: string; live: boolean }) {
  const query = useMyBookings();
  const [params, setParams] = useSearchParams();
  const groups = groupBookings(query.data ?? []);
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
          <span className="live" title={m.booking.live}>
            <span className="live-dot" aria-hidden="true" />
            <span className="sr-only">{m.booking.live}</span>
          </span>
        ) : null}
      </header>
      {params.get('booked') ? <Notice kind="success">{m.booking.confirmed}</Notice> : null}
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
      {query.isPending ? (
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
