import { AdminNav } from '@/features/admin/components/admin-nav';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { ErrorState, Spinner } from '@/components/ui/status';
import { isForbidden, useAdminDashboard } from '@/features/admin/api/dashboard-api';
import {
  elapsedMs,
  formatBytes,
  formatClock,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatRate,
} from '@/features/admin/dashboard-format';
import { finite, HISTORY_LIMITS, POLL_INTERVAL_MS } from '@/features/admin/history';
import { LineChart } from '@/features/admin/components/line-chart';
import type { AdminDashboard as Snapshot } from '@/types/api';

const t = m.admin.tiles;
const c = m.admin.charts;
const seconds = POLL_INTERVAL_MS / 1000;

/** A server's message as a sentence: "Service unavailable" → "Service unavailable.". */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What a signed-in user who is not an admin sees instead of the dashboard. */
export function AdminOnly() {
  return (
    <div className="page">
      <div className="state state-empty" data-testid="admins-only">
        <h1 className="state-title">{m.admin.adminsOnly}</h1>
        <p>{m.admin.adminsOnlyBody}</p>
        <Link to={paths.search}>{m.app.goHome}</Link>
      </div>
    </div>
  );
}

function Tile({
  title,
  note,
  wide = false,
  children,
}: {
  title: string;
  note?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const id = `tile-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className={wide ? 'tile tile-wide' : 'tile'} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <dl className="tile-figures">{children}</dl>
      {note ? <p className="tile-note">{note}</p> : null}
    </section>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'bad' | 'good' }) {
  return (
    <div className={tone ? `figure figure-${tone}` : 'figure'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Tiles({ snapshot }: { snapshot: Snapshot }) {
  const s = snapshot as Partial<Snapshot>;
  const failed = finite(s.payments?.failed);
  const cancelled = finite(s.bookings_today?.cancelled);
  return (
    <div className="tile-grid">
      <Tile title={t.bookingsToday} note={t.clusterWide} wide>
        <Figure label={t.created} value={formatCount(s.bookings_today?.created)} />
        <Figure label={t.confirmed} value={formatCount(s.bookings_today?.confirmed)} tone="good" />
        <Figure
          label={t.cancelled}
          value={formatCount(cancelled)}
          tone={cancelled ? 'bad' : undefined}
        />
      </Tile>
      <Tile title={t.payments} note={t.sinceStart}>
        <Figure label={t.succeeded} value={formatCount(s.payments?.succeeded)} tone="good" />
        <Figure label={t.failed} value={formatCount(failed)} tone={failed ? 'bad' : undefined} />
      </Tile>
      <Tile title={t.websocket}>
        <Figure label={t.connections} value={formatCount(s.websocket?.connections)} />
      </Tile>
      <Tile title={t.instance} wide>
        <Figure label={t.instanceId} value={s.instance?.id || m.admin.dash} />
        <Figure label={t.role} value={s.instance?.role || m.admin.dash} />
        <Figure label={t.uptime} value={formatDuration(elapsedMs(s.instance?.started_at, s.at))} />
      </Tile>
      <Tile title={t.lastUpdated} note={fmt(m.admin.refreshEvery, { seconds })} wide>
        <Figure label={t.serverTime} value={formatClock(s.at)} />
        <Figure
          label={t.window}
          value={
            finite(s.window_seconds) === null
              ? m.admin.dash
              : fmt(m.admin.units.seconds, { value: formatCount(s.window_seconds) })
          }
        />
      </Tile>
    </div>
  );
}

/**
 * The operations dashboard: the live figures of the instance that answers, polled every 2 s, as
 * tiles (now) and charts (the last five minutes). A failed poll keeps everything on screen and says
 * the figures are stale until a poll succeeds again.
 */
export function AdminDashboard() {
  const query = useAdminDashboard();

  if (isForbidden(query.error)) return <AdminOnly />;
  if (query.isPending) {
    return (
      <div className="page">
        <Spinner label={m.admin.loading} />
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="page">
        <ErrorState
          title={m.admin.loadFailed}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }

  const { latest, history, receivedAt } = query.data;
  const snapshot = latest as Partial<Snapshot>;
  const stale = query.isError || query.fetchStatus === 'paused';
  const lastUpdate = formatClock(snapshot.at ?? receivedAt);
  const windowSeconds = finite(snapshot.window_seconds);
  const chart = {
    history,
    end: receivedAt,
    windowMs: HISTORY_LIMITS.windowMs,
    stale,
  };

  return (
    <div className="page page-wide admin-dashboard">
      <header className="page-header">
        <h1>{m.admin.title}</h1>
        <p className={stale ? 'live-status is-stale' : 'live-status'} data-testid="live-status">
          <span className="live-dot" aria-hidden="true" />
          <strong>{stale ? m.admin.stale : m.admin.live}</strong>
          <span className="muted">{fmt(m.admin.updatedAt, { time: lastUpdate })}</span>
        </p>
      </header>
      <AdminNav />
      {stale ? (
        <div className="notice notice-warning" role="status" data-testid="stale-notice">
          {fmt(m.admin.staleNotice, {
            time: lastUpdate,
            reason: sentence(query.isError ? errorMessage(query.error) : m.app.networkError),
            seconds,
          })}
        </div>
      ) : null}

      <section aria-labelledby="dashboard-now">
        <h2 id="dashboard-now">{m.admin.now}</h2>
        <Tiles snapshot={latest} />
      </section>

      <section aria-labelledby="dashboard-history">
        <h2 id="dashboard-history">
          {fmt(m.admin.lastMinutes, { minutes: HISTORY_LIMITS.windowMs / 60_000 })}
        </h2>
        {windowSeconds !== null ? (
          <p className="muted small">{fmt(c.windowNote, { seconds: windowSeconds })}</p>
        ) : null}
        <div className="chart-grid">
          <LineChart
            {...chart}
            id="chart-requests"
            title={c.requests}
            series={[
              { key: 'requestsPerSecond', label: c.requestsSeries, tone: 'blue', area: true },
            ]}
            format={formatRate}
          />
          <LineChart
            {...chart}
            id="chart-latency"
            title={c.latency}
            series={[
              { key: 'p50Ms', label: c.p50, tone: 'blue', area: true },
              { key: 'p99Ms', label: c.p99, tone: 'violet' },
            ]}
            format={formatMs}
          />
          <LineChart
            {...chart}
            id="chart-errors"
            title={c.errors}
            series={[
              { key: 'errorRate', label: c.serverErrors, tone: 'red', area: true },
              { key: 'clientErrorRate', label: c.clientErrors, tone: 'amber' },
            ]}
            format={formatPercent}
            minTop={0.01}
          />
          <LineChart
            {...chart}
            id="chart-cache"
            title={c.cache}
            series={[{ key: 'cacheHitRate', label: c.hitRate, tone: 'green', area: true }]}
            format={formatPercent}
            yMax={1}
          />
          <LineChart
            {...chart}
            id="chart-db"
            title={c.dbPool}
            series={[
              { key: 'dbActive', label: c.active, tone: 'blue', area: true },
              { key: 'dbMax', label: c.max, tone: 'grey', dashed: true },
            ]}
            format={formatCount}
            detail={fmt(c.dbDetail, {
              idle: formatCount(snapshot.db_pool?.idle),
              pending: formatCount(snapshot.db_pool?.pending),
            })}
          />
          <LineChart
            {...chart}
            id="chart-jobs"
            title={c.jobs}
            series={[
              { key: 'jobLagP99Ms', label: c.p99, tone: 'blue', area: true },
              { key: 'jobLagMaxMs', label: c.max, tone: 'violet' },
            ]}
            format={formatMs}
            detail={fmt(c.jobsDetail, { executed: formatCount(snapshot.jobs?.executed) })}
          />
          <LineChart
            {...chart}
            id="chart-heap"
            title={c.heap}
            series={[
              { key: 'heapUsedBytes', label: c.heapUsed, tone: 'blue', area: true },
              { key: 'heapMaxBytes', label: c.heapMax, tone: 'grey', dashed: true },
            ]}
            format={formatBytes}
            bytes
            minTop={1024 * 1024}
            detail={fmt(c.jvmDetail, {
              threads: formatCount(snapshot.jvm?.live_threads),
              cpu: formatPercent(snapshot.jvm?.process_cpu),
            })}
          />
        </div>
      </section>
    </div>
  );
}
