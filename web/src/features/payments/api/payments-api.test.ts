import { describe, expect, it } from 'vitest';
import { payoutsByMonth } from '@/features/payments/api/payments-api';
import type { Payout } from '@/types/api';

const payout = (amount: number, at: string, status: Payout['status'] = 'paid'): Payout => ({
  id: at,
  owner_id: 'o',
  booking_id: null,
  amount,
  currency: 'eur',
  status,
  processed_at: status === 'paid' ? at : null,
  created_at: at,
});

describe('payouts by month', () => {
  it('buckets the last months and skips failed payouts', () => {
    const result = payoutsByMonth(
      [
        payout(1000, '2026-03-05T10:00:00Z'),
        payout(500, '2026-03-20T10:00:00Z', 'pending'),
        payout(700, '2026-01-02T10:00:00Z'),
        payout(900, '2026-02-02T10:00:00Z', 'failed'),
        payout(300, '2025-01-02T10:00:00Z'),
      ],
      3,
      new Date('2026-03-25T00:00:00Z'),
    );
    expect(result).toEqual([
      { month: '2026-01', amount: 700 },
      { month: '2026-02', amount: 0 },
      { month: '2026-03', amount: 1500 },
    ]);
  });
});
