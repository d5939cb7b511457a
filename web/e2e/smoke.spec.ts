import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './support';

const spot = {
  id: '5d1c1f0e-6c1a-4a53-9a55-1d2b3c4d5e6f',
  title: 'Covered garage by Syntagma',
  address: 'Ermou 10',
  city: 'Athens',
  state: 'Attica',
  prefecture: 'Attica',
  latitude: 37.9755,
  longitude: 23.7348,
  hourly_rate: 350,
  currency: 'eur',
  spot_type: 'garage',
  vehicle_size: 'standard',
  is_available: true,
  average_rating: 4.5,
  total_reviews: 2,
  images: [],
  distance_km: 1.02,
  is_covered: true,
  has_ev_charging: true,
};

/** The API in the browser: the smoke run has no backend. */
async function mockApi(page: Page) {
  await page.route('**/api/v1/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/v1/parking-spots')) {
      return route.fulfill({ json: [spot] });
    }
    return route.fulfill({ status: 404, json: { detail: 'Not Found' } });
  });
}

test('the app shell renders with the map, price pins and the list', async ({ page }) => {
  await mockApi(page);
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const tab of ['Search', 'Bookings', 'Owner', 'Profile']) {
    await expect(nav.getByRole('link', { name: tab })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Map of parking spots' })).toBeVisible();
  await expect(page.locator('.price-pin', { hasText: '€3.50' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Covered garage by Syntagma/ })).toBeVisible();
  await expect(page.getByText('1 spot')).toBeVisible();
  await screenshot(page, 'smoke-search');
});

test('protected screens send you to sign in, with inline validation', async ({ page }) => {
  await mockApi(page);
  await page.goto('/bookings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fbookings/);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Required').first()).toBeVisible();
  await page.getByLabel('Email').fill('driver@');
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await screenshot(page, 'smoke-sign-in');
});

test('the manifest makes the app installable', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.name).toBe('ParkingSpots');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
});

test('the app opens offline and says so', async ({ page, context }) => {
  await mockApi(page);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // Wait until the service worker has cached the shell and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toContainText('You are offline');
  await page.goto('/owner');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await screenshot(page, 'smoke-offline');
  await context.setOffline(false);
});
