import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './support';

// The admin live dashboard against a mocked GET /api/v1/admin/dashboard whose figures change with
// every poll. The page's clock is Playwright's, so minutes of 2-second polls take a few seconds.

const start = Date.parse('2026-11-24T07:00:00Z');

interface Server {
  role: 'admin' | 'renter';
  polls: number;
  failing: boolean;
}

/** The n-th answer: smooth waves with a spike, so every chart moves. */
function snapshot(n: number) {
  const wave = (period: number, phase = 0) => Math.sin((n + phase) / period);
  return {
    at: new Date(start + n * 2_000).toISOString(),
    instance: { id: 'host-1234', role: 'all', started_at: '2026-11-24T06:00:00Z' },
    window_seconds: 10,
    requests: {
      per_second: Math.round((120 + 40 * wave(6) + (n % 17 === 0 ? 60 : 0)) * 10) / 10,
      p50_ms: Math.round((3.2 + wave(5)) * 10) / 10,
      p99_ms: Math.round((45 + 20 * wave(7, 2)) * 10) / 10,
      error_rate: n % 11 === 0 ? 0.004 : 0.0012,
      client_error_rate: Math.round((0.03 + 0.01 * wave(9)) * 1000) / 1000,
    },
    cache: { hit_rate: Math.round((0.87 + 0.05 * wave(8)) * 100) / 100, hits: 1000, misses: 150 },
    db_pool: { active: 3 + Math.round(2 + 2 * wave(4)), idle: 15, max: 20, pending: 0 },
    jobs: { lag_p99_ms: 850 + Math.round(200 * wave(6, 1)), lag_max_ms: 1200, executed: 12 },
    bookings_today: {
      created: 40 + Math.floor(n / 5),
      confirmed: 35 + Math.floor(n / 6),
      cancelled: 3,
    },
    payments: { succeeded: 35 + Math.floor(n / 6), failed: n > 20 ? 1 : 0 },
    websocket: { connections: 4 + (n % 3) },
    jvm: {
      heap_used_bytes: 200_000_000 + ((n * 13_000_000) % 300_000_000),
      heap_max_bytes: 1_073_741_824,
      live_threads: 55,
      process_cpu: 0.41,
    },
  };
}

async function mockApi(page: Page, server: Server) {
  await page.route('**/api/v1/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/api/v1', '');
    if (path === '/users/me') {
      return route.fulfill({
        json: {
          id: 'u-1',
          email: 'ops@example.com',
          full_name: 'Olga Ops',
          phone_number: null,
          role: server.role,
          is_active: true,
          is_verified: true,
          profile_image: null,
          latitude: null,
          longitude: null,
          created_at: '2026-01-01T00:00:00Z',
        },
      });
    }
    if (path === '/admin/dashboard') {
      server.polls++;
      if (server.role !== 'admin') {
        return route.fulfill({ status: 403, json: { detail: 'Not authorized' } });
      }
      if (server.failing) {
        return route.fulfill({ status: 503, json: { detail: 'Service unavailable' } });
      }
      return route.fulfill({ json: snapshot(server.polls) });
    }
    return route.fulfill({ status: 404, json: { detail: 'Not Found' } });
  });
}

async function signedIn(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem(
      'parkingspots.session',
      JSON.stringify({ state: { accessToken: 'a', refreshToken: 'r' }, version: 0 }),
    );
  });
}

/** Moves the page's clock on by `polls` poll intervals, waiting for each poll to be answered. */
async function poll(page: Page, server: Server, polls: number) {
  for (let i = 0; i < polls; i++) {
    const before = server.polls;
    await page.clock.runFor(2_000);
    await expect.poll(() => server.polls).toBeGreaterThan(before);
  }
}

async function openDashboard(page: Page, server: Server) {
  await page.clock.install({ time: start });
  await mockApi(page, server);
  await signedIn(page);
  await page.goto('/admin/dashboard');
  await expect(page.getByRole('heading', { name: 'Live dashboard' })).toBeVisible();
}

const charts = [
  'Requests per second',
  'Latency',
  'Error rate',
  'Cache hit rate',
  'Database connections',
  'Job lag',
  'JVM heap',
];

test('admin dashboard: charts and tiles render and follow the polls (phone)', async ({ page }) => {
  const server: Server = { role: 'admin', polls: 0, failing: false };
  await openDashboard(page, server);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Admin' })).toBeVisible();
  for (const title of charts) {
    await expect(
      page.getByRole('img', { name: new RegExp(`^${title}, last 5 minutes`) }),
    ).toBeVisible();
  }
  const bookings = page.getByRole('region', { name: 'Bookings today' });
  await expect(bookings).toContainText('Created40');
  await expect(page.getByRole('region', { name: 'Instance' })).toContainText('host-1234');

  const requests = page.getByTestId('chart-requests-requestsPerSecond');
  const first = await requests.textContent();
  await poll(page, server, 3);
  await expect(requests).not.toHaveText(first ?? '');
  await expect(page.locator('#chart-requests path.chart-line')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /^Requests per second/ })).toHaveAttribute(
    'aria-label',
    new RegExp(`Requests ${(await requests.textContent())?.replace('/', '\\/')}`),
  );

  await poll(page, server, 60);
  await expect(bookings).toContainText(`Created${40 + Math.floor(server.polls / 5)}`);
  await expect(page.getByTestId('live-status')).toContainText('Live');
  await expect(page.locator('body')).not.toContainText('NaN');
  await screenshot(page, 'admin-dashboard-phone');
});

test('admin dashboard: a failed poll keeps the charts, says stale, and recovers', async ({
  page,
}) => {
  const server: Server = { role: 'admin', polls: 0, failing: false };
  await openDashboard(page, server);
  await poll(page, server, 10);

  server.failing = true;
  await poll(page, server, 3);
  await expect(page.getByTestId('stale-notice')).toContainText('Stale');
  await expect(page.getByTestId('live-status')).toContainText('Stale');
  await expect(page.locator('#chart-requests path.chart-line')).toHaveCount(1);
  await screenshot(page, 'admin-dashboard-stale');

  server.failing = false;
  await poll(page, server, 5);
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await expect(page.getByTestId('live-status')).toContainText('Live');
  // The outage is a gap: the line is drawn in two pieces.
  await expect(page.locator('#chart-requests path.chart-line')).toHaveCount(2);
});

test('a renter sees "admins only", no Admin tab and no polling', async ({ page }) => {
  const server: Server = { role: 'renter', polls: 0, failing: false };
  await mockApi(page, server);
  await signedIn(page);
  await page.goto('/admin/dashboard');
  await expect(page.getByText('Admins only')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toHaveCount(0);
  await page.waitForTimeout(2_500);
  expect(server.polls).toBe(0);
  await screenshot(page, 'admin-dashboard-renter');
});

test('a signed-out visitor is sent to sign in', async ({ page }) => {
  const server: Server = { role: 'admin', polls: 0, failing: false };
  await mockApi(page, server);
  await page.goto('/admin/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fdashboard/);
  expect(server.polls).toBe(0);
});

test.describe('desktop', () => {
  test.use({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  });

  test('admin dashboard: two columns of charts beside the side rail', async ({ page }) => {
    const server: Server = { role: 'admin', polls: 0, failing: false };
    await openDashboard(page, server);
    await poll(page, server, 90);
    const requests = await page.getByTestId('chart-requests-svg').boundingBox();
    const latency = await page.getByTestId('chart-latency-svg').boundingBox();
    expect(requests && latency && Math.abs(requests.y - latency.y) < 2).toBe(true);
    expect(requests!.width).toBeGreaterThan(400);
    await screenshot(page, 'admin-dashboard-desktop');
  });
});
