import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { validateEmail, validatePassword } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice, Spinner } from '@/components/ui/status';
import { forgotPassword, resetPassword, verifyEmail } from '@/features/auth/api/auth-api';
import { AuthCard } from '@/features/auth/components/auth-card';

export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useMutation({ mutationFn: forgotPassword });
  const error = validateEmail(email);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!error) mutation.mutate(email);
  }

  return (
    <AuthCard title={m.auth.forgotTitle}>
      {mutation.isSuccess ? (
        <Notice kind="success">{mutation.data.message}</Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <p>{m.auth.forgotIntro}</p>
          <TextField
            label={m.auth.email}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={touched ? error : undefined}
          />
          {mutation.isError ? <Notice kind="error">{errorMessage(mutation.error)}</Notice> : null}
          <Button type="submit" block busy={mutation.isPending}>
            {m.auth.sendLink}
          </Button>
        </form>
      )}
      <p className="auth-switch">
        <Link to={paths.signIn}>{m.auth.signIn}</Link>
      </p>
    </AuthCard>
  );
}

export function ResetPasswordForm() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useMutation({
    mutationFn: (newPassword: string) => resetPassword(token ?? '', newPassword),
  });
  const errors = {
    password: validatePassword(password),
    repeat: repeat !== password ? m.validation.passwordsDiffer : undefined,
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!errors.password && !errors.repeat) mutation.mutate(password);
  }

  return (
    <AuthCard title={m.auth.resetTitle}>
      {!token ? (
        <Notice kind="error">{m.auth.resetMissingToken}</Notice>
      ) : mutation.isSuccess ? (
        <Notice kind="success">{m.auth.resetDone}</Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <TextField
            label={m.auth.newPassword}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={touched ? errors.password : undefined}
          />
          <TextField
            label={m.auth.confirmPassword}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={touched ? errors.repeat : undefined}
          />
          {mutation.isError ? <Notice kind="error">{errorMessage(mutation.error)}</Notice> : null}
          <Button type="submit" block busy={mutation.isPending}>
            {m.app.save}
          </Button>
        </form>
      )}
      <p className="auth-switch">
        <Link to={paths.signIn}>{m.auth.signIn}</Link>
      </p>
    </AuthCard>
  );
}

export function VerifyEmail() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const mutation = useMutation({ mutationFn: verifyEmail });
  const started = useRef(false);

  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      mutation.mutate(token);
    }
  }, [token, mutation]);

  return (
    <AuthCard title={m.auth.verifyTitle}>
      {!token || mutation.isError ? (
        <Notice kind="error">{m.auth.verifyFailed}</Notice>
      ) : mutation.isSuccess ? (
        <Notice kind="success">{m.auth.verified}</Notice>
      ) : (
        <Spinner label={m.auth.verifying} />
      )}
      <p className="auth-switch">
        <Link to={paths.search}>{m.app.goHome}</Link>
      </p>
    </AuthCard>
  );
}
