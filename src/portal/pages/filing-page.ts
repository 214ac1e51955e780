// A filing's page: the report as filed. Cover facts, summary numbers, a chart of the
// money it itemizes by month, the summary page, the reconciliation of itemized sums
// with the stated totals, each schedule with its rows, and the amendment history.
import { moneyChart } from '../chart.js';
import { count, day, html, money, text, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { compareHref, versionName } from './compare-page.js';
import { portalHref } from '../search-state.js';
import { PLAUSIBLE_YEARS } from '../../import/value-parsers.js';

interface CodeLabel {
  code: string;
  label: string | null;
}

export interface ScheduleRow {
  line_item: unknown;
  transaction_id: string | null;
  name: string | null;
  amount: number | null;
  date: string | null;
  entity: CodeLabel | null;
  memo: boolean;
  memo_text?: unknown;
  schedule: unknown;
}

export interface FilingView {
  filing_id: number;
  amendment: number;
  current_amendment: number;
  superseded: boolean;
  notice?: string;
  current_link?: string;
  has_cover: boolean;
  form: CodeLabel | null;
  filer: { filer_id: string; name: string | null; type: string | null; link: string } | null;
  cover: {
    filer_name: string | null;
    period_start: string | null;
    period_end: string | null;
    date_filed: string | null;
    election_date: string | null;
    statement_type: CodeLabel | null;
    committee_type: CodeLabel | null;
    treasurer: string | null;
    report_number: unknown;
    amendment_explanation: string | null;
  } | null;
  /** what the export lacks of this version, in words, by part (cover, filer, summary, schedules) */
  missing: Partial<Record<'cover' | 'filer' | 'summary' | 'schedules', string>>;
  /** null: no summary page on file (missing.summary says why) */
  summary: { schedule: unknown; line: unknown; label: string | null; section: string | null; column_a: number | null; column_b: number | null; column_c: number | null }[] | null;
  itemized: { received: { total: number; rows: number } | null; paid: { total: number; rows: number } | null; rows: number };
  schedules: { code: string; label: string | null; table: string; row_count: number; total: number | null; rows: ScheduleRow[] }[];
  reconciliation: { schedule: string; line: string; label: string; itemized_total: number; itemized_rows: number; stated_total: number | null; difference: number | null; agrees: boolean | null }[];
  versions: { amendment: number; current: boolean; has_cover: boolean; date_filed: string | null; link: string }[];
  links: { compare: string | null };
}

/** Rows shown per schedule; the JSON view and the exports have them all. */
export const MAX_ROWS_SHOWN = 1_000;

/** Tables whose rows are money in (raised) and money out (spent), as the filer totals count them. */
const RAISED = new Set(['contributions']);
const SPENT = new Set(['expenditures']);

function byMonth(v: FilingView): { label: string; raised: number; spent: number }[] {
  const months = new Map<string, { raised: number; spent: number }>();
  for (const s of v.schedules) {
    const side = RAISED.has(s.table) ? 'raised' : SPENT.has(s.table) ? 'spent' : null;
    if (!side) continue;
    for (const r of s.rows) {
      if (r.memo || r.amount === null || typeof r.date !== 'string' || r.date.length < 7) continue;
      // A placeholder date (1/1/1900, flagged by the import by this rule) is no point of the chart.
      const year = Number(r.date.slice(0, 4));
      if (!(year >= PLAUSIBLE_YEARS.from && year <= PLAUSIBLE_YEARS.to)) continue;
      const m = r.date.slice(0, 7);
      const e = months.get(m) ?? { raised: 0, spent: 0 };
      e[side] += r.amount;
      months.set(m, e);
    }
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, e]) => ({ label, raised: Math.round(e.raised * 100) / 100, spent: Math.round(e.spent * 100) / 100 }));
}

function title(v: FilingView): string {
  const who = v.filer?.name ?? v.cover?.filer_name;
  const form = v.form?.code ? `${v.form.code.replace(/^F/, 'Form ')}` : 'Filing';
  return `${form} ${v.filing_id}${who ? ` by ${who}` : ''}`;
}

function filedBy(v: FilingView): SafeHtml {
  const c = v.cover;
  if (!v.filer) return c?.filer_name ? html`${c.filer_name}` : html`<span class="muted">Not known: ${v.missing.filer ?? 'no cover page in this export'}</span>`;
  const href = portalHref(v.filer.link);
  const who = v.filer.name ?? c?.filer_name ?? null;
  const id = v.filer.filer_id;
  // Without a name (no cover page, or a filer missing from the export's list), the id is what is known.
  if (!who) return html`${href ? html`<a href="${href}">Filer ${id}</a>` : `Filer ${id}`} <span class="muted">(its name is not in this export)</span>`;
  return html`${href ? html`<a href="${href}">${who}</a>` : who} <span class="muted">(filer ${id})</span>`;
}

function facts(v: FilingView): SafeHtml {
  const c = v.cover;
  // Without a cover page, the date filed may still be known from the filer's list of filings.
  const filedOn = c?.date_filed ?? v.versions.find((x) => x.amendment === v.amendment)?.date_filed ?? null;
  return html`<dl class="facts">
<dt>Filing ID</dt><dd data-filing-id="${v.filing_id}">${v.filing_id}</dd>
<dt>Amendment</dt><dd>${v.amendment === 0 ? 'Original (0)' : `Amendment ${v.amendment}`}${v.superseded ? html` <span class="flag">Superseded</span>` : ' (current)'}</dd>
${v.form ? html`<dt>Form</dt><dd>${v.form.label ?? v.form.code}</dd>` : ''}
<dt>Filed by</dt><dd>${filedBy(v)}</dd>
${c?.period_start || c?.period_end ? html`<dt>Period</dt><dd>${day(c.period_start)} to ${day(c.period_end)}</dd>` : ''}
${filedOn ? html`<dt>Filed on</dt><dd>${day(filedOn)}</dd>` : ''}
${c?.election_date ? html`<dt>Election</dt><dd>${day(c.election_date)}</dd>` : ''}
${c?.statement_type ? html`<dt>Statement</dt><dd>${c.statement_type.label ?? c.statement_type.code}</dd>` : ''}
${c?.committee_type ? html`<dt>Committee</dt><dd>${c.committee_type.label ?? c.committee_type.code}</dd>` : ''}
${c?.treasurer ? html`<dt>Treasurer</dt><dd>${c.treasurer}</dd>` : ''}
${c?.amendment_explanation ? html`<dt>Why amended</dt><dd>${c.amendment_explanation}</dd>` : ''}
${v.missing.cover ? html`<dt>Cover page</dt><dd>${v.missing.cover}</dd>` : ''}
</dl>`;
}

/** A stat of money itemized in one direction, or what is not there (never a $0.00 for nothing). */
function itemizedStat(side: { total: number; rows: number } | null, what: string, rowsWord: string): SafeHtml {
  if (!side) return html`<li><span class="v none">None</span><span class="k">${what}: no ${rowsWord} itemized in this export</span></li>`;
  return html`<li><span class="v">${money(side.total)}</span><span class="k">${what}, itemized on ${count(side.rows)} row${side.rows === 1 ? '' : 's'}</span></li>`;
}

function numbers(v: FilingView): SafeHtml {
  const cash = v.summary?.find((l) => text(l.schedule).toUpperCase() === 'F460' && text(l.line) === '16');
  const months = byMonth(v);
  const it = v.itemized;
  if (it.rows === 0 && !v.summary) {
    return html`<section aria-labelledby="numbers-h">
<h2 id="numbers-h">Summary numbers</h2>
<p>Nothing to add up: this export holds no itemized rows of this version and no summary page (see below). The amendment history shows what is on file.</p>
</section>`;
  }
  return html`<section aria-labelledby="numbers-h">
<h2 id="numbers-h">Summary numbers</h2>
<ul class="stats">
${itemizedStat(it.received, 'received', 'contributions')}
${itemizedStat(it.paid, 'paid', 'payments')}
<li><span class="v">${count(it.rows)}</span><span class="k">itemized row${it.rows === 1 ? '' : 's'} in all</span></li>
${
  cash
    ? html`<li><span class="v">${money(cash.column_a)}</span><span class="k">ending cash on hand (line 16)</span></li>`
    : html`<li><span class="v none">Not known</span><span class="k">${v.summary ? 'cash on hand: not stated on the summary page' : 'cash on hand: no summary page in this export'}</span></li>`
}
</ul>
<p class="small muted">Itemized sums leave memo entries out.</p>
${
  months.length > 0
    ? html`<h3>Received and paid by month</h3>${moneyChart(months, {
        id: 'filing-by-month',
        title: `Money itemized on filing ${v.filing_id}, by month`,
        summary: `${months.length} month${months.length === 1 ? '' : 's'} from ${months[0]!.label} to ${months[months.length - 1]!.label}. The schedules below list every row.`,
      })}`
    : ''
}
</section>`;
}

function summaryPage(v: FilingView): SafeHtml {
  if (!v.summary) return html`<section aria-labelledby="summary-h"><h2 id="summary-h">Summary page</h2><p>${v.missing.summary ?? 'None in this export.'}</p></section>`;
  return html`<section aria-labelledby="summary-h">
<h2 id="summary-h">Summary page</h2>
<div class="table-wrap"><table>
<caption class="visually-hidden">Summary page lines as filed</caption>
<thead><tr><th scope="col">Line</th><th scope="col">What</th><th scope="col" class="num">This period (A)</th><th scope="col" class="num">Calendar year (B)</th></tr></thead>
<tbody>${v.summary.map(
    (l) => html`<tr><th scope="row">${text(l.schedule)} ${text(l.line)}</th><td>${l.label ?? '—'}${l.section ? html`<span class="sub">${l.section}</span>` : ''}</td><td class="num">${money(l.column_a)}</td><td class="num">${money(l.column_b)}</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function reconciliation(v: FilingView): SafeHtml {
  if (v.reconciliation.length === 0) return html``;
  return html`<section aria-labelledby="recon-h">
<h2 id="recon-h">Itemized rows against stated totals</h2>
<div class="table-wrap"><table>
<caption class="visually-hidden">Reconciliation of itemized sums with the totals stated on the summary page</caption>
<thead><tr><th scope="col">What</th><th scope="col" class="num">Itemized</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Stated</th><th scope="col" class="num">Difference</th></tr></thead>
<tbody>${v.reconciliation.map(
    (r) => html`<tr><th scope="row">${r.label}</th><td class="num">${money(r.itemized_total)}</td><td class="num">${count(r.itemized_rows)}</td><td class="num">${
      r.stated_total === null ? (v.summary ? 'Not stated' : 'No summary page') : money(r.stated_total)
    }</td><td class="num">${
      r.difference === null ? '—' : r.agrees ? 'Agrees' : money(r.difference)
    }</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function schedules(v: FilingView): SafeHtml {
  if (v.schedules.length === 0) return html`<section aria-labelledby="schedules-h"><h2 id="schedules-h">Schedules</h2><p>${v.missing.schedules ?? 'This version has no itemized rows.'}</p></section>`;
  return html`<section aria-labelledby="schedules-h">
<h2 id="schedules-h">Schedules</h2>
${v.schedules.map((s) => {
  const shown = s.rows.slice(0, MAX_ROWS_SHOWN);
  const id = `schedule-${s.code.replace(/[^A-Za-z0-9-]/g, '_')}`;
  return html`<section class="schedule" aria-labelledby="${id}">
<h3 id="${id}">${s.label ?? `Schedule ${s.code}`}</h3>
<p class="small muted">${count(s.row_count)} row${s.row_count === 1 ? '' : 's'}${s.total === null ? '' : `, ${money(s.total)} without memo entries`}${
    shown.length < s.rows.length ? `; the first ${count(shown.length)} are shown (the JSON view and exports have all)` : ''
  }.</p>
<div class="table-wrap"><table class="schedule-rows" data-schedule="${s.code}">
<caption class="visually-hidden">${s.label ?? s.code}: rows as filed</caption>
<thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Date</th><th scope="col" class="num">Amount</th><th scope="col">Kind</th><th scope="col">Transaction</th></tr></thead>
<tbody>${shown.map(
    (r) => html`<tr><td>${text(r.line_item)}</td><td>${r.name ?? '—'}${r.memo ? html` <span class="flag">Memo</span>` : ''}${r.memo_text ? html`<span class="sub">${text(r.memo_text)}</span>` : ''}</td><td>${day(r.date)}</td><td class="num">${money(r.amount)}</td><td>${r.entity?.label ?? r.entity?.code ?? '—'}</td><td>${r.transaction_id ?? '—'}</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
})}
</section>`;
}

/** Links to what changed: from the version before, and (for an older one) to the current one. */
function compareLinks(v: FilingView, i: number): SafeHtml {
  const ver = v.versions[i]!;
  const prev = v.versions[i - 1];
  const links: SafeHtml[] = [];
  const name = (n: number): string => (n === 0 ? 'Original (0)' : `Amendment ${n}`);
  if (prev) links.push(html`<a href="${compareHref(v.filing_id, prev.amendment, ver.amendment)}">${name(ver.amendment)} against ${versionName(prev.amendment)}</a>`);
  if (!ver.current) links.push(html`<a href="${compareHref(v.filing_id, ver.amendment, v.current_amendment)}">The current version (${versionName(v.current_amendment)}) against ${versionName(ver.amendment)}</a>`);
  return links.length === 0 ? html`—` : html`<ul class="inline">${links.map((l) => html`<li>${l}</li>`)}</ul>`;
}

function history(v: FilingView): SafeHtml {
  const several = v.versions.length > 1;
  const last = v.versions[v.versions.length - 1];
  const before = v.versions[v.versions.length - 2];
  return html`<section aria-labelledby="history-h">
<h2 id="history-h">Amendment history</h2>
<div class="table-wrap"><table>
<caption class="visually-hidden">Every version of filing ${v.filing_id}</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Filed</th><th scope="col">Cover page</th><th scope="col">Status</th>${several ? html`<th scope="col">What changed</th>` : ''}</tr></thead>
<tbody>${v.versions.map((ver, i) => {
    const shown = ver.amendment === v.amendment;
    const label = ver.amendment === 0 ? 'Original (0)' : `Amendment ${ver.amendment}`;
    return html`<tr><th scope="row">${shown ? html`<span aria-current="page">${label} (shown)</span>` : html`<a href="${portalHref(ver.link) ?? ver.link}">${label}</a>`}</th><td>${day(ver.date_filed)}</td><td>${ver.has_cover ? 'Yes' : 'No'}</td><td>${ver.current ? 'Current' : 'Superseded'}</td>${
      several ? html`<td>${compareLinks(v, i)}</td>` : ''
    }</tr>`;
  })}</tbody>
</table></div>
${several && last && before ? html`<p><a href="${compareHref(v.filing_id, before.amendment, last.amendment)}" data-compare-latest>What changed in the latest version</a></p>` : ''}
</section>`;
}

export function filingPage(v: FilingView): SafeHtml {
  const filerHref = portalHref(v.filer?.link);
  const id = encodeURIComponent(v.filer?.filer_id ?? '');
  return page({
    title: title(v),
    section: null,
    main: html`<p class="small"><a href="/">Search</a> › ${filerHref ? html`<a href="${filerHref}">${v.filer?.name ?? `Filer ${v.filer?.filer_id ?? ''}`}</a> › ` : ''}Filing</p>
<h1>${title(v)}</h1>
${v.superseded ? html`<p class="notice">${v.notice ?? 'A later amendment replaced this version.'} <a href="${portalHref(v.current_link) ?? `/filings/${v.filing_id}`}">See the current version</a>.</p>` : ''}
${facts(v)}
${v.filer ? html`<p>More from this filer: <a href="/search?kind=filings&amp;filer=${id}">its filings</a> · <a href="/search?kind=contributions&amp;recipient=${id}">contributions received</a> · <a href="/search?kind=expenditures&amp;spender=${id}">expenditures</a></p>` : ''}
${numbers(v)}
${summaryPage(v)}
${reconciliation(v)}
${schedules(v)}
${history(v)}
<p class="small"><a href="/api/v1/filings/${v.filing_id}?amendment=${v.amendment}">This page as JSON</a></p>`,
  });
}
