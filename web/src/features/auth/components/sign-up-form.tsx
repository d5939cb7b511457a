import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths, withNext } from '@/config/paths';
import { m } from '@/i18n/messages';
import { ApiError, errorMessage } from '@/lib/api-client';
import { hasErrors, validateSignUp, type SignUpValues } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { register, signIn } from '@/features/auth/api/auth-api';
import { AuthCard } from '@/features/auth/components/auth-card';
import { OAuthButtons } from '@/features/auth/components/oauth-buttons';
import { useQueryClient } from '@tanstack/react-query';

type RoleChoice = 'renter' | 'owner';

export function SignUpForm() {
  const [params] = useSearchParams();
  const next = params.get('next') ?? undefined;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SignUpValues>({
    email: '',
    password: '',
    full_name: '',
    phone_number: '',
  });
  const [role, setRole] = useState<RoleChoice>(params.get('role') === 'owner' ? 'owner' : 'renter');
  const [touched, setTouched] = useState<Partial<Record<keyof SignUpValues, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const errors = validateSignUp(values);

  const show = (field: keyof SignUpValues) =>
    submitted || touched[field]
      ? (errors[field] ?? (error instanceof ApiError ? error.fieldMessage(field) : undefined))
      : undefined;

  const bind = (field: keyof SignUpValues) => ({
    name: field,
    value: values[field],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [field]: e.target.value })),
    onBlur: () => setTouched((t) => ({ ...t, [field]: true })),
    error: show(field),
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) return;
    setBusy(true);
    setError(null);
    try {
      await register({ ...values, role });
      // Straight in: the user just proved they know the password.
      await signIn(values.email, values.password);
      await queryClient.invalidateQueries();
      navigate(next ?? (role === 'owner' ? paths.ownerNewSpot : paths.search), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={m.auth.signUp}>
      <form onSubmit={onSubmit} noValidate className="form">
        <fieldset className="role-choice">
          <legend>{m.auth.roleLegend}</legend>
          {(['renter', 'owner'] as const).map((option) => (
            <label key={option} className={role === option ? 'choice selected' : 'choice'}>
              <input
                type="radio"
                name="role"
                value={option}
                checked={role === option}
                onChange={() => setRole(option)}
              />
              {option === 'renter' ? m.auth.roleRenter : m.auth.roleOwner}
            </label>
          ))}
        </fieldset>
        <TextField label={m.auth.fullName} autoComplete="name" required {...bind('full_name')} />
        <TextField
          label={m.auth.email}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          {...bind('email')}
        />
        <TextField
          label={m.auth.password}
          type="password"
          autoComplete="new-password"
          hint={m.validation.passwordLength}
          required
          {...bind('password')}
        />
        <TextField label={m.auth.phone} type="tel" autoComplete="tel" {...bind('phone_number')} />
        {error ? (
          <Notice kind="error">{typeof error === 'string' ? error : error.message}</Notice>
        ) : null}
        <Button type="submit" block busy={busy}>
          {busy ? m.auth.signingUp : m.auth.signUp}
        </Button>
      </form>
      <OAuthButtons accountRole={role} next={next} />
      <p className="auth-switch">
        {m.auth.haveAccount} <Link to={withNext(paths.signIn, next)}>{m.auth.signIn}</Link>
      </p>
    </AuthCard>
  );
}
