import { zonedWallTimeToUtc, addHours, browserTimeZone, parseMoney } from '@/lib/format';
import type { SpotSearchParams } from '@/features/spots/api/spots-api';
import type { SearchFilters } from '@/features/spots/search-store';

/** Builds the query of GET /parking-spots/ from the search screen state. */
export function toSearchParams(
  filters: SearchFilters,
  center: [number, number],
  radiusKm: number,
  currency: string,
): SpotSearchParams {
  const params: SpotSearchParams = {};
  const q = filters.q.trim();
  if (q) {
    params.q = q;
  } else {
    params.latitude = Number(center[0].toFixed(5));
    params.longitude = Number(center[1].toFixed(5));
    params.radius_km = Math.min(100, Math.max(1, Math.ceil(radiusKm)));
  }
  if (filters.spotType) params.spot_type = filters.spotType;
  if (filters.vehicleSize) params.vehicle_size = filters.vehicleSize;
  const max = filters.maxPrice ? parseMoney(filters.maxPrice, currency) : null;
  if (max && max > 0) params.max_hourly_rate = max;
  if (filters.ev) params.has_ev_charging = true;
  if (filters.covered) params.is_covered = true;
  if (filters.accessible) params.is_handicap_accessible = true;
  if (filters.start) {
    params.start_time = zonedWallTimeToUtc(filters.start, browserTimeZone());
    params.end_time = addHours(params.start_time, filters.hours);
  }
  return params;
}

/** Distance in km from the map centre to a corner: the radius that covers the visible map. */
export function radiusForBounds(
  center: { lat: number; lng: number },
  corner: { lat: number; lng: number },
): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(corner.lat - center.lat);
  const dLng = toRad(corner.lng - center.lng);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(center.lat)) * Math.cos(toRad(corner.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
