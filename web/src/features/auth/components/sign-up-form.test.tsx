import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderScreen } from '@/testing/test-utils';
import { SignUpForm } from '@/features/auth/components/sign-up-form';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('sign-up form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('validates inline before sending anything', async () => {
    const fetchMock = vi.fn(async (_url: string) => json(404, { detail: 'Not Found' }));
    vi.stubGlobal('fetch', fetchMock);
    renderScreen(<SignUpForm />, { path: '/sign-up', route: '/sign-up' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Email'), 'owner@');
    await user.tab();
    expect(screen.getByText('Enter a valid email address')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getAllByText('Required').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('Enter a valid email address')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([url]) => String(url).includes('/auth/'))).toHaveLength(0);
  });

  it("shows the server's message, e.g. a duplicate email", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        String(url).includes('/auth/register')
          ? json(409, { detail: 'Email already registered' })
          : json(404, { detail: 'Not Found' }),
      ),
    );
    renderScreen(<SignUpForm />, { path: '/sign-up', route: '/sign-up' });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Rent out my space (owner)'));
    await user.type(screen.getByLabelText('Full name'), 'Olga Owner');
    await user.type(screen.getByLabelText('Email'), 'olga@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByText('Email already registered')).toBeInTheDocument());
  });
});
