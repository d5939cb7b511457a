import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths, safeNext, withNext } from '@/config/paths';
import { m } from '@/i18n/messages';
import { signInErrorMessage } from '@/lib/api-client';
import { hasErrors, validateSignIn } from '@/lib/validation';
import { useSessionStore } from '@/stores/session-store';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { signIn } from '@/features/auth/api/auth-api';
import { AuthCard } from '@/features/auth/components/auth-card';
import { OAuthButtons } from '@/features/auth/components/oauth-buttons';

export function SignInForm() {
  const [params] = useSearchParams();
  const next = params.get('next') ?? undefined;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reason = useSessionStore((s) => s.signOutReason);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = validateSignIn({ email, password });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (hasErrors(errors)) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      await queryClient.invalidateQueries();
      navigate(safeNext(next), { replace: true });
    } catch (e) {
      setError(signInErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={m.auth.signIn}>
      {params.get('registered') ? <Notice kind="success">{m.auth.registered}</Notice> : null}
      {reason ? <Notice kind="warning">{reason}</Notice> : null}
      {next && !reason ? <Notice>{m.auth.signInToContinue}</Notice> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={m.auth.email}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={touched ? errors.email : undefined}
          required
        />
        <TextField
          label={m.auth.password}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={touched ? errors.password : undefined}
          required
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Button type="submit" block busy={busy}>
          {busy ? m.auth.signingIn : m.auth.signIn}
        </Button>
      </form>
      <p className="auth-links">
        <Link to={paths.forgotPassword}>{m.auth.forgotPassword}</Link>
      </p>
      <OAuthButtons accountRole="renter" next={next} />
      <p className="auth-switch">
        {m.auth.noAccount} <Link to={withNext(paths.signUp, next)}>{m.auth.signUp}</Link>
      </p>
    </AuthCard>
  );
}
