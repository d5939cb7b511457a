import { fmt, m } from '@/i18n/messages';
import { formatMoney } from '@/lib/format';
import { ErrorState } from '@/components/ui/status';
import { usePrice } from '@/features/bookings/api/bookings-api';

export function PriceBreakdown({
  spotId,
  start,
  end,
  currency,
}: {
  spotId: string;
  start: string | null;
  end: string | null;
  currency: string;
}) {
  const price = usePrice(spotId, start, end);
  if (!start || !end) return <p className="muted">{m.price.chooseTime}</p>;
  if (price.isPending) {
    return (
      <p className="muted" role="status">
        {m.price.calculating}
      </p>
    );
  }
  if (price.isError) return <ErrorState error={price.error} />;
  const p = price.data;
  return (
    <dl className="price-breakdown" aria-live="polite" data-testid="price-breakdown">
      <div>
        <dt>{fmt(m.price.subtotal, { hours: Number(p.duration_hours.toFixed(2)) })}</dt>
        <dd>{formatMoney(p.subtotal, currency)}</dd>
      </div>
      <div>
        <dt>{m.price.serviceFee}</dt>
        <dd>{formatMoney(p.service_fee, currency)}</dd>
      </div>
      <div className="total">
        <dt>{m.price.total}</dt>
        <dd>{formatMoney(p.total, currency)}</dd>
      </div>
    </dl>
  );
}

export function useTotal(spotId: string, start: string | null, end: string | null) {
  return usePrice(spotId, start, end).data?.total;
}
