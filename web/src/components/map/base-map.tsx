import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { useClientConfig } from '@/lib/client-config';
import '@/components/map/leaflet-setup';

interface BaseMapProps {
  center: [number, number];
  zoom?: number;
  label: string;
  className?: string;
  children?: ReactNode;
  interactive?: boolean;
}

/** A Leaflet map with the configured tiles. Markers and panning work even when tiles fail to load. */
export function BaseMap({
  center,
  zoom = 14,
  label,
  className,
  children,
  interactive = true,
}: BaseMapProps) {
  const config = useClientConfig();
  return (
    <div className={`map-frame ${className ?? ''}`} role="region" aria-label={label}>
      <MapContainer
        center={center}
        zoom={zoom}
        scrollWheelZoom={interactive}
        dragging={interactive}
        zoomControl={interactive}
        doubleClickZoom={interactive}
        touchZoom={interactive}
        keyboard={interactive}
        className="map"
      >
        <TileLayer url={config.tileUrl} attribution={config.tileAttribution} />
        {children}
      </MapContainer>
    </div>
  );
}
