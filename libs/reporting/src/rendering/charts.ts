import * as echarts from 'echarts';
import { escapeHtml } from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionHealth,
  type ActionStatus,
} from '@app/tracking';
import type { ReportSummary } from '../progress/progress-report.model';
import type { ReportLabels } from '../progress/report-labels';
import { HEALTH_SWATCH, STATUS_SWATCH, type Swatch } from '../progress/report-style';
import { truncate } from './render-text';

/** A chart as a standalone SVG, with the words that say what it shows. */
export interface ChartSvg {
  /** `<svg role="img">` with a `<title>`, a `<desc>` and an `aria-label`. */
  svg: string;
  title: string;
  /** The chart's figures in words: the text alternative for readers who cannot see it. */
  description: string;
}

const WIDTH = 720;
const FONT = 'Helvetica, Arial, sans-serif';

// The status and health colours of the other documents (report-style.ts: Rijkshuisstijl,
// each fill with a text colour of contrast ≥ 4.5:1 for the data labels). Every bar also has a
// black border (light fills are < 3:1 against white), a decal pattern (aria.decal) and a data
// label, and the legend names each colour, so no reader depends on colour.
const STATUS_FILL: Record<ActionStatus, Swatch> = STATUS_SWATCH;
const HEALTH_FILL: Record<ActionHealth, Swatch> = HEALTH_SWATCH;
const BORDER = { borderColor: '#000', borderWidth: 1 };

/** Open actions by status, one horizontal stacked bar per track. */
export function statusByTrackChartSvg(summary: ReportSummary, labels: ReportLabels): ChartSvg {
  const title = labels.summaryFields.chartStatusByTrack;
  const tracks = summary.byTrack.map((t) => t.track?.name ?? labels.noTrack);
  const description = `${title}: ${summary.byTrack
    .map((t, i) => {
      const parts = ACTION_STATUSES.filter((s) => t.byStatus[s] > 0).map(
        (s) => `${labels.status[s]} ${t.byStatus[s]}`,
      );
      return `${tracks[i]}, ${labels.summaryFields.total.toLowerCase()} ${t.total}${
        parts.length > 0 ? ` (${parts.join(', ')})` : ''
      }`;
    })
    .join('; ')}.`;
  const height = 110 + 34 * Math.max(tracks.length, 1);
  const svg = renderSvg('status-by-track', title, description, height, {
    grid: { left: 8, right: 24, top: 16, bottom: 64, containLabel: true },
    legend: { bottom: 8, itemGap: 16, textStyle: { color: '#000', fontFamily: FONT } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: '#000', fontFamily: FONT },
      splitLine: { lineStyle: { color: '#ccc' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: tracks.map((t) => truncate(t, 40)),
      axisLabel: { color: '#000', fontFamily: FONT },
    },
    series: ACTION_STATUSES.map((status) => ({
      type: 'bar',
      stack: 'status',
      name: labels.status[status],
      barMaxWidth: 22,
      itemStyle: { color: STATUS_FILL[status].fill, ...BORDER },
      label: {
        show: true,
        color: STATUS_FILL[status].text,
        textBorderWidth: 0,
        fontFamily: FONT,
        formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
      },
      data: summary.byTrack.map((t) => t.byStatus[status]),
    })),
  });
  return { svg, title, description };
}

/** The open actions by health, one bar per health. */
export function healthChartSvg(summary: ReportSummary, labels: ReportLabels): ChartSvg {
  const title = labels.summaryFields.chartHealth;
  const healths = [...ACTION_HEALTHS.filter((h) => h !== 'not_set'), 'not_set' as const];
  const description = `${title}: ${healths
    .map((h) => `${labels.health[h]} ${summary.byHealth[h]}`)
    .join(', ')}.`;
  const svg = renderSvg('health', title, description, 260, {
    grid: { left: 8, right: 40, top: 16, bottom: 16, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: '#000', fontFamily: FONT },
      splitLine: { lineStyle: { color: '#ccc' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: healths.map((h) => labels.health[h]),
      axisLabel: { color: '#000', fontFamily: FONT },
    },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 28,
        label: {
          show: true,
          position: 'right',
          color: '#000',
          textBorderWidth: 0,
          fontFamily: FONT,
        },
        data: healths.map((h) => ({
          value: summary.byHealth[h],
          itemStyle: { color: HEALTH_FILL[h].fill, ...BORDER },
        })),
      },
    ],
  });
  return { svg, title, description };
}

function renderSvg(
  id: string,
  title: string,
  description: string,
  height: number,
  option: echarts.EChartsOption,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, decal: { show: true } },
      textStyle: { fontFamily: FONT },
      ...option,
    });
    return (
      chart
        .renderToSVGString()
        // Hover rules, their classes and echarts' own metadata are for an interactive chart;
        // this one is a picture (and its class numbers would differ from run to run).
        .replace(/<style[\s\S]*?<\/style>\s*/g, '')
        .replace(/ (?:class|pointer-events|ecmeta_[a-z_]+)="[^"]*"/g, '')
        // zrender numbers its ids per process; stable ids keep two charts in one page apart
        // and the output reproducible.
        .replace(/zr\d+-/g, `chart-${id}-`)
        .replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(description)}" `)
        .replace(
          /(<svg[^>]*>)/,
          `$1<title id="chart-${id}-title">${escapeHtml(title)}</title><desc id="chart-${id}-desc">${escapeHtml(description)}</desc>`,
        )
    );
  } finally {
    chart.dispose();
  }
}
