import { beforeEach, describe, expect, it } from 'vitest';
import { toSearchParams, radiusForBounds } from '@/features/spots/search-params';
import { emptyFilters, movedAway, useSearchStore } from '@/features/spots/search-store';

describe('search store', () => {
  beforeEach(() => {
    useSearchStore.setState({ filters: emptyFilters, center: [37.9838, 23.7275], radiusKm: 5 });
  });

  it('starts in the demo city and keeps filters', () => {
    const store = useSearchStore.getState();
    expect(store.center).toEqual([37.9838, 23.7275]);
    store.setFilter('ev', true);
    store.setFilter('q', 'Plaka');
    expect(useSearchStore.getState().filters.ev).toBe(true);
    useSearchStore.getState().resetFilters();
    expect(useSearchStore.getState().filters).toEqual({ ...emptyFilters, q: 'Plaka' });
  });

  it('counts jumps separately from pans', () => {
    const before = useSearchStore.getState().recenterKey;
    useSearchStore.getState().setArea([38, 23.7], 3);
    expect(useSearchStore.getState().recenterKey).toBe(before);
    useSearchStore.getState().jumpTo([38.1, 23.8]);
    expect(useSearchStore.getState().recenterKey).toBe(before + 1);
    expect(useSearchStore.getState().center).toEqual([38.1, 23.8]);
  });
});

describe('search parameters', () => {
  it('uses the map area and filters', () => {
    expect(
      toSearchParams(
        { ...emptyFilters, ev: true, maxPrice: '2.5', spotType: 'garage' },
        [37.98381234, 23.72751234],
        3.2,
        'eur',
      ),
    ).toEqual({
      latitude: 37.98381,
      longitude: 23.72751,
      radius_km: 4,
      spot_type: 'garage',
      max_hourly_rate: 250,
      has_ev_charging: true,
    });
  });

  it('searches everywhere by text and adds the time window', () => {
    const params = toSearchParams(
      { ...emptyFilters, q: ' Kifisias ', start: '2030-05-01T10:00', hours: 3 },
      [0, 0],
      500,
      'usd',
    );
    expect(params.q).toBe('Kifisias');
    expect(params.latitude).toBeUndefined();
    expect(new Date(params.end_time!).getTime() - new Date(params.start_time!).getTime()).toBe(
      3 * 3_600_000,
    );
  });

  it('computes the visible radius', () => {
    expect(radiusForBounds({ lat: 37.9838, lng: 23.7275 }, { lat: 38.0, lng: 23.75 })).toBeCloseTo(
      2.7,
      1,
    );
  });
});

describe('search this area', () => {
  beforeEach(() => {
    useSearchStore.setState({
      filters: emptyFilters,
      center: [37.9838, 23.7275],
      radiusKm: 2,
      view: null,
      moved: false,
      placeName: '',
    });
  });

  const view = (center: [number, number], radiusKm = 2) => ({
    center,
    radiusKm,
    bounds: [center[0] - 0.01, center[1] - 0.01, center[0] + 0.01, center[1] + 0.01] as [
      number,
      number,
      number,
      number,
    ],
  });

  it('offers it only after the user moves the map away', () => {
    const store = useSearchStore.getState();
    store.setView(view([37.99, 23.75]), false);
    expect(useSearchStore.getState().moved).toBe(false);
    store.setView(view([37.9839, 23.7276]), true);
    expect(useSearchStore.getState().moved).toBe(false);
    store.setView(view([38.01, 23.76]), true);
    expect(useSearchStore.getState().moved).toBe(true);
  });

  it('searches what the map shows, dropping a typed text', () => {
    useSearchStore.getState().setFilter('q', 'garage');
    useSearchStore.getState().setView(view([38.01, 23.76], 3), true);
    useSearchStore.getState().searchView();
    const s = useSearchStore.getState();
    expect(s.center).toEqual([38.01, 23.76]);
    expect(s.radiusKm).toBe(3);
    expect(s.filters.q).toBe('');
    expect(s.moved).toBe(false);
  });

  it('moves to a chosen place and searches there', () => {
    const before = useSearchStore.getState().recenterKey;
    useSearchStore
      .getState()
      .choosePlace({ name: 'Σύνταγμα', latitude: 37.9755, longitude: 23.7348 }, 15);
    const s = useSearchStore.getState();
    expect(s.center).toEqual([37.9755, 23.7348]);
    expect(s.recenterKey).toBe(before + 1);
    expect(s.jumpZoom).toBe(15);
    expect(s.placeName).toBe('Σύνταγμα');
    expect(s.filters.q).toBe('');
  });

  it('tells a small pan from a move elsewhere', () => {
    expect(movedAway([37.98, 23.72], 2, view([37.981, 23.721]))).toBe(false);
    expect(movedAway([37.98, 23.72], 2, view([38.0, 23.72]))).toBe(true);
    expect(movedAway([37.98, 23.72], 2, view([37.98, 23.72], 8))).toBe(true);
  });
});

describe('more results', () => {
  it('asks for the next page only after a full one', async () => {
    const { nextSearchPage, SEARCH_PAGE_SIZE } = await import('@/features/spots/api/spots-api');
    const full = Array.from({ length: SEARCH_PAGE_SIZE }, (_, i) => i);
    expect(nextSearchPage(full, [full])).toBe(2);
    expect(nextSearchPage(full, [full, full])).toBe(3);
    expect(nextSearchPage([1, 2], [full, [1, 2]])).toBeUndefined();
  });
});
