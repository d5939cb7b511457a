import { fileURLToPath } from 'node:url';
import { expect, screenshot, signIn, signOut, signUp, test, uniqueEmail } from './support';

// The journeys, in order, against the real packaged server: one owner and one driver share a spot.
test.describe.configure({ mode: 'serial' });

const password = 'correct horse battery';
const owner = { name: 'Olga Owner', email: uniqueEmail('owner'), password, role: 'owner' as const };
const driver = {
  name: 'Dimitris Driver',
  email: uniqueEmail('driver'),
  password,
  role: 'driver' as const,
};
const suffix = Date.now().toString(36);
const title = `Covered garage Syntagma ${suffix}`;
const accessText = `Gate code 4711-${suffix}, level -1`;
const reviewText = `Easy to find and clean ${suffix}`;
const photo = fileURLToPath(new URL('../public/pwa-512x512.png', import.meta.url));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
// A day three days ahead is closed; the bookings below fall within the next day, on open days.
const closedDay = WEEKDAYS[new Date(Date.now() + 3 * 86_400_000).getDay()]!;
const closedDayLabel = closedDay[0]!.toUpperCase() + closedDay.slice(1);
let spotId = '';

test('1. an owner signs up and lists a spot with hours and a photo', async ({ page }) => {
  await signUp(page, owner);
  await expect(page).toHaveURL(/\/owner\/spots\/new/);

  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Description')
    .fill('Secure underground garage two minutes from the metro.');
  await page.getByLabel('Type').selectOption('garage');
  await page.getByLabel('Street address').fill('Ermou 10');
  await page.getByLabel('City').fill('Athens');
  await page.getByLabel('Postcode').fill('10563');
  await page.getByLabel('Region / state').fill('Attica');
  // The pin picker: tap the map, then set the exact entrance.
  await page.getByRole('region', { name: 'Location picker map' }).click();
  await page.getByLabel('Latitude').fill('37.9838');
  await page.getByLabel('Longitude').fill('23.7275');
  await page.getByLabel('Currency').selectOption('eur');
  await page.getByLabel('Time zone').selectOption('Europe/Athens');
  await page.getByLabel('Per hour').fill('3.50');
  await page.getByLabel('Per day (optional)').fill('20');
  await page.getByLabel('Covered').check();
  await page.getByLabel('EV charging').check();
  await page.getByLabel(`Hours for ${closedDayLabel}`).selectOption('closed');
  await page.getByLabel(/Access instructions/).fill(accessText);
  await screenshot(page, 'owner-new-spot');
  await page.getByRole('button', { name: 'Publish spot' }).click();

  await expect(page).toHaveURL(/\/owner\/spots\/[0-9a-f-]+\/edit/);
  spotId = /spots\/([0-9a-f-]+)\/edit/.exec(page.url())![1]!;
  await expect(page.getByText('Your spot is live.')).toBeVisible();

  await page.getByLabel('Add photos').setInputFiles(photo);
  await expect(page.locator('.photo-grid img')).toHaveCount(1);
  await screenshot(page, 'owner-spot-with-photo');

  await page.goto(`/spots/${spotId}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(
    page.getByRole('row', { name: new RegExp(`${closedDayLabel}\\s+Closed`) }),
  ).toBeVisible();
  await expect(page.getByText(accessText)).toBeVisible();
  await signOut(page);
});

test('2. a driver finds the spot on the map and in the list, books, checks in and out, reviews', async ({
  page,
}) => {
  await signUp(page, driver);
  await page.goto('/');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Covered').check();
  await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await expect(page.locator('.price-pin', { hasText: '€3.50' }).first()).toBeVisible();
  await page.getByLabel('Search by place, street or postcode').fill(suffix);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('1 spot')).toBeVisible();
  await screenshot(page, 'driver-search');

  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Shown after you book.')).toBeVisible();
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');
  await expect(page.getByTestId('price-breakdown')).toContainText('€');
  await screenshot(page, 'driver-spot');
  await page.getByRole('link', { name: /^Book ·/ }).click();

  await expect(page.getByRole('heading', { name: 'Book this spot' })).toBeVisible();
  await page.getByLabel('Licence plate').fill('YHA1234');
  await page.getByLabel('Make').fill('Toyota');
  await page.getByLabel('Colour').fill('Red');
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');
  await page.getByRole('button', { name: /Confirm/ }).click();

  await expect(page).toHaveURL(/\/bookings\?booked=1/);
  await expect(page.getByText('Booked! See you there.')).toBeVisible();
  const card = page.getByRole('listitem', { name: title });
  await expect(card.getByText('Confirmed')).toBeVisible();
  await expect(card).toContainText(/GMT\+[23]|EET|EEST/);
  await screenshot(page, 'driver-booked');

  await card.getByRole('button', { name: 'Check in' }).click();
  await page.getByRole('button', { name: /Active/ }).click();
  await expect(card.getByText('Checked in', { exact: true })).toBeVisible();
  await expect(card).toContainText(accessText);
  await card.getByRole('button', { name: 'Check out' }).click();
  await page.getByRole('button', { name: /Past/ }).click();
  await expect(card.getByText('Completed')).toBeVisible();

  await card.getByRole('link', { name: 'Write a review' }).click();
  await page.getByRole('group', { name: 'Overall rating' }).getByLabel('5 stars').check();
  await page.getByLabel('Your review').fill(reviewText);
  await page.getByRole('button', { name: 'Publish review' }).click();
  await expect(page).toHaveURL(/\/bookings\?tab=past/);
  // once published, the invitation to review is gone
  await expect(card.getByRole('link', { name: 'Write a review' })).toHaveCount(0);

  await page.goto(`/spots/${spotId}`);
  await expect(page.getByText(reviewText)).toBeVisible();
  await expect(page.getByText(accessText)).toBeVisible();
  await signOut(page);
});

test('3. the owner sees the booking and the review, and responds', async ({ page }) => {
  await signIn(page, owner.email, owner.password);
  await page.goto('/owner/bookings');
  const booking = page.getByRole('listitem', { name: title }).first();
  await expect(booking).toContainText('YHA1234');
  await expect(booking.getByText('Completed')).toBeVisible();
  await screenshot(page, 'owner-bookings');

  await page.goto('/owner/reviews');
  await expect(page.getByText(reviewText)).toBeVisible();
  await page.getByRole('button', { name: 'Respond' }).click();
  await page.getByLabel('Respond').fill('Thank you, come again!');
  await page.getByRole('button', { name: 'Publish response' }).click();
  await expect(page.getByText('Response from the owner')).toBeVisible();
  await expect(page.getByText('Thank you, come again!')).toBeVisible();
  await screenshot(page, 'owner-responded');
  await signOut(page);
});

test('4. a conflicting booking shows one plain message', async ({ page }) => {
  await signIn(page, driver.email, driver.password);
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCHours(8, 0, 0, 0);
  const url = `/spots/${spotId}/book?start=${encodeURIComponent(tomorrow.toISOString())}&hours=2`;

  await page.goto(url);
  await page.getByRole('button', { name: /Confirm/ }).click();
  await expect(page).toHaveURL(/\/bookings\?booked=1/);

  await page.goto(url);
  await page.getByRole('button', { name: /Confirm/ }).click();
  // shown once, before asking for a price (the calendar knows the time is taken)
  await expect(page.getByRole('alert')).toContainText('That time is already booked');
  await expect(page.getByRole('alert')).toContainText('Please choose another time');
  await expect(page.getByRole('alert')).not.toContainText('Time slot is already booked');
  await screenshot(page, 'driver-conflict');
});

test('5. the app opens offline', async ({ page, context }) => {
  await page.goto('/');
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
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await screenshot(page, 'offline');
  await context.setOffline(false);
});
