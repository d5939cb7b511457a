import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationKeys } from '@/lib/notifications';
import type { BookingMessage, NotificationPage, NotificationPreference } from '@/types/api';

export function useInbox(skip = 0, limit = 20) {
  return useQuery({
    queryKey: notificationKeys.page(skip),
    queryFn: ({ signal }) =>
      api.get<NotificationPage>(`/notifications?skip=${skip}&limit=${limit}`, { signal }),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ unread_count: number }>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ unread_count: number }>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) =>
      api.get<{ preferences: NotificationPreference[] }>('/users/me/notification-preferences', {
        signal,
      }),
  });
}

export function useSavePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preference: Partial<NotificationPreference> & { kind: string }) =>
      api.put<{ preferences: NotificationPreference[] }>('/users/me/notification-preferences', {
        preferences: [preference],
      }),
    // the checkbox follows the click at once; the server's answer (or the old value on failure) settles it
    onMutate: (preference) => {
      const previous = queryClient.getQueryData<{ preferences: NotificationPreference[] }>(
        notificationKeys.preferences,
      );
      if (previous) {
        queryClient.setQueryData(notificationKeys.preferences, {
          preferences: previous.preferences.map((row) =>
            row.kind === preference.kind ? { ...row, ...preference } : row,
          ),
        });
      }
      return { previous };
    },
    onError: (_error, _preference, context) => {
      if (context?.previous)
        queryClient.setQueryData(notificationKeys.preferences, context.previous);
    },
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}

export function useMessages(bookingId: string) {
  return useQuery({
    queryKey: notificationKeys.messages(bookingId),
    queryFn: ({ signal }) =>
      api.get<BookingMessage[]>(`/bookings/${bookingId}/messages`, { signal }),
    enabled: Boolean(bookingId),
  });
}

export function useSendMessage(bookingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api.post<BookingMessage>(`/bookings/${bookingId}/messages`, { body }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.messages(bookingId) }),
  });
}
