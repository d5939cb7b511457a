import { createStore, del, entries, get, set } from 'idb-keyval';
import type { Booking, Pass } from '@/types/api';

/**
 * Upcoming and current bookings with their pass, kept on the device (IndexedDB) whenever they are
 * loaded, so the pass, the code and the access instructions are there at the gate without a signal.
 */
export interface SavedBooking {
  booking: Booking;
  pass: Pass | null;
  savedAt: string;
}

let store: ReturnType<typeof createStore> | null = null;

function db() {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore('parkingspots-offline', 'bookings');
  return store;
}

/** Whether a booking is worth keeping offline: it is still ahead or under way. */
export function keepsOffline(booking: Booking, now = Date.now()): boolean {
  return (
    (booking.status === 'confirmed' || booking.status === 'in_progress') &&
    new Date(booking.end_time).getTime() > now
  );
}

export async function saveBooking(booking: Booking, pass: Pass | null): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    if (!keepsOffline(booking)) {
      await del(booking.id, s);
      return;
    }
    const previous = await get<SavedBooking>(booking.id, s);
    await set(
      booking.id,
      { booking, pass: pass ?? previous?.pass ?? null, savedAt: new Date().toISOString() },
      s,
    );
  } catch {
    // storage full or blocked (private mode): the app works without it
  }
}

export async function loadBooking(id: string): Promise<SavedBooking | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    return await get<SavedBooking>(id, s);
  } catch {
    return undefined;
  }
}

/** Saved bookings that have not ended yet, soonest first; ended ones are dropped. */
export async function savedBookings(now = Date.now()): Promise<SavedBooking[]> {
  const s = db();
  if (!s) return [];
  try {
    const all = (await entries<string, SavedBooking>(s)).map(([, value]) => value);
    const ended = all.filter((b) => !keepsOffline(b.booking, now));
    await Promise.all(ended.map((b) => del(b.booking.id, s)));
    return all
      .filter((b) => keepsOffline(b.booking, now))
      .sort((a, b) => a.booking.start_time.localeCompare(b.booking.start_time));
  } catch {
    return [];
  }
}
