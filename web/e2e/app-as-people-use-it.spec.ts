import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, signIn, test, uniqueEmail } from './support';

// Issue 18, driver side, at phone size (390×844): a place search that finds "Σύνταγμα", clustered
// pins, "Search this area" after panning, errors that are in view and not covered, unavailable
// times before the price, Greek and back, and axe on the pages that changed.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 } });

const password = 'correct horse battery';
const suffix = Date.now().toString(36);
const owner = { email: uniqueEmail('places-owner'), name: 'Petros Places' };
const driver = { email: uniqueEmail('places-driver'), name: 'Eleni Driver' };
const rival = { email: uniqueEmail('places-rival'), name: 'Rita Rival' };
const SYNTAGMA = { latitude: 37.9755, longitude: 23.7348 };
// Exarchia, ~1.2 km north: off the map when it shows Syntagma at neighbourhood zoom.
const EXARCHIA = { latitude: 37.9865, longitude: 23.7349 };
let syntagmaSpots: string[] = [];

async function register(
  request: APIRequestContext,
  who: { email: string; name: string },
  role: string,
) {
  const response = await request.post('/api/v1/auth/register', {
    data: { email: who.email, password, full_name: who.name, role },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

async function token(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.ok()).toBeTruthy();
  return ((await login.json()) as { access_token: string }).access_token;
}

async function createSpot(
  request: APIRequestContext,
  auth: string,
  title: string,
  at: { latitude: number; longitude: number },
  address: string,
) {
  const response = await request.post('/api/v1/parking-spots/', {
    headers: { Authorization: `Bearer ${auth}` },
    data: {
      title,
      address,
      city: 'Athens',
      state: 'Attica',
      zip_code: '10563',
      ...at,
      hourly_rate: 300,
      currency: 'eur',
      time_zone: 'Europe/Athens',
      spot_type: 'garage',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** What the phone's screen shows (not the whole page): these go to docs/screenshots/. */
async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** Tomorrow at a wall-clock hour in Athens (UTC+2 in winter, +3 in summer), as ISO. */
function tomorrowAt(hourAthens: number): string {
  const day = new Date(Date.now() + 86_400_000);
  const probe = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12));
  const athensNoon = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Athens',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .format(probe)
      .slice(0, 2),
  );
  const offset = athensNoon - 12;
  probe.setUTCHours(hourAthens - offset, 0, 0, 0);
  return probe.toISOString();
}

/**
 * The element is inside the viewport and nothing covers it: elementFromPoint at its centre is the
 * element or one of its descendants (not the sticky button, not the tab bar).
 */
async function expectInViewAndUncovered(locator: Locator) {
  await expect(locator).toBeVisible();
  await expect
    .poll(() =>
      locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const inView =
          r.top >= 0 &&
          r.left >= 0 &&
          r.bottom <= window.innerHeight &&
          r.right <= window.innerWidth;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return inView && hit !== null && (hit === el || el.contains(hit)) ? 'in view' : 'hidden';
      }),
    )
    .toBe('in view');
}

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}

test.beforeAll(async ({ request }) => {
  await register(request, owner, 'owner');
  await register(request, driver, 'renter');
  await register(request, rival, 'renter');
  const auth = await token(request, owner.email);
  // twelve garages within ~100 m of the square: one cluster at neighbourhood zoom
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const angle = (i / 12) * 2 * Math.PI;
    ids.push(
      await createSpot(
        request,
        auth,
        `Syntagma garage ${i + 1} ${suffix}`,
        {
          latitude: SYNTAGMA.latitude + 0.0008 * Math.sin(angle),
          longitude: SYNTAGMA.longitude + 0.001 * Math.cos(angle),
        },
        `Ermou ${i + 2}`,
      ),
    );
  }
  syntagmaSpots = ids;
  for (let i = 0; i < 3; i++) {
    await createSpot(
      request,
      auth,
      `Exarchia yard ${i + 1} ${suffix}`,
      { latitude: EXARCHIA.latitude + 0.0004 * i, longitude: EXARCHIA.longitude + 0.0005 * i },
      `Themistokleous ${i + 10}`,
    );
  }
});

test('1. "Σύνταγμα" autocompletes as a neighbourhood; choosing it moves the map there with clustered pins', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search by place, street or postcode' });
  await box.pressSequentially('Σύνταγμα', { delay: 40 });
  const options = page.getByRole('listbox', { name: 'Places' });
  const neighbourhood = options.getByRole('option', { name: /Σύνταγμα.*Neighbourhood/ });
  await expect(neighbourhood).toBeVisible();
  await screenshot(page, 'search-place-autocomplete');
  await neighbourhood.click();

  await expect(page.locator('#results-title')).toContainText('Σύνταγμα');
  await expect(
    page.getByRole('link', { name: new RegExp(`Syntagma garage 1 ${suffix}`) }),
  ).toBeVisible();
  // the map shows the twelve garages as one counted cluster, not twelve overlapping pins
  const cluster = page.locator('.cluster-pin').first();
  await expect(cluster).toBeVisible();
  expect(Number(await cluster.textContent())).toBeGreaterThanOrEqual(2);
  // the list follows the map: Exarchia is found by the radius but is off the map
  await expect(
    page.getByRole('link', { name: new RegExp(`Exarchia yard 1 ${suffix}`) }),
  ).toHaveCount(0);
  await screenshot(page, 'home-search');

  // the price filter is in the spots' currency (euros here), not the server default
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByLabel('Max price per hour (€, EUR)')).toBeVisible();
  await page.getByRole('button', { name: 'Hide filters' }).click();

  // a cluster zooms in to its pins
  await cluster.click();
  await expect(page.locator('.price-pin').first()).toBeVisible();

  // the Latin name of the square works too, and Enter takes a place named like the text
  await box.fill('');
  await box.pressSequentially('Syntagma Square', { delay: 30 });
  await expect(options.getByRole('option', { name: /Syntagma Square.*Square/ })).toBeVisible();
  await page.waitForTimeout(500); // the suggestions settle on the whole text
  await box.press('Enter');
  await expect(page.locator('#results-title')).toContainText('Syntagma Square');
  await expect(
    page.getByRole('link', { name: new RegExp(`Syntagma garage 2 ${suffix}`) }),
  ).toBeVisible();
});

test('2. after panning, "Search this area" searches where the map is; a spot is selected on map and list', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search by place, street or postcode' });
  await box.pressSequentially('Σύνταγμα', { delay: 40 });
  await page.getByRole('option', { name: /Σύνταγμα.*Neighbourhood/ }).click();
  await expect(
    page.getByRole('link', { name: new RegExp(`Syntagma garage 1 ${suffix}`) }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Search this area' })).toHaveCount(0);

  // pan north with the keyboard, as a user of the map would (Leaflet moves 80 px a press)
  await page.locator('.search-map .leaflet-container').focus();
  // 4 × 80 px at zoom 15 ≈ 1.2 km north, to Exarchia; each pan finishes before the next
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(400);
  }
  const searchArea = page.getByRole('button', { name: 'Search this area' });
  await expect(searchArea).toBeVisible();
  await screenshot(page, 'search-this-area');
  await searchArea.click();
  await expect(searchArea).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: new RegExp(`Exarchia yard 1 ${suffix}`) }),
  ).toBeVisible();
  await expect(page.locator('#results-title')).toContainText(/\d+ spots?/);

  // choosing a spot in the list highlights it there and on the map
  const card = page.locator('.spot-card', { hasText: `Exarchia yard 1 ${suffix}` });
  await card.getByRole('button', { name: /Show on map/ }).click();
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.price-pin.selected')).toHaveCount(1);

  await expectNoSeriousAxeViolations(page, 'the search screen');
});

test('3. unavailable times show before the price; a conflicting booking shows one error, in view', async ({
  page,
  request,
}) => {
  const spot = syntagmaSpots[0]!;
  const rivalAuth = await token(request, rival.email);
  const taken = tomorrowAt(10);
  const booked = await request.post('/api/v1/bookings/', {
    headers: { Authorization: `Bearer ${rivalAuth}` },
    data: {
      parking_spot_id: spot,
      start_time: taken,
      end_time: new Date(Date.parse(taken) + 2 * 3_600_000).toISOString(),
      vehicle_plate: 'YXA1001',
    },
  });
  expect(booked.status()).toBe(201);

  await signIn(page, driver.email, password);
  // the taken time: the form says so next to the time fields and asks for no price
  await page.goto(`/spots/${spot}/book?start=${encodeURIComponent(taken)}&hours=2`);
  await page.getByLabel('Licence plate').fill('YHB2002');
  await expect(page.getByTestId('availability')).toContainText('Booked');
  const timeError = page.getByTestId('booking-time-error');
  await expect(timeError).toContainText('That time is already booked');
  await expect(page.getByTestId('price-breakdown')).toHaveCount(0);
  await page.getByRole('button', { name: /Confirm/ }).click();
  await expectInViewAndUncovered(timeError);
  await screenshot(page, 'booking-unavailable');

  // another time clears the old error and asks for the price
  await page.getByRole('button', { name: /^Use / }).click();
  await expect(timeError).toHaveCount(0);
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');

  // someone books that time while the form is open: the 409 is shown once, in view
  const free = tomorrowAt(15);
  await page.goto(`/spots/${spot}/book?start=${encodeURIComponent(free)}&hours=1`);
  await page.getByLabel('Licence plate').fill('YHB2002');
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');
  const late = await request.post('/api/v1/bookings/', {
    headers: { Authorization: `Bearer ${rivalAuth}` },
    data: {
      parking_spot_id: spot,
      start_time: free,
      end_time: new Date(Date.parse(free) + 3_600_000).toISOString(),
      vehicle_plate: 'YXA1001',
    },
  });
  expect(late.status()).toBe(201);
  // from the bottom of the form, where the sticky button is: the error must come into view
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole('button', { name: /Confirm/ }).click();
  await expect(timeError).toContainText('already booked');
  await expect(timeError).not.toContainText('Time slot is already booked');
  expect((await timeError.textContent())?.match(/already booked/g)).toHaveLength(1);
  await expectInViewAndUncovered(timeError);
  await expectNoSeriousAxeViolations(page, 'the booking form');
});

test('4. messages go when their cause does: "Booked!" is gone once that booking is cancelled', async ({
  page,
}) => {
  const spot = syntagmaSpots[1]!;
  await signIn(page, driver.email, password);
  await page.goto(`/spots/${spot}/book?start=${encodeURIComponent(tomorrowAt(18))}&hours=1`);
  await page.getByLabel('Licence plate').fill('YHB2002');
  await expect(page.getByTestId('price-breakdown')).toContainText('Total');
  await page.getByRole('button', { name: /Confirm/ }).click();
  await expect(page).toHaveURL(/\/bookings\?booked=1/);
  const banner = page.getByTestId('booked-banner');
  await expect(banner).toBeVisible();
  const card = page.getByRole('listitem', { name: new RegExp(`Syntagma garage 2 ${suffix}`) });
  await card.getByRole('button', { name: 'Cancel booking' }).click();
  await card
    .getByRole('group', { name: 'Cancel this booking?' })
    .getByRole('button', { name: 'Cancel booking' })
    .click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('live-label')).toContainText('Live updates on');
});

test('5. the driver switches to Greek and back; the choice is kept', async ({ page }) => {
  await signIn(page, driver.email, password);
  await page.goto('/profile');
  await page.getByRole('radio', { name: 'Ελληνικά' }).check();
  await expect(page.getByRole('heading', { name: 'Προφίλ', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', /^el/);
  await expect(page.getByRole('navigation', { name: 'Κύρια' })).toBeVisible();
  await screenshot(page, 'profile-greek');
  await expectNoSeriousAxeViolations(page, 'the profile in Greek');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Προφίλ', level: 1 })).toBeVisible();
  await page.goto('/');
  const box = page.getByRole('combobox', { name: /Αναζήτηση με περιοχή/ });
  await box.pressSequentially('Σύνταγμα', { delay: 40 });
  await expect(page.getByRole('option', { name: /Σύνταγμα.*Γειτονιά/ })).toBeVisible();
  await page.getByRole('option', { name: /Σύνταγμα.*Γειτονιά/ }).click();
  await expect(page.locator('#results-title')).toContainText(/θέσεις/);
  await screenshot(page, 'search-greek');

  await page.goto('/bookings');
  await expect(page.getByRole('heading', { name: 'Οι κρατήσεις μου' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'my bookings in Greek');

  // the server's English detail, shown in Greek
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Αποσύνδεση' }).click();
  await expect(page).toHaveURL(/sign-in/);
  await page.getByLabel('Email').fill(driver.email);
  await page.getByLabel('Κωδικός').fill('not the password');
  await page.getByRole('button', { name: 'Σύνδεση' }).click();
  const refused = page.getByRole('alert');
  await expect(refused).toContainText('Λάθος email ή κωδικός');
  await expectInViewAndUncovered(refused);
  await page.getByLabel('Κωδικός').fill(password);
  await page.getByRole('button', { name: 'Σύνδεση' }).click();
  await expect(page).not.toHaveURL(/sign-in/);

  await page.goto('/profile');
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
});
