import { api } from '@/lib/api-client';
import { useSessionStore } from '@/stores/session-store';
import type { MessageResponse, OAuthResult, Role, TokenPair, User } from '@/types/api';

function keep(pair: TokenPair) {
  useSessionStore.getState().setTokens({
    accessToken: pair.access_token,
    refreshToken: pair.refresh_token,
  });
}

export async function signIn(email: string, password: string): Promise<void> {
  keep(
    await api.post<TokenPair>(
      '/auth/login',
      { email: email.trim(), password },
      { anonymous: true },
    ),
  );
}

export interface RegisterInput {
  email: string;
  password: string;
  full_name: string;
  phone_number?: string | null;
  role: Exclude<Role, 'admin'>;
}

export function register(input: RegisterInput): Promise<User> {
  return api.post<User>(
    '/auth/register',
    {
      ...input,
      email: input.email.trim(),
      full_name: input.full_name.trim(),
      phone_number: input.phone_number?.trim() || null,
    },
    { anonymous: true },
  );
}

export function forgotPassword(email: string) {
  return api.post<MessageResponse>(
    '/auth/forgot-password',
    { email: email.trim() },
    { anonymous: true },
  );
}

export function resetPassword(token: string, newPassword: string) {
  return api.post<MessageResponse>(
    '/auth/reset-password',
    { token, new_password: newPassword },
    { anonymous: true },
  );
}

export function verifyEmail(token: string) {
  return api.post<MessageResponse>('/auth/verify-email', { token }, { anonymous: true });
}

export async function signInWithProvider(
  provider: 'google' | 'facebook',
  token: string,
  role: Exclude<Role, 'admin'>,
): Promise<void> {
  keep(
    await api.post<OAuthResult>(
      `/oauth/${provider}`,
      provider === 'facebook' ? { access_token: token, role } : { token, role },
      { anonymous: true },
    ),
  );
}
