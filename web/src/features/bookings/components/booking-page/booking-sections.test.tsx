import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen } from '@/testing/test-utils';
import { ActionsSection } from '@/features/bookings/components/booking-page/actions-section';
import { ExtendSection } from '@/features/bookings/components/booking-page/extend-section';
import { PassCard } from '@/features/bookings/components/booking-page/pass-card';
import type { Booking, Pass } from '@/types/api';
import type { BookingSectionProps } from '@/types/booking-section';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const booking = {
  id: 'b-1',
  user_id: 'driver-1',
  parking_spot_id: 's-1',
  status: 'confirmed',
  start_time: inMinutes(10),
  end_time: inMinutes(130),
  check_in_opens_at: inMinutes(-5),
  total_amount: 820,
  service_fee: 120,
  created_at: inMinutes(-60),
} as Booking;

const pass = {
  booking_id: 'b-1',
  code: '7KQ2M-9XF4T',
  qr_svg:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1v1h-1z"/></svg>',
  valid_from: inMinutes(-5),
  valid_until: inMinutes(130),
} as Pass;

const props = (over: Partial<BookingSectionProps> = {}): BookingSectionProps => ({
  booking,
  pass,
  offline: false,
  currency: 'eur',
  timeZone: 'Europe/Athens',
  isDriver: true,
  ...over,
});

describe('booking page sections', () => {
  it('shows the pass as an image of its SVG and the code in text', () => {
    renderScreen(<PassCard {...props()} />);
    const qr = screen.getByRole('img', { name: 'QR code of the pass' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    expect(screen.getByTestId('pass-code').textContent).toBe('7KQ2M-9XF4T');
  });

  it('offers check-in once it opens, and nothing to anyone but the driver or offline', () => {
    const { unmount } = renderScreen(<ActionsSection {...props()} />);
    expect(screen.getByRole('button', { name: 'Check in' })).toBeTruthy();
    unmount();
    renderScreen(<ActionsSection {...props({ isDriver: false })} />);
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
  });

  it('does not offer an extension offline or to the owner', () => {
    const { unmount } = renderScreen(<ExtendSection {...props({ offline: true })} />);
    expect(screen.queryByText('Extend your stay')).toBeNull();
    unmount();
    renderScreen(<ExtendSection {...props({ isDriver: false })} />);
    expect(screen.queryByText('Extend your stay')).toBeNull();
  });
});
