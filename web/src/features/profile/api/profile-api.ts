import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meQueryKey } from '@/lib/session';
import { useSessionStore } from '@/stores/session-store';
import type { MessageResponse, TokenPair, User } from '@/types/api';

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

/**
 * Changes the password. The server then refuses every token issued before (this device's too), so
 * this device signs in again at once with the new password; the other devices are signed out.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { current_password: string; new_password: string }) => {
      const result = await api.post<MessageResponse>('/users/me/change-password', input);
      const email = queryClient.getQueryData<User>(meQueryKey)?.email;
      if (email) {
        try {
          const pair = await api.post<TokenPair>(
            '/auth/login',
            { email, password: input.new_password },
            { anonymous: true },
          );
          useSessionStore.getState().setTokens({
            accessToken: pair.access_token,
            refreshToken: pair.refresh_token,
          });
        } catch {
          // Not signed in again (offline, rate limit): the next request ends the old session cleanly.
        }
      }
      return result;
    },
  });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: () => api.delete<MessageResponse>('/users/me') });
}
