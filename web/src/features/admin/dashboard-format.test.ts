import { describe, expect, it } from 'vitest';
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

const formatters = [formatCount, formatRate, formatMs, formatPercent, formatBytes, formatDuration];

describe('dashboard formatting', () => {
  it('shows a dash, never NaN, for null, missing and non-finite values', () => {
    for (const format of formatters) {
      for (const bad of [null, undefined, NaN, Infinity, 'x']) {
        expect(format(bad)).toBe('—');
      }
    }
    expect(formatClock(null)).toBe('—');
    expect(formatClock('not a date')).toBe('—');
  });

  it('formats counts and rates', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(0)).toBe('0');
    expect(formatRate(123.4)).toBe('123/s');
    expect(formatRate(12.34)).toBe('12.3/s');
    expect(formatRate(0.25)).toBe('0.25/s');
    expect(formatRate(0)).toBe('0/s');
  });

  it('formats latencies in ms, and in seconds from one second on', () => {
    expect(formatMs(3.2)).toBe('3.2 ms');
    expect(formatMs(0.42)).toBe('0.42 ms');
    expect(formatMs(45.1)).toBe('45.1 ms');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(1200)).toBe('1.2 s');
  });

  it('formats ratios as percentages with the decimals that matter', () => {
    expect(formatPercent(0.87)).toBe('87%');
    expect(formatPercent(0.03)).toBe('3%');
    expect(formatPercent(0.035)).toBe('3.5%');
    expect(formatPercent(0.0012)).toBe('0.12%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(123456789)).toBe('118 MiB');
    expect(formatBytes(1073741824)).toBe('1 GiB');
    expect(formatBytes(268435456)).toBe('256 MiB');
    expect(formatBytes(5 * 1024 * 1024 + 300_000)).toBe('5.3 MiB');
  });

  it('formats uptime in at most two units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 60_000)).toBe('2 d 4 h');
    expect(formatDuration(-1)).toBe('—');
  });

  it('measures the time between two instants', () => {
    expect(elapsedMs('2026-11-24T06:00:00Z', '2026-11-24T07:00:00Z')).toBe(3_600_000);
    expect(elapsedMs(null, '2026-11-24T07:00:00Z')).toBeNull();
    expect(elapsedMs('x', '2026-11-24T07:00:00Z')).toBeNull();
  });

  it('shows clock times with seconds, in the 24-hour clock', () => {
    expect(formatClock('2026-11-24T07:00:02Z')).toMatch(/^\d{2}:\d{2}:02$/);
    expect(formatClock(Date.UTC(2026, 10, 24, 7, 5), false)).toMatch(/^\d{2}:05$/);
  });
});
