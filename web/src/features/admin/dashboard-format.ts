import { fmt, locale, m } from '@/i18n/messages';
import { finite } from '@/features/admin/history';

// Dashboard figures as text. Every formatter takes what the API may send (a number, null, missing)
// and answers "—" for anything that is not a finite number: never "NaN" or "Infinity".

const DASH = m.admin.dash;
const u = m.admin.units;

function number(value: number, maximumFractionDigits: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** Significant decimals for a figure of this size: 1234, 123, 12.3, 1.23, 0.12. */
function decimalsFor(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return 1;
  return 2;
}

/** A count: "1,234". */
export function formatCount(value: unknown): string {
  const v = finite(value);
  return v === null ? DASH : number(v, 0);
}

/** Requests per second: "123/s", "12.3/s", "0.25/s". */
export function formatRate(value: unknown): string {
  const v = finite(value);
  return v === null ? DASH : fmt(u.perSecond, { value: number(v, decimalsFor(v)) });
}

/** A duration in milliseconds: "0.42 ms", "45.1 ms", "850 ms", "1.2 s". */
export function formatMs(value: unknown): string {
  const v = finite(value);
  if (v === null) return DASH;
  if (Math.abs(v) >= 1000) {
    const s = v / 1000;
    return fmt(u.seconds, { value: number(s, s >= 100 ? 0 : 1) });
  }
  return fmt(u.ms, { value: number(v, decimalsFor(v)) });
}

/** A ratio (0…1) as a percentage: "87%", "3.5%", "0.12%", "0%". */
export function formatPercent(value: unknown): string {
  const v = finite(value);
  if (v === null) return DASH;
  const digits = decimalsFor(v * 100);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(
    v,
  );
}

/** Bytes in binary units: "512 B", "5.3 MiB", "118 MiB", "1 GiB". */
export function formatBytes(value: unknown): string {
  const v = finite(value);
  if (v === null) return DASH;
  let unit = 0;
  let scaled = Math.abs(v);
  while (scaled >= 1024 && unit < u.bytes.length - 1) {
    scaled /= 1024;
    unit++;
  }
  const text = number(Math.sign(v) * scaled, unit === 0 || scaled >= 100 ? 0 : 1);
  return fmt(u.bytes[unit]!, { value: text });
}

/** An elapsed time in milliseconds, two units at most: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(value: unknown): string {
  const v = finite(value);
  if (v === null || v < 0) return DASH;
  const seconds = Math.floor(v / 1000);
  const parts = [
    { size: 86_400, unit: u.days },
    { size: 3_600, unit: u.hours },
    { size: 60, unit: u.minutes },
    { size: 1, unit: u.seconds },
  ];
  const first = parts.findIndex((p) => seconds >= p.size);
  if (first === -1) return fmt(u.seconds, { value: 0 });
  const big = parts[first]!;
  const whole = Math.floor(seconds / big.size);
  const text = fmt(big.unit, { value: whole });
  const small = parts[first + 1];
  if (!small || big.size === 60) return text;
  const rest = Math.floor((seconds % big.size) / small.size);
  return rest > 0 ? `${text} ${fmt(small.unit, { value: rest })}` : text;
}

/** Milliseconds between two ISO instants, or null when either is missing or unreadable. */
export function elapsedMs(fromIso: unknown, toIso: unknown): number | null {
  if (typeof fromIso !== 'string' || typeof toIso !== 'string') return null;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  return Number.isFinite(ms) ? ms : null;
}

/** A wall-clock time in the browser's zone: "07:00:02" (with seconds), "07:00" without. */
export function formatClock(value: string | number | null | undefined, seconds = true): string {
  if (value === null || value === undefined) return DASH;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return DASH;
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).format(date);
}
