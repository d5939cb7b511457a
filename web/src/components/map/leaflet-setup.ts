import L from 'leaflet';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import 'leaflet/dist/leaflet.css';

// Bundlers rename Leaflet's marker images; point the default icon at the bundled files.
delete (L.Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({
  iconRetinaUrl: markerIcon2x,
  iconUrl: markerIcon,
  shadowUrl: markerShadow,
});

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A price pill marker ("€3") for the search map. */
export function pricePinIcon(label: string, selected = false): L.DivIcon {
  return L.divIcon({
    className: 'price-pin-wrap',
    html: `<span class="price-pin${selected ? ' selected' : ''}">${escapeHtml(label)}</span>`,
    iconSize: undefined,
    iconAnchor: [24, 32],
  });
}

export { L };
