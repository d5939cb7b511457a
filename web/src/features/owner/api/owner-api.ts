import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getPage } from '@/lib/api-client';
import type { AvailabilitySlot, MessageResponse, Spot, SpotInput } from '@/types/api';

export const ownerKeys = {
  spots: ['spots', 'mine'] as const,
  slots: (spotId: string) => ['spots', 'slots', spotId] as const,
};

export function useMySpots(enabled = true) {
  return useQuery({
    queryKey: ownerKeys.spots,
    queryFn: ({ signal }) => api.get<Spot[]>('/parking-spots/my-spots', { signal }),
    enabled,
  });
}

export function useMySpot(spotId: string | undefined) {
  return useQuery({
    queryKey: ['spots', 'detail', spotId ?? ''],
    queryFn: ({ signal }) => api.get<Spot>(`/parking-spots/${spotId}`, { signal }),
    enabled: Boolean(spotId),
  });
}

function useInvalidateSpots() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['spots'] });
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  };
}

export function useSaveSpot(spotId?: string) {
  const invalidate = useInvalidateSpots();
  return useMutation({
    mutationFn: (input: Partial<SpotInput>) =>
      spotId
        ? api.put<Spot>(`/parking-spots/${spotId}`, input)
        : api.post<Spot>('/parking-spots/', input),
    onSuccess: invalidate,
  });
}

export function useUpdateSpot() {
  const invalidate = useInvalidateSpots();
  return useMutation({
    mutationFn: ({ id, ...patch }: Partial<SpotInput> & { id: string }) =>
      api.put<Spot>(`/parking-spots/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteSpot() {
  const invalidate = useInvalidateSpots();
  return useMutation({
    mutationFn: (id: string) => api.delete<MessageResponse>(`/parking-spots/${id}`),
    onSuccess: invalidate,
  });
}

export function useUploadPhotos(spotId: string) {
  const invalidate = useInvalidateSpots();
  return useMutation({
    // One multipart request per photo, field "file"; each answer is the spot with its `images`.
    mutationFn: async (files: File[]) => {
      let spot: Spot | undefined;
      for (const file of files) {
        const form = new FormData();
        form.append('file', file, file.name);
        spot = await api.upload<Spot>(`/parking-spots/${spotId}/images`, form);
      }
      return spot;
    },
    onSuccess: invalidate,
  });
}

export function useSlots(spotId: string | undefined) {
  return useQuery({
    queryKey: ownerKeys.slots(spotId ?? ''),
    queryFn: ({ signal }) =>
      api.get<AvailabilitySlot[]>(`/parking-spots/${spotId}/availability`, { signal }),
    enabled: Boolean(spotId),
  });
}

export function useSlotMutations(spotId: string) {
  const queryClient = useQueryClient();
  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: ownerKeys.slots(spotId) });
    void queryClient.invalidateQueries({ queryKey: ['spots', 'calendar', spotId] });
  };
  const add = useMutation({
    mutationFn: (date: string) =>
      api.post<AvailabilitySlot>(`/parking-spots/${spotId}/availability`, {
        specific_date: date,
        day_of_week: null,
        start_time: '00:00',
        end_time: '23:59',
        is_available: false,
      }),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (slotId: string) =>
      api.delete<MessageResponse>(`/parking-spots/${spotId}/availability/${slotId}`),
    onSuccess: invalidate,
  });
  return { add, remove };
}

export type SpotStatusFilter = '' | 'active' | 'inactive' | 'available' | 'unavailable';

export interface MySpotsQuery {
  page: number;
  pageSize: number;
  q: string;
  status: SpotStatusFilter;
}

/** One page of the owner's spots matching a search and status, with the number of all matches. */
export function useMySpotsPage({ page, pageSize, q, status }: MySpotsQuery) {
  return useQuery({
    queryKey: [...ownerKeys.spots, 'page', { page, pageSize, q, status }] as const,
    queryFn: ({ signal }) =>
      getPage<Spot>('/parking-spots/my-spots', {
        query: { page, page_size: pageSize, q: q.trim(), status },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export interface CalendarInterval {
  start: string;
  end: string;
}

export interface SpotCalendar {
  spot_id: string;
  time_zone: string;
  from: string;
  to: string;
  open: CalendarInterval[];
  blocked: CalendarInterval[];
  busy: CalendarInterval[];
}

/** When the spot is open, blocked and booked in [from, to). */
export function useSpotCalendar(spotId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['spots', 'calendar', spotId, from, to] as const,
    queryFn: ({ signal }) =>
      api.get<SpotCalendar>(`/parking-spots/${spotId}/calendar`, { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface Place {
  name: string;
  kind: string;
  city: string;
  latitude: number;
  longitude: number;
  spots: number;
}

/**
 * The best match in the place index for an address: the most specific text first (street and
 * city), then less of it, so a street the index does not know still finds its neighbourhood or city.
 */
export async function findPlace(parts: string[]): Promise<Place | null> {
  const words = parts.map((p) => p.trim()).filter(Boolean);
  const tries = [words.join(', '), ...words].filter((q, i, all) => q && all.indexOf(q) === i);
  for (const q of tries) {
    const found = await api.get<Place[]>('/places', { query: { q: q.slice(0, 100), limit: 1 } });
    if (found[0]) return found[0];
  }
  return null;
}
