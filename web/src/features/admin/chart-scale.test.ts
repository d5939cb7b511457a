import { describe, expect, it } from 'vitest';
import {
  areaPath,
  binaryUnit,
  linePath,
  niceScale,
  niceStep,
  project,
  timeTicks,
} from '@/features/admin/chart-scale';

describe('niceStep', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(0.003, 4)).toBeCloseTo(0.001);
    expect(niceStep(1300, 4)).toBe(500);
    expect(niceStep(0, 4)).toBe(1);
  });
});

describe('niceScale', () => {
  it('runs from zero to a nice number above the highest value', () => {
    expect(niceScale([12, 123.4, null, 80])).toEqual({
      min: 0,
      max: 150,
      ticks: [0, 50, 100, 150],
    });
  });

  it('has a usable scale without data or with only zeros', () => {
    expect(niceScale([])).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceScale([null, 0, NaN], { minTop: 0.01 }).max).toBe(0.01);
  });

  it('respects a fixed top such as 100% for ratios', () => {
    expect(niceScale([0.87], { max: 1 })).toEqual({
      min: 0,
      max: 1,
      ticks: [0, 0.25, 0.5, 0.75, 1],
    });
  });

  it('gives clean ticks for small ratios (no float noise)', () => {
    const scale = niceScale([0.0012, 0.03]);
    expect(scale.ticks.every((t) => String(t).length < 8)).toBe(true);
    expect(niceScale([0.0012], { minTop: 0.001 }).ticks).toEqual([0, 0.0005, 0.001, 0.0015]);
  });

  it('gives whole binary units for bytes', () => {
    const gib = 1024 ** 3;
    expect(niceScale([123456789, gib], { unit: binaryUnit(gib) }).ticks).toEqual([
      0,
      gib / 4,
      gib / 2,
      (3 * gib) / 4,
      gib,
    ]);
  });

  it('goes below zero only for negative values', () => {
    expect(niceScale([-3, 7]).min).toBeLessThan(0);
    expect(niceScale([3, 7]).min).toBe(0);
  });
});

describe('binaryUnit', () => {
  it('is the power of 1024 that keeps the number below 1024', () => {
    expect(binaryUnit(500)).toBe(1);
    expect(binaryUnit(2048)).toBe(1024);
    expect(binaryUnit(123456789)).toBe(1024 ** 2);
    expect(binaryUnit(NaN)).toBe(1);
  });
});

describe('project', () => {
  it('maps a domain onto a (possibly inverted) pixel range and clamps', () => {
    expect(project(5, [0, 10], [100, 0])).toBe(50);
    expect(project(20, [0, 10], [100, 0])).toBe(0);
    expect(project(-5, [0, 10], [0, 200])).toBe(0);
    expect(project(3, [2, 2], [7, 9])).toBe(7);
  });
});

describe('timeTicks', () => {
  const minute = 60_000;
  const end = Date.UTC(2026, 10, 24, 7, 4, 30);

  it('puts labels on whole minutes over five minutes', () => {
    const ticks = timeTicks(end - 5 * minute, end, 6);
    expect(ticks).toHaveLength(5);
    expect(ticks.every((t) => t % minute === 0)).toBe(true);
    expect(ticks[0]).toBe(Date.UTC(2026, 10, 24, 7, 0));
  });

  it('uses wider steps when the chart is narrow', () => {
    const ticks = timeTicks(end - 5 * minute, end, 3);
    expect(ticks.length).toBeLessThanOrEqual(3);
    expect(ticks[1]! - ticks[0]!).toBe(2 * minute);
  });

  it('has no ticks for an empty span', () => {
    expect(timeTicks(end, end, 5)).toEqual([]);
  });
});

describe('paths', () => {
  it('draws lines and closed areas with rounded pixels', () => {
    expect(linePath([])).toBe('');
    expect(
      linePath([
        [0, 10],
        [5.123, 2.06],
      ]),
    ).toBe('M0 10 L5.1 2.1');
    expect(
      areaPath(
        [
          [0, 10],
          [5, 2],
        ],
        20,
      ),
    ).toBe('M0 10 L5 2 L5 20 L0 20 Z');
  });
});
