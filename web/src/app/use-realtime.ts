import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { realtimeUrl } from '@/config/env';
import { api } from '@/lib/api-client';
import { createRealtime } from '@/lib/realtime';
import { useSessionStore } from '@/stores/session-store';
import type { WsTicket } from '@/types/api';
import { bookingKeys } from '@/features/bookings/api/bookings-api';
import { reviewKeys } from '@/features/reviews/api/reviews-api';
import { spotKeys } from '@/features/spots/api/spots-api';
import { onNotificationEvent } from '@/features/notifications/components/notifications-live';

/** Live updates while signed in: server events invalidate the queries they affect. */
export function useRealtime(): boolean {
  const queryClient = useQueryClient();
  const signedIn = useSessionStore((s) => s.accessToken !== null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!signedIn || typeof WebSocket === 'undefined') return;
    const realtime = createRealtime({
      url: realtimeUrl,
      getTicket: async () =>
        useSessionStore.getState().accessToken
          ? (await api.post<WsTicket>('/ws/ticket')).ticket
          : null,
      refreshToken: () => api.refresh(),
      onStatus: setConnected,
      onEvent: (event) => {
        switch (event.type) {
          case 'booking_update':
          case 'new_booking':
            void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
            void queryClient.invalidateQueries({ queryKey: ['payments'] });
            break;
          case 'new_review':
            void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
            void queryClient.invalidateQueries({ queryKey: spotKeys.detail(event.data.spot_id) });
            break;
          case 'spot_availability':
            void queryClient.invalidateQueries({ queryKey: spotKeys.all });
            break;
          case 'notification':
          case 'message':
            onNotificationEvent(queryClient, event);
            break;
        }
      },
    });
    realtime.start();
    return () => {
      realtime.stop();
      setConnected(false);
    };
  }, [signedIn, queryClient]);

  return connected;
}
