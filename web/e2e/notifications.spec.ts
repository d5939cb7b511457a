import { devices, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expect, screenshot, signUp, test, uniqueEmail } from './support';

// Issue 19 on a phone: a driver books and finds the confirmation in the inbox, the owner's bell
// counts the new booking live, and the two exchange messages on the booking page.
test.describe.configure({ mode: 'serial' });

const password = 'correct horse battery';
const suffix = Date.now().toString(36);
const owner = {
  name: 'Olga Owner',
  email: uniqueEmail('bell-owner'),
  password,
  role: 'owner' as const,
};
const driver = {
  name: 'Dimitris Driver',
  email: uniqueEmail('inbox-driver'),
  password,
  role: 'driver' as const,
};
const title = `Thiseio courtyard ${suffix}`;

async function token(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.ok()).toBeTruthy();
  return ((await login.json()) as { access_token: string }).access_token;
}

async function createSpot(request: APIRequestContext, auth: string): Promise<string> {
  const response = await request.post('/api/v1/parking-spots/', {
    headers: { Authorization: `Bearer ${auth}` },
    data: {
      title,
      address: 'Apostolou Pavlou 5',
      city: 'Athens',
      state: 'Attica',
      zip_code: '11851',
      latitude: 37.975,
      longitude: 23.72,
      hourly_rate: 400,
      currency: 'eur',
      time_zone: 'Europe/Athens',
      spot_type: 'driveway',
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function inTwoHours(): string {
  const at = new Date(Date.now() + 2 * 3600_000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
}

/** A second phone, for the owner, beside the driver's. */
async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    timezoneId: 'Europe/Athens',
    locale: 'en-GB',
    baseURL,
  });
  return context.newPage();
}

test('a driver books and sees the confirmation in the inbox, the owner’s bell shows it, and they exchange messages', async ({
  page: driverPage,
  browser,
  request,
  baseURL,
}) => {
  const ownerPage = await phone(browser, baseURL);
  await signUp(ownerPage, owner);
  const spot = await createSpot(request, await token(request, owner.email));
  await ownerPage.goto('/owner');
  const ownerBell = ownerPage.getByTestId('notification-bell');
  await expect(ownerBell).toBeVisible();
  await expect(ownerPage.getByTestId('notification-count')).toHaveCount(0);

  await signUp(driverPage, driver);
  await driverPage.goto(`/spots/${spot}/book?start=${encodeURIComponent(inTwoHours())}&hours=2`);
  await driverPage.getByRole('button', { name: /Confirm/ }).click();
  await expect(driverPage).toHaveURL(/\/bookings\?booked=1/);

  // the owner's bell counts the new booking without a reload (WebSocket `notification` event)
  await expect(ownerPage.getByTestId('notification-count')).toHaveText('1');
  await expect(ownerBell).toHaveAttribute('aria-label', 'Notifications, 1 unread');
  await screenshot(ownerPage, 'notifications-owner-bell');

  // the driver's inbox has the confirmation
  await driverPage.getByTestId('notification-bell').click();
  await expect(driverPage).toHaveURL(/\/notifications$/);
  const confirmation = driverPage.locator('[data-kind="booking_confirmed"]');
  await expect(confirmation).toContainText(`Your booking at ${title} is confirmed`);
  await screenshot(driverPage, 'notifications-inbox');
  await confirmation.getByRole('link').click();
  await expect(driverPage).toHaveURL(/\/bookings\/[0-9a-f-]+$/);
  const bookingId = /bookings\/([0-9a-f-]+)$/.exec(driverPage.url())![1]!;
  await expect(driverPage.getByTestId('notification-count')).toHaveCount(0);

  // driver writes, the owner reads it on the same booking's page and answers; the driver sees it live
  const driverMessages = driverPage.getByRole('region', { name: 'Messages' });
  await driverMessages.getByLabel('Your message').fill('Hi! Where is the entrance?');
  await driverMessages.getByRole('button', { name: 'Send' }).click();
  await expect(driverMessages.getByTestId('messages')).toContainText('Where is the entrance?');

  await expect(ownerPage.getByTestId('notification-count')).toHaveText('2');
  await ownerPage.goto('/notifications');
  await expect(ownerPage.locator('[data-kind="new_booking"]')).toContainText(title);
  await expect(ownerPage.locator('[data-kind="new_message"]')).toContainText(
    'New message from Dimitris Driver',
  );
  await ownerPage.goto(`/bookings/${bookingId}`);
  const ownerMessages = ownerPage.getByRole('region', { name: 'Messages' });
  await expect(ownerMessages.getByTestId('messages')).toContainText('Where is the entrance?');
  await ownerMessages.getByLabel('Your message').fill('Through the blue gate, <b>code 1234</b>');
  await ownerMessages.getByRole('button', { name: 'Send' }).click();

  await expect(driverMessages.getByTestId('messages')).toContainText(
    'Through the blue gate, <b>code 1234</b>',
  );
  await expect(driverMessages.locator('b')).toHaveCount(0);
  await driverMessages.scrollIntoViewIfNeeded();
  await screenshot(driverPage, 'booking-messages');

  await driverPage.goto('/profile');
  await expect(
    driverPage.getByRole('checkbox', { name: 'Booking confirmed: Email' }),
  ).toBeChecked();
  await driverPage.getByRole('checkbox', { name: 'Stay ends in 15 minutes: Email' }).uncheck();
  await expect(driverPage.getByText('Saved', { exact: true })).toBeVisible();
  await screenshot(driverPage, 'notification-preferences');
  await ownerPage.context().close();
});
