import type { AdminDashboard } from '@/types/api';

// The dashboard's memory: one sample per successful poll, the last few minutes only.

/** The figures drawn as charts. */
export type SeriesKey =
  | 'requestsPerSecond'
  | 'p50Ms'
  | 'p99Ms'
  | 'errorRate'
  | 'clientErrorRate'
  | 'cacheHitRate'
  | 'dbActive'
  | 'dbMax'
  | 'jobLagP99Ms'
  | 'jobLagMaxMs'
  | 'heapUsedBytes'
  | 'heapMaxBytes';

export interface Sample {
  /**
   * When the browser received the snapshot (ms since the epoch). The x axis uses it rather than the
   * server's `at`, so instances with different clocks behind a load balancer still draw in order.
   */
  t: number;
  values: Record<SeriesKey, number | null>;
}

export interface HistoryLimits {
  /** Samples older than this before the newest one are dropped. */
  windowMs: number;
  /** Never more samples than this, whatever the clock does. */
  capacity: number;
}

export const POLL_INTERVAL_MS = 2_000;
export const HISTORY_LIMITS: HistoryLimits = { windowMs: 5 * 60_000, capacity: 200 };
/** Points further apart than this (failed or paused polls) are not joined by a line. */
export const MAX_GAP_MS = POLL_INTERVAL_MS * 2.5;

/** A finite number, or null for null, missing, NaN, ±Infinity and anything that is not a number. */
export function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The charted figures of a snapshot. Tolerates missing sections (every figure becomes null). */
export function toSample(snapshot: AdminDashboard, receivedAt: number): Sample {
  const s = snapshot as Partial<AdminDashboard>;
  return {
    t: receivedAt,
    values: {
      requestsPerSecond: finite(s.requests?.per_second),
      p50Ms: finite(s.requests?.p50_ms),
      p99Ms: finite(s.requests?.p99_ms),
      errorRate: finite(s.requests?.error_rate),
      clientErrorRate: finite(s.requests?.client_error_rate),
      cacheHitRate: finite(s.cache?.hit_rate),
      dbActive: finite(s.db_pool?.active),
      dbMax: finite(s.db_pool?.max),
      jobLagP99Ms: finite(s.jobs?.lag_p99_ms),
      jobLagMaxMs: finite(s.jobs?.lag_max_ms),
      heapUsedBytes: finite(s.jvm?.heap_used_bytes),
      heapMaxBytes: finite(s.jvm?.heap_max_bytes),
    },
  };
}

/**
 * Adds a sample to a rolling history and returns the new history (the input is not changed, so
 * React sees a new value). Like a ring buffer, the oldest samples fall out: those more than
 * `windowMs` before the newest and any beyond `capacity`. A clock that went backwards drops the
 * samples that now lie in the future. A snapshot the server repeats (a cached one) is kept as a new
 * sample: the figure held for that long, and the line stays unbroken.
 */
export function pushSample(
  history: readonly Sample[],
  sample: Sample,
  limits: HistoryLimits = HISTORY_LIMITS,
): Sample[] {
  let kept: readonly Sample[] = history;
  if (kept.length > 0 && kept[kept.length - 1]!.t > sample.t) {
    kept = kept.filter((s) => s.t <= sample.t);
  }
  const oldest = sample.t - limits.windowMs;
  const next = [...kept.filter((s) => s.t >= oldest), sample];
  return next.length > limits.capacity ? next.slice(next.length - limits.capacity) : next;
}

export interface Point {
  t: number;
  v: number;
}

/**
 * The runs of a series that are drawn as one line: a null value, or two samples further apart than
 * `maxGapMs`, ends a run. A run of one point is drawn as a dot.
 */
export function lineRuns(
  history: readonly Sample[],
  key: SeriesKey,
  maxGapMs: number = MAX_GAP_MS,
): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  let previousT: number | null = null;
  for (const sample of history) {
    const v = sample.values[key];
    const gap = previousT !== null && sample.t - previousT > maxGapMs;
    if (v === null || gap) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (v !== null) run.push({ t: sample.t, v });
    previousT = sample.t;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The latest value of a series: the newest sample's, null when it has none (never an older one). */
export function latestValue(history: readonly Sample[], key: SeriesKey): number | null {
  return history[history.length - 1]?.values[key] ?? null;
}
