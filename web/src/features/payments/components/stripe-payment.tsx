import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatMoney } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Notice, Spinner } from '@/components/ui/status';
import { confirmPayment, createPaymentIntent } from '@/features/payments/api/payments-api';
import type { Booking } from '@/types/api';

/**
 * Stripe's Payment Element for a pending booking. Stripe.js is fetched only here, and only when a
 * publishable key is configured.
 */
export function StripePayment({
  booking,
  extensionId,
  publishableKey,
  currency,
  onPaid,
}: {
  booking: Booking;
  /** Pay for this pending extension of the booking (the difference it costs) instead. */
  extensionId?: string;
  publishableKey: string;
  currency: string;
  onPaid: () => void;
}) {
  const mountRef = useRef<HTMLDivElement>(null);
  const stripeRef = useRef<{ stripe: Stripe; elements: StripeElements; intentId: string } | null>(
    null,
  );
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [{ loadStripe }, intent] = await Promise.all([
          import('@stripe/stripe-js'),
          createPaymentIntent(booking.id, extensionId),
        ]);
        const stripe = await loadStripe(publishableKey);
        if (!stripe || cancelled || !mountRef.current) return;
        const elements = stripe.elements({ clientSecret: intent.client_secret });
        elements.create('payment').mount(mountRef.current);
        stripeRef.current = { stripe, elements, intentId: intent.payment_intent_id };
        setReady(true);
      } catch (e) {
        if (!cancelled) setError(errorMessage(e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [booking.id, extensionId, publishableKey]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const s = stripeRef.current;
    if (!s) return;
    setBusy(true);
    setError(null);
    const result = await s.stripe.confirmPayment({
      elements: s.elements,
      redirect: 'if_required',
      confirmParams: { return_url: `${window.location.origin}/bookings?booked=1` },
    });
    if (result.error) {
      setError(fmt(m.booking.paymentFailed, { reason: result.error.message ?? '' }));
      setBusy(false);
      return;
    }
    try {
      await confirmPayment(s.intentId);
    } catch {
      // The webhook confirms the booking anyway; the list refreshes over the WebSocket.
    }
    setBusy(false);
    onPaid();
  }

  const amount = formatMoney(booking.total_amount, currency);
  return (
    <form className="form card" onSubmit={onSubmit}>
      <Notice>{m.booking.pendingPayment}</Notice>
      <div ref={mountRef} className="stripe-element" />
      {!ready && !error ? <Spinner /> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Button type="submit" block busy={busy} disabled={!ready}>
        {busy ? m.booking.paying : fmt(m.booking.pay, { amount })}
      </Button>
    </form>
  );
}
