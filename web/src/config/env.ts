// Build-time configuration (Vite env). Runtime values from the backend (GET /api/v1/config) win where both exist.

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const raw = import.meta.env;

export const env = {
  /** Empty means same origin: the backend serves the app. */
  apiBaseUrl: (str(raw.VITE_API_BASE_URL) ?? '').replace(/\/+$/, ''),
  tileUrl: str(raw.VITE_TILE_URL) ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileAttribution:
    str(raw.VITE_TILE_ATTRIBUTION) ??
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  stripePublishableKey: str(raw.VITE_STRIPE_PUBLISHABLE_KEY),
  googleClientId: str(raw.VITE_GOOGLE_CLIENT_ID),
  facebookAppId: str(raw.VITE_FACEBOOK_APP_ID),
  defaultCurrency: (str(raw.VITE_DEFAULT_CURRENCY) ?? 'usd').toLowerCase(),
  /** Demo city when geolocation is unavailable: Athens, Greece. */
  demoCity: { name: 'Athens', latitude: 37.9838, longitude: 23.7275 },
} as const;

export const API_PREFIX = '/api/v1';

export function apiUrl(path: string): string {
  return `${env.apiBaseUrl}${API_PREFIX}${path}`;
}

/** WebSocket URL of /api/v1/ws for the configured API origin, with a single-use ticket. */
export function realtimeUrl(ticket: string): string {
  const base = env.apiBaseUrl || window.location.origin;
  const url = new URL(`${base}${API_PREFIX}/ws`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('ticket', ticket);
  return url.toString();
}

/** Absolute URL for an image path the API returned ("/uploads/x.jpg" → API origin). */
export function assetUrl(path: string): string {
  if (/^(https?:|data:|blob:)/.test(path)) return path;
  return `${env.apiBaseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}
