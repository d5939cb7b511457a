import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { fmt, locale, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import {
  useAdminUsers,
  useChangeRole,
  useSetActive,
  type UsersQuery,
} from '@/features/admin/api/users-api';
import { AuditList } from '@/features/admin/components/audit-log';
import { UserActivity } from '@/features/admin/components/user-activity';
import type { Role, User } from '@/types/api';

const PAGE_SIZE = 20;
const ROLES: Role[] = ['renter', 'owner', 'admin'];

function asRole(value: string | null): Role | '' {
  return ROLES.find((r) => r === value) ?? '';
}

function asActive(value: string | null): UsersQuery['active'] {
  return value === 'true' || value === 'false' ? value : '';
}

function joined(iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

function UserRow({ user, selfId }: { user: User; selfId: string | undefined }) {
  const setActive = useSetActive();
  const changeRole = useChangeRole();
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  const self = user.id === selfId;
  useEffect(() => setRole(user.role), [user.role]);
  return (
    <li className="card admin-user" aria-label={user.full_name} data-user-id={user.id}>
      <div className="admin-user-head">
        <h3>{user.full_name}</h3>
        <span className={user.is_active ? 'status status-confirmed' : 'status status-cancelled'}>
          {user.is_active ? m.adminUsers.active : m.adminUsers.deactivated}
        </span>
      </div>
      <p className="muted small break">{user.email}</p>
      <p className="small">
        {m.profile.role[user.role]} · {fmt(m.adminUsers.joined, { date: joined(user.created_at) })}
      </p>
      <div className="actions">
        {user.is_active ? (
          <Button variant="secondary" disabled={self} onClick={() => setConfirming(true)}>
            {m.adminUsers.deactivate}
          </Button>
        ) : (
          <Button
            variant="secondary"
            busy={setActive.isPending}
            onClick={() => setActive.mutate({ id: user.id, active: true })}
          >
            {m.adminUsers.reactivate}
          </Button>
        )}
        <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {m.adminUsers.details}
        </Button>
      </div>
      {confirming ? (
        <div className="confirm-panel" role="alertdialog" aria-labelledby={`deact-${user.id}`}>
          <p id={`deact-${user.id}`}>{fmt(m.adminUsers.deactivateAsk, { name: user.full_name })}</p>
          <div className="actions">
            <Button
              variant="danger"
              busy={setActive.isPending}
              onClick={() =>
                setActive.mutate(
                  { id: user.id, active: false },
                  { onSuccess: () => setConfirming(false) },
                )
              }
            >
              {m.adminUsers.deactivate}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {m.app.cancel}
            </Button>
          </div>
        </div>
      ) : null}
      {setActive.isError ? <Notice kind="error">{errorMessage(setActive.error)}</Notice> : null}
      {open ? (
        <div className="admin-user-details">
          <form
            className="inline-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (role !== user.role) changeRole.mutate({ id: user.id, role });
            }}
          >
            <SelectField
              label={fmt(m.adminUsers.changeRole, { name: user.full_name })}
              value={role}
              disabled={self}
              options={ROLES.map((r) => ({ value: r, label: m.profile.role[r] }))}
              onChange={(e) => setRole(asRole(e.target.value) || user.role)}
            />
            <Button
              type="submit"
              variant="secondary"
              disabled={self || role === user.role}
              busy={changeRole.isPending}
            >
              {m.adminUsers.applyRole}
            </Button>
          </form>
          {changeRole.isError ? (
            <Notice kind="error">{errorMessage(changeRole.error)}</Notice>
          ) : null}
          <UserActivity userId={user.id} />
          <h4>{m.audit.title}</h4>
          <AuditList targetId={user.id} pageSize={5} />
        </div>
      ) : null}
    </li>
  );
}

/** Find users by name or email, filter by role and status, deactivate, reactivate, change role. */
export function AdminUsers({ selfId }: { selfId: string | undefined }) {
  const [params, setParams] = useSearchParams();
  const query: UsersQuery = {
    q: params.get('q') ?? '',
    role: asRole(params.get('role')),
    active: asActive(params.get('is_active')),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const [text, setText] = useState(query.q);
  const users = useAdminUsers(query);

  function update(next: Partial<UsersQuery>) {
    const merged = { ...query, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.role) out.set('role', merged.role);
    if (merged.active) out.set('is_active', merged.active);
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out, { replace: true });
  }

  useEffect(() => {
    if (text.trim() === query.q) return;
    const timer = window.setTimeout(() => update({ q: text.trim(), page: 1 }), 350);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{m.adminUsers.title}</h2>
      <form
        className="owner-filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: text.trim(), page: 1 });
        }}
      >
        <TextField
          label={m.adminUsers.search}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SelectField
          label={m.adminUsers.role}
          value={query.role}
          options={[
            { value: '', label: m.adminUsers.anyRole },
            ...ROLES.map((r) => ({ value: r, label: m.profile.role[r] })),
          ]}
          onChange={(e) => update({ role: asRole(e.target.value), page: 1 })}
        />
        <SelectField
          label={m.adminUsers.status}
          value={query.active}
          options={[
            { value: '', label: m.adminUsers.anyStatus },
            { value: 'true', label: m.adminUsers.active },
            { value: 'false', label: m.adminUsers.deactivated },
          ]}
          onChange={(e) => update({ active: asActive(e.target.value), page: 1 })}
        />
      </form>
      {users.isPending ? (
        <Skeleton lines={4} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={m.adminUsers.none} />
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {total === 1 ? m.adminUsers.resultOne : fmt(m.adminUsers.results, { total })}
          </p>
          <ul className="admin-users" aria-busy={users.isFetching || undefined}>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} selfId={selfId} />
            ))}
          </ul>
          <Pager page={query.page} pages={pages} onPage={(page) => update({ page })} />
        </>
      )}
    </section>
  );
}
