import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConnectAccount, PaymentIntent, Payout, PayoutSummary } from '@/types/api';

export const paymentKeys = {
  payouts: ['payments', 'payouts'] as const,
  summary: ['payments', 'summary'] as const,
};

export function usePayouts() {
  return useQuery({
    queryKey: paymentKeys.payouts,
    queryFn: ({ signal }) => api.get<Payout[]>('/payments/owner/payouts', { signal }),
  });
}

export function usePayoutSummary() {
  return useQuery({
    queryKey: paymentKeys.summary,
    queryFn: ({ signal }) => api.get<PayoutSummary>('/payments/owner/summary', { signal }),
  });
}

export function useConnectAccount() {
  return useMutation({
    mutationFn: () =>
      api.post<ConnectAccount>('/payments/connect/create-account', { business_type: 'individual' }),
    onSuccess: (account) => window.location.assign(account.onboarding_url),
  });
}

export function createPaymentIntent(bookingId: string, extensionId?: string) {
  return api.post<PaymentIntent>('/payments/create-payment-intent', {
    booking_id: bookingId,
    ...(extensionId ? { extension_id: extensionId } : {}),
  });
}

export function confirmPayment(paymentIntentId: string) {
  return api.post<{ message: string; status: string }>('/payments/confirm-payment', undefined, {
    query: { payment_intent_id: paymentIntentId },
  });
}

/** Sums payouts per calendar month (UTC), oldest first, for the last `months` months. */
export function payoutsByMonth(payouts: Payout[], months = 6, now: Date = new Date()) {
  const buckets: { month: string; amount: number }[] = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    buckets.push({ month: d.toISOString().slice(0, 7), amount: 0 });
  }
  for (const payout of payouts) {
    if (payout.status === 'failed') continue;
    const month = (payout.processed_at ?? payout.created_at).slice(0, 7);
    const bucket = buckets.find((b) => b.month === month);
    if (bucket) bucket.amount += payout.amount;
  }
  return buckets;
}
