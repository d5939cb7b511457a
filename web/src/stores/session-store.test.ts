import { describe, expect, it } from 'vitest';
import { SESSION_STORAGE_KEY, selectSignedIn, useSessionStore } from '@/stores/session-store';

describe('session store', () => {
  it('persists both tokens so a reload keeps the session', () => {
    useSessionStore.getState().setTokens({ accessToken: 'a1', refreshToken: 'r1' });
    expect(selectSignedIn(useSessionStore.getState())).toBe(true);
    const saved = JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}');
    expect(saved.state).toEqual({ accessToken: 'a1', refreshToken: 'r1' });
  });

  it('signs out with a reason and forgets the tokens', () => {
    useSessionStore.getState().setTokens({ accessToken: 'a1', refreshToken: 'r1' });
    useSessionStore.getState().signOut('Your session has expired. Please sign in again.');
    const state = useSessionStore.getState();
    expect(selectSignedIn(state)).toBe(false);
    expect(state.refreshToken).toBeNull();
    expect(state.signOutReason).toBe('Your session has expired. Please sign in again.');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').state).toEqual({
      accessToken: null,
      refreshToken: null,
    });
    useSessionStore.getState().setTokens({ accessToken: 'a2', refreshToken: 'r2' });
    expect(useSessionStore.getState().signOutReason).toBeNull();
  });

  it('rehydrates from storage', async () => {
    localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ state: { accessToken: 'x', refreshToken: 'y' }, version: 0 }),
    );
    await useSessionStore.persist.rehydrate();
    expect(useSessionStore.getState().accessToken).toBe('x');
  });
});
