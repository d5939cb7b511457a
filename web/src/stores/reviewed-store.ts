import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface ReviewedState {
  /** Bookings this device has reviewed: their "Write a review" is gone once published. */
  ids: string[];
  markReviewed: (bookingId: string) => void;
}

export const useReviewedStore = create<ReviewedState>()(
  persist(
    (set) => ({
      ids: [],
      markReviewed: (bookingId) =>
        set((s) => (s.ids.includes(bookingId) ? s : { ids: [...s.ids, bookingId].slice(-500) })),
    }),
    { name: 'parkingspots.reviewed', storage: createJSONStorage(() => localStorage) },
  ),
);

export function useReviewed(bookingId: string): boolean {
  return useReviewedStore((s) => s.ids.includes(bookingId));
}
