import { apiUrl } from '@/config/env';
import { fmt, locale, m } from '@/i18n/messages';
import { localizeDetail } from '@/i18n/server-messages';
import { useSessionStore, type SessionTokens } from '@/stores/session-store';
import type { TokenPair } from '@/types/api';

export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type?: string;
}

/** An error answered by the API. `message` is the server's `detail`, in plain words. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldError[];
  /** Seconds from a `Retry-After` header (429, 503), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    message: string,
    fieldErrors: FieldError[] = [],
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Message for a field such as "password" from a 422 list, if any. */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.loc[e.loc.length - 1] === field)?.msg;
  }
}

/** The request never got an answer (offline, DNS, server down). */
export class NetworkError extends Error {
  constructor(message: string = m.app.networkError) {
    super(message);
    this.name = 'NetworkError';
  }
}

function fieldLabel(loc: (string | number)[]): string {
  const parts = loc.filter((p) => p !== 'body' && p !== 'query' && p !== 'path');
  return parts.join('.').replace(/_/g, ' ');
}

/** Reads `detail` (a string, or FastAPI's list of {loc,msg,type}) into a readable message. */
export function messageFromDetail(
  detail: unknown,
  fallback: string,
): {
  message: string;
  fieldErrors: FieldError[];
} {
  if (typeof detail === 'string' && detail.trim() !== '')
    return { message: detail, fieldErrors: [] };
  if (Array.isArray(detail)) {
    const fieldErrors = detail.filter(
      (d): d is FieldError =>
        typeof d === 'object' && d !== null && typeof (d as FieldError).msg === 'string',
    );
    if (fieldErrors.length > 0) {
      const message = fieldErrors
        .map((e) => {
          const label = Array.isArray(e.loc) ? fieldLabel(e.loc) : '';
          return label ? `${label}: ${e.msg}` : e.msg;
        })
        .join('; ');
      return { message, fieldErrors };
    }
  }
  return { message: fallback, fieldErrors: [] };
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** Send multipart form data instead of JSON. */
  form?: FormData;
  signal?: AbortSignal;
  /** Sign-in, refresh and similar calls never carry a token nor trigger a refresh. */
  anonymous?: boolean;
  /** Sees the final response before its body is parsed (e.g. to read `X-Total-Count`). */
  onResponse?: (response: Response) => void;
}

export interface TokenStore {
  get: () => SessionTokens | null;
  set: (tokens: SessionTokens) => void;
  signOut: (reason: string) => void;
}

export interface ApiClientConfig {
  url: (path: string) => string;
  tokens: TokenStore;
  fetch?: typeof fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * JSON client for /api/v1 with transparent token refresh: on a 401, one refresh runs at a time,
 * every request that failed or starts meanwhile waits for it and is retried once with the new token.
 * A refused refresh signs out cleanly. Refresh tokens rotate, so two refreshes must never race.
 */
export function createApiClient(config: ApiClientConfig) {
  const doFetch: typeof fetch = (...args) => (config.fetch ?? fetch)(...args);
  let refreshing: Promise<string | null> | null = null;

  function buildUrl(path: string, query?: RequestOptions['query']): string {
    let url = config.url(path);
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
      }
      const text = params.toString();
      if (text) url += `${url.includes('?') ? '&' : '?'}${text}`;
    }
    return url;
  }

  async function send(
    method: string,
    path: string,
    options: RequestOptions,
    accessToken: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.form) {
      body = options.form;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (accessToken && !options.anonymous) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await doFetch(buildUrl(path, options.query), {
        method,
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError();
    }
  }

  async function parse<T>(response: Response): Promise<T> {
    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }
    if (!response.ok) {
      const detail = (data as { detail?: unknown } | undefined)?.detail;
      const { message, fieldErrors } = messageFromDetail(
        detail,
        response.statusText || m.app.unexpectedError,
      );
      throw new ApiError(
        response.status,
        message,
        fieldErrors,
        retryAfterSeconds(response.headers.get('Retry-After')),
      );
    }
    return data as T;
  }

  async function runRefresh(): Promise<string | null> {
    const current = config.tokens.get();
    if (!current) return null;
    // A network failure propagates as NetworkError and keeps the session (offline is not signed out).
    const response = await send(
      'POST',
      '/auth/refresh',
      { body: { refresh_token: current.refreshToken }, anonymous: true },
      null,
    );
    if (!response.ok) {
      config.tokens.signOut(m.app.sessionExpired);
      return null;
    }
    const pair = (await response.json()) as TokenPair;
    const tokens = { accessToken: pair.access_token, refreshToken: pair.refresh_token };
    config.tokens.set(tokens);
    return tokens.accessToken;
  }

  /** Starts a refresh, or joins the one in flight. Resolves to the new access token or null. */
  function refresh(): Promise<string | null> {
    if (!refreshing) {
      refreshing = runRefresh().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    if (refreshing && !options.anonymous) await refreshing.catch(() => null);
    const usedToken = options.anonymous ? null : (config.tokens.get()?.accessToken ?? null);
    const response = await send(method, path, options, usedToken);
    if (response.status === 401 && usedToken) {
      // Another request may already have refreshed while this one was in flight.
      const latest = config.tokens.get()?.accessToken ?? null;
      const token = latest && latest !== usedToken ? latest : await refresh();
      if (!token) throw new ApiError(401, m.app.sessionExpired);
      const retried = await send(method, path, options, token);
      options.onResponse?.(retried);
      return parse<T>(retried);
    }
    options.onResponse?.(response);
    return parse<T>(response);
  }

  return {
    request,
    refresh,
    get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
    post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('POST', path, { ...options, body }),
    put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('PUT', path, { ...options, body }),
    delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
    upload: <T>(path: string, form: FormData, options?: RequestOptions) =>
      request<T>('POST', path, { ...options, form }),
  };
}

/** One page of a list and the number of all matches (`X-Total-Count`). */
export interface Page<T> {
  items: T[];
  total: number;
}

/** GETs a paged list, reading the total from `X-Total-Count` (the page's length when absent). */
export async function getPage<T>(
  path: string,
  options: RequestOptions = {},
  client: Pick<ApiClient, 'get'> = api,
): Promise<Page<T>> {
  let total: number | null = null;
  const items = await client.get<T[]>(path, {
    ...options,
    onResponse: (response) => {
      const header = response.headers.get('X-Total-Count');
      total = header === null ? null : Number(header);
    },
  });
  return { items, total: total ?? items.length };
}

/** The app's client, wired to the persisted session store. */
export const api = createApiClient({
  url: apiUrl,
  tokens: {
    get: () => {
      const { accessToken, refreshToken } = useSessionStore.getState();
      return accessToken && refreshToken ? { accessToken, refreshToken } : null;
    },
    set: (tokens) => useSessionStore.getState().setTokens(tokens),
    signOut: (reason) => useSessionStore.getState().signOut(reason),
  },
});

/** A message for any error thrown by the client, for display. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return localizeDetail(error.message);
  if (error instanceof NetworkError) return error.message;
  return m.app.unexpectedError;
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** "5 minutes", "30 seconds": a wait in the active language (Intl.NumberFormat units). */
export function formatWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const [value, unit] =
    seconds < 60
      ? [Math.max(1, seconds), 'second']
      : minutes < 60
        ? [minutes, 'minute']
        : [Math.ceil(minutes / 60), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A refused sign-in in words; a lock-out says when to try again (from `Retry-After`). */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    return error.retryAfterSeconds != null && error.retryAfterSeconds > 0
      ? fmt(m.auth.lockedOut, { time: formatWait(error.retryAfterSeconds) })
      : m.auth.lockedOutSoon;
  }
  return errorMessage(error);
}
