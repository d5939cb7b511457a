import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SpotCalendar } from '@/features/bookings/availability';
import type {
  Booking,
  BookingInput,
  BookingPrice,
  BookingStatus,
  ExtendResult,
  Pass,
  PassVerification,
  Receipt,
  RefundQuote,
} from '@/types/api';

export const bookingKeys = {
  all: ['bookings'] as const,
  mine: ['bookings', 'mine'] as const,
  owner: ['bookings', 'owner'] as const,
  detail: (id: string) => ['bookings', 'detail', id] as const,
  pass: (id: string) => ['bookings', 'pass', id] as const,
  receipt: (id: string) => ['bookings', 'receipt', id] as const,
  refundQuote: (id: string) => ['bookings', 'refund-quote', id] as const,
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

/** The pass of a confirmed or current booking (the server refuses others: not asked for then). */
export function usePass(bookingId: string, enabled: boolean) {
  return useQuery({
    queryKey: bookingKeys.pass(bookingId),
    queryFn: ({ signal }) => getPass(bookingId, signal),
    enabled,
    retry: false,
  });
}

export function getPass(bookingId: string, signal?: AbortSignal) {
  return api.get<Pass>(`/bookings/${bookingId}/pass`, { signal });
}

export function useRefundQuote(bookingId: string, enabled: boolean) {
  return useQuery({
    queryKey: bookingKeys.refundQuote(bookingId),
    queryFn: ({ signal }) =>
      api.get<RefundQuote>(`/bookings/${bookingId}/refund-quote`, { signal }),
    enabled,
    staleTime: 0,
  });
}

/** `untilRefunded`: read again every 2 s until a refund shows (a cancellation refunds just after). */
export function useReceipt(bookingId: string, enabled = true, untilRefunded = false) {
  return useQuery({
    queryKey: bookingKeys.receipt(bookingId),
    queryFn: ({ signal }) => api.get<Receipt>(`/bookings/${bookingId}/receipt`, { signal }),
    enabled,
    refetchInterval: (query) =>
      untilRefunded && !(query.state.data && query.state.data.totals.refunded > 0) ? 2_000 : false,
  });
}

export function useExtendBooking(bookingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endTime: string) =>
      api.post<ExtendResult>(`/bookings/${bookingId}/extend`, { end_time: endTime }),
    onSuccess: (result) => {
      queryClient.setQueryData(bookingKeys.detail(bookingId), result.booking);
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
    },
  });
}

export function verifyPass(spotId: string, code: string) {
  return api.post<PassVerification>(`/parking-spots/${spotId}/passes/verify`, { code });
}

/** The calendar, or null for an answer without its shape (then the form checks nothing itself). */
export function asCalendar(data: unknown): SpotCalendar | null {
  const c = data as Partial<SpotCalendar> | null;
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof c.from === 'string' &&
    typeof c.to === 'string' &&
    [c.open, c.blocked, c.busy].every(Array.isArray);
  return ok ? (c as SpotCalendar) : null;
}

/** Open, blocked and booked times of a spot for the booking form (at most 62 days). */
export function useSpotCalendar(spotId: string, fromIso: string, toIso: string) {
  return useQuery({
    queryKey: ['spots', 'calendar', spotId, fromIso, toIso] as const,
    queryFn: async ({ signal }) =>
      asCalendar(
        await api.get<unknown>(`/parking-spots/${spotId}/calendar`, {
          query: { from: fromIso, to: toIso },
          signal,
        }),
      ),
    enabled: Boolean(spotId),
    staleTime: 30_000,
    retry: false,
  });
}
