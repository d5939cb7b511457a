import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meQueryKey } from '@/lib/session';
import type { MessageResponse, User } from '@/types/api';

export interface ProfileInput {
  full_name: string;
  phone_number: string | null;
  profile_image: string | null;
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api.put<User>('/users/me', input),
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { current_password: string; new_password: string }) =>
      api.post<MessageResponse>('/users/me/change-password', input),
  });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: () => api.delete<MessageResponse>('/users/me') });
}
