import { useEffect, useMemo, useState } from 'react';
import { fmt, m } from '@/i18n/messages';
import { browserTimeZone, zonedWallTimeToUtc } from '@/lib/format';
import { useClientConfig } from '@/lib/client-config';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/status';
import { useSpotSearch } from '@/features/spots/api/spots-api';
import { toSearchParams } from '@/features/spots/search-params';
import { useSearchStore } from '@/features/spots/search-store';
import { SearchBar, useNearMe } from '@/features/spots/components/search-bar';
import { SearchMap } from '@/features/spots/components/search-map';
import { SpotCard } from '@/features/spots/components/spot-card';

export function SearchScreen() {
  const filters = useSearchStore((s) => s.filters);
  const center = useSearchStore((s) => s.center);
  const radiusKm = useSearchStore((s) => s.radiusKm);
  const config = useClientConfig();
  const currency = config.defaultCurrency;
  const params = useMemo(
    () => toSearchParams(filters, center, radiusKm, currency),
    [filters, center, radiusKm, currency],
  );
  const query = useSpotSearch(params);
  const spots = query.data ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const nearMe = useNearMe();

  // Centre on the user at once when they already allowed location; otherwise wait for "Near me".
  useEffect(() => {
    if (useSearchStore.getState().locate !== 'idle' || !navigator.permissions?.query) return;
    navigator.permissions
      .query({ name: 'geolocation' })
      .then((status) => {
        if (status.state === 'granted') nearMe();
      })
      .catch(() => undefined);
    // Only on the first visit of the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The chosen time window travels to the spot page.
  const searchQuery = filters.start
    ? `?start=${encodeURIComponent(zonedWallTimeToUtc(filters.start, browserTimeZone()))}&hours=${filters.hours}`
    : '';

  function select(id: string) {
    setSelectedId(id);
    document.getElementById(`spot-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  return (
    <div className="search-screen">
      <div className="search-pane">
        <h1 className="sr-only">{m.search.title}</h1>
        <SearchBar />
        <section className="results" aria-labelledby="results-title" aria-busy={query.isFetching}>
          <h2 id="results-title" className="results-title">
            {query.isPending
              ? m.app.loading
              : spots.length === 1
                ? m.search.oneResult
                : fmt(m.search.results, { count: spots.length })}
            {query.isFetching && !query.isPending ? (
              <span className="spinner spinner-inline" aria-hidden="true" />
            ) : null}
          </h2>
          {query.isPending ? (
            <Skeleton lines={4} />
          ) : query.isError && spots.length === 0 ? (
            <ErrorState
              title={m.search.errorTitle}
              error={query.error}
              onRetry={() => void query.refetch()}
            />
          ) : spots.length === 0 ? (
            <EmptyState title={m.search.emptyTitle}>{m.search.emptyBody}</EmptyState>
          ) : (
            <ul className="spot-list">
              {spots.map((spot) => (
                <SpotCard
                  key={spot.id}
                  spot={spot}
                  currency={currency}
                  selected={spot.id === selectedId}
                  searchQuery={searchQuery}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="map-pane">
        <SearchMap
          spots={spots}
          currency={currency}
          selectedId={selectedId}
          onSelect={select}
          fitToResults={Boolean(params.q)}
          searchQuery={searchQuery}
        />
      </div>
    </div>
  );
}
