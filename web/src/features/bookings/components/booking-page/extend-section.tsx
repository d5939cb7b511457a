import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { addHours, formatDateTime, formatMoney } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { bookingKeys, useExtendBooking, usePrice } from '@/features/bookings/api/bookings-api';
import { driverActions } from '@/features/bookings/booking-actions';
import type { BookingSectionProps } from '@/types/booking-section';

const CHOICES = [1, 2, 3, 4, 6, 8, 12];

/** Extend the stay: pick a new end, see what it adds (the whole stay priced again), pay. */
export function ExtendSection({
  booking,
  offline,
  currency,
  timeZone,
  extensionPayment,
  isDriver,
}: BookingSectionProps) {
  const [hours, setHours] = useState(2);
  const [done, setDone] = useState<string | null>(null);
  const extend = useExtendBooking(booking.id);
  const queryClient = useQueryClient();
  const spotId = booking.parking_spot_id;
  const newEnd = addHours(booking.end_time, hours);
  const price = usePrice(spotId, booking.start_time, newEnd);
  const extra = price.data ? Math.max(0, price.data.total - booking.total_amount) : null;
  const pending = booking.pending_extension;

  if (offline || !isDriver) return null;
  if (pending && extensionPayment) {
    return (
      <section className="section card" aria-labelledby="extend-title">
        <h2 id="extend-title">{m.extend.pay}</h2>
        {extensionPayment(pending.id, () => {
          setDone(pending.new_end_time);
          void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
        })}
      </section>
    );
  }
  if (!driverActions(booking).extend) {
    return done ? (
      <Notice kind="success">{fmt(m.extend.done, { time: formatDateTime(done, timeZone) })}</Notice>
    ) : null;
  }
  return (
    <section className="section card" aria-labelledby="extend-title">
      <h2 id="extend-title">{m.extend.title}</h2>
      {done ? (
        <Notice kind="success">
          {fmt(m.extend.done, { time: formatDateTime(done, timeZone) })}
        </Notice>
      ) : null}
      <SelectField
        label={m.extend.by}
        value={String(hours)}
        onChange={(e) => setHours(Number(e.target.value))}
        options={CHOICES.map((h) => ({
          value: String(h),
          label: fmt(m.extend.hours, { count: h }),
        }))}
      />
      <p>{fmt(m.extend.newEnd, { time: formatDateTime(newEnd, timeZone) })}</p>
      <p data-testid="extension-price">
        {m.extend.extra}:{' '}
        <strong>{extra == null ? m.price.calculating : formatMoney(extra, currency)}</strong>
      </p>
      {price.isError ? <Notice kind="error">{errorMessage(price.error)}</Notice> : null}
      {extend.isError ? <Notice kind="error">{errorMessage(extend.error)}</Notice> : null}
      <Button
        busy={extend.isPending}
        disabled={extra == null}
        onClick={() =>
          extend.mutate(newEnd, {
            onSuccess: (result) => {
              if (result.extension.status === 'confirmed') setDone(result.extension.new_end_time);
            },
          })
        }
      >
        {extend.isPending
          ? m.extend.extending
          : extra
            ? fmt(m.extend.submit, { amount: formatMoney(extra, currency) })
            : m.extend.submitFree}
      </Button>
    </section>
  );
}
