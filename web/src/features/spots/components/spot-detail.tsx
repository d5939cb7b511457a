import type { ReactNode } from 'react';
import { Marker } from 'react-leaflet';
import { BaseMap } from '@/components/map/base-map';
import { Stars } from '@/components/ui/stars';
import { assetUrl } from '@/config/env';
import { fmt, m, plural } from '@/i18n/messages';
import { formatMoney, formatRating, safeTimeZone } from '@/lib/format';
import { amenitiesOf } from '@/features/spots/components/spot-labels';
import { HoursTable } from '@/features/spots/components/hours-table';
import type { Spot } from '@/types/api';

export function spotCurrency(spot: Pick<Spot, 'currency'>, fallback: string): string {
  return (spot.currency || fallback).toLowerCase();
}

export function SpotDetail({
  spot,
  currency,
  showAccess,
  pricing,
  reviews,
  notice,
  favorite,
  cancellationPolicy,
}: {
  spot: Spot;
  currency: string;
  showAccess: boolean;
  pricing?: ReactNode;
  reviews?: ReactNode;
  notice?: ReactNode;
  /** The favourite heart, for a signed-in user. */
  favorite?: ReactNode;
  cancellationPolicy?: string;
}) {
  const timeZone = safeTimeZone(spot.time_zone);
  const amenities = amenitiesOf(spot);
  return (
    <article className="spot-detail">
      <section className="gallery" aria-label={m.spot.photos}>
        {spot.images.length === 0 ? (
          <div className="gallery-empty">{m.spot.noPhotos}</div>
        ) : (
          spot.images.map((src, i) => (
            <img
              key={src}
              src={assetUrl(src)}
              alt={`${spot.title} ${i + 1}`}
              loading={i === 0 ? 'eager' : 'lazy'}
            />
          ))
        )}
      </section>
      <header className="spot-header">
        <div className="title-row">
          <h1>{spot.title}</h1>
          {favorite}
        </div>
        <p className="muted">
          {spot.address}, {spot.city}
          {spot.zip_code ? ` ${spot.zip_code}` : ''}
        </p>
        <p className="rating-line">
          {spot.total_reviews > 0 ? (
            <>
              <Stars rating={spot.average_rating} />{' '}
              {fmt(m.spot.ratingWith, {
                rating: formatRating(spot.average_rating),
                reviews: plural(spot.total_reviews, m.spot.reviewCount),
              })}
            </>
          ) : (
            m.search.noReviews
          )}
          <span className="dot" aria-hidden="true">
            ·
          </span>
          {m.spot.types[spot.spot_type] ?? spot.spot_type} ·{' '}
          {m.spot.sizes[spot.vehicle_size] ?? spot.vehicle_size}
        </p>
        {notice}
      </header>

      <section aria-labelledby="rates-title" className="section">
        <h2 id="rates-title">{m.spot.rates}</h2>
        <ul className="rates">
          <li>{fmt(m.spot.hourly, { amount: formatMoney(spot.hourly_rate, currency) })}</li>
          {spot.daily_rate ? (
            <li>{fmt(m.spot.daily, { amount: formatMoney(spot.daily_rate, currency) })}</li>
          ) : null}
          {spot.monthly_rate ? (
            <li>{fmt(m.spot.monthly, { amount: formatMoney(spot.monthly_rate, currency) })}</li>
          ) : null}
        </ul>
      </section>

      {pricing}

      {cancellationPolicy ? (
        <section aria-labelledby="policy-title" className="section">
          <h2 id="policy-title">{m.booking.policyTitle}</h2>
          <p data-testid="cancellation-policy">{cancellationPolicy}</p>
        </section>
      ) : null}

      {amenities.length ? (
        <section aria-labelledby="amenities-title" className="section">
          <h2 id="amenities-title">{m.spot.amenities}</h2>
          <ul className="chips">
            {amenities.map((a) => (
              <li key={a} className="chip">
                {a}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {spot.description ? (
        <section aria-labelledby="about-title" className="section">
          <h2 id="about-title">{m.spot.description}</h2>
          <p className="prewrap">{spot.description}</p>
        </section>
      ) : null}

      <section aria-labelledby="hours-title" className="section">
        <h2 id="hours-title">{m.spot.hours}</h2>
        <HoursTable hours={spot.operating_hours} timeZone={timeZone} />
      </section>

      <section aria-labelledby="access-title" className="section">
        <h2 id="access-title">{m.spot.access}</h2>
        {showAccess ? (
          <p className="prewrap">{spot.access_instructions || '—'}</p>
        ) : (
          <p className="muted">{m.spot.accessAfterBooking}</p>
        )}
      </section>

      <section aria-labelledby="location-title" className="section">
        <h2 id="location-title">{m.spot.location}</h2>
        <BaseMap
          center={[spot.latitude, spot.longitude]}
          zoom={15}
          label={m.spot.location}
          className="small-map"
          interactive={false}
        >
          <Marker position={[spot.latitude, spot.longitude]} alt={spot.title} />
        </BaseMap>
      </section>

      {reviews}
    </article>
  );
}
