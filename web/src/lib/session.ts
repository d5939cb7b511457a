import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api-client';
import { selectSignedIn, useSessionStore } from '@/stores/session-store';
import type { User } from '@/types/api';

export const meQueryKey = ['me'] as const;

export function useSignedIn(): boolean {
  return useSessionStore(selectSignedIn);
}

/** The signed-in user (GET /users/me), or undefined when signed out or still loading. */
export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => api.get<User>('/users/me'),
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });
}

/** Signs out: tells the server to retire the refresh token (best effort), then forgets everything. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(
    async (reason: string | null = null) => {
      const { refreshToken } = useSessionStore.getState();
      if (refreshToken) {
        await api
          .post('/auth/logout', { refresh_token: refreshToken }, { anonymous: true })
          .catch(() => undefined);
      }
      useSessionStore.getState().signOut(reason);
      queryClient.clear();
    },
    [queryClient],
  );
}
