import { useEffect, useMemo, useRef } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { BaseMap } from '@/components/map/base-map';
import type { L } from '@/components/map/leaflet-setup';
import { m } from '@/i18n/messages';

function ClickToPlace({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPick(e.latlng.lat, e.latlng.lng) });
  return null;
}

function FollowPin({ position }: { position: [number, number] | null }) {
  const map = useMap();
  const key = position ? position.join(',') : '';
  useEffect(() => {
    if (position && !map.getBounds().contains(position)) map.setView(position);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, map]);
  return null;
}

/** Tap the map or drag the pin; coordinates are also shown for keyboard users. */
export function PinPicker({
  latitude,
  longitude,
  fallback,
  disabled,
  onChange,
}: {
  latitude: number | null;
  longitude: number | null;
  fallback: [number, number];
  disabled?: boolean;
  onChange: (lat: number, lng: number) => void;
}) {
  const position =
    latitude != null && longitude != null ? ([latitude, longitude] as [number, number]) : null;
  const markerRef = useRef<L.Marker>(null);
  const handlers = useMemo(
    () => ({
      dragend() {
        const latLng = markerRef.current?.getLatLng();
        if (latLng) onChange(latLng.lat, latLng.lng);
      },
    }),
    [onChange],
  );
  const round = (n: number) => Number(n.toFixed(6));
  return (
    <div className="pin-picker">
      <BaseMap center={position ?? fallback} zoom={15} label={m.owner.pinMap} className="pin-map">
        {!disabled ? (
          <ClickToPlace onPick={(lat, lng) => onChange(round(lat), round(lng))} />
        ) : null}
        <FollowPin position={position} />
        {position ? (
          <Marker
            position={position}
            draggable={!disabled}
            eventHandlers={handlers}
            ref={markerRef}
            alt={m.owner.pinMap}
          />
        ) : null}
      </BaseMap>
    </div>
  );
}
