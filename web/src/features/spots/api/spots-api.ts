import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Spot, SpotListItem, SpotType, VehicleSize } from '@/types/api';

export const spotKeys = {
  all: ['spots'] as const,
  search: (params: SpotSearchParams) => ['spots', 'search', params] as const,
  detail: (id: string) => ['spots', 'detail', id] as const,
};

export interface SpotSearchParams {
  latitude?: number;
  longitude?: number;
  radius_km?: number;
  q?: string;
  spot_type?: SpotType;
  vehicle_size?: VehicleSize;
  max_hourly_rate?: number;
  has_ev_charging?: boolean;
  is_covered?: boolean;
  is_handicap_accessible?: boolean;
  start_time?: string;
  end_time?: string;
  page_size?: number;
  page?: number;
}

export function searchSpots(params: SpotSearchParams, signal?: AbortSignal) {
  return api.get<SpotListItem[]>('/parking-spots/', {
    query: { ...params, page_size: params.page_size ?? 50 } as Record<
      string,
      string | number | boolean | undefined
    >,
    signal,
  });
}

export const SEARCH_PAGE_SIZE = 50;

/** The page after these, or undefined when the last one was not full (nothing more exists). */
export function nextSearchPage(last: readonly unknown[], pages: readonly unknown[][]) {
  return last.length >= SEARCH_PAGE_SIZE ? pages.length + 1 : undefined;
}

/**
 * The search, a page of 50 at a time: `hasNextPage` says more exist (the last page was full) and
 * `fetchNextPage` loads them.
 */
export function useSpotSearchPages(params: SpotSearchParams) {
  return useInfiniteQuery({
    queryKey: [...spotKeys.search(params), 'pages'] as const,
    queryFn: ({ signal, pageParam }) =>
      searchSpots({ ...params, page: pageParam, page_size: SEARCH_PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: nextSearchPage,
    placeholderData: keepPreviousData,
  });
}

export function useSpotSearch(params: SpotSearchParams) {
  return useQuery({
    queryKey: spotKeys.search(params),
    queryFn: ({ signal }) => searchSpots(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function getSpot(id: string, signal?: AbortSignal) {
  return api.get<Spot>(`/parking-spots/${id}`, { signal });
}

export function useSpot(id: string | undefined) {
  return useQuery({
    queryKey: spotKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getSpot(id ?? '', signal),
    enabled: Boolean(id),
  });
}
