import { useState } from 'react';
import { locale, m } from '@/i18n/messages';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/status';
import { useAudit, type AuditEntry } from '@/features/admin/api/users-api';

function when(iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

function what(entry: AuditEntry): string {
  const label = m.audit.action[entry.action] ?? entry.action;
  const { from, to } = entry.details as { from?: string; to?: string };
  return from && to ? `${label}: ${from} → ${to}` : label;
}

/** Admin actions, newest first: who did what to whom, when. */
export function AuditList({ targetId, pageSize = 20 }: { targetId?: string; pageSize?: number }) {
  const [page, setPage] = useState(1);
  const audit = useAudit(page, pageSize, targetId);
  if (audit.isPending) return <Skeleton lines={3} />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.items.length === 0) return <EmptyState title={m.audit.none} />;
  const pages = Math.max(1, Math.ceil(audit.data.total / pageSize));
  return (
    <>
      <ol className="audit-list">
        {audit.data.items.map((entry) => (
          <li key={entry.id} className="audit-entry" data-action={entry.action}>
            <p>
              <strong>{what(entry)}</strong> · {entry.target_name ?? entry.target_id}
            </p>
            <p className="muted small">
              <span className="sr-only">{m.audit.who}: </span>
              {entry.actor.full_name} · <span className="sr-only">{m.audit.when}: </span>
              <time dateTime={entry.at}>{when(entry.at)}</time>
            </p>
          </li>
        ))}
      </ol>
      <Pager page={page} pages={pages} onPage={setPage} />
    </>
  );
}

export function AuditLog() {
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{m.audit.title}</h2>
      <AuditList />
    </section>
  );
}
