// When a spot can be booked, from GET /parking-spots/{id}/calendar: pure functions, so the
// booking form can show and refuse unavailable times before asking for a price.

export interface Interval {
  start: string;
  end: string;
}

export interface SpotCalendar {
  spot_id: string;
  time_zone: string;
  from: string;
  to: string;
  /** When the spot is open (its weekly hours), clipped to [from, to). */
  open: Interval[];
  /** Periods the owner blocked. */
  blocked: Interval[];
  /** Periods other bookings hold. */
  busy: Interval[];
}

export type UnavailableReason = 'closed' | 'busy' | 'blocked';

export interface Unavailable {
  reason: UnavailableReason;
  start: number;
  end: number;
}

const t = (iso: string) => new Date(iso).getTime();

function merge(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** Every unavailable span of the calendar, sorted: closed hours, blocks and other bookings. */
export function unavailableSpans(calendar: SpotCalendar): Unavailable[] {
  const from = t(calendar.from);
  const to = t(calendar.to);
  const open = merge(calendar.open.map((i) => ({ start: t(i.start), end: t(i.end) })));
  const closed: Unavailable[] = [];
  let cursor = from;
  for (const span of open) {
    if (span.start > cursor) closed.push({ reason: 'closed', start: cursor, end: span.start });
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < to) closed.push({ reason: 'closed', start: cursor, end: to });
  const other = (reason: UnavailableReason, list: Interval[]): Unavailable[] =>
    merge(list.map((i) => ({ start: t(i.start), end: t(i.end) }))).map((s) => ({ reason, ...s }));
  return [...closed, ...other('blocked', calendar.blocked), ...other('busy', calendar.busy)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}

/** Whether the calendar covers the whole window (else nothing can be said about it). */
export function covers(calendar: SpotCalendar, start: number, end: number): boolean {
  return start >= t(calendar.from) && end <= t(calendar.to);
}

/**
 * The first unavailable span the window [start, end) overlaps, bookings and blocks before closed
 * hours (they say more); null when the window is free or outside the calendar.
 */
export function clashOf(
  calendar: SpotCalendar,
  startIso: string,
  endIso: string,
): Unavailable | null {
  const start = t(startIso);
  const end = t(endIso);
  if (!(end > start) || !covers(calendar, start, end)) return null;
  const hits = unavailableSpans(calendar).filter((s) => s.start < end && s.end > start);
  const order: UnavailableReason[] = ['busy', 'blocked', 'closed'];
  hits.sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || a.start - b.start);
  return hits[0] ?? null;
}

/**
 * The earliest start at or after `after` (on a 15-minute step) from which `hours` fit without a
 * clash, within the calendar; null when none does.
 */
export function nextFreeStart(
  calendar: SpotCalendar,
  afterIso: string,
  hours: number,
): string | null {
  const step = 15 * 60_000;
  const length = hours * 3_600_000;
  const to = t(calendar.to);
  const spans = unavailableSpans(calendar);
  let start = Math.ceil(Math.max(t(afterIso), t(calendar.from)) / step) * step;
  while (start + length <= to) {
    const end = start + length;
    const hit = spans.find((s) => s.start < end && s.end > start);
    if (!hit) return new Date(start).toISOString();
    // jump past the span that is in the way
    start = Math.ceil(hit.end / step) * step;
  }
  return null;
}

/** The spans that touch [from, to), clipped to it (to list what a chosen day holds). */
export function spansWithin(spans: Unavailable[], from: number, to: number): Unavailable[] {
  return spans
    .filter((s) => s.start < to && s.end > from)
    .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
}
