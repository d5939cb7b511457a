import { useEffect, useState, type FormEvent } from 'react';
import { fmt, m } from '@/i18n/messages';
import { useClientConfig } from '@/lib/client-config';
import { Button } from '@/components/ui/button';
import { Checkbox, SelectField, TextField } from '@/components/ui/field';
import { env } from '@/config/env';
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

export function SearchBar() {
  const filters = useSearchStore((s) => s.filters);
  const setFilter = useSearchStore((s) => s.setFilter);
  const resetFilters = useSearchStore((s) => s.resetFilters);
  const locate = useSearchStore((s) => s.locate);
  const nearMe = useNearMe();
  const config = useClientConfig();
  const [text, setText] = useState(filters.q);
  const [open, setOpen] = useState(false);

  useEffect(() => setText(filters.q), [filters.q]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFilter('q', text);
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
        <input
          id="search-q"
          type="search"
          enterKeyHint="search"
          placeholder={m.search.searchPlaceholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '') setFilter('q', '');
          }}
        />
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
          label={`${m.search.maxPrice} (${config.defaultCurrency.toUpperCase()})`}
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
