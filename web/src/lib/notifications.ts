import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useSignedIn } from '@/lib/session';
import type { NotificationPage } from '@/types/api';

/** Query keys of the inbox, shared by the app header's bell and the notifications feature. */
export const notificationKeys = {
  all: ['notifications'] as const,
  page: (skip: number) => ['notifications', 'page', skip] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
  messages: (bookingId: string) => ['notifications', 'messages', bookingId] as const,
};

/** The unread count for the bell; refreshed by the WebSocket's `notification` events. */
export function useUnreadCount(): number {
  const signedIn = useSignedIn();
  const query = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications?limit=1', { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  });
  return signedIn ? (query.data?.unread_count ?? 0) : 0;
}
