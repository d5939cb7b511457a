import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { notificationKeys } from '@/lib/notifications';
import { parseRealtimeFrame } from '@/lib/realtime';
import { onNotificationEvent } from '@/features/notifications/components/notifications-live';
import type { NotificationEvent } from '@/types/api';

describe('notification events', () => {
  it('are parsed from WebSocket frames', () => {
    const frame = JSON.stringify({
      type: 'notification',
      data: { id: 'n1', kind: 'new_booking', unread_count: 3 },
      at: '2026-12-06T10:00:00Z',
    });
    expect(parseRealtimeFrame(frame)?.type).toBe('notification');
    expect(parseRealtimeFrame(JSON.stringify({ type: 'message', data: { id: 'm' } }))?.type).toBe(
      'message',
    );
  });

  it('set the bell’s count at once and refresh the inbox', () => {
    const client = new QueryClient();
    client.setQueryData(notificationKeys.unread, { items: [], total: 0, unread_count: 0 });
    onNotificationEvent(client, {
      type: 'notification',
      data: { unread_count: 4 },
      at: '2026-12-06T10:00:00Z',
    } as unknown as NotificationEvent);
    expect(
      client.getQueryData<{ unread_count: number }>(notificationKeys.unread)?.unread_count,
    ).toBe(4);
  });

  it('refresh the conversation a message belongs to', async () => {
    const client = new QueryClient();
    client.setQueryData(notificationKeys.messages('b1'), []);
    onNotificationEvent(client, {
      type: 'message',
      data: { booking_id: 'b1' },
      at: '2026-12-06T10:00:00Z',
    } as unknown as NotificationEvent);
    expect(client.getQueryState(notificationKeys.messages('b1'))?.isInvalidated).toBe(true);
  });
});
