import type { APIRequestContext } from '@playwright/test';
import { expect, screenshot, signIn, test } from './support';

// Owner and admin tools at phone size, on the demo marketplace (playwright.demo.config.ts):
// the demo owner pages through 300 spots, opens a spot's calendar, blocks a day and answers a
// review from "awaiting response"; the demo admin finds and deactivates a user and sees it in the
// audit log.

const PASSWORD = 'demo-parking-2026';
const OWNER = 'owner@demo.parkingspots.app';
const RENTER = 'renter@demo.parkingspots.app';
const ADMIN = 'admin@demo.parkingspots.app';

/** Signs in over the API; the demo accounts appear just after the server reports healthy. */
async function token(request: APIRequestContext, email: string, password = PASSWORD) {
  let access = '';
  await expect
    .poll(
      async () => {
        const response = await request.post('/api/v1/auth/login', { data: { email, password } });
        if (response.status() === 200) {
          access = ((await response.json()) as { access_token: string }).access_token;
        }
        return response.status();
      },
      { timeout: 60_000 },
    )
    .toBe(200);
  return access;
}

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

// Lazily loaded pages have a fallback for the first load: React Router never warns about it.
let hydrateWarnings: string[] = [];
test.beforeEach(({ page }) => {
  hydrateWarnings = [];
  page.on('console', (message) => {
    if (/HydrateFallback/.test(message.text())) hydrateWarnings.push(message.text());
  });
});
test.afterEach(() => {
  expect(hydrateWarnings, 'React Router HydrateFallback warnings').toEqual([]);
});

/**
 * A stay of the demo renter that really happened (booked to start now, checked in, checked out)
 * and their review of it: something for the owner to answer.
 */
async function reviewedStay(request: APIRequestContext, comment: string) {
  const owner = await token(request, OWNER);
  const renter = await token(request, RENTER);
  type Listed = { id: string; title: string; is_active: boolean };
  let spots: Listed[] = [];
  // the demo marketplace is created just after the server reports healthy
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/v1/parking-spots/my-spots', {
          headers: bearer(owner),
        });
        spots = (await response.json()) as Listed[];
        return spots.length;
      },
      { timeout: 60_000 },
    )
    .toBe(300);
  const start = new Date(Date.now() + 60_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  // Demo spots have varied opening hours: take the first one open now.
  for (const spot of spots.filter((s) => s.is_active)) {
    const booked = await request.post('/api/v1/bookings/', {
      headers: bearer(renter),
      data: {
        parking_spot_id: spot.id,
        start_time: start.toISOString(),
        end_time: end.toISOString(),
        vehicle_plate: 'ΙΚΥ-2026',
      },
    });
    if (booked.status() !== 201) continue;
    const { id } = (await booked.json()) as { id: string };
    for (const step of ['check-in', 'check-out']) {
      const moved = await request.post(`/api/v1/bookings/${id}/${step}`, {
        headers: bearer(renter),
      });
      expect(moved.status(), await moved.text()).toBe(200);
    }
    const review = await request.post('/api/v1/reviews/', {
      headers: bearer(renter),
      data: { booking_id: id, overall_rating: 4, title: 'Easy to find', comment },
    });
    expect(review.status(), await review.text()).toBe(201);
    return spot;
  }
  throw new Error('No demo spot is open now');
}

test('the demo owner pages through 300 spots, blocks a day and answers a review', async ({
  page,
  request,
}) => {
  const comment = `Quiet street, the gate code worked (${Date.now()})`;
  const reviewed = await reviewedStay(request, comment);

  await signIn(page, OWNER, PASSWORD);
  await page.goto('/owner/spots');
  await expect(page.getByText('1–20 of 300')).toBeVisible();
  await expect(page.locator('.owner-spot')).toHaveCount(20);
  // Delete is never one tap away: it sits behind "more actions" and asks again.
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/owner-spots.png' });

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('21–40 of 300')).toBeVisible();
  await expect(page).toHaveURL(/page=2/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('41–60 of 300')).toBeVisible();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText('21–40 of 300')).toBeVisible();

  const first = page.locator('.owner-spot').first();
  await first.locator('summary').click();
  await first.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(first.getByRole('alertdialog')).toContainText('Delete “');
  await first.getByRole('button', { name: 'Cancel' }).click();
  await expect(first.getByRole('alertdialog')).toHaveCount(0);

  // Search narrows the list to the reviewed spot's title.
  await page.getByLabel('Search my spots').fill(reviewed.title);
  await expect(page).toHaveURL(/q=/);
  const match = page.locator('.owner-spot', { hasText: reviewed.title }).first();
  await expect(match).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('inactive');
  await expect(page.locator('.owner-spot', { hasText: reviewed.title })).toHaveCount(0);
  await page.getByLabel('Status', { exact: true }).selectOption('');

  // The spot's calendar: a week of bookings and blocks; block a day of next week.
  await page
    .locator('.owner-spot', { hasText: reviewed.title })
    .first()
    .getByRole('link', { name: 'Calendar' })
    .click();
  await expect(page.getByRole('heading', { name: `Calendar: ${reviewed.title}` })).toBeVisible();
  await page.getByRole('button', { name: 'Next week' }).click();
  const wednesday = page.locator('.day').nth(2);
  await wednesday.getByRole('button', { name: 'Block this day' }).click();
  await expect(wednesday.getByText('Blocked all day')).toBeVisible();
  await expect(wednesday.getByRole('button', { name: 'Unblock' })).toBeVisible();
  await screenshot(page, 'owner-calendar');

  // Bookings on my spots show who parks.
  await page.goto('/owner/bookings');
  await expect(page.getByText('Driver: Nikos Georgiou (demo renter)').first()).toBeVisible();

  // Reviews: "awaiting response" first; answering moves it out of that list.
  await page.goto('/owner/reviews');
  const awaiting = page.locator('.owner-review', { hasText: comment });
  await expect(awaiting).toBeVisible();
  await expect(awaiting).toContainText(`Review of ${reviewed.title}`);
  await screenshot(page, 'owner-reviews');
  await awaiting.getByRole('button', { name: 'Respond' }).click();
  await awaiting.getByLabel('Respond').fill('Thank you, see you again!');
  await awaiting.getByRole('button', { name: 'Publish response' }).click();
  // answered in place; the next load of "awaiting response" no longer lists it
  await expect(awaiting).toContainText('Response from the owner');
  await expect(page.getByText('1 awaiting your response')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Awaiting response' })).toBeVisible();
  await expect(page.locator('.owner-review', { hasText: comment })).toHaveCount(0);
  await page.getByRole('button', { name: 'All reviews' }).click();
  await expect(page.locator('.owner-review', { hasText: comment })).toContainText(
    'Thank you, see you again!',
  );
});

test('the spot editor on a phone: address and pin editable, full times, errors on the day', async ({
  page,
}) => {
  await signIn(page, OWNER, PASSWORD);
  await page.goto('/owner/spots');
  await page.locator('.owner-spot').first().getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit spot' })).toBeVisible();

  // Published, yet the address and the pin can change; "Find on map" looks the address up.
  const address = page.getByLabel('Street address');
  await expect(address).toBeEditable();
  await address.fill('Ermou 10');
  await page.getByLabel('City').fill('Athens');
  const latitude = page.getByLabel('Latitude');
  await latitude.fill('38.5');
  await page.getByRole('button', { name: 'Find on map' }).click();
  await expect(latitude).not.toHaveValue('38.5');
  expect(Math.abs(Number(await latitude.inputValue()) - 37.976)).toBeLessThan(0.05);
  await expect(page.getByLabel('Currency')).toHaveValue('eur');

  // The map never covers the sticky Save button nor the bottom navigation.
  await page.getByRole('region', { name: 'Location picker map' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const map = document.querySelector('.pin-map')!.getBoundingClientRect();
    window.scrollBy(0, map.bottom - window.innerHeight + 40);
  });
  for (const selector of ['.sticky-action button', '.tab-bar']) {
    const covered = await page.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return !(top && element.contains(top));
    });
    expect(covered, `${selector} covered`).toBe(false);
  }

  // Whole times, and closing before opening is reported on that day.
  await page.getByLabel('Hours for Monday').selectOption('hours');
  const opens = page.getByLabel('Monday Opens');
  await opens.fill('22:00');
  await page.getByLabel('Monday Closes').fill('08:00');
  const clipped = await opens.evaluate((input) => input.scrollWidth > input.clientWidth + 1);
  expect(clipped).toBe(false);
  // nothing wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('[data-day="monday"]')).toContainText(
    'Closing time must be after opening time',
  );
  await expect(page.locator('[data-day="tuesday"] .field-error')).toHaveCount(0);
  await screenshot(page, 'owner-spot-editor');
});

test('the demo admin finds and deactivates a user, and the audit log shows it', async ({
  page,
  request,
}) => {
  const suffix = Date.now();
  const name = `Zoe Karras ${suffix}`;
  const email = `zoe.${suffix}@example.com`;
  const registered = await request.post('/api/v1/auth/register', {
    data: { email, password: 'a-long-password-2026', full_name: name, role: 'renter' },
  });
  expect(registered.status(), await registered.text()).toBe(201);

  await signIn(page, ADMIN, PASSWORD);
  await page.goto('/admin/dashboard');
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users/);
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption('owner');
  const eleni = page.locator('.admin-user', { hasText: 'Eleni Papadaki' });
  await expect(eleni).toBeVisible();
  // a user's spots and bookings
  await eleni.getByRole('button', { name: 'Details' }).click();
  await expect(eleni.getByRole('heading', { name: 'Spots (300)' })).toBeVisible();
  await expect(eleni.getByRole('heading', { name: 'Bookings (0)' })).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption('');

  await page.getByLabel('Search by name or email').fill(`zoe.${suffix}`);
  const row = page.locator('.admin-user', { hasText: name });
  await expect(row).toBeVisible();
  await expect(page.locator('.admin-user')).toHaveCount(1);
  await screenshot(page, 'admin-users');
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await row.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('false');
  await expect(page.locator('.admin-user', { hasText: name })).toBeVisible();

  const refused = await request.post('/api/v1/auth/login', {
    data: { email, password: 'a-long-password-2026' },
  });
  expect(refused.status()).toBeGreaterThanOrEqual(400);

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  const entry = page.locator('.audit-entry', { hasText: name }).first();
  await expect(entry).toContainText('Deactivated');
  await expect(entry).toContainText('Demo administrator');
  await screenshot(page, 'admin-audit');
});
