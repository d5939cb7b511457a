import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { safeNext } from '@/config/paths';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { loadScript } from '@/lib/load-script';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/status';
import { signInWithProvider } from '@/features/auth/api/auth-api';

interface GoogleId {
  initialize: (options: {
    client_id: string;
    callback: (response: { credential: string }) => void;
  }) => void;
  renderButton: (element: HTMLElement, options: Record<string, unknown>) => void;
}
interface FacebookSdk {
  init: (options: Record<string, unknown>) => void;
  login: (
    callback: (response: { authResponse?: { accessToken: string } | null }) => void,
    options?: Record<string, unknown>,
  ) => void;
}
declare global {
  interface Window {
    google?: { accounts: { id: GoogleId } };
    FB?: FacebookSdk;
  }
}

/** Google and Facebook sign-in, shown only when their client ids are configured. */
export function OAuthButtons({
  accountRole,
  next,
}: {
  accountRole: 'renter' | 'owner';
  next?: string;
}) {
  const config = useClientConfig();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const googleRef = useRef<HTMLDivElement>(null);
  const roleRef = useRef(accountRole);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    roleRef.current = accountRole;
  }, [accountRole]);

  async function finish(provider: 'google' | 'facebook', token: string) {
    setBusy(true);
    setError(null);
    try {
      await signInWithProvider(provider, token, roleRef.current);
      await queryClient.invalidateQueries();
      navigate(safeNext(next), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  const finishRef = useRef(finish);
  finishRef.current = finish;

  const googleClientId = config.googleClientId;
  useEffect(() => {
    if (!googleClientId) return;
    let cancelled = false;
    loadScript('https://accounts.google.com/gsi/client')
      .then(() => {
        const id = window.google?.accounts.id;
        if (cancelled || !id || !googleRef.current) return;
        id.initialize({
          client_id: googleClientId,
          callback: (response) => void finishRef.current('google', response.credential),
        });
        id.renderButton(googleRef.current, {
          theme: 'outline',
          size: 'large',
          width: 320,
          text: 'continue_with',
        });
      })
      .catch(() => setError(m.app.networkError));
    return () => {
      cancelled = true;
    };
  }, [googleClientId]);

  async function facebook() {
    if (!config.facebookAppId) return;
    try {
      await loadScript('https://connect.facebook.net/en_US/sdk.js');
      const FB = window.FB;
      if (!FB) throw new Error('Facebook SDK missing');
      FB.init({ appId: config.facebookAppId, version: 'v19.0', cookie: false, xfbml: false });
      FB.login(
        (response) => {
          if (response.authResponse) void finish('facebook', response.authResponse.accessToken);
        },
        { scope: 'email,public_profile' },
      );
    } catch {
      setError(m.app.networkError);
    }
  }

  if (!config.googleClientId && !config.facebookAppId) return null;
  return (
    <div className="oauth">
      <p className="divider">
        <span>{m.auth.orContinueWith}</span>
      </p>
      {config.googleClientId ? (
        <div ref={googleRef} className="google-button" aria-label={m.auth.google} />
      ) : null}
      {config.facebookAppId ? (
        <Button variant="secondary" block onClick={() => void facebook()} busy={busy}>
          {m.auth.facebook}
        </Button>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </div>
  );
}
