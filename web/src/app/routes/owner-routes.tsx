import '@/styles/owner-admin.css';
import { Link, Outlet, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { useClientConfig } from '@/lib/client-config';
import { ErrorState, Notice, Skeleton, Spinner } from '@/components/ui/status';
import { LinkTabs } from '@/components/ui/tabs';
import { OwnerBookings } from '@/features/bookings/components/my-bookings';
import { PassVerifier } from '@/features/bookings/components/pass-verifier';
import { useMySpot, useMySpots } from '@/features/owner/api/owner-api';
import { MySpots } from '@/features/owner/components/my-spots';
import { SpotEditor } from '@/features/owner/components/spot-editor';
import { Earnings } from '@/features/payments/components/earnings';
import { SpotCalendar } from '@/features/owner/components/spot-calendar';
import { OwnerReviews } from '@/features/reviews/components/owner-reviews';

export function OwnerLayout() {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{m.owner.title}</h1>
      </header>
      <LinkTabs
        label={m.owner.title}
        tabs={[
          { to: paths.ownerSpots, label: m.owner.mySpots },
          { to: paths.ownerBookings, label: m.owner.bookings },
          { to: paths.ownerReviews, label: m.owner.reviews },
          { to: paths.ownerEarnings, label: m.owner.earnings },
          { to: paths.ownerVerify, label: m.owner.verifyPass },
        ]}
      />
      <Outlet />
    </div>
  );
}

export function OwnerSpotsRoute() {
  const config = useClientConfig();
  return <MySpots defaultCurrency={config.defaultCurrency} />;
}

export function NewSpotRoute() {
  const config = useClientConfig();
  return (
    <>
      <h2>{m.owner.newSpot}</h2>
      <SpotEditor defaultCurrency={config.defaultCurrency} />
    </>
  );
}

export function EditSpotRoute() {
  const { spotId } = useParams();
  const [params] = useSearchParams();
  const config = useClientConfig();
  const spot = useMySpot(spotId);
  if (spot.isPending) return <Spinner />;
  if (spot.isError) return <ErrorState error={spot.error} onRetry={() => void spot.refetch()} />;
  return (
    <>
      <h2>{m.owner.editSpot}</h2>
      {params.get('created') ? (
        <Notice kind="success">
          {m.owner.created} <Link to={paths.spot(spot.data.id)}>{spot.data.title}</Link>
        </Notice>
      ) : null}
      <SpotEditor key={spot.data.id} spot={spot.data} defaultCurrency={config.defaultCurrency} />
    </>
  );
}

export function OwnerBookingsRoute() {
  const config = useClientConfig();
  return <OwnerBookings currency={config.defaultCurrency} />;
}

export function OwnerReviewsRoute() {
  return <OwnerReviews />;
}

export function SpotCalendarRoute() {
  const { spotId } = useParams();
  const spot = useMySpot(spotId);
  if (spot.isPending) return <Spinner />;
  if (spot.isError) return <ErrorState error={spot.error} onRetry={() => void spot.refetch()} />;
  return (
    <>
      <p>
        <Link to={paths.ownerSpots}>
          <span aria-hidden="true">‹ </span>
          {m.ownerTools.backToSpots}
        </Link>
      </p>
      <h2>{fmt(m.ownerTools.calendarTitle, { title: spot.data.title })}</h2>
      <SpotCalendar spotId={spot.data.id} timeZone={spot.data.time_zone ?? null} />
    </>
  );
}

export function OwnerEarningsRoute() {
  const config = useClientConfig();
  return (
    <Earnings
      currency={config.defaultCurrency}
      stripeEnabled={Boolean(config.stripePublishableKey)}
    />
  );
}

export function OwnerVerifyRoute() {
  const spots = useMySpots();
  if (spots.isPending) return <Skeleton lines={2} />;
  if (spots.isError) return <ErrorState error={spots.error} onRetry={() => void spots.refetch()} />;
  return (
    <PassVerifier
      spots={spots.data.map((s) => ({ id: s.id, title: s.title, timeZone: s.time_zone ?? 'UTC' }))}
    />
  );
}
