import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderScreen } from '@/testing/test-utils';
import { useSessionStore } from '@/stores/session-store';
import { AdminDashboardRoute } from '@/app/routes/admin-route';
import { dashboardFixture, emptyDashboardFixture } from '@/features/admin/testing/fixture';
import type { AdminDashboard, Role } from '@/types/api';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function me(role: Role) {
  return {
    id: 'u-1',
    email: 'someone@example.com',
    full_name: 'Someone',
    phone_number: null,
    role,
    is_active: true,
    is_verified: true,
    profile_image: null,
    latitude: null,
    longitude: null,
    created_at: '2026-01-01T00:00:00Z',
  };
}

/** The API: /users/me answers the role; the dashboard answers `dashboard` (a status or a body). */
function stubApi(role: Role, dashboard: () => Response) {
  const fetchMock = vi.fn(async (url: string) => {
    if (String(url).endsWith('/users/me')) return json(200, me(role));
    if (String(url).endsWith('/admin/dashboard')) return dashboard();
    return json(404, { detail: 'Not Found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderDashboard() {
  return renderScreen(<AdminDashboardRoute />, {
    path: '/admin/dashboard',
    route: '/admin/dashboard',
  });
}

const dashboardCalls = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.filter(([url]) => String(url).includes('/admin/dashboard')).length;

describe('admin dashboard', () => {
  beforeEach(() => {
    useSessionStore.setState({ accessToken: 'access', refreshToken: 'refresh' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    useSessionStore.setState({ accessToken: null, refreshToken: null });
  });

  it('shows the tiles and a chart of each figure for an admin', async () => {
    stubApi('admin', () => json(200, dashboardFixture()));
    renderDashboard();

    expect(await screen.findByRole('heading', { name: 'Live dashboard' })).toBeInTheDocument();
    const bookings = screen.getByRole('region', { name: 'Bookings today' });
    expect(within(bookings).getByText('40')).toBeInTheDocument();
    expect(within(bookings).getByText('35')).toBeInTheDocument();
    expect(within(bookings).getByText('3')).toBeInTheDocument();
    const payments = screen.getByRole('region', { name: 'Payments' });
    expect(within(payments).getByText('Succeeded').nextSibling).toHaveTextContent('35');
    expect(within(payments).getByText('Failed').nextSibling).toHaveTextContent('0');
    expect(
      within(screen.getByRole('region', { name: 'WebSocket' })).getByText('4'),
    ).toBeInTheDocument();
    const instance = screen.getByRole('region', { name: 'Instance' });
    expect(within(instance).getByText('host-1234')).toBeInTheDocument();
    expect(within(instance).getByText('all')).toBeInTheDocument();
    expect(within(instance).getByText('1 h')).toBeInTheDocument();

    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(7);
    expect(
      screen.getByRole('img', { name: /^Requests per second.*Requests 123\/s/ }),
    ).toBeVisible();
    expect(screen.getByRole('img', { name: /^Latency.*p50 3\.2 ms, p99 45\.1 ms/ })).toBeVisible();
    expect(screen.getByRole('img', { name: /^Error rate.*5xx 0\.12%, 4xx 3%/ })).toBeVisible();
    expect(screen.getByRole('img', { name: /^Cache hit rate.*Hit rate 87%/ })).toBeVisible();
    expect(
      screen.getByRole('img', { name: /^Database connections.*Active 3, Max 20/ }),
    ).toBeVisible();
    expect(screen.getByRole('img', { name: /^Job lag.*p99 850 ms, Max 1\.2 s/ })).toBeVisible();
    expect(screen.getByRole('img', { name: /^JVM heap.*Used 118 MiB, Max 1 GiB/ })).toBeVisible();
    expect(screen.getByText('17 idle · 0 waiting')).toBeInTheDocument();
    // One sample so far: the line is a dot, and the newest value is marked.
    expect(document.querySelectorAll('#chart-requests .chart-latest')).toHaveLength(1);
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live');
    expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument();
  });

  it('shows dashes and empty charts, never NaN, before the server has figures', async () => {
    stubApi('admin', () => json(200, emptyDashboardFixture()));
    renderDashboard();

    expect(await screen.findByRole('heading', { name: 'Live dashboard' })).toBeInTheDocument();
    const bookings = screen.getByRole('region', { name: 'Bookings today' });
    expect(within(bookings).getAllByText('—')).toHaveLength(3);
    expect(screen.getAllByText('No data yet')).toHaveLength(7);
    expect(screen.getByRole('img', { name: /^Requests per second.*Requests —/ })).toBeVisible();
    expect(document.body.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('tells a renter it is for admins only and never asks for the figures', async () => {
    const fetchMock = stubApi('renter', () => json(200, dashboardFixture()));
    renderDashboard();

    expect(await screen.findByText('Admins only')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Live dashboard' })).not.toBeInTheDocument();
    expect(dashboardCalls(fetchMock)).toBe(0);
  });

  it('says admins only and stops polling when the server answers 403', async () => {
    const fetchMock = stubApi('admin', () => json(403, { detail: 'Not authorized' }));
    renderDashboard();

    expect(await screen.findByText('Admins only')).toBeInTheDocument();
    const calls = dashboardCalls(fetchMock);
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(dashboardCalls(fetchMock)).toBe(calls);
  });

  it('pauses polling while the tab is hidden and polls again when it is shown', async () => {
    const fetchMock = stubApi('admin', () => json(200, dashboardFixture()));
    renderDashboard();
    expect(await screen.findByRole('heading', { name: 'Live dashboard' })).toBeInTheDocument();

    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    };
    try {
      setVisibility('hidden');
      const calls = dashboardCalls(fetchMock);
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      expect(dashboardCalls(fetchMock)).toBe(calls);

      setVisibility('visible');
      await waitFor(() => expect(dashboardCalls(fetchMock)).toBeGreaterThan(calls));
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
  });

  it('signs out as everywhere else when the token is refused and cannot be refreshed', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (String(url).endsWith('/users/me')) return json(200, me('admin'));
      return json(401, { detail: 'Not authenticated' });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderDashboard();

    await waitFor(() => expect(useSessionStore.getState().accessToken).toBeNull());
    expect(useSessionStore.getState().signOutReason).toBe(
      'Your session has expired. Please sign in again.',
    );
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/auth/refresh'))).toBe(true);
  });

  it('keeps the figures and says they are stale when a poll fails, then recovers', async () => {
    let answer: () => Response = () => json(200, dashboardFixture());
    stubApi('admin', () => answer());
    renderDashboard();
    expect(await screen.findByRole('heading', { name: 'Live dashboard' })).toBeInTheDocument();

    answer = () => json(503, { detail: 'Service unavailable' });
    expect(await screen.findByTestId('stale-notice', {}, { timeout: 4_000 })).toHaveTextContent(
      'Service unavailable. Retrying every 2 s',
    );
    expect(screen.getByTestId('live-status')).toHaveTextContent('Stale');
    expect(screen.getByRole('img', { name: /^Requests per second.*123\/s/ })).toBeVisible();

    const next: AdminDashboard = dashboardFixture({
      at: '2026-11-24T07:00:06Z',
      requests: { ...dashboardFixture().requests, per_second: 200 },
    });
    answer = () => json(200, next);
    await waitFor(() => expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument(), {
      timeout: 4_000,
    });
    expect(screen.getByRole('img', { name: /^Requests per second.*200\/s/ })).toBeVisible();
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live');
  }, 15_000);
});
