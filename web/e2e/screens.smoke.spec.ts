import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './support';

// Screens of the built client against an API mocked in the browser (no backend needed).
const spotId = '5d1c1f0e-6c1a-4a53-9a55-1d2b3c4d5e6f';
const now = Date.now();
const iso = (offsetHours: number) => new Date(now + offsetHours * 3_600_000).toISOString();
const spot = {
  id: spotId,
  owner_id: 'owner-1',
  title: 'Covered garage by Syntagma',
  description: 'Underground, two minutes from the metro.',
  spot_type: 'garage',
  vehicle_size: 'standard',
  address: 'Ermou 10',
  city: 'Athens',
  state: 'Attica',
  prefecture: 'Attica',
  zip_code: '10563',
  country: 'Greece',
  latitude: 37.9755,
  longitude: 23.7348,
  hourly_rate: 350,
  daily_rate: 2000,
  monthly_rate: null,
  currency: 'eur',
  time_zone: 'Europe/Athens',
  is_covered: true,
  has_ev_charging: true,
  has_security: false,
  has_lighting: true,
  is_handicap_accessible: false,
  access_instructions: 'Gate code 4711',
  operating_hours: { monday: { open: '08:00', close: '22:00' }, sunday: null, tuesday: '24h' },
  images: [],
  is_active: true,
  is_available: true,
  total_bookings: 3,
  average_rating: 4.5,
  total_reviews: 2,
  created_at: iso(-100),
  updated_at: iso(-100),
};
const booking = {
  id: 'b-1',
  user_id: 'driver-1',
  parking_spot_id: spotId,
  start_time: iso(1),
  end_time: iso(3),
  status: 'confirmed',
  total_amount: 820,
  service_fee: 120,
  owner_payout: 700,
  payment_intent_id: null,
  payment_status: 'completed',
  vehicle_plate: 'YHA1234',
  vehicle_make: 'Toyota',
  vehicle_model: null,
  vehicle_color: 'Red',
  special_requests: null,
  checked_in_at: null,
  checked_out_at: null,
  created_at: iso(-1),
  updated_at: iso(-1),
  parking_spot: {
    id: spotId,
    title: spot.title,
    address: spot.address,
    city: spot.city,
    time_zone: 'Europe/Athens',
    currency: 'eur',
  },
};

async function mockApi(page: Page) {
  await page.route('**/api/v1/**', async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname.replace('/api/v1', '');
    const method = request.method();
    if (path === '/users/me') {
      return route.fulfill({
        json: {
          id: 'driver-1',
          email: 'd@example.com',
          full_name: 'Dimitris Driver',
          phone_number: null,
          role: 'renter',
          is_active: true,
          is_verified: true,
          profile_image: null,
          latitude: null,
          longitude: null,
          created_at: iso(-500),
        },
      });
    }
    if (path === `/parking-spots/${spotId}`) return route.fulfill({ json: spot });
    if (path.startsWith('/parking-spots')) return route.fulfill({ json: [] });
    if (path === '/bookings/calculate-price') {
      return route.fulfill({
        json: {
          subtotal: 700,
          service_fee: 120,
          total: 820,
          owner_payout: 700,
          duration_hours: 2.0,
        },
      });
    }
    if (path === '/bookings/' && method === 'POST') {
      return route.fulfill({ status: 409, json: { detail: 'Time slot is already booked' } });
    }
    if (path === '/bookings/' || path === '/bookings') return route.fulfill({ json: [booking] });
    if (path === `/reviews/parking-spot/${spotId}`) {
      return route.fulfill({
        json: [
          {
            id: 'r-1',
            booking_id: 'b-0',
            parking_spot_id: spotId,
            reviewer_id: 'x',
            overall_rating: 5,
            cleanliness_rating: null,
            accessibility_rating: null,
            accuracy_rating: null,
            value_rating: null,
            title: 'Great spot',
            comment: 'Easy to find.',
            owner_response: 'Thank you!',
            owner_responded_at: '2026-01-02T10:00:00',
            helpful_count: 3,
            created_at: iso(-48),
            updated_at: iso(-48),
            reviewer: { full_name: 'Eleni', profile_image: null },
          },
        ],
      });
    }
    if (path === `/reviews/spot/${spotId}/summary`) {
      return route.fulfill({
        json: {
          average_rating: 4.5,
          total_reviews: 2,
          rating_breakdown: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
          average_cleanliness: null,
          average_accessibility: null,
          average_accuracy: null,
          average_value: null,
        },
      });
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

test('spot detail: rates, hours in the spot zone, live price, reviews with owner response', async ({
  page,
}) => {
  await mockApi(page);
  await page.goto(`/spots/${spotId}`);
  await expect(page.getByRole('heading', { name: spot.title })).toBeVisible();
  await expect(page.getByText('€3.50 per hour')).toBeVisible();
  await expect(page.getByRole('row', { name: /Sunday\s+Closed/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Monday\s+08:00–22:00/ })).toBeVisible();
  await expect(page.getByText(/Times in Europe\/Athens/)).toBeVisible();
  await expect(page.getByTestId('price-breakdown')).toContainText('€8.20');
  await expect(page.getByRole('link', { name: 'Book · €8.20' })).toBeVisible();
  await expect(page.getByText('Response from the owner')).toBeVisible();
  await expect(page.getByText('Shown after you book.')).toBeVisible();
  await screenshot(page, 'screens-spot-detail');
});

test('booking: a conflict shows one plain message, not the server text doubled', async ({
  page,
}) => {
  await mockApi(page);
  await signedIn(page);
  await page.goto(`/spots/${spotId}/book`);
  await expect(page.getByRole('heading', { name: 'Book this spot' })).toBeVisible();
  await page.getByLabel('Licence plate').fill('YHA1234');
  await page.getByRole('button', { name: /Confirm/ }).click();
  await expect(page.getByRole('alert')).toContainText(
    'That time is already booked. Please choose another time.',
  );
  await expect(page.getByRole('alert')).not.toContainText('Time slot is already booked');
  await screenshot(page, 'screens-booking-conflict');
});

test('my bookings: upcoming booking with time in the spot zone and money in its currency', async ({
  page,
}) => {
  await mockApi(page);
  await signedIn(page);
  await page.goto('/bookings');
  const card = page.getByRole('listitem', { name: spot.title });
  await expect(card).toContainText('€8.20');
  await expect(card).toContainText(/GMT\+[23]|EET|EEST/);
  // it starts in an hour: check-in opens 15 minutes before the start, so it is not offered yet
  await expect(card.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Cancel booking' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Open booking' })).toBeVisible();
  await screenshot(page, 'screens-my-bookings');
});

test('owner: the new-spot form validates before sending', async ({ page }) => {
  await mockApi(page);
  await signedIn(page);
  await page.goto('/owner/spots/new');
  await page.getByRole('button', { name: 'Publish spot' }).click();
  await expect(page.getByText('Please fix the highlighted fields.')).toBeVisible();
  await expect(page.getByText('Pick the location on the map')).toBeVisible();
  await page.getByRole('region', { name: 'Location picker map' }).click();
  await expect(page.getByText('Pick the location on the map')).toHaveCount(0);
  await screenshot(page, 'screens-owner-new-spot');
});
