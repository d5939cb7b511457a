import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/lib/api-client';
import { renderScreen } from '@/testing/test-utils';
import { MessagesSection } from '@/features/notifications/components/messages-section';
import type { Booking, BookingMessage } from '@/types/api';

const booking = { id: 'b-1', user_id: 'driver-1', status: 'confirmed' } as Booking;
const messages: BookingMessage[] = [
  {
    id: 'm-1',
    booking_id: 'b-1',
    sender_id: 'owner-1',
    sender_name: 'Olga',
    sender_role: 'owner',
    body: 'Gate 2, <b>code 1234</b>',
    created_at: '2026-12-06T10:00:00Z',
  },
];

afterEach(() => vi.restoreAllMocks());

describe('the messages section', () => {
  it('shows a message as text, never as HTML, with its author and role', async () => {
    vi.spyOn(api, 'get').mockResolvedValue(messages);
    const { container } = renderScreen(
      <MessagesSection
        booking={booking}
        pass={null}
        offline={false}
        currency="eur"
        timeZone="Europe/Athens"
        isDriver
      />,
    );
    expect(await screen.findByText('Gate 2, <b>code 1234</b>')).toBeTruthy();
    expect(container.querySelector('.message-body b')).toBeNull();
    expect(screen.getByText('Olga · Owner')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('is not there offline', () => {
    const { container } = renderScreen(
      <MessagesSection
        booking={booking}
        pass={null}
        offline
        currency="eur"
        timeZone="Europe/Athens"
        isDriver
      />,
    );
    expect(container.querySelector('#messages')).toBeNull();
  });
});
