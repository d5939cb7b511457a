import { Link } from 'react-router';
import { assetUrl } from '@/config/env';
import { paths } from '@/config/paths';
import { fmt, m, plural } from '@/i18n/messages';
import { formatMoney, formatRating } from '@/lib/format';
import { useSignedIn } from '@/lib/session';
import { FavoriteButton } from '@/features/spots/components/favorite-button';
import { amenitiesOf } from '@/features/spots/components/spot-labels';
import type { SpotListItem } from '@/types/api';

export function SpotCard({
  spot,
  currency,
  selected,
  searchQuery,
  onShowOnMap,
}: {
  spot: SpotListItem;
  currency: string;
  selected: boolean;
  searchQuery: string;
  /** Highlights the spot on the map too. */
  onShowOnMap?: () => void;
}) {
  const signedIn = useSignedIn();
  const photo = spot.images[0];
  const amenities = amenitiesOf(spot);
  return (
    <li
      className={`spot-card${selected ? ' selected' : ''}`}
      id={`spot-${spot.id}`}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected ? 'true' : undefined}
    >
      <Link to={`${paths.spot(spot.id)}${searchQuery}`} className="spot-card-link">
        <div className="spot-thumb">
          {photo ? (
            <img src={assetUrl(photo)} alt="" loading="lazy" />
          ) : (
            <span aria-hidden="true">P</span>
          )}
        </div>
        <div className="spot-card-body">
          <h3>{spot.title}</h3>
          <p className="muted">
            {spot.address}, {spot.city}
          </p>
          <p className="spot-meta">
            {spot.total_reviews > 0 ? (
              <span title={plural(spot.total_reviews, m.spot.reviewCount)}>
                ★ {formatRating(spot.average_rating)}{' '}
                <span aria-hidden="true">({spot.total_reviews})</span>
                <span className="sr-only">{plural(spot.total_reviews, m.spot.reviewCount)}</span>
              </span>
            ) : (
              <span>{m.search.noReviews}</span>
            )}
            {spot.distance_km != null ? (
              <span>{fmt(m.search.km, { km: spot.distance_km.toFixed(1) })}</span>
            ) : null}
            <span>{m.spot.types[spot.spot_type] ?? spot.spot_type}</span>
          </p>
          {amenities.length ? (
            <ul className="chips" aria-label={m.spot.amenities}>
              {amenities.map((a) => (
                <li key={a} className="chip">
                  {a}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="spot-price">
          <strong>{formatMoney(spot.hourly_rate, spot.currency ?? currency)}</strong>
          <span className="muted">{m.search.perHour}</span>
        </div>
      </Link>
      {onShowOnMap ? (
        <button type="button" className="show-on-map" aria-pressed={selected} onClick={onShowOnMap}>
          {selected ? m.search.selected : m.search.showOnMap}
          <span className="sr-only">: {spot.title}</span>
        </button>
      ) : null}
      {signedIn ? (
        <FavoriteButton spotId={spot.id} title={spot.title} favorite={Boolean(spot.is_favorite)} />
      ) : null}
    </li>
  );
}
