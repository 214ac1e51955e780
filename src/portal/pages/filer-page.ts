// A filer's page: who it is, its money at a glance (summary numbers, a chart of money
// raised and spent by year, the same numbers as a table), its filings, names over time,
// linked filers, and links to the searches behind every figure.
import { moneyChart } from '../chart.js';
import { count, day, html, money, text, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { portalHref } from '../search-state.js';

interface CodeLabel {
  code: string;
  label: string | null;
}

export interface FilerView {
  filer_id: string;
  name: string | null;
  /** false: the export's list of filers lacks it; known from the filings that name it */
  in_filer_list: boolean;
  /** what the export lacks, in words, by part (profile, filings, money, cash_on_hand) */
  missing: Partial<Record<'profile' | 'filings' | 'money' | 'cash_on_hand', string>>;
  type: CodeLabel | null;
  status: CodeLabel | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  legacy_ids: string[];
  names_over_time: { name: string | null; since: string | null; type: string | null; status: string | null; city: string | null; state: string | null }[];
  offices_and_sessions: { session: unknown; type: unknown; active: unknown; race: unknown; party: unknown; district: unknown; county: unknown }[];
  linked_filers: { filer_id: string; name: string | null; type: string | null; relation: CodeLabel; active: boolean; session: unknown; since: string | null; until: string | null; link: string }[];
  filings: {
    total: number;
    shown: number;
    items: { filing_id: number; form: CodeLabel | null; period_start: string | null; period_end: string | null; date_filed: string | null; current_amendment: number; versions: number; link: string }[];
  };
  money: {
    note: string;
    totals: { raised: number; contributions: number; spent: number; payments: number } | null;
    by_year: { year: number | null; raised: number; contributions: number; spent: number; payments: number; search: { raised: string; spent: string } | null }[];
    by_period: { filing_id: number; period_start: string | null; period_end: string | null; raised: number | null; spent: number | null; cash_on_hand: number | null; link: string }[];
    top_contributors: { name: string; total: number; count: number; search: string }[];
    top_payees: { name: string; total: number; count: number; search: string }[];
  };
  links: { filings: string; contributions_received: string; expenditures: string };
}

const link = (apiLink: string | null | undefined, label: string | SafeHtml): SafeHtml => {
  const href = portalHref(apiLink);
  return href ? html`<a href="${href}">${label}</a>` : html`${label}`;
};

/** One side of the money: the sum and its rows, or "None" (nothing itemized is not $0.00). */
function moneyStat(total: number, rows: number, what: string, rowsWord: string): SafeHtml {
  if (rows === 0) return html`<li><span class="v none">None</span><span class="k">${what}: no ${rowsWord} itemized in this export</span></li>`;
  return html`<li><span class="v">${money(total)}</span><span class="k">${what} (${count(rows)} itemized ${rowsWord})</span></li>`;
}

function moneySection(v: FilerView): SafeHtml {
  const years = v.money.by_year;
  const t = v.money.totals;
  if (!t) {
    return html`<section aria-labelledby="money-h">
<h2 id="money-h">Money at a glance</h2>
<p>${v.missing.money ?? 'No contributions or payments are itemized in this export.'}</p>
</section>`;
  }
  const { raised, spent } = t;
  const cash = v.money.by_period.find((p) => p.cash_on_hand !== null);
  const dated = years.filter((y) => y.year !== null);
  const chart =
    dated.length > 0
      ? moneyChart(
          dated.map((y) => ({ label: String(y.year), raised: y.raised, spent: y.spent })),
          {
            id: 'money-by-year',
            title: `Money raised and spent by ${v.name ?? v.filer_id}, by year`,
            summary: `${dated.length} year${dated.length === 1 ? '' : 's'} from ${String(dated[0]!.year)} to ${String(dated[dated.length - 1]!.year)}: ${money(raised)} raised and ${money(spent)} spent in all. The table below has the numbers.`,
          },
        )
      : html`<p class="muted">No dated contributions or payments are itemized on this filer's reports.</p>`;
  return html`<section aria-labelledby="money-h">
<h2 id="money-h">Money at a glance</h2>
<ul class="stats">
${moneyStat(raised, t.contributions, 'raised', 'contributions')}
${moneyStat(spent, t.payments, 'spent', 'payments')}
<li><span class="v">${count(v.filings.total)}</span><span class="k">filing${v.filings.total === 1 ? '' : 's'} in this export</span></li>
${
  cash
    ? html`<li><span class="v">${money(cash.cash_on_hand)}</span><span class="k">cash on hand, ${day(cash.period_end)}</span></li>`
    : html`<li><span class="v none">Not known</span><span class="k">cash on hand: no summary page in this export states it</span></li>`
}
</ul>
<p class="small muted">${v.money.note}</p>
<h3>Raised and spent by year</h3>
${chart}
${
  years.length > 0
    ? html`<div class="table-wrap"><table>
<caption>Raised and spent by year (each figure links to the search that adds up to it)</caption>
<thead><tr><th scope="col">Year</th><th scope="col" class="num">Raised</th><th scope="col" class="num">Contributions</th><th scope="col" class="num">Spent</th><th scope="col" class="num">Payments</th></tr></thead>
<tbody>${years.map(
        (y) => html`<tr><th scope="row">${y.year ?? 'Undated'}</th><td class="num">${link(y.search?.raised, money(y.raised))}</td><td class="num">${count(y.contributions)}</td><td class="num">${link(y.search?.spent, money(y.spent))}</td><td class="num">${count(y.payments)}</td></tr>`,
      )}</tbody>
</table></div>`
    : ''
}
${
  v.money.by_period.length > 0
    ? html`<h3>By reporting period</h3><div class="table-wrap"><table>
<caption>Itemized money and stated cash on hand per campaign statement</caption>
<thead><tr><th scope="col">Period</th><th scope="col">Filing</th><th scope="col" class="num">Raised</th><th scope="col" class="num">Spent</th><th scope="col" class="num">Cash on hand</th></tr></thead>
<tbody>${v.money.by_period.map(
        (p) => html`<tr><th scope="row">${day(p.period_start)} to ${day(p.period_end)}</th><td>${link(p.link, `Filing ${p.filing_id}`)}</td><td class="num">${money(p.raised)}</td><td class="num">${money(p.spent)}</td><td class="num">${money(p.cash_on_hand)}</td></tr>`,
      )}</tbody>
</table></div>`
    : ''
}
${partiesTable('Top contributors', 'top-contributors', v.money.top_contributors)}
${partiesTable('Top payees', 'top-payees', v.money.top_payees)}
</section>`;
}

function partiesTable(title: string, id: string, rows: FilerView['money']['top_contributors']): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<h3 id="${id}">${title}</h3><div class="table-wrap"><table aria-labelledby="${id}">
<thead><tr><th scope="col">Name</th><th scope="col" class="num">Total</th><th scope="col" class="num">Rows</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${link(r.search, r.name)}</th><td class="num">${money(r.total)}</td><td class="num">${count(r.count)}</td></tr>`)}</tbody>
</table></div>`;
}

function filingsSection(v: FilerView): SafeHtml {
  const f = v.filings;
  return html`<section aria-labelledby="filings-h">
<h2 id="filings-h">Filings</h2>
${
  f.total === 0
    ? html`<p>${v.missing.filings ?? 'No filings in this export.'}</p>`
    : html`<p>${count(f.total)} filing${f.total === 1 ? '' : 's'}${f.shown < f.total ? `, the latest ${count(f.shown)} shown` : ''}. ${link(v.links.filings, 'Search all of them')}.</p>`
}
${
  f.items.length > 0
    ? html`<div class="table-wrap"><table>
<caption>Filings of ${v.name ?? v.filer_id}, latest first</caption>
<thead><tr><th scope="col">Filing</th><th scope="col">Form</th><th scope="col">Period</th><th scope="col">Filed</th><th scope="col" class="num">Versions</th></tr></thead>
<tbody>${f.items.map(
        (i) => html`<tr><th scope="row">${link(i.link, `Filing ${i.filing_id}`)}</th><td>${i.form?.label ?? i.form?.code ?? '—'}</td><td>${i.period_start || i.period_end ? `${day(i.period_start)} to ${day(i.period_end)}` : '—'}</td><td>${day(i.date_filed)}</td><td class="num">${count(i.versions)}${
          i.versions > 1 ? html`<span class="sub">current: amendment ${i.current_amendment}</span>` : ''
        }</td></tr>`,
      )}</tbody>
</table></div>`
    : ''
}
</section>`;
}

function aboutSection(v: FilerView): SafeHtml {
  const place = [v.city, v.state, v.zip].filter(Boolean).join(', ');
  return html`${v.missing.profile ? html`<p class="notice">${v.missing.profile}</p>` : ''}<dl class="facts">
<dt>Filer ID</dt><dd>${v.filer_id}</dd>
${v.type ? html`<dt>Type</dt><dd>${v.type.label ?? v.type.code}</dd>` : ''}
${v.status ? html`<dt>Status</dt><dd>${v.status.label ?? v.status.code}</dd>` : ''}
${place ? html`<dt>Address</dt><dd>${place}</dd>` : ''}
${v.legacy_ids.length > 0 ? html`<dt>Earlier IDs</dt><dd>${v.legacy_ids.join(', ')}</dd>` : ''}
<dt>Searches</dt><dd>${link(v.links.contributions_received, 'Contributions received')} · ${link(v.links.expenditures, 'Expenditures')} · ${link(v.links.filings, 'Filings')}</dd>
</dl>`;
}

function historySection(v: FilerView): SafeHtml {
  const parts: SafeHtml[] = [];
  if (v.linked_filers.length > 0) {
    parts.push(html`<h3>Linked filers</h3><div class="table-wrap"><table>
<caption class="visually-hidden">Filers linked to ${v.name ?? v.filer_id}</caption>
<thead><tr><th scope="col">Filer</th><th scope="col">Relation</th><th scope="col">Session</th><th scope="col">Active</th></tr></thead>
<tbody>${v.linked_filers.map(
      (l) => html`<tr><th scope="row">${link(l.link, l.name ?? l.filer_id)}${l.type ? html`<span class="sub">${l.type}</span>` : ''}</th><td>${l.relation.label ?? l.relation.code}</td><td>${text(l.session) || '—'}</td><td>${l.active ? 'Yes' : 'No'}</td></tr>`,
    )}</tbody></table></div>`);
  }
  if (v.names_over_time.length > 0) {
    parts.push(html`<h3>Names over time</h3><div class="table-wrap"><table>
<caption class="visually-hidden">Names of ${v.filer_id} over time</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Since</th><th scope="col">Type</th><th scope="col">Status</th></tr></thead>
<tbody>${v.names_over_time.map((n) => html`<tr><th scope="row">${n.name ?? '—'}</th><td>${day(n.since)}</td><td>${n.type ?? '—'}</td><td>${n.status ?? '—'}</td></tr>`)}</tbody></table></div>`);
  }
  if (v.offices_and_sessions.length > 0) {
    parts.push(html`<h3>Types and offices by session</h3><div class="table-wrap"><table>
<caption class="visually-hidden">Types and offices of ${v.filer_id} by legislative session</caption>
<thead><tr><th scope="col">Session</th><th scope="col">Type</th><th scope="col">Race</th><th scope="col">Party</th><th scope="col">District</th></tr></thead>
<tbody>${v.offices_and_sessions.map(
      (s) => html`<tr><th scope="row">${text(s.session) || '—'}</th><td>${text(s.type) || '—'}</td><td>${text(s.race) || '—'}</td><td>${text(s.party) || '—'}</td><td>${text(s.district) || '—'}</td></tr>`,
    )}</tbody></table></div>`);
  }
  if (parts.length === 0) return html``;
  return html`<section aria-labelledby="history-h"><h2 id="history-h">History and links</h2>${parts}</section>`;
}

export function filerPage(v: FilerView): SafeHtml {
  const name = v.name ?? `Filer ${v.filer_id}`;
  return page({
    title: name,
    section: null,
    main: html`<p class="small"><a href="/">Search</a> › Filer</p>
<h1>${name}</h1>
${aboutSection(v)}
${moneySection(v)}
${filingsSection(v)}
${historySection(v)}
<p class="small"><a href="/api/v1/filers/${encodeURIComponent(v.filer_id)}">This page as JSON</a></p>`,
  });
}
