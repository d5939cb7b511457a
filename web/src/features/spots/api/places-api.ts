import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** A place from GET /api/v1/places: where the map should go for what the driver typed. */
export interface Place {
  name: string;
  /** neighbourhood, square, landmark, city, street or postcode */
  kind: string;
  city: string;
  latitude: number;
  longitude: number;
  /** Spots listed there (0 for a place only the shipped list knows). */
  spots: number;
}

export const MIN_PLACE_QUERY = 2;

export function searchPlaces(q: string, signal?: AbortSignal) {
  return api.get<Place[]>('/places', { query: { q, limit: 6 }, signal, anonymous: true });
}

/** Places matching `q` (already debounced by the caller); nothing for fewer than 2 characters. */
export function usePlaces(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['places', text.toLowerCase()],
    queryFn: ({ signal }) => searchPlaces(text, signal),
    enabled: text.length >= MIN_PLACE_QUERY,
    staleTime: 5 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
