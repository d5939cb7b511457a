import { useEffect, useMemo, useState } from 'react';
import { fmt, m, plural } from '@/i18n/messages';
import { browserTimeZone, zonedWallTimeToUtc } from '@/lib/format';
import { useClientConfig } from '@/lib/client-config';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/status';
import { useSpotSearchPages } from '@/features/spots/api/spots-api';
import { toSearchParams } from '@/features/spots/search-params';
import { useSearchStore, type Bounds } from '@/features/spots/search-store';
import { SearchBar, useNearMe } from '@/features/spots/components/search-bar';
import { SearchMap } from '@/features/spots/components/search-map';
import { SpotCard } from '@/features/spots/components/spot-card';

function within(bounds: Bounds, lat: number, lng: number): boolean {
  const [south, west, north, east] = bounds;
  return lat >= south && lat <= north && lng >= west && lng <= east;
}

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
  const query = useSpotSearchPages(params);
  const spots = useMemo(() => {
    const seen = new Set<string>();
    return (query.data?.pages ?? []).flat().filter((s) => !seen.has(s.id) && seen.add(s.id));
  }, [query.data]);
  const view = useSearchStore((s) => s.view);
  const placeName = useSearchStore((s) => s.placeName);
  // The list follows the map: what the map shows, of what was found.
  const inView = useMemo(
    () => (view ? spots.filter((s) => within(view.bounds, s.latitude, s.longitude)) : spots),
    [spots, view],
  );
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

  const filtered = inView.length < spots.length;
  // Prices are in the spots' own currency (euros in Athens), whatever the server's default.
  const resultCurrency = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of spots)
      if (s.currency) counts.set(s.currency, (counts.get(s.currency) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? currency;
  }, [spots, currency]);

  return (
    <div className="search-screen">
      <div className="search-pane">
        <h1 className="sr-only">{m.search.title}</h1>
        <SearchBar spotCurrency={resultCurrency} />
        <section className="results" aria-labelledby="results-title" aria-busy={query.isFetching}>
          <h2 id="results-title" className="results-title">
            {query.isPending
              ? m.app.loading
              : placeName
                ? `${plural(spots.length, m.search.resultCount)} · ${placeName}`
                : plural(spots.length, m.search.resultCount)}
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
            <>
              {filtered ? (
                <p className="muted small" data-testid="in-view">
                  {plural(inView.length, m.search.inView)}
                </p>
              ) : null}
              <ul className="spot-list">
                {inView.map((spot) => (
                  <SpotCard
                    key={spot.id}
                    spot={spot}
                    currency={currency}
                    selected={spot.id === selectedId}
                    searchQuery={searchQuery}
                    onShowOnMap={() => setSelectedId(spot.id)}
                  />
                ))}
              </ul>
              {query.hasNextPage ? (
                <div className="more-results" data-testid="more-results">
                  <p className="muted small">{fmt(m.search.moreExist, { count: spots.length })}</p>
                  <Button
                    variant="secondary"
                    busy={query.isFetchingNextPage}
                    onClick={() => void query.fetchNextPage()}
                  >
                    {query.isFetchingNextPage ? m.search.loadingMore : m.search.loadMore}
                  </Button>
                </div>
              ) : null}
            </>
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
