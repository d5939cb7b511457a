import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getPage, type Page } from '@/lib/api-client';
import type { Review, ReviewSummary } from '@/types/api';

export const reviewKeys = {
  all: ['reviews'] as const,
  spot: (spotId: string) => ['reviews', 'spot', spotId] as const,
  summary: (spotId: string) => ['reviews', 'summary', spotId] as const,
};

export function useSpotReviews(spotId: string) {
  return useQuery({
    queryKey: reviewKeys.spot(spotId),
    queryFn: ({ signal }) =>
      api.get<Review[]>(`/reviews/parking-spot/${spotId}`, { query: { page_size: 50 }, signal }),
  });
}

export function useReviewSummary(spotId: string) {
  return useQuery({
    queryKey: reviewKeys.summary(spotId),
    queryFn: ({ signal }) => api.get<ReviewSummary>(`/reviews/spot/${spotId}/summary`, { signal }),
  });
}

export interface ReviewInput {
  booking_id: string;
  overall_rating: number;
  cleanliness_rating?: number | null;
  accessibility_rating?: number | null;
  accuracy_rating?: number | null;
  value_rating?: number | null;
  title?: string | null;
  comment?: string | null;
}

export function useCreateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) => api.post<Review>('/reviews/', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['spots'] });
    },
  });
}

export function useRespond(spotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, response }: { reviewId: string; response: string }) =>
      api.post<Review>(`/reviews/${reviewId}/response`, { response }),
    onSuccess: (answered) => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.spot(spotId) });
      // The owner's lists keep the answered review in place (showing the answer) until they are
      // next loaded; the number awaiting a response is read again at once.
      queryClient.setQueriesData<Page<Review>>({ queryKey: ['reviews', 'owner'] }, (page) =>
        page
          ? {
              ...page,
              items: page.items.map((r) => (r.id === answered.id ? { ...r, ...answered } : r)),
            }
          : page,
      );
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'owner-awaiting'] });
    },
  });
}

export function useHelpful(spotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reviewId: string) =>
      api.post<{ message: string; helpful_count: number }>(`/reviews/${reviewId}/helpful`),
    onSuccess: (result, reviewId) => {
      queryClient.setQueryData<Review[]>(reviewKeys.spot(spotId), (reviews) =>
        reviews?.map((r) =>
          r.id === reviewId ? { ...r, helpful_count: result.helpful_count } : r,
        ),
      );
    },
  });
}

/** Reviews of the signed-in owner's spots, those awaiting a response first (or only those). */
export function useOwnerReviews(awaitingOnly: boolean, page: number, pageSize = 10) {
  return useQuery({
    queryKey: ['reviews', 'owner', { awaitingOnly, page, pageSize }] as const,
    queryFn: ({ signal }) =>
      getPage<Review>('/reviews/owner', {
        query: { awaiting_response: awaitingOnly, page, page_size: pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** How many reviews of the owner's spots await a response. */
export function useAwaitingCount() {
  return useQuery({
    queryKey: ['reviews', 'owner-awaiting'] as const,
    queryFn: ({ signal }) =>
      getPage<Review>('/reviews/owner', {
        query: { awaiting_response: true, page: 1, page_size: 1 },
        signal,
      }).then((page) => page.total),
  });
}
