import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type {
  AxisPointerComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../format';
import type { Lang } from '../../i18n';
import { useLang } from '../../i18n';
import type { ProgressSeries } from './types';

// Only what this chart draws: the whole library would triple the page's download.
use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

type Option = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | AxisPointerComponentOption
  | MarkLineComponentOption
>;

function monthName(m: number, lang: Lang): string {
  return lang === 'en'
    ? new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })
    : `T${m}`;
}

/** Room for the longest value label on the left, the same in both grids so the months line up. */
function labelRoom(s: ProgressSeries, lang: Lang, dp: number): number {
  const values = s.months.flatMap((m) => [m.actual, m.expectedValue, m.lastYearActual, m.value]);
  const top = Math.max(s.target ?? 0, ...values.map((v) => Math.abs(v ?? 0)));
  return 16 + 7.5 * formatNumber(top * 1.2, lang, dp).length;
}

export const LINE_STYLES = {
  actual: { color: '#0b5cad', type: 'solid', width: 3 },
  expected: { color: '#1b1f24', type: 'dashed', width: 2 },
  lastYear: { color: '#6b737d', type: 'dotted', width: 2 },
} as const;
export const BAR_COLOR = '#9cc3ea';

function chartOption(s: ProgressSeries, lang: Lang, t: (vi: string, en: string) => string): Option {
  const dp = Math.max(s.indicator.decimals, 0);
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang, dp) : '–');
  const axisLabel = { formatter: (v: number) => formatNumber(v, lang, dp), color: '#545d68' };
  const flow = s.indicator.kind === 'flow';
  const months = s.months.map((m) => monthName(m.month, lang));
  const left = labelRoom(s, lang, dp);
  // The axis follows the data only; the target line must stay in sight even when far from it.
  const drawn = s.months
    .flatMap((m) => [m.actual, m.expectedValue, m.lastYearActual])
    .filter((v): v is number => v !== null);
  const hi = Math.max(...drawn);
  const lo = Math.min(...drawn);
  const margin = (Math.max(hi, s.target ?? hi) - Math.min(lo, s.target ?? lo)) * 0.05;
  const withTarget = {
    ...(s.target !== null && s.target > hi ? { max: s.target + margin } : {}),
    ...(s.target !== null && s.target < lo ? { min: s.target - margin } : {}),
  };
  const line = (
    name: string,
    data: (number | null)[],
    style: (typeof LINE_STYLES)[keyof typeof LINE_STYLES],
  ) =>
    ({
      type: 'line',
      name,
      data,
      xAxisIndex: 0,
      yAxisIndex: 0,
      itemStyle: { color: style.color },
      lineStyle: { type: style.type, width: style.width },
      symbolSize: 6,
    }) satisfies LineSeriesOption;
  const lines: LineSeriesOption[] = [
    {
      ...line(
        flow ? t('Lũy kế thực hiện', 'Cumulative actual') : t('Thực hiện', 'Actual'),
        s.months.map((m) => m.actual),
        LINE_STYLES.actual,
      ),
      symbol: 'circle',
      symbolSize: 7,
      z: 3,
      ...(s.target !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#b3261e', type: 'solid', width: 1 },
              label: {
                position: 'insideStartTop',
                color: '#b3261e',
                formatter: `${t('Chỉ tiêu', 'Target')} ${s.basis ?? ''} ${formatNumber(s.target, lang, Math.max(dp, 2))}`,
              },
              data: [{ yAxis: s.target }],
            },
          }
        : {}),
    },
    {
      ...line(
        t('Tiến độ dự kiến', 'Expected pace'),
        s.months.map((m) => m.expectedValue),
        LINE_STYLES.expected,
      ),
      symbol: 'none',
    },
    {
      ...line(
        flow ? t('Lũy kế cùng kỳ năm trước', 'Last year, cumulative') : t('Năm trước', 'Last year'),
        s.months.map((m) => m.lastYearActual),
        LINE_STYLES.lastYear,
      ),
      symbol: 'triangle',
    },
  ];
  if (!flow) {
    // A level's month-end value is already the line; bars would only repeat it.
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      grid: { left, right: 16, top: 28, bottom: 28 },
      xAxis: { type: 'category', data: months, axisLabel: { color: '#545d68' } },
      yAxis: {
        type: 'value',
        name: s.indicator.unit,
        nameTextStyle: { align: 'left' },
        scale: true,
        ...withTarget,
        axisLabel,
      },
      series: lines,
    };
  }
  // The months' own values get a small grid of their own under the running totals: on one
  // scale they would be flat, on a second scale they would tower over the lines.
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left, right: 16, top: 28, bottom: '36%' },
      { left, right: 16, top: '72%', bottom: 24 },
    ],
    xAxis: [
      { type: 'category', data: months, gridIndex: 0, axisLabel: { show: false } },
      { type: 'category', data: months, gridIndex: 1, axisLabel: { color: '#545d68' } },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        name: s.indicator.unit,
        nameTextStyle: { align: 'left' },
        ...(withTarget.max === undefined ? {} : { max: withTarget.max }),
        axisLabel,
      },
      { type: 'value', gridIndex: 1, splitNumber: 2, axisLabel },
    ],
    series: [
      ...lines,
      {
        type: 'bar',
        name: t('Thực hiện trong tháng', 'In the month'),
        data: s.months.map((m) => m.value),
        xAxisIndex: 1,
        yAxisIndex: 1,
        itemStyle: { color: BAR_COLOR },
        barMaxWidth: 28,
      },
    ],
  };
}

/**
 * Cumulative actual against the expected pace and last year, with the months' own values as
 * bars. Loaded on its own (React.lazy) so the chart library stays out of the first download.
 */
export default function IndicatorChart({
  series,
  labelledBy,
}: {
  series: ProgressSeries;
  labelledBy: string;
}) {
  const { t, lang } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, null, { renderer: 'svg' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(chartOption(series, lang, t), true);
  }, [series, lang, t]);

  const flow = series.indicator.kind === 'flow';
  return (
    <>
      {/* The legend is HTML so it wraps on a phone and reads as text; the styles match the lines. */}
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={swatch(LINE_STYLES.actual)} />
          {flow ? t('Lũy kế thực hiện', 'Cumulative actual') : t('Thực hiện', 'Actual')}
        </li>
        <li>
          <span className="swatch" style={swatch(LINE_STYLES.expected)} />
          {t('Tiến độ dự kiến', 'Expected pace')}
        </li>
        <li>
          <span className="swatch" style={swatch(LINE_STYLES.lastYear)} />
          {flow ? t('Lũy kế cùng kỳ năm trước', 'Last year, cumulative') : t('Năm trước', 'Last year')}
        </li>
        {series.target !== null && (
          <li>
            <span className="swatch" style={swatch({ color: '#b3261e', type: 'solid', width: 1 })} />
            {t('Chỉ tiêu', 'Target')} {series.basis}
          </li>
        )}
        {flow && (
          <li>
            <span className="swatch bar-swatch" style={{ background: BAR_COLOR }} />
            {t('Thực hiện trong tháng (dưới)', 'In the month (below)')}
          </li>
        )}
      </ul>
      <div
        ref={box}
        className={flow ? 'indicator-chart' : 'indicator-chart level'}
        role="img"
        aria-labelledby={labelledBy}
      />
    </>
  );
}

function swatch(style: { color: string; type: string; width: number }) {
  return { borderTop: `${style.width + 1}px ${style.type} ${style.color}` };
}
