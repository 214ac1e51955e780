// Two versions of a filing compared, in words and tables: what the amendment added,
// removed and changed (rows matched by their transaction id, which survives amendments),
// and the totals that moved. Tables stay in their own scrolling box, so the page itself
// never scrolls sideways on a phone.
import { count, day, html, money, text, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

interface Change {
  from: unknown;
  to: unknown;
}

export interface CompareRow {
  line_item?: unknown;
  transaction_id: string | null;
  name: string | null;
  amount: number | null;
  date: string | null;
  schedule: unknown;
  memo?: boolean;
}

export interface CompareView {
  filing_id: number;
  from: number;
  to: number;
  versions: number[];
  summaries: { from: boolean; to: boolean };
  rows: {
    added: { key: string; row: CompareRow }[];
    removed: { key: string; row: CompareRow }[];
    changed: { key: string; schedule: unknown; transaction_id: string | null; name: string | null; changes: Record<string, Change> }[];
  };
  totals_moved: { line: string; label: string | null; from: number | null; to: number | null; change: number }[];
  schedule_totals: { schedule: string; label: string | null; from: number | null; to: number | null; change: number }[];
}

export const versionName = (n: number): string => (n === 0 ? 'the original (0)' : `amendment ${n}`);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** The page's address for two versions. */
export const compareHref = (filingId: number, from: number, to: number): string => `/filings/${filingId}/compare?from=${from}&to=${to}`;

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  amount: 'Amount',
  date: 'Date',
  entity: 'Kind of contributor or payee',
  memo: 'Memo entry',
  memo_text: 'Memo text',
  transaction_id: 'Transaction',
  schedule: 'Schedule',
};

function fieldLabel(f: string): string {
  if (FIELD_LABELS[f]) return FIELD_LABELS[f];
  return f.startsWith('fields.') ? `${f.slice('fields.'.length)} (as filed)` : f;
}

function value(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return 'nothing';
  if (field === 'amount' && typeof v === 'number') return money(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object' && v !== null && 'label' in v) {
    const c = v as { code?: unknown; label?: unknown };
    return text(c.label) || text(c.code);
  }
  return text(v);
}

const signed = (n: number): string => (n > 0 ? `+${money(n)}` : money(n));

/** A table in a box of its own that scrolls sideways when the screen is narrow; the box is
 *  focusable, so the keyboard can scroll it too. Its title stands above the box (a caption
 *  would be as wide as the table, and cut off on a phone) and names both. */
function tableBox(id: string, caption: string, head: SafeHtml, body: SafeHtml[]): SafeHtml {
  return html`<p class="table-title" id="${id}">${caption}</p>
<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}"><table aria-labelledby="${id}">
<thead>${head}</thead>
<tbody>${body}</tbody>
</table></div>`;
}

function rowsTable(id: string, caption: string, rows: { key: string; row: CompareRow }[]): SafeHtml {
  return tableBox(
    id,
    caption,
    html`<tr><th scope="col">Row</th><th scope="col">Date</th><th scope="col" class="num">Amount</th></tr>`,
    rows.map(
      ({ row: r }) =>
        html`<tr><th scope="row">${r.name ?? '—'}${r.memo ? html` <span class="flag">Memo</span>` : ''}<span class="sub">Schedule ${text(r.schedule)}, ${
          r.transaction_id ? `transaction ${r.transaction_id}` : `line ${text(r.line_item)}`
        }</span></th><td class="nowrap">${day(r.date)}</td><td class="num">${money(r.amount)}</td></tr>`,
    ),
  );
}

function summarySentence(v: CompareView): string {
  const { added, removed, changed } = v.rows;
  const parts = [
    added.length > 0 ? `${plural(added.length, 'row')} added` : null,
    removed.length > 0 ? `${plural(removed.length, 'row')} removed` : null,
    changed.length > 0 ? `${plural(changed.length, 'row')} changed` : null,
  ].filter((x): x is string => x !== null);
  const rows = parts.length > 0 ? parts.join(', ') : 'no itemized row added, removed or changed';
  const totals =
    v.totals_moved.length > 0
      ? `${plural(v.totals_moved.length, 'total')} on the summary page moved`
      : v.summaries.from && v.summaries.to
        ? 'no total on the summary page moved'
        : 'the summary pages cannot be compared (not both are in this export)';
  return `${capital(versionName(v.to))} against ${versionName(v.from)}: ${rows}; ${totals}.`;
}

export function comparePage(v: CompareView): SafeHtml {
  const title = `Filing ${v.filing_id}: ${versionName(v.to)} against ${versionName(v.from)}`;
  const filing = `/filings/${v.filing_id}`;
  const { added, removed, changed } = v.rows;
  const sections: SafeHtml[] = [];

  if (v.schedule_totals.length > 0) {
    sections.push(html`<section aria-labelledby="schedule-totals-h"><h2 id="schedule-totals-h">Itemized sums that moved</h2>
${tableBox(
  'schedule-totals-c',
  'Sum of each schedule, memo entries left out, before and after',
  html`<tr><th scope="col">Schedule</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th><th scope="col" class="num">Change</th></tr>`,
  v.schedule_totals.map(
    (t) => html`<tr><th scope="row">${t.label ?? `Schedule ${t.schedule}`}</th><td class="num">${t.from === null ? 'None' : money(t.from)}</td><td class="num">${t.to === null ? 'None' : money(t.to)}</td><td class="num">${signed(t.change)}</td></tr>`,
  ),
)}</section>`);
  }

  sections.push(html`<section aria-labelledby="totals-h"><h2 id="totals-h">Totals on the summary page</h2>
${
  v.totals_moved.length > 0
    ? tableBox(
        'totals-c',
        'Summary page lines whose amount (this period) moved',
        html`<tr><th scope="col">Line</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th><th scope="col" class="num">Change</th></tr>`,
        v.totals_moved.map(
          (t) =>
            html`<tr><th scope="row">${t.line}${t.label ? html`<span class="sub">${t.label}</span>` : ''}</th><td class="num">${t.from === null ? 'Not stated' : money(t.from)}</td><td class="num">${t.to === null ? 'Not stated' : money(t.to)}</td><td class="num">${signed(t.change)}</td></tr>`,
        ),
      )
    : html`<p>${
        v.summaries.from && v.summaries.to
          ? 'No total moved.'
          : `This export has no summary page of ${[!v.summaries.from ? versionName(v.from) : null, !v.summaries.to ? versionName(v.to) : null].filter(Boolean).join(' nor of ')}: what the report states cannot be compared. The itemized rows can.`
      }</p>`
}</section>`);

  sections.push(html`<section aria-labelledby="added-h"><h2 id="added-h">Rows added</h2>
${added.length > 0 ? rowsTable('added-c', `${plural(added.length, 'row')} in ${versionName(v.to)} and not in ${versionName(v.from)}`, added) : html`<p>None.</p>`}</section>`);
  sections.push(html`<section aria-labelledby="removed-h"><h2 id="removed-h">Rows removed</h2>
${removed.length > 0 ? rowsTable('removed-c', `${plural(removed.length, 'row')} in ${versionName(v.from)} and no longer in ${versionName(v.to)}`, removed) : html`<p>None.</p>`}</section>`);
  sections.push(html`<section aria-labelledby="changed-h"><h2 id="changed-h">Rows changed</h2>
${
  changed.length > 0
    ? tableBox(
        'changed-c',
        `${plural(changed.length, 'row')} with the same transaction id, filed differently`,
        html`<tr><th scope="col">Row</th><th scope="col">What changed</th></tr>`,
        changed.map(
          (c) =>
            html`<tr><th scope="row">${c.name ?? '—'}<span class="sub">Schedule ${text(c.schedule)}, transaction ${c.transaction_id ?? c.key}</span></th><td><ul class="changes">${Object.entries(c.changes).map(
              ([f, ch]) => html`<li>${fieldLabel(f)}: ${value(f, ch.from)} → ${value(f, ch.to)}</li>`,
            )}</ul></td></tr>`,
        ),
      )
    : html`<p>None.</p>`
}</section>`);

  return page({
    title,
    section: null,
    main: html`<p class="small"><a href="/">Search</a> › <a href="${filing}">Filing ${v.filing_id}</a> › Compare versions</p>
<h1>${title}</h1>
<p class="lead" data-compare-summary>${summarySentence(v)}</p>
<p class="small">Rows are matched by the transaction id the filer gave them, which stays the same across amendments. See <a href="${filing}?amendment=${v.from}">${versionName(v.from)}</a> or <a href="${filing}?amendment=${v.to}">${versionName(v.to)}</a> as filed.</p>
${sections}
<p class="small"><a href="/api/v1/filings/${v.filing_id}/compare?from=${v.from}&amp;to=${v.to}">This comparison as JSON</a></p>`,
  });
}
