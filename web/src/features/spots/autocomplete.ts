// Keyboard and selection state of the place autocomplete (a WAI-ARIA combobox), as a reducer so
// it can be tested without a browser.

export interface AutocompleteState {
  open: boolean;
  /** Index of the highlighted option, -1 for none (Enter then searches the typed text). */
  active: number;
}

export type AutocompleteEvent =
  | { type: 'typed' }
  | { type: 'results'; count: number }
  | { type: 'down'; count: number }
  | { type: 'up'; count: number }
  | { type: 'close' }
  | { type: 'chosen' };

export const closedAutocomplete: AutocompleteState = { open: false, active: -1 };

export function autocompleteReducer(
  state: AutocompleteState,
  event: AutocompleteEvent,
): AutocompleteState {
  switch (event.type) {
    case 'typed':
      return { open: true, active: -1 };
    case 'results':
      return { ...state, active: state.active >= event.count ? -1 : state.active };
    case 'down':
      if (event.count === 0) return state;
      return { open: true, active: state.open ? (state.active + 1) % event.count : 0 };
    case 'up':
      if (event.count === 0) return state;
      return {
        open: true,
        active: state.active <= 0 ? event.count - 1 : state.active - 1,
      };
    case 'close':
    case 'chosen':
      return closedAutocomplete;
  }
}

/** Lower case without accents, final sigma as sigma: "Σύνταγμα" and "συνταγμα" fold alike. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What Enter (or the Search button) does: the highlighted place; else the first place when its
 * name starts with what was typed ("syntagma" → "Syntagma Square"); else null, a text search.
 */
export function enterTarget<T extends { name: string }>(
  state: AutocompleteState,
  places: readonly T[],
  typed: string,
): T | null {
  if (state.open && state.active >= 0 && state.active < places.length) {
    return places[state.active] ?? null;
  }
  const first = places[0];
  const query = fold(typed);
  return first && query.length >= 2 && fold(first.name).startsWith(query) ? first : null;
}

/** A zoom that suits a place of this kind (a city is wide, a street narrow). */
export function zoomForPlace(kind: string): number {
  switch (kind) {
    case 'city':
      return 13;
    case 'neighbourhood':
    case 'postcode':
      return 15;
    default:
      return 16;
  }
}
