import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useChangePassword } from '@/features/profile/api/profile-api';
import { meQueryKey } from '@/lib/session';
import { useSessionStore } from '@/stores/session-store';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('changing the password', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useSessionStore.getState().signOut(null);
  });

  it('signs this device in again, since the change ends every earlier token', async () => {
    useSessionStore
      .getState()
      .setTokens({ accessToken: 'old-access', refreshToken: 'old-refresh' });
    const calls: { url: string; body: unknown; auth: string | undefined }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = init.headers as Record<string, string>;
        calls.push({
          url: String(url),
          body: init.body ? JSON.parse(String(init.body)) : undefined,
          auth: headers.Authorization,
        });
        if (String(url).endsWith('/users/me/change-password')) {
          return json(200, { message: 'Password changed successfully' });
        }
        if (String(url).endsWith('/auth/login')) {
          return json(200, {
            access_token: 'new-access',
            refresh_token: 'new-refresh',
            token_type: 'bearer',
          });
        }
        return json(404, { detail: 'Not Found' });
      }),
    );
    const queryClient = new QueryClient();
    queryClient.setQueryData(meQueryKey, { email: 'olga@example.com' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useChangePassword(), { wrapper });

    act(() => result.current.mutate({ current_password: 'old one!', new_password: 'new one!!' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    expect(calls.map((c) => c.url.replace(/^.*\/api\/v1/, ''))).toEqual([
      '/users/me/change-password',
      '/auth/login',
    ]);
    expect(calls[0]!.auth).toBe('Bearer old-access');
    expect(calls[1]!.body).toEqual({ email: 'olga@example.com', password: 'new one!!' });
    expect(calls[1]!.auth).toBeUndefined();
    expect(useSessionStore.getState().accessToken).toBe('new-access');
    expect(useSessionStore.getState().refreshToken).toBe('new-refresh');
  });
});
