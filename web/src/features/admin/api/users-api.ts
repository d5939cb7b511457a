import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getPage } from '@/lib/api-client';
import type { Booking, Role, Spot, User } from '@/types/api';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  audit: ['admin', 'audit'] as const,
};

export interface UsersQuery {
  q: string;
  role: Role | '';
  active: '' | 'true' | 'false';
  page: number;
  pageSize: number;
}

export function useAdminUsers({ q, role, active, page, pageSize }: UsersQuery) {
  return useQuery({
    queryKey: [...adminKeys.users, { q, role, active, page, pageSize }] as const,
    queryFn: ({ signal }) =>
      getPage<User>('/admin/users', {
        query: { q: q.trim(), role, is_active: active, page, page_size: pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.users });
    void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
  };
}

export function useSetActive() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.post<User>(`/admin/users/${id}/${active ? 'reactivate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}

export function useChangeRole() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api.put<User>(`/admin/users/${id}/role`, { role }),
    onSuccess: invalidate,
  });
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; full_name: string; email: string };
  action: string;
  target_type: string;
  target_id: string;
  target_name: string | null;
  details: Record<string, unknown>;
}

export function useAudit(page: number, pageSize = 20, targetId?: string) {
  return useQuery({
    queryKey: [...adminKeys.audit, { page, pageSize, targetId }] as const,
    queryFn: ({ signal }) =>
      getPage<AuditEntry>('/admin/audit', {
        query: { page, page_size: pageSize, target_id: targetId },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A user's listings (as an owner), for the admin users screen. */
export function useUserSpots(userId: string, page: number, pageSize = 5) {
  return useQuery({
    queryKey: [...adminKeys.users, userId, 'spots', { page, pageSize }] as const,
    queryFn: ({ signal }) =>
      getPage<Spot>(`/admin/users/${userId}/spots`, {
        query: { page, page_size: pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A user's bookings (as a driver), for the admin users screen. */
export function useUserBookings(userId: string, page: number, pageSize = 5) {
  return useQuery({
    queryKey: [...adminKeys.users, userId, 'bookings', { page, pageSize }] as const,
    queryFn: ({ signal }) =>
      getPage<Booking>(`/admin/users/${userId}/bookings`, {
        query: { page, page_size: pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
