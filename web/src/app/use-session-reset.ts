import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSessionStore } from '@/stores/session-store';

/** When the session ends (sign-out, refused refresh, another tab), forget the previous user's data. */
export function useSessionReset() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      useSessionStore.subscribe((state, previous) => {
        if (previous.accessToken !== null && state.accessToken === null) queryClient.clear();
      }),
    [queryClient],
  );
}
