import { Link, Outlet, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { useClientConfig } from '@/lib/client-config';
import { EmptyState, ErrorState, Notice, Skeleton, Spinner } from '@/components/ui/status';
import { LinkTabs } from '@/components/ui/tabs';
import { OwnerBookings } from '@/features/bookings/components/my-bookings';
import { PassVerifier } from '@/features/bookings/components/pass-verifier';
import { useMySpot, useMySpots } from '@/features/owner/api/owner-api';
import { MySpots } from '@/features/owner/components/my-spots';
import { SpotEditor } from '@/features/owner/components/spot-editor';
import { Earnings } from '@/features/payments/components/earnings';
import { SpotReviews } from '@/features/reviews/components/spot-reviews';

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
  const spots = useMySpots();
  if (spots.isPending) return <Skeleton lines={3} />;
  if (spots.isError) return <ErrorState error={spots.error} onRetry={() => void spots.refetch()} />;
  if (spots.data.length === 0) return <EmptyState title={m.review.ownerEmpty} />;
  return (
    <div className="owner-reviews">
      {spots.data.map((spot) => (
        <section key={spot.id} className="card" aria-label={spot.title}>
          <h2>
            <Link to={paths.spot(spot.id)}>{spot.title}</Link>
          </h2>
          <SpotReviews spotId={spot.id} isOwner signedIn timeZone={spot.time_zone} />
        </section>
      ))}
    </div>
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
