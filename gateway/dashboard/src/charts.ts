// Charts with Apache ECharts, imported piece by piece so the bundle holds only what is drawn.
// Each chart resizes with its card (phone-width screens included).

import { BarChart, PieChart, SankeyChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatMoney, formatNumber } from './format';
import { cityName, displayName, label, type Language, type Strings } from './i18n';
import type { Count, FundingFlow, GrantAward } from './queries';

echarts.use([BarChart, PieChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const PALETTE = ['#0f766e', '#2563eb', '#f59e0b', '#db2777', '#7c3aed', '#16a34a', '#ea580c', '#0891b2', '#64748b', '#a16207'];

const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

export interface Chart {
  /** Whether the chart is wide enough for labels beside the plot (not on a phone). */
  roomy(): boolean;
  update(option: echarts.EChartsCoreOption): void;
  /** Called after the chart followed a change of its card's size. */
  onResize(handler: () => void): void;
  onSelect(handler: (key: string) => void): void;
}

/** A reader who asked their system for less motion (prefers-reduced-motion) gets charts that change without animating. */
const REDUCED_MOTION = matchMedia('(prefers-reduced-motion: reduce)');

/** An ECharts instance in `element` that follows the element's size. */
export function createChart(element: HTMLElement): Chart {
  const chart = echarts.init(element, null, { renderer: 'svg' });
  const resized: (() => void)[] = [];
  new ResizeObserver(() => {
    chart.resize();
    for (const handler of resized) handler();
  }).observe(element);
  return {
    roomy: () => element.clientWidth >= 560,
    update(option) {
      // series keep their ids from one update to the next, so live changes animate from the old
      // values instead of drawing the chart again; series no longer present are removed
      chart.setOption(
        { color: PALETTE, textStyle: { fontFamily: FONT }, aria: { enabled: true }, animation: !REDUCED_MOTION.matches, animationDuration: 300, ...option },
        { replaceMerge: ['series'] },
      );
    },
    onResize(handler) {
      resized.push(handler);
    },
    onSelect(handler) {
      chart.on('click', (params) => {
        const key = (params.data as { key?: string } | undefined)?.key;
        if (key) handler(key);
      });
    },
  };
}

/** Horizontal bars, largest on top; a bar's `key` is the value a click filters by. */
export function barOption(counts: Count[], name: (key: string | null) => string, selected: string | null): echarts.EChartsCoreOption {
  const rows = [...counts].sort((a, b) => a.count - b.count);
  return {
    grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef2f6' } }, axisLabel: { color: '#64748b' } },
    yAxis: {
      type: 'category',
      data: rows.map((row) => name(row.key)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#334155', width: 130, overflow: 'truncate' },
    },
    series: [
      {
        id: 'counts',
        type: 'bar',
        barMaxWidth: 18,
        cursor: 'pointer',
        label: { show: true, position: 'right', color: '#0f172a', fontWeight: 600 },
        data: rows.map((row) => ({
          key: row.key ?? undefined,
          value: row.count,
          itemStyle: { color: selected && row.key !== selected ? '#99d5cf' : PALETTE[0], borderRadius: [0, 4, 4, 0] },
        })),
      },
    ],
  };
}

/** A donut with the total in its middle. */
export function donutOption(counts: Count[], name: (key: string | null) => string, total: number, language: Language): echarts.EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 'middle',
      icon: 'circle',
      itemWidth: 8,
      itemHeight: 8,
      itemGap: 8,
      textStyle: { color: '#334155', width: 120, overflow: 'truncate' },
    },
    series: [
      {
        id: 'counts',
        type: 'pie',
        radius: ['46%', '72%'],
        center: ['30%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, position: 'center', formatter: () => formatNumber(language, total), fontSize: 22, fontWeight: 700, color: '#0f172a' },
        labelLine: { show: false },
        emphasis: { label: { show: true } },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: counts.map((row) => ({ key: row.key ?? undefined, name: name(row.key), value: row.count })),
      },
    ],
  };
}

/**
 * Funder → recipient in one currency. Funders sit left and recipients right (an organization
 * that does both appears on each side), so the diagram never has a cycle.
 */
export function sankeyOption(flows: FundingFlow[], currency: string, language: Language, roomy: boolean): echarts.EChartsCoreOption {
  const inCurrency = flows.map((flow) => ({ flow, money: flow.totals.find((total) => total.currency === currency) })).filter((entry) => entry.money);
  const nodes = new Map<string, { name: string; label: string; depth: number }>();
  for (const { flow } of inCurrency) {
    nodes.set(`funder:${flow.funder.id}`, { name: `funder:${flow.funder.id}`, label: displayName(language, flow.funder), depth: 0 });
    nodes.set(`recipient:${flow.recipient.id}`, { name: `recipient:${flow.recipient.id}`, label: displayName(language, flow.recipient), depth: 1 });
  }
  const labels = new Map([...nodes.values()].map((node) => [node.name, node.label]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataType: string; name: string; data: { source?: string; target?: string; money?: string } }) =>
        params.dataType === 'edge'
          ? `${labels.get(params.data.source!)} → ${labels.get(params.data.target!)}<br/><b>${params.data.money}</b>`
          : labels.get(params.name),
    },
    series: [
      {
        id: 'flows',
        type: 'sankey',
        left: roomy ? 190 : 8,
        right: roomy ? 190 : 8,
        top: 8,
        bottom: 8,
        nodeWidth: 10,
        nodeGap: 10,
        layoutIterations: 16,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
        label: {
          color: '#0f172a',
          fontSize: 11,
          width: roomy ? 180 : 115,
          overflow: 'truncate',
          formatter: (params: { name: string }) => labels.get(params.name) ?? params.name,
        },
        levels: [
          { depth: 0, itemStyle: { color: PALETTE[1] }, label: { position: roomy ? 'left' : 'right' } },
          { depth: 1, itemStyle: { color: PALETTE[0] }, label: { position: roomy ? 'right' : 'left' } },
        ],
        data: [...nodes.values()].map((node) => ({ name: node.name, depth: node.depth })),
        links: inCurrency.map(({ flow, money }) => ({
          source: `funder:${flow.funder.id}`,
          target: `recipient:${flow.recipient.id}`,
          value: Number(money!.amount),
          money: formatMoney(language, money!),
        })),
      },
    ],
  };
}

/** Money awarded per year, one bar series per currency. */
export function awardsPerYearOption(grants: GrantAward[], strings: Strings, language: Language): echarts.EChartsCoreOption {
  const byCurrency = new Map<string, Map<number, number>>();
  const years = new Set<number>();
  for (const grant of grants) {
    const year = Number(grant.awardDate.slice(0, 4));
    years.add(year);
    const perYear = byCurrency.get(grant.amountAwarded.currency) ?? new Map<number, number>();
    perYear.set(year, (perYear.get(year) ?? 0) + Number(grant.amountAwarded.amount));
    byCurrency.set(grant.amountAwarded.currency, perYear);
  }
  const axis = [...years].sort();
  return {
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: undefined,
    },
    xAxis: { type: 'category', data: axis.map(String), axisTick: { show: false }, axisLabel: { color: '#334155' } },
    yAxis: {
      type: 'value',
      name: strings.total,
      nameTextStyle: { color: '#64748b' },
      splitLine: { lineStyle: { color: '#eef2f6' } },
      axisLabel: {
        color: '#64748b',
        formatter: (value: number) => new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { notation: 'compact' }).format(value),
      },
    },
    series: [...byCurrency.entries()].map(([currency, perYear], index) => ({
      id: currency,
      type: 'bar',
      name: currency,
      barMaxWidth: 36,
      itemStyle: { color: PALETTE[(index + 1) % PALETTE.length], borderRadius: [4, 4, 0, 0] },
      tooltip: { valueFormatter: (value: number) => formatMoney(language, { amount: String(value), currency }) },
      data: axis.map((year) => perYear.get(year) ?? 0),
    })),
  };
}

export function cityLabel(strings: Strings) {
  return (key: string | null) => cityName(strings, key);
}

export function enumLabel(table: Record<string, string>) {
  return (key: string | null) => label(table, key) || '—';
}
