import { locale } from '@/i18n/messages';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  const cacheKey = `${locale}|${code}`;
  let format = moneyFormats.get(cacheKey);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    } catch {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    }
    moneyFormats.set(cacheKey, format);
  }
  return format;
}

/** Number of minor units per major unit of a currency (100 for usd/eur, 1 for jpy, 1000 for kwd). */
export function minorUnitFactor(currency: string): number {
  const digits = moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** Formats integer minor units in the given ISO 4217 currency, e.g. (450, 'eur') → "€4.50". */
export function formatMoney(minorUnits: number, currency: string): string {
  return moneyFormat(currency).format(minorUnits / minorUnitFactor(currency));
}

/** Short price for map pins: no decimals when whole, e.g. "€3" or "€2.50". */
export function formatPinPrice(minorUnits: number, currency: string): string {
  const factor = minorUnitFactor(currency);
  const whole = minorUnits % factor === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: whole ? 0 : undefined,
    maximumFractionDigits: whole ? 0 : undefined,
  }).format(minorUnits / factor);
}

/** Parses a user-typed amount ("2.5", "2,50") into minor units, or null when not a valid amount. */
export function parseMoney(input: string, currency: string): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const factor = minorUnitFactor(currency);
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > Math.log10(factor)) return null;
  return Math.round(Number(text) * factor);
}

/** Minor units to the editable major-unit text ("250" cents → "2.50"). */
export function moneyInputValue(minorUnits: number | null | undefined, currency: string): string {
  if (minorUnits == null) return '';
  const factor = minorUnitFactor(currency);
  return (minorUnits / factor).toFixed(Math.round(Math.log10(factor)));
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A valid IANA zone, falling back to the browser's. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return browserTimeZone();
  try {
    new Intl.DateTimeFormat(locale, { timeZone });
    return timeZone;
  } catch {
    return browserTimeZone();
  }
}

/** Short zone label for a moment, e.g. "EET", "GMT+2". */
export function timeZoneLabel(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Mon, 3 Mar, 09:00 EET": a moment shown in the spot's zone and labelled with it. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text} ${timeZoneLabel(timeZone, date)}`;
}

/** "Mon, 3 Mar, 09:00–17:00 EET" (or both dates when the range spans days). */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const day = (d: Date) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    }).format(d);
  const time = (d: Date) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(d);
  const label = timeZoneLabel(timeZone, start);
  if (day(start) === day(end)) return `${day(start)}, ${time(start)}–${time(end)} ${label}`;
  return `${day(start)}, ${time(start)} – ${day(end)}, ${time(end)} ${label}`;
}

export function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)));
}

function zoneOffsetMs(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * Converts a wall-clock time in a zone ("2026-03-01T09:00" in "Europe/Athens") to a UTC ISO string.
 * In a spring-forward gap the time moves forward; in a fall-back overlap the earlier moment wins.
 */
export function zonedWallTimeToUtc(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const day = 86_400_000;
  const before = zoneOffsetMs(new Date(wall - day), timeZone);
  const offsets = [
    before,
    zoneOffsetMs(new Date(wall), timeZone),
    zoneOffsetMs(new Date(wall + day), timeZone),
  ];
  const valid = offsets
    .map((offset) => wall - offset)
    .filter((t) => t + zoneOffsetMs(new Date(t), timeZone) === wall);
  const utc = valid.length > 0 ? Math.min(...valid) : wall - before;
  return new Date(utc).toISOString();
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of a moment in a zone (for datetime-local inputs). */
export function utcToZonedWallTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Next whole hour from now, as an ISO string (default booking start). */
export function nextWholeHour(now: Date = new Date()): string {
  const next = new Date(now);
  next.setUTCMinutes(0, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  return next.toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
}

export function formatRating(rating: number): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rating);
}

/** A plain date in the browser's locale ("3 Mar 2026" for en-GB, "Mar 3, 2026" for en-US). */
export function formatDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}
