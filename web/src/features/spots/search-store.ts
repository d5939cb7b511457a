import { create } from 'zustand';
import { env } from '@/config/env';
import type { SpotType, VehicleSize } from '@/types/api';

export interface SearchFilters {
  q: string;
  spotType: SpotType | '';
  vehicleSize: VehicleSize | '';
  /** Max price per hour in major units as typed ("5"), empty for any. */
  maxPrice: string;
  ev: boolean;
  covered: boolean;
  accessible: boolean;
  /** Local "YYYY-MM-DDTHH:mm" in the browser's zone, empty for any time. */
  start: string;
  hours: number;
}

export const emptyFilters: SearchFilters = {
  q: '',
  spotType: '',
  vehicleSize: '',
  maxPrice: '',
  ev: false,
  covered: false,
  accessible: false,
  start: '',
  hours: 2,
};

export type LocateStatus = 'idle' | 'locating' | 'located' | 'denied';

/** What the map shows now: south, west, north, east. */
export type Bounds = [number, number, number, number];

export interface MapView {
  center: [number, number];
  radiusKm: number;
  bounds: Bounds;
}

interface SearchState {
  filters: SearchFilters;
  center: [number, number];
  radiusKm: number;
  /** Bumped when the map must jump (near me, a chosen place), not when the user pans it. */
  recenterKey: number;
  /** Zoom for the next jump. */
  jumpZoom: number;
  /** What the map shows, once it has moved; the list follows it. */
  view: MapView | null;
  /** The user moved the map away from what was searched: offer "Search this area". */
  moved: boolean;
  /** The place chosen from the autocomplete, shown in the search box. */
  placeName: string;
  locate: LocateStatus;
  setFilter: <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => void;
  resetFilters: () => void;
  setArea: (center: [number, number], radiusKm: number) => void;
  jumpTo: (center: [number, number], zoom?: number) => void;
  /** The map moved: by the user (offer to search there) or by the app (it shows the search). */
  setView: (view: MapView, byUser: boolean) => void;
  /** Search what the map shows now (drops a typed text query). */
  searchView: () => void;
  /** Go to a place from the autocomplete and search there. */
  choosePlace: (place: { name: string; latitude: number; longitude: number }, zoom: number) => void;
  setLocate: (status: LocateStatus) => void;
}

/** Whether a view is far enough from the searched area to be worth searching again. */
export function movedAway(center: [number, number], radiusKm: number, view: MapView): boolean {
  const kmPerDegree = 111.32;
  const dLat = (view.center[0] - center[0]) * kmPerDegree;
  const dLng = (view.center[1] - center[1]) * kmPerDegree * Math.cos((center[0] * Math.PI) / 180);
  const shift = Math.hypot(dLat, dLng);
  return shift > radiusKm * 0.25 || Math.abs(view.radiusKm - radiusKm) > radiusKm * 0.5;
}

/** Search screen state; kept in memory so going back from a spot restores the search. */
export const useSearchStore = create<SearchState>()((set) => ({
  filters: emptyFilters,
  center: [env.demoCity.latitude, env.demoCity.longitude],
  radiusKm: 5,
  recenterKey: 0,
  jumpZoom: 14,
  view: null,
  moved: false,
  placeName: '',
  locate: 'idle',
  setFilter: (key, value) =>
    set((s) => ({
      filters: { ...s.filters, [key]: value },
      placeName: key === 'q' ? '' : s.placeName,
    })),
  resetFilters: () => set((s) => ({ filters: { ...emptyFilters, q: s.filters.q } })),
  setArea: (center, radiusKm) => set({ center, radiusKm, moved: false }),
  jumpTo: (center, zoom = 14) =>
    set((s) => ({ center, jumpZoom: zoom, recenterKey: s.recenterKey + 1, moved: false })),
  setView: (view, byUser) =>
    set((s) => {
      // the app moved the map to show a search; only the user's own moves offer a new one
      if (!byUser) return { view, moved: false };
      return { view, moved: s.moved || movedAway(s.center, s.radiusKm, view) };
    }),
  searchView: () =>
    set((s) =>
      s.view
        ? {
            center: s.view.center,
            radiusKm: s.view.radiusKm,
            moved: false,
            placeName: '',
            filters: { ...s.filters, q: '' },
          }
        : { moved: false },
    ),
  choosePlace: (place, zoom) =>
    set((s) => ({
      center: [place.latitude, place.longitude],
      radiusKm: zoom >= 16 ? 1.5 : zoom >= 15 ? 2.5 : 6,
      jumpZoom: zoom,
      recenterKey: s.recenterKey + 1,
      moved: false,
      placeName: place.name,
      filters: { ...s.filters, q: '' },
    })),
  setLocate: (locate) => set({ locate }),
}));
