// Money raised and spent over time as an inline SVG bar chart: drawn on the server, no
// script, no external service. The numbers are also on the page as a table (the chart
// is for the eye; a screen reader gets its title and summary and then the table).
import { compactMoney, html, money, type SafeHtml } from './html.js';

export interface MoneyPoint {
  /** the period: a year, a month (YYYY-MM), a reporting period */
  label: string;
  raised: number;
  spent: number;
}

const W = 720;
const H = 260;
const M = { top: 16, right: 16, bottom: 44, left: 72 };
/** Colours told apart with any colour vision, each at least 3:1 against white. */
export const CHART_COLOURS = { raised: '#1d5fb4', spent: '#b8500f' } as const;

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten. */
function niceCeil(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const f of [1, 2, 2.5, 5, 10]) if (n <= f * p) return f * p;
  return 10 * p;
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

export function moneyChart(points: readonly MoneyPoint[], opts: { id: string; title: string; summary: string }): SafeHtml {
  const values = points.flatMap((p) => [p.raised, p.spent]);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  // About four round steps; refunds can make a period negative, so zero may be inside.
  const step = niceCeil((max - min) / 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const bottom = Math.floor(min / step) * step;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const y = (v: number): number => M.top + ((top - v) / (top - bottom)) * plotH;
  const ticks: number[] = [];
  for (let i = 0; bottom + i * step <= top + step / 1e6; i++) ticks.push(bottom + i * step);
  const slot = plotW / Math.max(points.length, 1);
  const barW = Math.max(2, Math.min(40, (slot * 0.8) / 2));
  // Past a dozen periods, every n-th label only, so they do not overlap.
  const every = Math.ceil(points.length / 12);
  const bar = (x: number, v: number, colour: string, what: string, label: string): SafeHtml => {
    const y0 = y(0);
    const yv = y(v);
    return html`<rect x="${r1(x)}" y="${r1(Math.min(y0, yv))}" width="${r1(barW)}" height="${r1(Math.max(Math.abs(y0 - yv), v === 0 ? 0 : 1))}" fill="${colour}"><title>${label}: ${what} ${money(v)}</title></rect>`;
  };
  return html`<figure class="chart">
<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">
<title id="${opts.id}-title">${opts.title}</title>
<desc id="${opts.id}-desc">${opts.summary}</desc>
<g class="grid">${ticks.map(
    (t) => html`<line x1="${M.left}" x2="${W - M.right}" y1="${r1(y(t))}" y2="${r1(y(t))}" stroke="${t === 0 ? '#444' : '#d4d4d4'}"/><text x="${M.left - 8}" y="${r1(y(t) + 4)}" text-anchor="end" font-size="12" fill="#333">${compactMoney(t)}</text>`,
  )}</g>
<g class="bars">${points.map((p, i) => {
    const cx = M.left + slot * i + slot / 2;
    return html`${bar(cx - barW, p.raised, CHART_COLOURS.raised, 'raised', p.label)}${bar(cx, p.spent, CHART_COLOURS.spent, 'spent', p.label)}${
      i % every === 0 ? html`<text x="${r1(cx)}" y="${H - M.bottom + 18}" text-anchor="middle" font-size="12" fill="#333">${p.label}</text>` : ''
    }`;
  })}</g>
</svg>
<figcaption class="legend"><span class="key key-raised" aria-hidden="true"></span> Raised <span class="key key-spent" aria-hidden="true"></span> Spent</figcaption>
</figure>`;
}
