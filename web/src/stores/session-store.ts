import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

interface SessionState {
  accessToken: string | null;
  refreshToken: string | null;
  /** Why the last session ended when it was not the user's choice (shown on the sign-in screen). */
  signOutReason: string | null;
  setTokens: (tokens: SessionTokens) => void;
  signOut: (reason?: string | null) => void;
  clearSignOutReason: () => void;
}

export const SESSION_STORAGE_KEY = 'parkingspots.session';

/** The session: access and refresh tokens, persisted in localStorage so a reload keeps you signed in. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      accessToken: null,
      refreshToken: null,
      signOutReason: null,
      setTokens: ({ accessToken, refreshToken }) =>
        set({ accessToken, refreshToken, signOutReason: null }),
      signOut: (reason = null) =>
        set({ accessToken: null, refreshToken: null, signOutReason: reason }),
      clearSignOutReason: () => set({ signOutReason: null }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ accessToken: state.accessToken, refreshToken: state.refreshToken }),
    },
  ),
);

export const selectSignedIn = (state: SessionState) => state.accessToken !== null;

// Another tab signed in or out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_STORAGE_KEY) void useSessionStore.persist.rehydrate();
  });
}
