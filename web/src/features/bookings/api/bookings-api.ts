import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Booking, BookingInput, BookingPrice, BookingStatus } from '@/types/api';

export const bookingKeys = {
  all: ['bookings'] as const,
  mine: ['bookings', 'mine'] as const,
  owner: ['bookings', 'owner'] as const,
  detail: (id: string) => ['bookings', 'detail', id] as const,
  price: (spotId: string, start: string, end: string) => ['price', spotId, start, end] as const,
};

export function usePrice(spotId: string, start: string | null, end: string | null) {
  return useQuery({
    queryKey: bookingKeys.price(spotId, start ?? '', end ?? ''),
    queryFn: ({ signal }) =>
      api.post<BookingPrice>(
        '/bookings/calculate-price',
        { parking_spot_id: spotId, start_time: start, end_time: end },
        { signal },
      ),
    enabled: Boolean(spotId && start && end),
    staleTime: 60_000,
    retry: false,
  });
}

export function useMyBookings(enabled = true, status?: BookingStatus) {
  return useQuery({
    queryKey: [...bookingKeys.mine, status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<Booking[]>('/bookings/', { query: { status_filter: status }, signal }),
    enabled,
  });
}

export function useOwnerBookings() {
  return useQuery({
    queryKey: bookingKeys.owner,
    queryFn: ({ signal }) => api.get<Booking[]>('/bookings/owner', { signal }),
  });
}

export function useBooking(id: string | undefined) {
  return useQuery({
    queryKey: bookingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Booking>(`/bookings/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function createBooking(input: BookingInput) {
  return api.post<Booking>('/bookings/', input);
}

type Action = { kind: 'cancel'; reason: string } | { kind: 'check-in' } | { kind: 'check-out' };

export function useBookingAction(bookingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) =>
      action.kind === 'cancel'
        ? api.post<Booking>(`/bookings/${bookingId}/cancel`, { cancellation_reason: action.reason })
        : api.post<Booking>(`/bookings/${bookingId}/${action.kind}`),
    onSuccess: (booking) => {
      queryClient.setQueryData(bookingKeys.detail(booking.id), booking);
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['spots'] });
    },
  });
}
