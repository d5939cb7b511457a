import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, messageFromDetail, NetworkError } from '@/lib/api-client';
import type { SessionTokens } from '@/stores/session-store';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(initial: SessionTokens | null = { accessToken: 'old', refreshToken: 'r1' }) {
  let tokens = initial;
  const signOut = vi.fn((_reason: string) => {
    tokens = null;
  });
  const calls: { url: string; auth: string | null; body: unknown }[] = [];
  let releaseRefresh: () => void = () => {};
  const refreshGate = new Promise<void>((resolve) => {
    releaseRefresh = resolve;
  });
  let refreshResult: Response | 'network' = json(200, {
    access_token: 'new',
    refresh_token: 'r2',
    token_type: 'bearer',
  });
  const fetchMock = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url: String(url), auth: headers.Authorization ?? null, body });
    if (String(url).endsWith('/auth/refresh')) {
      await refreshGate;
      if (refreshResult === 'network') throw new TypeError('Failed to fetch');
      return refreshResult;
    }
    if (headers.Authorization === 'Bearer new') return json(200, { ok: String(url) });
    if (headers.Authorization) return json(401, { detail: 'Could not validate credentials' });
    return json(200, { anonymous: true });
  });
  const client = createApiClient({
    url: (path) => `http://api.test/api/v1${path}`,
    tokens: {
      get: () => tokens,
      set: (next) => {
        tokens = next;
      },
      signOut,
    },
    fetch: fetchMock as unknown as typeof fetch,
  });
  return {
    client,
    calls,
    signOut,
    releaseRefresh,
    tokens: () => tokens,
    failRefreshWith: (r: Response | 'network') => {
      refreshResult = r;
    },
  };
}

describe('api client token refresh', () => {
  it('refreshes exactly once for concurrent 401s and retries every request', async () => {
    const t = setup();
    const pending = [
      t.client.get('/users/me'),
      t.client.get('/bookings/'),
      t.client.get('/parking-spots/my-spots'),
    ];
    await vi.waitFor(() =>
      expect(t.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1),
    );
    // A request started while the refresh is in flight waits for it instead of using the old token.
    const late = t.client.get('/payments/my-payments');
    t.releaseRefresh();
    const results = await Promise.all([...pending, late]);

    expect(results).toEqual([
      { ok: 'http://api.test/api/v1/users/me' },
      { ok: 'http://api.test/api/v1/bookings/' },
      { ok: 'http://api.test/api/v1/parking-spots/my-spots' },
      { ok: 'http://api.test/api/v1/payments/my-payments' },
    ]);
    const refreshCalls = t.calls.filter((c) => c.url.endsWith('/auth/refresh'));
    expect(refreshCalls).toHaveLength(1);
    expect(refreshCalls[0]?.body).toEqual({ refresh_token: 'r1' });
    expect(refreshCalls[0]?.auth).toBeNull();
    expect(t.tokens()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
    expect(t.calls.filter((c) => c.url.endsWith('/my-payments')).map((c) => c.auth)).toEqual([
      'Bearer new',
    ]);
    expect(t.signOut).not.toHaveBeenCalled();
  });

  it('signs out cleanly when the refresh is refused, failing every queued request once', async () => {
    const t = setup();
    t.failRefreshWith(json(401, { detail: 'Invalid refresh token' }));
    const pending = [t.client.get('/users/me'), t.client.get('/bookings/')];
    t.releaseRefresh();
    const results = await Promise.allSettled(pending);

    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(ApiError);
      expect((reason as ApiError).status).toBe(401);
    }
    expect(t.signOut).toHaveBeenCalledTimes(1);
    expect(t.tokens()).toBeNull();
    expect(t.calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    const t = setup();
    t.failRefreshWith('network');
    t.releaseRefresh();
    await expect(t.client.get('/users/me')).rejects.toBeInstanceOf(NetworkError);
    expect(t.signOut).not.toHaveBeenCalled();
    expect(t.tokens()).toEqual({ accessToken: 'old', refreshToken: 'r1' });
  });

  it('does not refresh for anonymous calls or when signed out', async () => {
    const t = setup(null);
    await expect(t.client.get('/parking-spots/')).resolves.toEqual({ anonymous: true });
    expect(t.calls.some((c) => c.url.endsWith('/auth/refresh'))).toBe(false);
  });

  it('drops empty query values and encodes the rest', async () => {
    const t = setup(null);
    await t.client.get('/parking-spots/', {
      query: { q: 'Syntagma Sq', page: 1, has_ev_charging: true, spot_type: '', city: undefined },
    });
    expect(t.calls[0]?.url).toBe(
      'http://api.test/api/v1/parking-spots/?q=Syntagma+Sq&page=1&has_ev_charging=true',
    );
  });
});

describe('error details', () => {
  it('reads a string detail', async () => {
    const client = createApiClient({
      url: (p) => p,
      tokens: { get: () => null, set: () => {}, signOut: () => {} },
      fetch: (async () => json(409, { detail: 'Time slot is already booked' })) as typeof fetch,
    });
    const error = await client.post('/bookings/', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toBe('Time slot is already booked');
  });

  it('reads a validation list', () => {
    const { message, fieldErrors } = messageFromDetail(
      [
        { loc: ['body', 'password'], msg: 'String should have at least 8 characters', type: 'x' },
        { loc: ['body', 'full_name'], msg: 'Field required', type: 'missing' },
      ],
      'fallback',
    );
    expect(message).toBe(
      'password: String should have at least 8 characters; full name: Field required',
    );
    expect(new ApiError(422, message, fieldErrors).fieldMessage('full_name')).toBe(
      'Field required',
    );
  });

  it('falls back when the body is not JSON', async () => {
    const client = createApiClient({
      url: (p) => p,
      tokens: { get: () => null, set: () => {}, signOut: () => {} },
      fetch: (async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
        })) as typeof fetch,
    });
    await expect(client.get('/x')).rejects.toThrow('Bad Gateway');
  });
});
