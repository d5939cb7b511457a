import type { APIRequestContext, Page } from '@playwright/test';
import { expect, screenshot, signIn, signUp, test, uniqueEmail } from './support';

// Issue 16's journeys on a phone: the booking page with its pass, offline, extension, receipt and
// cancellation with the refund quote; the owner checks passes at the gate.
test.describe.configure({ mode: 'serial' });

const password = 'correct horse battery';
const suffix = Date.now().toString(36);
const owner = {
  name: 'Olga Gate',
  email: uniqueEmail('gate-owner'),
  password,
  role: 'owner' as const,
};
const driver = {
  name: 'Dora Driver',
  email: uniqueEmail('pass-driver'),
  password,
  role: 'driver' as const,
};
const access = `Ring bell 7, code 2580-${suffix}`;
let spotA = '';
let spotB = '';
let bookingId = '';

async function token(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.ok()).toBeTruthy();
  return ((await login.json()) as { access_token: string }).access_token;
}

async function createSpot(request: APIRequestContext, auth: string, title: string) {
  const response = await request.post('/api/v1/parking-spots/', {
    headers: { Authorization: `Bearer ${auth}` },
    data: {
      title,
      address: 'Voukourestiou 12',
      city: 'Athens',
      state: 'Attica',
      zip_code: '10671',
      latitude: 37.977,
      longitude: 23.737,
      hourly_rate: 350,
      currency: 'eur',
      time_zone: 'Europe/Athens',
      spot_type: 'garage',
      access_instructions: access,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A start a few minutes from now, on a whole minute, so the pass is valid at once. */
function soon(minutes = 3): string {
  const at = new Date(Date.now() + minutes * 60_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

async function serviceWorkerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

test('1. a driver saves a vehicle and a favourite, sees the policy, and books', async ({
  page,
  request,
}) => {
  await signUp(page, owner);
  const ownerToken = await token(request, owner.email);
  spotA = await createSpot(request, ownerToken, `Kolonaki garage ${suffix}`);
  spotB = await createSpot(request, ownerToken, `Plaka yard ${suffix}`);
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signUp(page, driver);
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Add vehicle' }).click();
  await page.getByLabel('Licence plate').fill('ikh 4242');
  await page.getByLabel('Make').fill('Skoda');
  await page.getByLabel('Colour').fill('Grey');
  await page.getByRole('button', { name: 'Save vehicle' }).click();
  await expect(page.getByRole('listitem', { name: 'IKH4242' })).toContainText('Default');

  await page.goto(`/spots/${spotA}`);
  await expect(page.getByTestId('cancellation-policy')).toContainText(
    'Free cancellation up to 1 hour',
  );
  await page.getByRole('button', { name: 'Favourite', pressed: false }).click();
  await expect(page.getByRole('button', { name: 'Favourite', pressed: true })).toBeVisible();
  await page.goto('/profile');
  await expect(
    page
      .getByRole('region', { name: 'Favourite spots' })
      .getByRole('link', { name: /Kolonaki garage/ }),
  ).toBeVisible();

  await page.goto(`/spots/${spotA}/book?start=${encodeURIComponent(soon())}&hours=2`);
  await expect(page.getByLabel('Saved vehicle')).toHaveValue(/.+/);
  await expect(page.getByTestId('booking-policy')).toContainText('50%');
  await page.getByRole('button', { name: /Confirm/ }).click();
  await expect(page).toHaveURL(/\/bookings\?booked=1/);
  const card = page.getByRole('listitem', { name: /Kolonaki garage/ });
  await expect(card).toContainText('IKH4242');
  await card.getByRole('link', { name: 'Open booking' }).click();
  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]+$/);
  bookingId = /bookings\/([0-9a-f-]+)$/.exec(page.url())![1]!;
});

test('2. the booking page shows the pass, and it works offline', async ({ page, context }) => {
  await signIn(page, driver.email, driver.password);
  await page.goto(`/bookings/${bookingId}`);
  const pass = page.getByTestId('pass');
  await expect(pass.getByRole('img', { name: 'QR code of the pass' })).toBeVisible();
  const code = (await page.getByTestId('pass-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  const qr = await pass.getByRole('img', { name: 'QR code of the pass' }).boundingBox();
  expect(qr!.width).toBeGreaterThanOrEqual(250);
  await expect(page.getByTestId('access-instructions')).toHaveText(access);
  await expect(page.getByRole('link', { name: 'Directions' })).toHaveAttribute(
    'href',
    /^geo:37\.977,23\.737/,
  );
  await expect(page.getByRole('button', { name: 'Check in' })).toBeVisible();
  await screenshot(page, 'booking-page');
  await pass.screenshot({ path: 'test-results/screenshots/booking-pass.png' });

  await serviceWorkerReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('saved-at')).toBeVisible();
  await expect(page.getByTestId('pass-code')).toHaveText(code);
  await expect(
    page.getByTestId('pass').getByRole('img', { name: 'QR code of the pass' }),
  ).toBeVisible();
  await expect(page.getByTestId('access-instructions')).toHaveText(access);
  await expect(page.getByText('IKH4242')).toBeVisible();
  await screenshot(page, 'booking-offline');

  // back online: the page refreshes by itself
  await context.setOffline(false);
  await expect(page.getByTestId('saved-at')).toBeHidden();
  await expect(page.getByTestId('pass-code')).toHaveText(code);
});

test('3. the driver extends by 2 hours and the receipt shows both payments', async ({ page }) => {
  await signIn(page, driver.email, driver.password);
  await page.goto(`/bookings/${bookingId}`);
  await page.getByLabel('Extend by').selectOption('2');
  await expect(page.getByTestId('extension-price')).toContainText('€7.70');
  await page.getByRole('button', { name: 'Extend · €7.70' }).click();
  await expect(page.getByText(/Extended until/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('€15.90');

  await expect(async () => {
    await page.goto(`/bookings/${bookingId}/receipt`);
    await expect(page.getByTestId('receipt-payment')).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('receipt-number')).toHaveText(/^PS-\d{4}-\d{6}$/);
  await expect(page.getByTestId('receipt-payment').nth(0)).toContainText('€8.20');
  await expect(page.getByTestId('receipt-payment').nth(1)).toContainText('Extension');
  await expect(page.getByTestId('receipt-payment').nth(1)).toContainText('€7.70');
  await expect(page.getByTestId('receipt-totals')).toContainText('€15.90');
  await screenshot(page, 'receipt');
});

test('4. cancelling shows the refund quote first, then the refunded amount', async ({ page }) => {
  await signIn(page, driver.email, driver.password);
  await page.goto(`/bookings/${bookingId}`);
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  // the stay starts within the hour: half of each payment comes back
  await expect(page.getByTestId('refund-quote')).toHaveText(
    'If you cancel now you get back €7.95 of €15.90.',
  );
  await screenshot(page, 'cancel-quote');
  await page.getByRole('button', { name: 'Cancel and refund €7.95' }).click();
  await expect(page.getByTestId('refunded')).toHaveText('Refunded €7.95', { timeout: 15_000 });
  await expect(page.locator('.page-header .status')).toHaveText(/Cancelled|Refunded/);
  await screenshot(page, 'booking-refunded');
});

test('5. the owner checks passes at the gate: valid here, another spot’s is refused', async ({
  page,
  request,
}) => {
  const driverToken = await token(request, driver.email);
  const headers = { Authorization: `Bearer ${driverToken}` };
  const codes: string[] = [];
  for (const spot of [spotA, spotB]) {
    const start = soon(4);
    const end = new Date(Date.parse(start) + 3_600_000).toISOString();
    const booked = await request.post('/api/v1/bookings/', {
      headers,
      data: { parking_spot_id: spot, start_time: start, end_time: end, vehicle_plate: 'IKH4242' },
    });
    expect(booked.status()).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    const pass = await request.get(`/api/v1/bookings/${id}/pass`, { headers });
    codes.push(((await pass.json()) as { code: string }).code);
  }

  await signIn(page, owner.email, owner.password);
  await page.goto('/owner/verify');
  await page.getByLabel('Spot').selectOption({ label: `Kolonaki garage ${suffix}` });
  await page.getByLabel('Pass code').fill(codes[0]!.toLowerCase());
  await page.getByRole('button', { name: 'Check pass' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Valid pass' })).toContainText('IKH4242');
  await screenshot(page, 'owner-pass-valid');

  await page.getByLabel('Pass code').fill(codes[1]!);
  await page.getByRole('button', { name: 'Check pass' }).click();
  await expect(page.getByRole('alert')).toContainText('This pass is for another spot.');
  await screenshot(page, 'owner-pass-other-spot');
});
