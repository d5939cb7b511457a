import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { useSignOut } from '@/lib/session';
import { hasErrors, validateLength, validateMaxLength, validatePassword } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { LanguagePicker } from '@/components/ui/language-picker';
import { Notice } from '@/components/ui/status';
import {
  useChangePassword,
  useDeleteAccount,
  useUpdateProfile,
} from '@/features/profile/api/profile-api';
import type { User } from '@/types/api';

function DetailsForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const [name, setName] = useState(user.full_name);
  const [phone, setPhone] = useState(user.phone_number ?? '');
  const [photo, setPhoto] = useState(user.profile_image ?? '');
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    name: validateLength(name, 2, 255),
    phone: validateMaxLength(phone, 20),
    photo: validateMaxLength(photo, 500),
  };
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) return;
    update.mutate({
      full_name: name.trim(),
      phone_number: phone.trim() || null,
      profile_image: photo.trim() || null,
    });
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="details-title">
      <h2 id="details-title">{m.profile.details}</h2>
      <div className="profile-head">
        {photo ? (
          <img className="avatar" src={photo} alt="" />
        ) : (
          <span className="avatar" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div>
          <p>
            <strong>{user.email}</strong>
          </p>
          <p className="muted small">{m.profile.role[user.role]}</p>
          {!user.is_verified ? <p className="muted small">{m.profile.unverified}</p> : null}
        </div>
      </div>
      <TextField
        label={m.auth.fullName}
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={submitted ? errors.name : undefined}
      />
      <TextField
        label={m.auth.phone}
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={submitted ? errors.phone : undefined}
      />
      <TextField
        label={m.profile.photo}
        type="url"
        value={photo}
        onChange={(e) => setPhoto(e.target.value)}
        error={submitted ? errors.photo : undefined}
      />
      {update.isError ? <Notice kind="error">{errorMessage(update.error)}</Notice> : null}
      {update.isSuccess ? <Notice kind="success">{m.profile.saved}</Notice> : null}
      <Button type="submit" busy={update.isPending}>
        {m.app.save}
      </Button>
    </form>
  );
}

function PasswordForm() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    current: current ? undefined : m.validation.required,
    next: validatePassword(next),
  };
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setSubmitted(false);
        },
      },
    );
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{m.profile.changePassword}</h2>
      <TextField
        label={m.profile.currentPassword}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={submitted ? errors.current : undefined}
      />
      <TextField
        label={m.auth.newPassword}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={submitted ? errors.next : undefined}
      />
      {change.isError ? <Notice kind="error">{errorMessage(change.error)}</Notice> : null}
      {change.isSuccess ? <Notice kind="success">{m.profile.passwordChanged}</Notice> : null}
      <Button type="submit" variant="secondary" busy={change.isPending}>
        {m.profile.changePassword}
      </Button>
    </form>
  );
}

function DangerZone() {
  const remove = useDeleteAccount();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <section className="card danger" aria-labelledby="delete-title">
      <h2 id="delete-title">{m.profile.deleteAccount}</h2>
      <p>{m.profile.deleteWarning}</p>
      <TextField
        label={m.profile.deleteConfirmLabel}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <Button
        variant="danger"
        disabled={text !== 'DELETE'}
        busy={remove.isPending}
        onClick={() =>
          remove.mutate(undefined, {
            onSuccess: async () => {
              await signOut(m.profile.deleted);
              navigate(paths.signIn, { replace: true });
            },
          })
        }
      >
        {m.profile.deleteAccount}
      </Button>
    </section>
  );
}

export function ProfileScreen({ user, extra }: { user: User; extra?: ReactNode }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{m.profile.title}</h1>
        <Button
          variant="secondary"
          onClick={async () => {
            await signOut();
            navigate(paths.signIn, { replace: true });
          }}
        >
          {m.auth.signOut}
        </Button>
      </header>
      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title">{m.app.language}</h2>
        <LanguagePicker />
      </section>
      <DetailsForm user={user} />
      {extra}
      <PasswordForm />
      <DangerZone />
    </div>
  );
}
