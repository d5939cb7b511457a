import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { formatDateTime, formatMoney, formatTimeRange, safeTimeZone } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { ErrorState, Spinner } from '@/components/ui/status';
import { useReceipt } from '@/features/bookings/api/bookings-api';

/** The receipt of a booking: every payment with its line items, every refund, the totals; printable. */
export function ReceiptView({ bookingId }: { bookingId: string }) {
  const receipt = useReceipt(bookingId);
  if (receipt.isPending) return <Spinner />;
  if (receipt.isError)
    return <ErrorState error={receipt.error} onRetry={() => void receipt.refetch()} />;
  const r = receipt.data;
  const tz = safeTimeZone(r.spot.time_zone);
  const money = (amount: number) => formatMoney(amount, r.currency.toLowerCase());
  return (
    <article className="receipt card" aria-labelledby="receipt-title">
      <header className="page-header">
        <h1 id="receipt-title">
          {r.platform.name} · {m.receipt.title}
        </h1>
      </header>
      <dl className="receipt-head">
        <dt>{m.receipt.number}</dt>
        <dd data-testid="receipt-number">{r.receipt_number}</dd>
        <dt>{m.receipt.issued}</dt>
        <dd>{formatDateTime(r.issued_at, tz)}</dd>
        <dt>{m.receipt.billedTo}</dt>
        <dd>{r.billed_to.name}</dd>
        <dt>{m.receipt.owner}</dt>
        <dd>{r.owner.name}</dd>
        <dt>{m.receipt.spot}</dt>
        <dd>
          {r.spot.title}, {r.spot.address}, {r.spot.city}
        </dd>
        <dt>{m.receipt.stay}</dt>
        <dd>{formatTimeRange(r.start_time, r.end_time, tz)}</dd>
      </dl>
      <h2>{m.receipt.payments}</h2>
      <ul className="receipt-payments">
        {r.payments.map((p) => (
          <li key={p.id} data-testid="receipt-payment">
            <h3>
              {p.kind === 'extension' ? m.receipt.extension : m.receipt.booking} ·{' '}
              {formatTimeRange(p.period_start, p.period_end, tz)}
            </h3>
            <table>
              <tbody>
                {p.line_items.map((item) => (
                  <tr key={item.description}>
                    <td>{item.description}</td>
                    <td className="num">{money(item.amount)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{m.booking.total}</th>
                  <td className="num">
                    <strong>{money(p.amount)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
            <p className="muted small">
              {p.paid_at
                ? fmt(m.receipt.method, { when: formatDateTime(p.paid_at, tz), method: p.method })
                : m.receipt.notPaid}{' '}
              · {p.status}
            </p>
          </li>
        ))}
      </ul>
      {r.refunds.length ? (
        <>
          <h2>{m.receipt.refunds}</h2>
          <table>
            <tbody>
              {r.refunds.map((refund) => (
                <tr key={refund.id} data-testid="receipt-refund">
                  <td>{formatDateTime(refund.updated_at, tz)}</td>
                  <td>{refund.status}</td>
                  <td className="num">−{money(refund.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{m.receipt.totals}</h2>
      <dl className="amounts" data-testid="receipt-totals">
        <dt>{m.receipt.paid}</dt>
        <dd>{money(r.totals.paid)}</dd>
        <dt>{m.receipt.refunded}</dt>
        <dd>{money(r.totals.refunded)}</dd>
        <dt>{m.receipt.net}</dt>
        <dd>
          <strong>{money(r.totals.net)}</strong>
        </dd>
      </dl>
      <div className="actions no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {m.receipt.print}
        </Button>
        <Link className="btn btn-ghost" to={paths.booking(bookingId)}>
          {m.app.back}
        </Link>
      </div>
    </article>
  );
}
