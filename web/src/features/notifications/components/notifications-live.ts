import type { QueryClient } from '@tanstack/react-query';
import { notificationKeys } from '@/lib/notifications';
import type { NotificationEvent } from '@/types/api';

/** What the WebSocket's `notification` and `message` events refresh. */
export function onNotificationEvent(queryClient: QueryClient, event: NotificationEvent): void {
  if (event.type === 'notification') {
    queryClient.setQueryData(notificationKeys.unread, (old: unknown) =>
      old && typeof old === 'object'
        ? { ...old, unread_count: event.data.unread_count }
        : { items: [], total: 0, unread_count: event.data.unread_count, skip: 0, limit: 1 },
    );
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  } else {
    void queryClient.invalidateQueries({
      queryKey: notificationKeys.messages(event.data.booking_id),
    });
  }
}
