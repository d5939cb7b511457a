import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { fmt, m } from '@/i18n/messages';
import {
  areaPath,
  binaryUnit,
  linePath,
  niceScale,
  project,
  timeTicks,
} from '@/features/admin/chart-scale';
import { formatClock } from '@/features/admin/dashboard-format';
import {
  latestValue,
  lineRuns,
  MAX_GAP_MS,
  type Sample,
  type SeriesKey,
} from '@/features/admin/history';

export type Tone = 'blue' | 'violet' | 'red' | 'amber' | 'green' | 'grey';

export interface ChartSeries {
  key: SeriesKey;
  label: string;
  tone: Tone;
  /** Fill the area under the line (the main series of a chart). */
  area?: boolean;
  /** A dashed line: a limit such as the pool's or the heap's maximum. */
  dashed?: boolean;
}

interface LineChartProps {
  id: string;
  title: string;
  history: readonly Sample[];
  series: readonly ChartSeries[];
  format: (value: number) => string;
  /** Right edge of the time axis (the newest sample's time); the left edge is `windowMs` before. */
  end: number;
  windowMs: number;
  /** A fixed top of the y axis, e.g. 1 for ratios. */
  yMax?: number;
  /** The smallest top of the y axis, so that all zeros sit on the bottom line. */
  minTop?: number;
  /** The y axis counts bytes: ticks in whole KiB, MiB, GiB. */
  bytes?: boolean;
  /** A line under the readout (e.g. "17 idle · 0 waiting"). */
  detail?: ReactNode;
  stale?: boolean;
}

const HEIGHT = 168;
const PAD = { top: 12, right: 14, bottom: 24 };
const FALLBACK_WIDTH = 340;
const CHAR_WIDTH = 6.6;
const MIN_LEFT = 62;

/** Width of the element in CSS pixels, following resizes (a fallback where layout is unknown). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.round(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(Math.max(measured, 200));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * A live line chart of some figures over the last minutes, drawn in SVG at the width it is given:
 * y axis with nice ticks, clock times along the bottom, gaps where there was no data, a dot on the
 * newest value, and the newest values written above it. Screen readers hear the title and the
 * newest values (the SVG is one image with a summary label).
 */
export function LineChart({
  id,
  title,
  history,
  series,
  format,
  end,
  windowMs,
  yMax,
  minTop,
  bytes = false,
  detail,
  stale = false,
}: LineChartProps) {
  const [frameRef, width] = useWidth<HTMLDivElement>();
  const start = end - windowMs;

  const values = history.flatMap((sample) => series.map((s) => sample.values[s.key]));
  const dataMax = Math.max(0, ...values.filter((v): v is number => v !== null));
  const scale = niceScale(values, {
    max: yMax,
    minTop,
    unit: bytes ? binaryUnit(Math.max(dataMax, minTop ?? 0)) : 1,
  });
  const tickLabels = scale.ticks.map((tick) => format(tick));
  // At least MIN_LEFT, so that the time axes of charts stacked or side by side line up.
  const left = Math.max(
    MIN_LEFT,
    Math.ceil(Math.max(...tickLabels.map((label) => label.length)) * CHAR_WIDTH) + 12,
  );
  const plotRight = width - PAD.right;
  const plotBottom = HEIGHT - PAD.bottom;
  const x = (t: number) => project(t, [start, end], [left, plotRight]);
  const y = (v: number) => project(v, [scale.min, scale.max], [plotBottom, PAD.top]);
  const xTicks = timeTicks(start, end, Math.max(1, Math.floor((plotRight - left) / 56))).filter(
    (t) => x(t) - left >= 16 && plotRight - x(t) >= 16,
  );

  const latest = series.map((s) => ({ ...s, value: latestValue(history, s.key) }));
  const readout = latest.map((s) => ({
    ...s,
    text: s.value === null ? m.admin.dash : format(s.value),
  }));
  const summary = fmt(m.admin.chartSummary, {
    title,
    minutes: Math.round(windowMs / 60_000),
    values: readout
      .map((s) => fmt(m.admin.seriesValue, { label: s.label, value: s.text }))
      .join(', '),
  });
  const hasData = values.some((v) => v !== null);

  return (
    <figure className={stale ? 'live-chart card is-stale' : 'live-chart card'} id={id}>
      <figcaption className="live-chart-head">
        <h3>{title}</h3>
        <ul className="readout" aria-hidden="true">
          {readout.map((s) => (
            <li key={s.key} className={`readout-item tone-${s.tone}`}>
              <span className={s.dashed ? 'swatch swatch-dashed' : 'swatch'} />
              {series.length > 1 ? <span className="readout-label">{s.label}</span> : null}
              <strong className="readout-value" data-testid={`${id}-${s.key}`}>
                {s.text}
              </strong>
            </li>
          ))}
        </ul>
        {detail ? <p className="live-chart-detail">{detail}</p> : null}
      </figcaption>
      <div className="live-chart-frame" ref={frameRef}>
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={summary}
          data-testid={`${id}-svg`}
        >
          <g className="chart-axis">
            {scale.ticks.map((tick, i) => (
              <g key={tick}>
                <line x1={left} x2={plotRight} y1={y(tick)} y2={y(tick)} />
                <text x={left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                  {tickLabels[i]}
                </text>
              </g>
            ))}
            {xTicks.map((t) => (
              <text key={t} x={x(t)} y={HEIGHT - 6} textAnchor="middle">
                {formatClock(t, false)}
              </text>
            ))}
          </g>
          {series.map((s) => {
            const runs = lineRuns(history, s.key, MAX_GAP_MS).map((run) =>
              run.map((p) => [x(p.t), y(p.v)] as const),
            );
            const className = `chart-series tone-${s.tone}${s.dashed ? ' dashed' : ''}`;
            return (
              <g key={s.key} className={className}>
                {s.area
                  ? runs
                      .filter((run) => run.length > 1)
                      .map((run, i) => (
                        <path key={`a${i}`} className="chart-area" d={areaPath(run, plotBottom)} />
                      ))
                  : null}
                {runs.map((run, i) =>
                  run.length > 1 ? (
                    <path key={`l${i}`} className="chart-line" d={linePath(run)} />
                  ) : (
                    <circle
                      key={`p${i}`}
                      className="chart-dot"
                      cx={run[0]![0]}
                      cy={run[0]![1]}
                      r={2}
                    />
                  ),
                )}
              </g>
            );
          })}
          {latest.map((s) =>
            s.value === null || history.length === 0 ? null : (
              <circle
                key={s.key}
                className={`chart-latest tone-${s.tone}`}
                cx={x(history[history.length - 1]!.t)}
                cy={y(s.value)}
                r={3.5}
              />
            ),
          )}
          {hasData ? null : (
            <text className="chart-empty" x={(left + plotRight) / 2} y={HEIGHT / 2}>
              {m.admin.noData}
            </text>
          )}
        </svg>
      </div>
    </figure>
  );
}
