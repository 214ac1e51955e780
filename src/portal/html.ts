// HTML built from tagged templates that escape every interpolated value: the data is
// real-world text typed into forms (names with <, &, quotes), so nothing reaches a page
// unescaped unless it was itself built by `html`. Pure, no I/O.

/** Markup that is already safe: built by `html`, or a constant of this code. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), markup, numbers, nothing, lists of them. */
export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly HtmlPart[]).map(render).join('');
  return escapeHtml(String(part));
}

/** html`<p>${text}</p>`: every value escaped, attribute values included (always quote them). */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** A constant of this code (CSS, a fixed snippet): never pass data to it. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

// ---------------------------------------------------------------- formatting

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const INT = new Intl.NumberFormat('en-US');

export function money(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : USD.format(n);
}

export function count(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : INT.format(n);
}

/** A short amount for chart axes: $950, $12K, $1.5M. */
export function compactMoney(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${trim(a / 1e9)}B`;
  if (a >= 1e6) return `${sign}$${trim(a / 1e6)}M`;
  if (a >= 1e3) return `${sign}$${trim(a / 1e3)}K`;
  return `${sign}$${trim(a)}`;
}

const trim = (n: number): string => (Math.round(n * 10) / 10).toString();

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]!}`;
}

/** Dates come as ISO days (or timestamps); shown as the day, or a dash. */
export function day(v: unknown): string {
  return typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : '—';
}

/** A value from a view row, as text ('' for nothing). */
export function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
