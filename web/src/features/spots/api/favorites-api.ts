import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SpotListItem } from '@/types/api';

export const favoriteKeys = { mine: ['spots', 'favorites'] as const };

export function useFavorites(enabled = true) {
  return useQuery({
    queryKey: favoriteKeys.mine,
    queryFn: ({ signal }) => api.get<SpotListItem[]>('/users/me/favorites', { signal }),
    enabled,
  });
}

/** Adds or removes a favourite; search results and the list are read again. */
export function useToggleFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ spotId, favorite }: { spotId: string; favorite: boolean }) =>
      favorite
        ? api.put<unknown>(`/users/me/favorites/${spotId}`)
        : api.delete<unknown>(`/users/me/favorites/${spotId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['spots'] }),
  });
}
