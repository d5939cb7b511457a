import { useEffect, useReducer, useState, type FormEvent, type KeyboardEvent } from 'react';
import { fmt, locale, m, plural } from '@/i18n/messages';
import { useDebounced } from '@/lib/use-debounced';
import { useClientConfig } from '@/lib/client-config';
import { Button } from '@/components/ui/button';
import { Checkbox, SelectField, TextField } from '@/components/ui/field';
import { env } from '@/config/env';
import { usePlaces, type Place, MIN_PLACE_QUERY } from '@/features/spots/api/places-api';
import {
  autocompleteReducer,
  closedAutocomplete,
  enterTarget,
  fold,
  zoomForPlace,
} from '@/features/spots/autocomplete';
import { useSearchStore } from '@/features/spots/search-store';
import { spotTypeOptions, vehicleSizeOptions } from '@/features/spots/components/spot-labels';
import type { SpotType, VehicleSize } from '@/types/api';

const HOURS = [1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168];

export function useNearMe() {
  const jumpTo = useSearchStore((s) => s.jumpTo);
  const setLocate = useSearchStore((s) => s.setLocate);
  return () => {
    if (!('geolocation' in navigator)) {
      setLocate('denied');
      jumpTo([env.demoCity.latitude, env.demoCity.longitude]);
      return;
    }
    setLocate('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocate('located');
        jumpTo([position.coords.latitude, position.coords.longitude]);
      },
      () => {
        setLocate('denied');
        jumpTo([env.demoCity.latitude, env.demoCity.longitude]);
      },
      { enableHighAccuracy: false, timeout: 8000, maximumAge: 300_000 },
    );
  };
}

/** "€ (EUR)": the symbol people read, with the code for the unambiguous. */
function currencySymbol(code: string): string {
  try {
    const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency: code })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value;
    return symbol && symbol !== code ? `${symbol}, ${code}` : code;
  } catch {
    return code;
  }
}

/** The search box with place autocomplete, near-me, time and filters. */
export function SearchBar({ spotCurrency }: { spotCurrency?: string } = {}) {
  const filters = useSearchStore((s) => s.filters);
  const setFilter = useSearchStore((s) => s.setFilter);
  const resetFilters = useSearchStore((s) => s.resetFilters);
  const locate = useSearchStore((s) => s.locate);
  const nearMe = useNearMe();
  const config = useClientConfig();
  const placeName = useSearchStore((s) => s.placeName);
  const choosePlace = useSearchStore((s) => s.choosePlace);
  const [text, setText] = useState(filters.q || placeName);
  const [open, setOpen] = useState(false);
  const [suggest, dispatch] = useReducer(autocompleteReducer, closedAutocomplete);
  const typed = useDebounced(text, 250);
  const placesQuery = usePlaces(suggest.open ? typed : '');
  const places = typed.trim().length >= MIN_PLACE_QUERY ? (placesQuery.data ?? []) : [];
  const listOpen = suggest.open && typed.trim().length >= MIN_PLACE_QUERY && placesQuery.isSuccess;
  const currencyCode = (spotCurrency ?? config.defaultCurrency).toUpperCase();

  useEffect(() => setText(filters.q || placeName), [filters.q, placeName]);
  useEffect(() => dispatch({ type: 'results', count: places.length }), [places.length]);

  function choose(place: Place) {
    dispatch({ type: 'chosen' });
    setText(place.name);
    choosePlace(place, zoomForPlace(place.kind));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const place = enterTarget(suggest, places, text);
    if (place && fold(text) === fold(typed)) {
      choose(place);
      return;
    }
    dispatch({ type: 'close' });
    setFilter('q', text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      dispatch({ type: 'down', count: places.length });
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      dispatch({ type: 'up', count: places.length });
    } else if (event.key === 'Escape') {
      dispatch({ type: 'close' });
    }
  }

  const activeCount = [
    filters.spotType,
    filters.vehicleSize,
    filters.maxPrice,
    filters.ev,
    filters.covered,
    filters.accessible,
  ].filter(Boolean).length;

  return (
    <div className="search-bar">
      <form role="search" onSubmit={onSubmit} className="search-row">
        <label htmlFor="search-q" className="sr-only">
          {m.search.searchLabel}
        </label>
        <div className="combobox">
          <input
            id="search-q"
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={listOpen}
            aria-controls="place-suggestions"
            aria-activedescendant={
              listOpen && suggest.active >= 0 ? `place-${suggest.active}` : undefined
            }
            autoComplete="off"
            enterKeyHint="search"
            placeholder={m.search.searchPlaceholder}
            value={text}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => dispatch({ type: 'close' }), 150)}
            onChange={(e) => {
              setText(e.target.value);
              dispatch({ type: 'typed' });
              if (e.target.value === '') setFilter('q', '');
            }}
          />
          <ul
            id="place-suggestions"
            role="listbox"
            aria-label={m.search.places}
            className="suggestions"
            hidden={!listOpen}
          >
            {places.map((place, i) => (
              // the keyboard works on the combobox input (arrows, Enter), as ARIA's pattern says
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={`${place.kind}-${place.name}-${place.city}`}
                id={`place-${i}`}
                role="option"
                aria-selected={i === suggest.active}
                className={i === suggest.active ? 'suggestion active' : 'suggestion'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(place)}
              >
                <span className="suggestion-name">{place.name}</span>
                <span className="suggestion-meta">
                  {m.search.placeKinds[place.kind as keyof typeof m.search.placeKinds] ??
                    place.kind}
                  {place.city && place.kind !== 'city' ? ` · ${place.city}` : ''}
                  {place.spots > 0 ? ` · ${plural(place.spots, m.search.placeSpots)}` : ''}
                </span>
              </li>
            ))}
            {places.length === 0 ? (
              <li className="suggestion suggestion-empty" role="option" aria-selected={false}>
                {fmt(m.search.noPlaces, { q: typed.trim() })}
              </li>
            ) : null}
          </ul>
        </div>
        <Button type="submit" variant="primary">
          {m.nav.search}
        </Button>
      </form>
      <div className="search-row search-actions">
        <Button variant="secondary" onClick={nearMe} busy={locate === 'locating'}>
          {locate === 'locating' ? m.search.locating : m.search.nearMe}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls="search-filters"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? m.search.hideFilters : m.search.filters}
          {activeCount ? <span className="badge">{activeCount}</span> : null}
        </Button>
      </div>
      <div className="search-row time-row">
        <TextField
          label={m.search.from}
          type="datetime-local"
          value={filters.start}
          onChange={(e) => setFilter('start', e.target.value)}
          hint={filters.start ? undefined : m.search.anyTime}
        />
        <SelectField
          label={m.search.forHours}
          value={String(filters.hours)}
          onChange={(e) => setFilter('hours', Number(e.target.value))}
          options={HOURS.map((h) => ({ value: String(h), label: String(h) }))}
        />
      </div>
      {locate === 'denied' ? (
        <p className="hint" role="status">
          {fmt(m.search.locationDenied, { city: env.demoCity.name })}
        </p>
      ) : null}
      <div id="search-filters" className="filters" hidden={!open}>
        <SelectField
          label={m.search.spotType}
          value={filters.spotType}
          onChange={(e) => setFilter('spotType', e.target.value as SpotType | '')}
          options={spotTypeOptions()}
        />
        <SelectField
          label={m.search.vehicleSize}
          value={filters.vehicleSize}
          onChange={(e) => setFilter('vehicleSize', e.target.value as VehicleSize | '')}
          options={vehicleSizeOptions()}
        />
        <TextField
          label={fmt(m.search.maxPriceIn, { currency: currencySymbol(currencyCode) })}
          inputMode="decimal"
          value={filters.maxPrice}
          onChange={(e) => setFilter('maxPrice', e.target.value)}
        />
        <div className="filter-checks">
          <Checkbox
            label={m.search.ev}
            checked={filters.ev}
            onChange={(e) => setFilter('ev', e.target.checked)}
          />
          <Checkbox
            label={m.search.covered}
            checked={filters.covered}
            onChange={(e) => setFilter('covered', e.target.checked)}
          />
          <Checkbox
            label={m.search.accessible}
            checked={filters.accessible}
            onChange={(e) => setFilter('accessible', e.target.checked)}
          />
        </div>
        <Button variant="ghost" onClick={resetFilters}>
          {m.search.clearFilters}
        </Button>
      </div>
    </div>
  );
}
