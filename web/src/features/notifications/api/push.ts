import { api } from '@/lib/api-client';

const ASKED_KEY = 'parkingspots.push-asked';

function urlBase64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const padded = (base64 + '='.repeat((4 - (base64.length % 4)) % 4))
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** Subscribes this browser to Web Push and registers the subscription with the server. */
export async function subscribeToPush(): Promise<boolean> {
  if (!pushSupported()) return false;
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return false;
  const registration = await navigator.serviceWorker.ready;
  const { public_key } = await api.get<{ public_key: string }>('/notifications/push/public-key', {
    anonymous: true,
  });
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: urlBase64ToBytes(public_key),
    }));
  const json = subscription.toJSON();
  await api.post('/users/me/push-subscriptions', { endpoint: json.endpoint, keys: json.keys });
  return true;
}

/**
 * After the driver's first booking (not on load): asks once whether to send notifications to this
 * device. Never asks again once answered, and does nothing where Web Push is not available.
 */
export async function askForPushAfterFirstBooking(): Promise<void> {
  if (!pushSupported() || Notification.permission !== 'default') return;
  if (localStorage.getItem(ASKED_KEY)) return;
  localStorage.setItem(ASKED_KEY, new Date().toISOString());
  try {
    await subscribeToPush();
  } catch {
    // the booking succeeded; a refused or failed subscription only means no pushes
  }
}
