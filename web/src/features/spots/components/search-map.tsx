import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Marker, Popup, useMap, useMapEvents } from 'react-leaflet';
import { Link } from 'react-router';
import Supercluster, { type PointFeature } from 'supercluster';
import { BaseMap } from '@/components/map/base-map';
import { L, escapeHtml, pricePinIcon } from '@/components/map/leaflet-setup';
import { paths } from '@/config/paths';
import { m, plural } from '@/i18n/messages';
import { formatMoney, formatPinPrice } from '@/lib/format';
import { radiusForBounds } from '@/features/spots/search-params';
import { useSearchStore, type Bounds } from '@/features/spots/search-store';
import type { SpotListItem } from '@/types/api';

type SpotPoint = PointFeature<{ id: string }>;

/** A round count marker for a cluster ("12"), sized by how many it holds. */
function clusterIcon(count: number): L.DivIcon {
  // sizes by class: the Content-Security-Policy refuses inline style attributes
  const [size, grade] = count < 10 ? [36, 's'] : count < 50 ? [42, 'm'] : [50, 'l'];
  return L.divIcon({
    className: 'cluster-pin-wrap',
    html: `<span class="cluster-pin cluster-pin-${grade}">${escapeHtml(String(count))}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function boundsOf(map: L.Map): Bounds {
  const b = map.getBounds();
  return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()];
}

/**
 * Reports where the map is after each move, telling the user's own moves (drag, zoom) from the
 * app's (a chosen place, fitting a text search), which do not offer "Search this area".
 */
function ViewWatcher({ programmatic }: { programmatic: RefObject<boolean> }) {
  const setView = useSearchStore((s) => s.setView);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const map = useMapEvents({
    moveend: () => {
      const byUser = !programmatic.current;
      programmatic.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const center = map.getCenter();
        setView(
          {
            center: [center.lat, center.lng],
            radiusKm: radiusForBounds(center, map.getBounds().getNorthEast()),
            bounds: boundsOf(map),
          },
          byUser,
        );
      }, 200);
    },
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return null;
}

function Recenter({
  spots,
  fitToResults,
  programmatic,
}: {
  spots: SpotListItem[];
  fitToResults: boolean;
  programmatic: RefObject<boolean>;
}) {
  const map = useMap();
  const recenterKey = useSearchStore((s) => s.recenterKey);
  const center = useSearchStore((s) => s.center);
  const jumpZoom = useSearchStore((s) => s.jumpZoom);
  const target = useRef({ center, jumpZoom });
  target.current = { center, jumpZoom };

  useEffect(() => {
    if (recenterKey > 0) {
      programmatic.current = true;
      map.setView(target.current.center, target.current.jumpZoom);
    }
  }, [recenterKey, map, programmatic]);

  const ids = spots.map((s) => s.id).join(',');
  useEffect(() => {
    if (!fitToResults || spots.length === 0) return;
    const bounds = L.latLngBounds(spots.map((s) => [s.latitude, s.longitude] as [number, number]));
    programmatic.current = true;
    map.fitBounds(bounds.pad(0.2), { maxZoom: 15 });
    // Refit only when the result set changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, fitToResults, map]);
  return null;
}

/** Pans to the selected spot when it is off the map (chosen from the list). */
function FollowSelection({
  spot,
  programmatic,
}: {
  spot: SpotListItem | undefined;
  programmatic: RefObject<boolean>;
}) {
  const map = useMap();
  useEffect(() => {
    if (!spot) return;
    const at = L.latLng(spot.latitude, spot.longitude);
    if (!map.getBounds().contains(at)) {
      programmatic.current = true;
      map.panTo(at);
    }
  }, [spot, map, programmatic]);
  return null;
}

function Clusters({
  spots,
  currency,
  selectedId,
  onSelect,
  searchQuery,
}: {
  spots: SpotListItem[];
  currency: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  searchQuery: string;
}) {
  const map = useMap();
  const [frame, setFrame] = useState(() => ({ zoom: map.getZoom(), bounds: boundsOf(map) }));
  useMapEvents({
    moveend: () => setFrame({ zoom: map.getZoom(), bounds: boundsOf(map) }),
    zoomend: () => setFrame({ zoom: map.getZoom(), bounds: boundsOf(map) }),
  });

  const byId = useMemo(() => new Map(spots.map((s) => [s.id, s])), [spots]);
  // The selected spot stays its own pin, outside any cluster, so it is always visible.
  const index = useMemo(() => {
    const cluster = new Supercluster<{ id: string }>({ radius: 60, maxZoom: 17, minPoints: 2 });
    cluster.load(
      spots
        .filter((s) => s.id !== selectedId)
        .map((s): SpotPoint => ({
          type: 'Feature',
          properties: { id: s.id },
          geometry: { type: 'Point', coordinates: [s.longitude, s.latitude] },
        })),
    );
    return cluster;
  }, [spots, selectedId]);

  const [south, west, north, east] = frame.bounds;
  const features = index.getClusters([west, south, east, north], Math.round(frame.zoom));
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const pin = (spot: SpotListItem, isSelected: boolean) => {
    const cur = spot.currency ?? currency;
    const price = formatMoney(spot.hourly_rate, cur);
    return (
      <Marker
        key={spot.id}
        position={[spot.latitude, spot.longitude]}
        icon={pricePinIcon(formatPinPrice(spot.hourly_rate, cur), isSelected)}
        title={`${spot.title}, ${price}${m.search.perHour}`}
        alt={spot.title}
        keyboard
        zIndexOffset={isSelected ? 1000 : 0}
        eventHandlers={{ click: () => onSelect(spot.id) }}
      >
        <Popup>
          <strong>{spot.title}</strong>
          <br />
          {price}
          {m.search.perHour}
          <br />
          <Link to={`${paths.spot(spot.id)}${searchQuery}`}>{spot.title}</Link>
        </Popup>
      </Marker>
    );
  };

  return (
    <>
      {features.map((feature) => {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const props = feature.properties as {
          cluster?: boolean;
          cluster_id?: number;
          point_count?: number;
          id?: string;
        };
        if (props.cluster && props.cluster_id != null) {
          const count = props.point_count ?? 0;
          const clusterId = props.cluster_id;
          return (
            <Marker
              key={`cluster-${clusterId}`}
              position={[lat, lng]}
              icon={clusterIcon(count)}
              title={plural(count, m.search.cluster)}
              alt={plural(count, m.search.cluster)}
              keyboard
              eventHandlers={{
                click: () =>
                  map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18)),
              }}
            />
          );
        }
        const spot = props.id ? byId.get(props.id) : undefined;
        return spot ? pin(spot, false) : null;
      })}
      {selected ? pin(selected, true) : null}
    </>
  );
}

export function SearchMap({
  spots,
  currency,
  selectedId,
  onSelect,
  fitToResults,
  searchQuery,
}: {
  spots: SpotListItem[];
  currency: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  fitToResults: boolean;
  searchQuery: string;
}) {
  const initialCenter = useSearchStore.getState().center;
  const moved = useSearchStore((s) => s.moved);
  const searchView = useSearchStore((s) => s.searchView);
  const programmatic = useRef(false);
  const selected = spots.find((s) => s.id === selectedId);

  return (
    <div className="search-map-wrap">
      <BaseMap center={initialCenter} zoom={14} label={m.search.mapLabel} className="search-map">
        <ViewWatcher programmatic={programmatic} />
        <Recenter spots={spots} fitToResults={fitToResults} programmatic={programmatic} />
        <FollowSelection spot={selected} programmatic={programmatic} />
        <Clusters
          spots={spots}
          currency={currency}
          selectedId={selectedId}
          onSelect={onSelect}
          searchQuery={searchQuery}
        />
      </BaseMap>
      {moved ? (
        <button type="button" className="search-area-button" onClick={searchView}>
          {m.search.searchArea}
        </button>
      ) : null}
    </div>
  );
}
