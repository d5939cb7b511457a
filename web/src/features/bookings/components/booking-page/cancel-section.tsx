import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatMoney } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice, Spinner } from '@/components/ui/status';
import {
  bookingKeys,
  useBookingAction,
  useRefundQuote,
} from '@/features/bookings/api/bookings-api';
import { driverActions } from '@/features/bookings/booking-actions';
import type { BookingSectionProps } from '@/types/booking-section';

/** Cancel, with what the policy refunds now shown before the driver confirms. */
export function CancelSection({
  booking,
  offline,
  currency,
  cancellationPolicy,
}: BookingSectionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const quote = useRefundQuote(booking.id, open);
  const action = useBookingAction(booking.id);
  if (offline || !driverActions(booking).cancel) return null;
  if (!open) {
    return (
      <section className="section">
        {cancellationPolicy ? (
          <p className="muted small">
            <strong>{m.booking.policyTitle}:</strong> {cancellationPolicy}
          </p>
        ) : null}
        <Button variant="ghost" onClick={() => setOpen(true)}>
          {m.booking.cancel}
        </Button>
      </section>
    );
  }
  const q = quote.data;
  return (
    <section className="section card confirm-box" aria-labelledby="cancel-title">
      <h2 id="cancel-title">{m.cancelFlow.title}</h2>
      {quote.isPending ? <Spinner label={m.cancelFlow.loading} /> : null}
      {quote.isError ? <Notice kind="error">{errorMessage(quote.error)}</Notice> : null}
      {q ? (
        <>
          <p data-testid="refund-quote">
            {q.refund_amount > 0
              ? fmt(m.cancelFlow.quote, {
                  amount: formatMoney(q.refund_amount, currency),
                  paid: formatMoney(q.paid_amount, currency),
                })
              : m.cancelFlow.none}
          </p>
          <p className="muted small">{q.policy}</p>
        </>
      ) : null}
      <TextField
        label={m.booking.cancelReason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {action.isError ? <Notice kind="error">{errorMessage(action.error)}</Notice> : null}
      <div className="actions">
        <Button
          variant="danger"
          busy={action.isPending}
          disabled={!q}
          onClick={() =>
            action.mutate(
              { kind: 'cancel', reason },
              {
                onSuccess: () => {
                  setOpen(false);
                  // the refund settles just after the cancellation: read the booking and receipt again
                  window.setTimeout(() => {
                    void queryClient.invalidateQueries({
                      queryKey: bookingKeys.detail(booking.id),
                    });
                    void queryClient.invalidateQueries({
                      queryKey: bookingKeys.receipt(booking.id),
                    });
                  }, 1500);
                },
              },
            )
          }
        >
          {q && q.refund_amount > 0
            ? fmt(m.cancelFlow.confirm, { amount: formatMoney(q.refund_amount, currency) })
            : m.cancelFlow.confirmNoRefund}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {m.cancelFlow.keep}
        </Button>
      </div>
    </section>
  );
}
