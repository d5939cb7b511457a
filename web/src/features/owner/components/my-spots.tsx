import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { assetUrl } from '@/config/env';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatMoney } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import {
  useDeleteSpot,
  useMySpotsPage,
  useUpdateSpot,
  type SpotStatusFilter,
} from '@/features/owner/api/owner-api';
import type { Spot } from '@/types/api';

const PAGE_SIZE = 20;
const STATUSES: SpotStatusFilter[] = ['', 'active', 'inactive', 'available', 'unavailable'];

function statusLabel(status: SpotStatusFilter): string {
  switch (status) {
    case 'active':
      return m.ownerTools.statusActive;
    case 'inactive':
      return m.ownerTools.statusInactive;
    case 'available':
      return m.ownerTools.statusAvailable;
    case 'unavailable':
      return m.ownerTools.statusUnavailable;
    default:
      return m.ownerTools.statusAll;
  }
}

function asStatus(value: string | null): SpotStatusFilter {
  return STATUSES.find((s) => s === value) ?? '';
}

/** Delete sits behind "more actions" and asks again before it happens. */
function SpotActions({ spot, onDeleted }: { spot: Spot; onDeleted: (message: string) => void }) {
  const update = useUpdateSpot();
  const remove = useDeleteSpot();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="actions">
        <Link className="btn btn-secondary" to={paths.ownerEditSpot(spot.id)}>
          {m.owner.edit}
        </Link>
        <Link className="btn btn-secondary" to={paths.ownerSpotCalendar(spot.id)}>
          {m.ownerTools.calendar}
        </Link>
        <details className="more-actions">
          <summary
            className="btn btn-ghost"
            aria-label={fmt(m.ownerTools.more, { title: spot.title })}
          >
            …
          </summary>
          <div className="more-actions-body">
            <Button
              variant="ghost"
              busy={update.isPending}
              onClick={() => update.mutate({ id: spot.id, is_active: !spot.is_active })}
            >
              {spot.is_active ? m.owner.deactivate : m.owner.activate}
            </Button>
            <Button variant="ghost" className="danger-text" onClick={() => setConfirming(true)}>
              {m.owner.delete}
            </Button>
          </div>
        </details>
      </div>
      {confirming ? (
        <div className="confirm-panel" role="alertdialog" aria-labelledby={`del-${spot.id}`}>
          <p id={`del-${spot.id}`}>
            <strong>{fmt(m.ownerTools.deleteAsk, { title: spot.title })}</strong>
          </p>
          <p className="muted small">{m.ownerTools.deleteBody}</p>
          <div className="actions">
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate(spot.id, {
                  onSuccess: (result) => {
                    setConfirming(false);
                    const deactivated = (result as { deactivated?: boolean }).deactivated;
                    onDeleted(
                      fmt(deactivated ? m.ownerTools.deactivatedInstead : m.ownerTools.deleted, {
                        title: spot.title,
                      }),
                    );
                  },
                })
              }
            >
              {m.ownerTools.deleteYes}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {m.app.cancel}
            </Button>
          </div>
        </div>
      ) : null}
      {update.isError ? <Notice kind="error">{errorMessage(update.error)}</Notice> : null}
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
    </>
  );
}

export function MySpots({ defaultCurrency }: { defaultCurrency: string }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const status = asStatus(params.get('status'));
  const [text, setText] = useState(q);
  const [message, setMessage] = useState<string | null>(null);
  const spots = useMySpotsPage({ page, pageSize: PAGE_SIZE, q, status });

  function update(next: { page?: number; q?: string; status?: SpotStatusFilter }) {
    const merged = { page, q, status, ...next };
    const out = new URLSearchParams();
    if (merged.page > 1) out.set('page', String(merged.page));
    if (merged.q) out.set('q', merged.q);
    if (merged.status) out.set('status', merged.status);
    setParams(out, { replace: true });
  }

  // Typing searches after a pause; the field and the URL stay in step.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = window.setTimeout(() => update({ q: text.trim(), page: 1 }), 350);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update({ q: text.trim(), page: 1 });
  }

  const total = spots.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = spots.data?.items ?? [];

  return (
    <div>
      <Link className="btn btn-primary btn-block" to={paths.ownerNewSpot}>
        {m.owner.newSpot}
      </Link>
      <form className="owner-filters" role="search" onSubmit={onSubmit}>
        <TextField
          label={m.ownerTools.searchSpots}
          type="search"
          placeholder={m.ownerTools.searchPlaceholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SelectField
          label={m.ownerTools.statusFilter}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          onChange={(e) => update({ status: asStatus(e.target.value), page: 1 })}
        />
      </form>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {spots.isPending ? (
        <Skeleton lines={3} />
      ) : spots.isError ? (
        <ErrorState error={spots.error} onRetry={() => void spots.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={q || status ? m.ownerTools.noMatches : m.owner.noSpots} />
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {fmt(m.ownerTools.showing, {
              from: (page - 1) * PAGE_SIZE + 1,
              to: (page - 1) * PAGE_SIZE + items.length,
              total,
            })}
          </p>
          <ul className="owner-spots" aria-busy={spots.isFetching || undefined}>
            {items.map((spot) => (
              <li key={spot.id} className="card owner-spot">
                <div className="spot-thumb">
                  {spot.images[0] ? (
                    <img src={assetUrl(spot.images[0])} alt="" loading="lazy" />
                  ) : (
                    <span aria-hidden="true">P</span>
                  )}
                </div>
                <div className="owner-spot-body">
                  <h3>
                    <Link to={paths.spot(spot.id)}>{spot.title}</Link>
                  </h3>
                  <p className="muted small">
                    {spot.address}, {spot.city}
                  </p>
                  <p>
                    {formatMoney(spot.hourly_rate, spot.currency ?? defaultCurrency)}
                    {m.search.perHour} ·{' '}
                    <span
                      className={
                        spot.is_active ? 'status status-confirmed' : 'status status-cancelled'
                      }
                    >
                      {spot.is_active ? m.owner.active : m.owner.inactive}
                    </span>
                  </p>
                  <SpotActions spot={spot} onDeleted={setMessage} />
                </div>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={(p) => update({ page: p })} />
        </>
      )}
    </div>
  );
}
