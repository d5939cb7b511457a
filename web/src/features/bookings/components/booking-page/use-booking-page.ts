import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { loadBooking, saveBooking, type SavedBooking } from '@/lib/offline-store';
import { useOnline } from '@/lib/use-online';
import { useBooking, usePass } from '@/features/bookings/api/bookings-api';
import { driverActions } from '@/features/bookings/booking-actions';

/**
 * The booking and its pass for the booking page: from the server when it answers, stored on the
 * device whenever they load, and from the device when there is no connection (with the time they
 * were saved). Everything is fetched again by itself when the connection comes back.
 */
export function useBookingPage(bookingId: string) {
  const online = useOnline();
  const booking = useBooking(bookingId);
  const live = booking.data;
  const pass = usePass(bookingId, Boolean(live && driverActions(live).pass));
  const [saved, setSaved] = useState<SavedBooking | undefined>();
  const [loadedSaved, setLoadedSaved] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void loadBooking(bookingId).then((found) => {
      if (!cancelled) {
        setSaved(found);
        setLoadedSaved(true);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [bookingId]);

  useEffect(() => {
    if (live) void saveBooking(live, pass.data ?? null);
  }, [live, pass.data]);

  const { refetch } = booking;
  const refetchPass = pass.refetch;
  useEffect(() => {
    if (online) {
      void refetch();
      if (live && driverActions(live).pass) void refetchPass();
    }
    // only when the connection comes back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online]);

  const unreachable =
    !online ||
    booking.fetchStatus === 'paused' ||
    (booking.isError && !(booking.error instanceof ApiError));
  const fromDevice = !live && unreachable && saved ? saved : undefined;
  return {
    booking: live ?? fromDevice?.booking,
    pass: pass.data ?? (live ? (saved?.pass ?? null) : (fromDevice?.pass ?? null)),
    savedAt: !online && saved ? saved.savedAt : fromDevice?.savedAt,
    offline: !online || Boolean(fromDevice),
    loading: !live && !fromDevice && (booking.isPending || !loadedSaved) && !booking.isError,
    error: !live && !fromDevice ? booking.error : null,
    retry: () => void refetch(),
  };
}
