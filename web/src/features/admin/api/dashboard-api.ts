import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api-client';
import {
  HISTORY_LIMITS,
  POLL_INTERVAL_MS,
  pushSample,
  toSample,
  type Sample,
} from '@/features/admin/history';
import type { AdminDashboard } from '@/types/api';

export const dashboardKeys = {
  all: ['admin', 'dashboard'] as const,
};

/** The latest snapshot and the samples of the last few minutes, oldest first. */
export interface DashboardData {
  latest: AdminDashboard;
  receivedAt: number;
  history: Sample[];
}

/** The server says this user may not see the dashboard (their role is not admin). */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/**
 * Polls GET /admin/dashboard every 2 s while the tab is visible. Each answer is added to the history
 * kept in the query cache, so it survives failed polls (the previous data stays) and is forgotten
 * with the rest of the cache on sign-out. A 403 stops the polling; a 401 goes through the client's
 * token refresh, and a refused refresh signs out as everywhere else.
 */
export function useAdminDashboard({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: dashboardKeys.all,
    queryFn: async ({ client, queryKey, signal }): Promise<DashboardData> => {
      const latest = await api.get<AdminDashboard>('/admin/dashboard', { signal });
      const receivedAt = Date.now();
      const previous = client.getQueryData<DashboardData>(queryKey);
      return {
        latest,
        receivedAt,
        history: pushSample(previous?.history ?? [], toSample(latest, receivedAt)),
      };
    },
    enabled,
    refetchInterval: (query) => (isForbidden(query.state.error) ? false : POLL_INTERVAL_MS),
    refetchIntervalInBackground: false,
    // The next poll is the retry: a failed poll shows as stale at once instead of after back-off.
    retry: false,
    staleTime: 0,
    gcTime: HISTORY_LIMITS.windowMs,
    // Every answer is new; comparing the history deeply each time would be wasted work.
    structuralSharing: false,
  });
}
