import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatMoney, formatMonth, safeTimeZone } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import {
  payoutsByMonth,
  useConnectAccount,
  usePayouts,
  usePayoutSummary,
} from '@/features/payments/api/payments-api';

function BarChart({
  data,
  currency,
}: {
  data: { month: string; amount: number }[];
  currency: string;
}) {
  const max = Math.max(...data.map((d) => d.amount), 1);
  const barWidth = 100 / data.length;
  return (
    <figure className="chart">
      <svg
        viewBox="0 0 100 60"
        role="img"
        aria-labelledby="chart-title chart-desc"
        preserveAspectRatio="none"
      >
        <title id="chart-title">{m.owner.chartTitle}</title>
        <desc id="chart-desc">
          {data
            .map((d) => `${formatMonth(d.month)}: ${formatMoney(d.amount, currency)}`)
            .join(', ')}
        </desc>
        {data.map((d, i) => {
          const h = (d.amount / max) * 50;
          return (
            <rect
              key={d.month}
              x={i * barWidth + barWidth * 0.15}
              y={55 - h}
              width={barWidth * 0.7}
              height={Math.max(h, 0.5)}
              rx="1"
              className="bar-rect"
            />
          );
        })}
      </svg>
      <figcaption className="chart-labels">
        {data.map((d) => (
          <span key={d.month}>
            <span className="small">{formatMonth(d.month)}</span>
            <span className="small muted">{formatMoney(d.amount, currency)}</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export function Earnings({
  currency,
  stripeEnabled,
}: {
  currency: string;
  stripeEnabled: boolean;
}) {
  const summary = usePayoutSummary();
  const payouts = usePayouts();
  const connect = useConnectAccount();
  const cur = (summary.data?.currency ?? payouts.data?.[0]?.currency ?? currency).toLowerCase();
  const tz = safeTimeZone(undefined);

  return (
    <div className="earnings">
      {summary.isPending ? (
        <Skeleton lines={2} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <dl className="stat-grid">
          <div className="stat">
            <dt>{m.owner.summary.total}</dt>
            <dd>{formatMoney(summary.data.total_earnings, cur)}</dd>
          </div>
          <div className="stat">
            <dt>{m.owner.summary.thisMonth}</dt>
            <dd>{formatMoney(summary.data.this_month_earnings, cur)}</dd>
          </div>
          <div className="stat">
            <dt>{m.owner.summary.pending}</dt>
            <dd>{formatMoney(summary.data.pending_payouts, cur)}</dd>
          </div>
          <div className="stat">
            <dt>{m.owner.summary.completed}</dt>
            <dd>{summary.data.completed_payouts}</dd>
          </div>
        </dl>
      )}
      <section className="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">{m.owner.chartTitle}</h2>
        {payouts.isPending ? (
          <Skeleton lines={2} />
        ) : payouts.isError ? (
          <ErrorState error={payouts.error} onRetry={() => void payouts.refetch()} />
        ) : payouts.data.length === 0 ? (
          <EmptyState title={m.owner.chartEmpty} />
        ) : (
          <>
            <BarChart data={payoutsByMonth(payouts.data)} currency={cur} />
            <h3>{m.owner.payoutList}</h3>
            <ul className="payout-list">
              {payouts.data.slice(0, 10).map((p) => (
                <li key={p.id}>
                  <span>{formatDateTime(p.processed_at ?? p.created_at, tz)}</span>
                  <span className={`status status-${p.status}`}>{p.status}</span>
                  <strong>{formatMoney(p.amount, p.currency)}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {stripeEnabled ? (
        <section className="card" aria-labelledby="payouts-setup">
          <h2 id="payouts-setup">{m.owner.payouts}</h2>
          <p>{m.owner.payoutsHelp}</p>
          {connect.isError ? <Notice kind="error">{errorMessage(connect.error)}</Notice> : null}
          <Button onClick={() => connect.mutate()} busy={connect.isPending}>
            {m.owner.setUpPayouts}
          </Button>
        </section>
      ) : null}
    </div>
  );
}
