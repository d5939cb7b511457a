import { describe, expect, it } from 'vitest';
import {
  finite,
  latestValue,
  lineRuns,
  pushSample,
  toSample,
  type Sample,
} from '@/features/admin/history';
import { dashboardFixture } from '@/features/admin/testing/fixture';
import type { AdminDashboard } from '@/types/api';

function sample(t: number, requests: number | null): Sample {
  const s = toSample(dashboardFixture(), t);
  return { ...s, values: { ...s.values, requestsPerSecond: requests } };
}

describe('finite', () => {
  it('keeps finite numbers and turns everything else into null', () => {
    expect(finite(0)).toBe(0);
    expect(finite(-2.5)).toBe(-2.5);
    for (const bad of [null, undefined, NaN, Infinity, -Infinity, '3', {}, []]) {
      expect(finite(bad)).toBeNull();
    }
  });
});

describe('toSample', () => {
  it('reads every charted figure of a snapshot', () => {
    const s = toSample(dashboardFixture(), 1_000);
    expect(s.t).toBe(1_000);
    expect(s.values).toEqual({
      requestsPerSecond: 123.4,
      p50Ms: 3.2,
      p99Ms: 45.1,
      errorRate: 0.0012,
      clientErrorRate: 0.03,
      cacheHitRate: 0.87,
      dbActive: 3,
      dbMax: 20,
      jobLagP99Ms: 850,
      jobLagMaxMs: 1200,
      heapUsedBytes: 123456789,
      heapMaxBytes: 1073741824,
    });
  });

  it('turns nulls, missing sections and NaN into null', () => {
    const partial = {
      at: '2026-11-24T07:00:00Z',
      requests: { per_second: null, p50_ms: NaN },
    } as unknown as AdminDashboard;
    const s = toSample(partial, 5);
    expect(Object.values(s.values).every((v) => v === null)).toBe(true);
  });
});

describe('pushSample', () => {
  const limits = { windowMs: 10_000, capacity: 100 };

  it('appends without changing the given history', () => {
    const first = [sample(0, 1)];
    const next = pushSample(first, sample(2_000, 2), limits);
    expect(next.map((s) => s.t)).toEqual([0, 2_000]);
    expect(first).toHaveLength(1);
  });

  it('drops samples older than the window before the newest', () => {
    let history: Sample[] = [];
    for (let t = 0; t <= 30_000; t += 2_000) history = pushSample(history, sample(t, t), limits);
    expect(history[0]!.t).toBe(20_000);
    expect(history.at(-1)!.t).toBe(30_000);
  });

  it('keeps at most `capacity` samples, the newest ones', () => {
    let history: Sample[] = [];
    for (let t = 0; t < 50; t++) {
      history = pushSample(history, sample(t, t), { windowMs: 1e9, capacity: 10 });
    }
    expect(history).toHaveLength(10);
    expect(history.map((s) => s.t)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
  });

  it('keeps a repeated snapshot as a new sample, so the line stays unbroken', () => {
    const cached = dashboardFixture();
    const history = pushSample([toSample(cached, 0)], toSample(cached, 2_000), limits);
    expect(history.map((s) => s.t)).toEqual([0, 2_000]);
    expect(lineRuns(history, 'requestsPerSecond', 5_000)).toHaveLength(1);
  });

  it('forgets samples that lie in the future when the clock goes backwards', () => {
    const history = [sample(0, 1), sample(2_000, 2), sample(4_000, 3)];
    expect(pushSample(history, sample(3_000, 4), limits).map((s) => s.t)).toEqual([
      0, 2_000, 3_000,
    ]);
  });
});

describe('lineRuns', () => {
  it('joins consecutive values and breaks the line at nulls', () => {
    const history = [sample(0, 1), sample(2_000, 2), sample(4_000, null), sample(6_000, 4)];
    expect(lineRuns(history, 'requestsPerSecond', 5_000)).toEqual([
      [
        { t: 0, v: 1 },
        { t: 2_000, v: 2 },
      ],
      [{ t: 6_000, v: 4 }],
    ]);
  });

  it('breaks the line where polls are missing (an outage or a hidden tab)', () => {
    const history = [sample(0, 1), sample(2_000, 2), sample(20_000, 3), sample(22_000, 4)];
    expect(lineRuns(history, 'requestsPerSecond', 5_000).map((run) => run.length)).toEqual([2, 2]);
  });

  it('has no runs without data', () => {
    expect(lineRuns([], 'p99Ms')).toEqual([]);
    expect(lineRuns([sample(0, null)], 'requestsPerSecond')).toEqual([]);
  });
});

describe('latestValue', () => {
  it("is the newest sample's value, null when it has none", () => {
    expect(latestValue([sample(0, 1), sample(2_000, 2)], 'requestsPerSecond')).toBe(2);
    expect(latestValue([sample(0, 1), sample(2_000, null)], 'requestsPerSecond')).toBeNull();
    expect(latestValue([], 'requestsPerSecond')).toBeNull();
  });
});
