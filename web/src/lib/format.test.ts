import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatMoney,
  formatPinPrice,
  formatTimeRange,
  minorUnitFactor,
  moneyInputValue,
  parseMoney,
  safeTimeZone,
  utcToZonedWallTime,
  zonedWallTimeToUtc,
} from '@/lib/format';

describe('money', () => {
  it('formats minor units in the spot currency', () => {
    expect(formatMoney(450, 'eur')).toBe('€4.50');
    expect(formatMoney(4450, 'usd')).toBe('$44.50');
    expect(formatMoney(0, 'gbp')).toBe('£0.00');
  });

  it('knows currencies without minor units', () => {
    expect(minorUnitFactor('jpy')).toBe(1);
    expect(formatMoney(500, 'jpy')).toBe('¥500');
    expect(minorUnitFactor('kwd')).toBe(1000);
  });

  it('drops decimals on pins when whole', () => {
    expect(formatPinPrice(300, 'eur')).toBe('€3');
    expect(formatPinPrice(250, 'eur')).toBe('€2.50');
  });

  it('parses typed amounts into minor units', () => {
    expect(parseMoney('2.5', 'eur')).toBe(250);
    expect(parseMoney('2,50', 'eur')).toBe(250);
    expect(parseMoney('3', 'usd')).toBe(300);
    expect(parseMoney('0.015', 'usd')).toBeNull();
    expect(parseMoney('abc', 'usd')).toBeNull();
    expect(parseMoney('', 'usd')).toBeNull();
    expect(parseMoney('500', 'jpy')).toBe(500);
    expect(moneyInputValue(250, 'eur')).toBe('2.50');
    expect(moneyInputValue(null, 'eur')).toBe('');
  });
});

describe('time zones', () => {
  it('shows a moment in the spot zone, labelled', () => {
    expect(formatDateTime('2026-03-02T07:00:00Z', 'Europe/Athens')).toBe('Mon, Mar 2, 09:00 GMT+2');
    expect(formatDateTime('2026-03-02T07:00:00Z', 'UTC')).toBe('Mon, Mar 2, 07:00 UTC');
  });

  it('formats a same-day range once', () => {
    expect(formatTimeRange('2026-03-02T07:00:00Z', '2026-03-02T15:00:00Z', 'Europe/Athens')).toBe(
      'Mon, Mar 2, 09:00–17:00 GMT+2',
    );
  });

  it('converts wall-clock time in a zone to UTC and back', () => {
    expect(zonedWallTimeToUtc('2026-03-02T09:00', 'Europe/Athens')).toBe(
      '2026-03-02T07:00:00.000Z',
    );
    expect(zonedWallTimeToUtc('2026-07-02T09:00', 'Europe/Athens')).toBe(
      '2026-07-02T06:00:00.000Z',
    );
    expect(zonedWallTimeToUtc('2026-07-02T09:00', 'America/New_York')).toBe(
      '2026-07-02T13:00:00.000Z',
    );
    expect(utcToZonedWallTime('2026-07-02T06:00:00.000Z', 'Europe/Athens')).toBe(
      '2026-07-02T09:00',
    );
  });

  it('handles daylight-saving gaps and overlaps', () => {
    // 03:30 does not exist in Athens on 2026-03-29 (clocks go 03:00 → 04:00): it moves forward.
    expect(zonedWallTimeToUtc('2026-03-29T03:30', 'Europe/Athens')).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 03:30 happens twice on 2026-10-25: the earlier one wins.
    expect(zonedWallTimeToUtc('2026-10-25T03:30', 'Europe/Athens')).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('falls back to the browser zone for unknown zones', () => {
    expect(safeTimeZone('Not/AZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(safeTimeZone('Europe/Athens')).toBe('Europe/Athens');
  });
});
