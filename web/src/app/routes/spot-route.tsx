import { useParams, useSearchParams } from 'react-router';
import { m } from '@/i18n/messages';
import { ApiError } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { safeTimeZone } from '@/lib/format';
import { useMe, useSignedIn } from '@/lib/session';
import { EmptyState, ErrorState, Notice, Spinner } from '@/components/ui/status';
import { useMyBookings } from '@/features/bookings/api/bookings-api';
import { initialWindow, SpotPricing } from '@/features/bookings/components/spot-pricing';
import { SpotReviews } from '@/features/reviews/components/spot-reviews';
import { useFavorites } from '@/features/spots/api/favorites-api';
import { useSpot } from '@/features/spots/api/spots-api';
import { FavoriteButton } from '@/features/spots/components/favorite-button';
import { SpotDetail, spotCurrency } from '@/features/spots/components/spot-detail';

export function SpotRoute() {
  const { spotId = '' } = useParams();
  const [params] = useSearchParams();
  const config = useClientConfig();
  const signedIn = useSignedIn();
  const me = useMe();
  const spot = useSpot(spotId);
  const bookings = useMyBookings(signedIn);
  const favorites = useFavorites(signedIn);

  if (spot.isPending) return <Spinner />;
  if (spot.isError) {
    return spot.error instanceof ApiError && spot.error.status === 404 ? (
      <EmptyState title={m.spot.notFound} />
    ) : (
      <ErrorState error={spot.error} onRetry={() => void spot.refetch()} />
    );
  }
  const data = spot.data;
  const currency = spotCurrency(data, config.defaultCurrency);
  const timeZone = safeTimeZone(data.time_zone);
  const isOwner = me.data?.id === data.owner_id;
  const hasBooked = (bookings.data ?? []).some(
    (b) =>
      b.parking_spot_id === data.id && ['confirmed', 'in_progress', 'completed'].includes(b.status),
  );
  const bookable = data.is_active && data.is_available;

  return (
    <div className="page page-detail">
      <SpotDetail
        spot={data}
        currency={currency}
        showAccess={isOwner || hasBooked}
        cancellationPolicy={config.cancellationPolicy}
        favorite={
          signedIn ? (
            <FavoriteButton
              spotId={data.id}
              title={data.title}
              favorite={(favorites.data ?? []).some((f) => f.id === data.id)}
            />
          ) : null
        }
        notice={
          !bookable ? (
            <Notice kind="warning">{m.spot.inactive}</Notice>
          ) : isOwner ? (
            <Notice>{m.spot.ownSpot}</Notice>
          ) : null
        }
        pricing={
          <SpotPricing
            spotId={data.id}
            currency={currency}
            timeZone={timeZone}
            bookable={bookable}
            initial={initialWindow(params)}
          />
        }
        reviews={
          <SpotReviews spotId={data.id} isOwner={isOwner} signedIn={signedIn} timeZone={timeZone} />
        }
      />
    </div>
  );
}
