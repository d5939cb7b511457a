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

interface SearchState {
  filters: SearchFilters;
  center: [number, number];
  radiusKm: number;
  /** Bumped when the map must jump (near me), not when the user pans it. */
  recenterKey: number;
  locate: LocateStatus;
  setFilter: <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => void;
  resetFilters: () => void;
  setArea: (center: [number, number], radiusKm: number) => void;
  jumpTo: (center: [number, number]) => void;
  setLocate: (status: LocateStatus) => void;
}

/** Search screen state; kept in memory so going back from a spot restores the search. */
export const useSearchStore = create<SearchState>()((set) => ({
  filters: emptyFilters,
  center: [env.demoCity.latitude, env.demoCity.longitude],
  radiusKm: 5,
  recenterKey: 0,
  locate: 'idle',
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  resetFilters: () => set((s) => ({ filters: { ...emptyFilters, q: s.filters.q } })),
  setArea: (center, radiusKm) => set({ center, radiusKm }),
  jumpTo: (center) => set((s) => ({ center, recenterKey: s.recenterKey + 1 })),
  setLocate: (locate) => set({ locate }),
}));
