import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { formatMoney } from '@/lib/format';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/status';
import { useFavorites } from '@/features/spots/api/favorites-api';
import { FavoriteButton } from '@/features/spots/components/favorite-button';

/** The profile's list of favourite spots. */
export function FavoritesList({ currency }: { currency: string }) {
  const favorites = useFavorites();
  return (
    <section className="card" aria-labelledby="favorites-title">
      <h2 id="favorites-title">{m.favorites.title}</h2>
      {favorites.isPending ? (
        <Skeleton lines={2} />
      ) : favorites.isError ? (
        <ErrorState error={favorites.error} onRetry={() => void favorites.refetch()} />
      ) : favorites.data.length === 0 ? (
        <EmptyState title={m.favorites.empty} />
      ) : (
        <ul className="favorite-list">
          {favorites.data.map((spot) => (
            <li key={spot.id}>
              <Link to={paths.spot(spot.id)}>{spot.title}</Link>
              <span className="muted small">
                {' '}
                · {formatMoney(spot.hourly_rate, (spot.currency ?? currency).toLowerCase())}
                {m.search.perHour}
              </span>
              <FavoriteButton spotId={spot.id} title={spot.title} favorite />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
