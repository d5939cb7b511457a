import { useEffect, useMemo, useRef } from 'react';
import { Marker, Popup, useMap, useMapEvents } from 'react-leaflet';
import { Link } from 'react-router';
import { BaseMap } from '@/components/map/base-map';
import { L, pricePinIcon } from '@/components/map/leaflet-setup';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { formatMoney, formatPinPrice } from '@/lib/format';
import { radiusForBounds } from '@/features/spots/search-params';
import { useSearchStore } from '@/features/spots/search-store';
import type { SpotListItem } from '@/types/api';

function AreaWatcher() {
  const setArea = useSearchStore((s) => s.setArea);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const map = useMapEvents({
    moveend: () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const center = map.getCenter();
        const radius = radiusForBounds(center, map.getBounds().getNorthEast());
        setArea([center.lat, center.lng], radius);
      }, 350);
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

function Recenter({ spots, fitToResults }: { spots: SpotListItem[]; fitToResults: boolean }) {
  const map = useMap();
  const recenterKey = useSearchStore((s) => s.recenterKey);
  const center = useSearchStore((s) => s.center);
  const centerRef = useRef(center);
  centerRef.current = center;

  useEffect(() => {
    if (recenterKey > 0) map.setView(centerRef.current, 14);
  }, [recenterKey, map]);

  const ids = spots.map((s) => s.id).join(',');
  useEffect(() => {
    if (!fitToResults || spots.length === 0) return;
    const bounds = L.latLngBounds(spots.map((s) => [s.latitude, s.longitude] as [number, number]));
    map.fitBounds(bounds.pad(0.2), { maxZoom: 15 });
    // Refit only when the result set changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, fitToResults, map]);
  return null;
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
  const markers = useMemo(
    () =>
      spots.map((spot) => {
        const cur = spot.currency ?? currency;
        return {
          spot,
          icon: pricePinIcon(formatPinPrice(spot.hourly_rate, cur), spot.id === selectedId),
          price: formatMoney(spot.hourly_rate, cur),
        };
      }),
    [spots, currency, selectedId],
  );

  return (
    <BaseMap center={initialCenter} zoom={14} label={m.search.mapLabel} className="search-map">
      <AreaWatcher />
      <Recenter spots={spots} fitToResults={fitToResults} />
      {markers.map(({ spot, icon, price }) => (
        <Marker
          key={spot.id}
          position={[spot.latitude, spot.longitude]}
          icon={icon}
          title={`${spot.title}, ${price}${m.search.perHour}`}
          alt={spot.title}
          keyboard
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
      ))}
    </BaseMap>
  );
}
