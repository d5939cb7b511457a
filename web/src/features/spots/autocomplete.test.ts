import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  autocompleteReducer,
  closedAutocomplete,
  enterTarget,
  fold,
  zoomForPlace,
} from '@/features/spots/autocomplete';
import { useDebounced } from '@/lib/use-debounced';

const places = [
  { name: 'Syntagma Square', kind: 'square' },
  { name: 'Σύνταγμα', kind: 'neighbourhood' },
];

describe('autocomplete state', () => {
  it('opens on typing and moves through the options with the arrows, wrapping', () => {
    let state = autocompleteReducer(closedAutocomplete, { type: 'typed' });
    expect(state).toEqual({ open: true, active: -1 });
    state = autocompleteReducer(state, { type: 'down', count: 2 });
    expect(state.active).toBe(0);
    state = autocompleteReducer(state, { type: 'down', count: 2 });
    state = autocompleteReducer(state, { type: 'down', count: 2 });
    expect(state.active).toBe(0);
    state = autocompleteReducer(state, { type: 'up', count: 2 });
    expect(state.active).toBe(1);
    expect(autocompleteReducer(state, { type: 'close' })).toEqual(closedAutocomplete);
  });

  it('drops a highlight that fewer results no longer have', () => {
    const state = { open: true, active: 4 };
    expect(autocompleteReducer(state, { type: 'results', count: 2 }).active).toBe(-1);
    expect(autocompleteReducer(state, { type: 'results', count: 6 }).active).toBe(4);
  });

  it('Enter takes the highlighted place, else a first place named like the text, else none', () => {
    expect(enterTarget({ open: true, active: 1 }, places, 'syn')).toBe(places[1]);
    expect(enterTarget({ open: true, active: -1 }, places, 'syntagma')).toBe(places[0]);
    expect(enterTarget({ open: false, active: -1 }, places, 'Plaka garage')).toBeNull();
    expect(enterTarget({ open: true, active: -1 }, [], 'syntagma')).toBeNull();
  });

  it('folds case, accents and the final sigma', () => {
    expect(fold('  Σύνταγμα ')).toBe(fold('ΣΥΝΤΑΓΜΑ'));
    expect(fold('Πλάκας')).toBe('πλακασ');
    expect(fold('Café  Square')).toBe('cafe square');
  });

  it('zooms by kind of place', () => {
    expect(zoomForPlace('city')).toBeLessThan(zoomForPlace('neighbourhood'));
    expect(zoomForPlace('neighbourhood')).toBeLessThan(zoomForPlace('street'));
  });
});

describe('debounced value', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles only after typing pauses', () => {
    const { result, rerender } = renderHook(({ value }) => useDebounced(value, 250), {
      initialProps: { value: 'S' },
    });
    rerender({ value: 'Sy' });
    act(() => vi.advanceTimersByTime(200));
    rerender({ value: 'Syn' });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe('S');
    act(() => vi.advanceTimersByTime(60));
    expect(result.current).toBe('Syn');
  });
});
