// Scales and SVG paths for the dashboard's charts: plain arithmetic, no DOM.

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) that splits `range` into about `count` parts. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0) || !(count > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice =
    fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rounds away the float noise of repeated additions (0.1 + 0.2). */
function clean(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

export interface ScaleOptions {
  /** A fixed top, e.g. 1 for a ratio; values above it are clipped by the chart. */
  max?: number;
  /** The smallest top when the data is all zero or tiny, so a flat zero line sits at the bottom. */
  minTop?: number;
  /** About how many intervals between ticks. */
  count?: number;
  /** Ticks are nice numbers in this unit, e.g. 1024 ** 2 to label bytes as whole MiB. */
  unit?: number;
}

/**
 * A y scale from zero (or the lowest value, when negative) to a nice number at or above the highest
 * value, with its ticks. Null and non-finite values are ignored; with no data the scale is 0…minTop.
 */
export function niceScale(values: Iterable<number | null>, options: ScaleOptions = {}): Scale {
  const { minTop = 1, count = 4, unit = 1 } = options;
  let low = 0;
  let high = -Infinity;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const top = options.max ?? Math.max(high, minTop);
  const step = niceStep((top - low) / unit, count) * unit;
  const min = clean(Math.floor(low / step) * step);
  const max = options.max ?? clean(Math.ceil(top / step) * step);
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const tick = clean(min + i * step);
    if (tick > max + step * 1e-9) break;
    ticks.push(tick);
  }
  return { min, max, ticks };
}

/** The binary unit (1, KiB, MiB, GiB…) in which `bytes` is between 1 and 1024. */
export function binaryUnit(bytes: number): number {
  if (!(bytes >= 1024)) return 1;
  return 1024 ** Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), 4);
}

/** Maps `value` from the domain [d0, d1] onto the range [r0, r1] (clamped to the range). */
export function project(value: number, [d0, d1]: [number, number], [r0, r1]: [number, number]) {
  if (d1 === d0) return r0;
  const ratio = Math.min(Math.max((value - d0) / (d1 - d0), 0), 1);
  return r0 + ratio * (r1 - r0);
}

/**
 * Times for x-axis labels between `start` and `end` (ms): whole minutes, or every 2, 5, 10… minutes
 * so that at most `maxTicks` fit. Falls back to 30 s steps for windows under two minutes.
 */
export function timeTicks(start: number, end: number, maxTicks: number): number[] {
  if (!(end > start) || maxTicks < 1) return [];
  const steps = [30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];
  const span = end - start;
  const minStep = span < 120_000 ? 30_000 : 60_000;
  const step = steps.find((s) => s >= minStep && Math.floor(span / s) <= maxTicks) ?? steps.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return ticks;
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "M x y L x y …" through the points (already in pixels). */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)} ${n(y)}`).join(' ');
}

/** The line through the points closed down to `baseY`: the filled area under it. */
export function areaPath(points: readonly (readonly [number, number])[], baseY: number): string {
  if (points.length === 0) return '';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return `${linePath(points)} L${n(last[0])} ${n(baseY)} L${n(first[0])} ${n(baseY)} Z`;
}
