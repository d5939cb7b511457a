import { m } from '@/i18n/messages';
import { SPOT_TYPES, VEHICLE_SIZES, type Spot, type SpotListItem } from '@/types/api';

// Functions, not constants: the labels are read in the active language at each render.
export const spotTypeOptions = () => [
  { value: '', label: m.search.any },
  ...SPOT_TYPES.map((t) => ({ value: t, label: m.spot.types[t] })),
];
export const vehicleSizeOptions = () => [
  { value: '', label: m.search.any },
  ...VEHICLE_SIZES.map((s) => ({ value: s, label: m.spot.sizes[s] })),
];

const AMENITIES = [
  'is_covered',
  'has_ev_charging',
  'has_security',
  'has_lighting',
  'is_handicap_accessible',
] as const;

export function amenitiesOf(
  spot: Partial<Pick<Spot, (typeof AMENITIES)[number]>> | SpotListItem,
): string[] {
  return AMENITIES.filter((key) => (spot as Record<string, unknown>)[key] === true).map(
    (key) => m.spot.amenity[key],
  );
}
