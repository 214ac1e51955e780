// The search page: one box that takes plain language, the filters it read shown as
// removable chips, facets to narrow, a sortable, paged results table, and downloads of
// the whole result. Every control is a link or a plain form, so it all works without
// script; the address holds the whole state.
import { KIND_NAMES, type KindName } from '../../../indexers/kinds.js';
import { parsePlainLanguage } from '../../../queries/plain-language.js';
import type { Facet, SearchResponseBody } from '../../../queries/search-response.js';
import { FILTER_LABELS } from '../../../queries/fields/index.js';
import { AMOUNT_BANDS, MAX_TEXT_LENGTH, SEARCH_SPECS, type FilterDef, type SortName } from '../../../queries/search-spec.js';
import type { FilterValue, SearchRequest } from '../../../queries/search-request.js';
import { count, day, html, money, text, type HtmlPart, type SafeHtml } from '../html.js';
import { page } from '../layout.js';
import { exportHref, exportQuery, firstHref, hrefWith, nextHref, paramValues, portalHref, prevHref, searchHref, type SearchState } from '../search-state.js';

/** Above this many rows, a download is an export job with a progress bar, not a stream. */
export const DIRECT_EXPORT_MAX_ROWS = 10_000;

export const KIND_LABELS: Record<KindName, { plural: string; one: string }> = {
  contributions: { plural: 'Contributions', one: 'contribution' },
  expenditures: { plural: 'Expenditures', one: 'expenditure' },
  lobbying: { plural: 'Lobbying', one: 'lobbying record' },
  filers: { plural: 'Filers', one: 'filer' },
  filings: { plural: 'Filings', one: 'filing' },
};

/** A filter's label, as its field's registry declares it (queries/fields/). */
export const filterLabel = (param: string): string => FILTER_LABELS[param] ?? param.replace(/_/g, ' ');

const SORT_LABELS: Record<SortName, string> = {
  relevance: 'Best match',
  '-date': 'Newest first',
  date: 'Oldest first',
  '-amount': 'Largest amount first',
  amount: 'Smallest amount first',
  name: 'Name (A to Z)',
};

/** The default order: best match when there are words to rank by, else as browsing goes. */
const DEFAULT_SORT_LABEL: Record<KindName, string> = {
  contributions: 'Best match (newest first with no words)',
  expenditures: 'Best match (newest first with no words)',
  lobbying: 'Best match (newest first with no words)',
  filings: 'Best match (newest first with no words)',
  filers: 'Best match (by name with no words)',
};

const EXAMPLES = [
  'contributions from teachers in Fresno over $500',
  'expenditures by committees in Sacramento in 2004',
  'lobbying payments over $10,000',
  'filings in 2002',
];

const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

const str = (o: unknown, path: string): string => text(get(o, path));

// ------------------------------------------------------------------ the form

function filterInput(def: FilterDef, values: string[]): SafeHtml {
  const id = `f-${def.param}`;
  const hint = html`<span class="hint" id="${id}-hint">${def.description}</span>`;
  const label = html`<label for="${id}">${filterLabel(def.param)}</label>`;
  const described = `${id}-hint`;
  const value = values.join(', ');
  if (def.type === 'boolean') {
    const opts: [string, string][] = [['', 'Include them'], ['false', 'Leave them out'], ['true', 'Only memo entries']];
    return html`<div>${label}<select id="${id}" name="${def.param}" aria-describedby="${described}">${opts.map(([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`)}</select>${hint}</div>`;
  }
  if (def.type === 'code' && def.values) {
    return html`<div>${label}<select id="${id}" name="${def.param}" aria-describedby="${described}"><option value="">Any</option>${def.values.map(
      (v) => html`<option value="${v}"${values.map((x) => x.toUpperCase()).includes(v) ? html` selected` : ''}>${v}</option>`,
    )}</select>${hint}</div>`;
  }
  const type = def.type === 'min_amount' || def.type === 'max_amount' ? 'number' : def.type === 'date_from' || def.type === 'date_to' ? 'date' : 'text';
  const extra = type === 'number' ? html` step="0.01" inputmode="decimal"` : def.type === 'year' || def.type === 'integer' || def.type === 'zip' ? html` inputmode="numeric"` : '';
  return html`<div>${label}<input type="${type}" id="${id}" name="${def.param}" value="${value}" aria-describedby="${described}"${extra}>${hint}</div>`;
}

export function searchForm(state: SearchState | null): SafeHtml {
  const q = state ? (paramValues(state, 'q')[0] ?? '') : '';
  const spec = state ? SEARCH_SPECS[state.kind] : null;
  // Defaults are empty options, so a submitted form leaves them out of the address.
  const sort = state ? (paramValues(state, 'sort')[0] ?? 'relevance') : 'relevance';
  const pageSize = state ? (paramValues(state, 'page_size')[0] ?? '25') : '25';
  const versions = state ? (paramValues(state, 'versions')[0] ?? 'current') : 'current';
  return html`<form class="search" method="get" action="/search" role="search" data-clean-empty${state ? html` data-in-search` : ''}>
<div class="row">
<div class="grow">
<label for="q">What are you looking for?</label>
<input type="search" id="q" name="q" value="${q}" maxlength="${MAX_TEXT_LENGTH}" aria-describedby="q-hint" autocomplete="off">
<span class="hint" id="q-hint">Plain language works: a name, a place, an amount, a year, e.g. “${EXAMPLES[0]}”.</span>
</div>
${
  state
    ? // A kind read from the words is left to the words: new words may name another.
      state.kindFromWords
      ? ''
      : html`<input type="hidden" name="kind" value="${state.kind}">`
    : html`<div><label for="kind">Kind of record</label><select id="kind" name="kind"><option value="">Read it from my words</option>${KIND_NAMES.map((k) => html`<option value="${k}">${KIND_LABELS[k].plural}</option>`)}</select></div>`
}
<div><button type="submit">Search</button></div>
</div>
${
  state && spec
    ? html`<details class="more">
<summary>More filters and options</summary>
<div class="fields">
<div><label for="sort">Order</label><select id="sort" name="sort">${spec.sorts.map(
      (s) => html`<option value="${s === 'relevance' ? '' : s}"${s === sort ? html` selected` : ''}>${s === 'relevance' ? DEFAULT_SORT_LABEL[state.kind] : SORT_LABELS[s]}</option>`,
    )}</select></div>
<div><label for="page_size">Rows per page</label><select id="page_size" name="page_size">${['10', '25', '50', '100'].map((n) => html`<option value="${n === '25' ? '' : n}"${n === pageSize ? html` selected` : ''}>${n}</option>`)}</select></div>
${
  spec.versioned
    ? html`<div><label for="versions">Amended reports</label><select id="versions" name="versions"><option value=""${versions === 'current' ? html` selected` : ''}>Current version only</option><option value="all"${versions === 'all' ? html` selected` : ''}>Every version (superseded flagged)</option></select></div>`
    : ''
}
${spec.filters.map((f) => filterInput(f, paramValues(state, f.param)))}
</div>
</details>`
    : ''
}
</form>`;
}

// ------------------------------------------------------------------ chips

function bucketLabel(res: SearchResponseBody, param: string, value: string): string | null {
  for (const f of Object.values(res.facets ?? {})) {
    if (f.filter !== param) continue;
    // A bucket of several codes ("ACTIVE,A") labels each of them.
    const b = f.buckets.find((x) => x.value.toUpperCase() === value.toUpperCase() || (param !== 'city_exact' && param !== 'employer_exact' && param !== 'occupation_exact' && x.value.toUpperCase().split(',').includes(value.toUpperCase())));
    if (b) return b.label;
  }
  return null;
}

function chipValue(res: SearchResponseBody, param: string, v: string | number | boolean): string {
  if (param === 'min_amount' || param === 'max_amount') return money(Number(v));
  if (param === 'memo') return v === true ? 'only memo entries' : 'left out';
  const s = String(v);
  const label = bucketLabel(res, param, s);
  // A code with its label ("Individual (IND)"); a name as the data writes it.
  if (!label || label.toUpperCase() === s.toUpperCase()) return label ?? s;
  return `${label} (${s})`;
}

function chips(state: SearchState, req: SearchRequest, res: SearchResponseBody): SafeHtml {
  const understood = req.understood.filters;
  const items: SafeHtml[] = [];
  for (const [param, value] of Object.entries<FilterValue>(req.filters)) {
    const explicit = paramValues(state, param).length > 0;
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) {
      let href: string;
      if (explicit) {
        const rest = list.filter((x) => x !== v).map(String);
        href = hrefWith(state, { [param]: rest.length > 0 ? rest : null });
      } else {
        // Read from the words: the words that are left, and the other filters they gave
        // made explicit, so only this one goes.
        const keep: Record<string, string | null> = { q: req.understood.text };
        for (const [k, u] of Object.entries(understood)) if (k !== param && paramValues(state, k).length === 0) keep[k] = String(u);
        href = hrefWith(state, keep);
      }
      const shown = `${filterLabel(param)}: ${chipValue(res, param, v)}`;
      items.push(
        html`<li><span>${shown}</span>${explicit ? '' : html` <span class="from-words">(from your words)</span>`} <a class="remove" href="${href}" aria-label="Remove filter ${shown}" title="Remove this filter"><span aria-hidden="true">×</span></a></li>`,
      );
    }
  }
  if (items.length === 0) return html``;
  return html`<ul class="chips" aria-label="Filters in use">${items}</ul>`;
}

// ------------------------------------------------------------------ facets

function facetLinks(state: SearchState, f: Facet): SafeHtml[] {
  return f.buckets
    .filter((b) => b.count > 0)
    .map((b) => {
      let selected: boolean;
      let href: string;
      if (f.filter === 'amount') {
        const band = AMOUNT_BANDS.find((x) => x.key === b.value);
        const min = band?.from === undefined ? null : String(band.from);
        const max = band?.to === undefined ? null : String(band.to - 0.01);
        selected = (paramValues(state, 'min_amount')[0] ?? null) === min && (paramValues(state, 'max_amount')[0] ?? null) === max;
        href = selected ? hrefWith(state, { min_amount: null, max_amount: null }) : hrefWith(state, { min_amount: min, max_amount: max });
      } else {
        // Code filters take lists ("A,ACTIVE": one bucket of codes that mean the same); a
        // text facet's value is one value, commas and all.
        const lists = SEARCH_SPECS[state.kind].filters.find((d) => d.param === f.filter)?.type !== 'facet';
        const split = (v: string): string[] => (lists ? v.split(',').map((x) => x.trim().toUpperCase()) : [v.trim().toUpperCase()]);
        const current = paramValues(state, f.filter).flatMap(split);
        selected = split(b.value).every((v) => current.includes(v));
        href = hrefWith(state, { [f.filter]: selected ? null : b.value });
      }
      const label = b.label || b.value;
      return html`<li><a href="${href}"${selected ? html` aria-current="true"` : ''} data-facet="${f.filter}" data-value="${b.value}" data-count="${b.count}">${label}${
        selected ? html`<span class="visually-hidden"> (selected; select to remove)</span>` : ''
      }</a> <span class="n">${count(b.count)}<span class="visually-hidden"> results</span></span></li>`;
    });
}

function facets(state: SearchState, res: SearchResponseBody): SafeHtml {
  const list = Object.entries(res.facets ?? {}).filter(([, f]) => f.buckets.some((b) => b.count > 0));
  if (list.length === 0) return html``;
  // Folded behind one control on narrow screens (results come first); the stylesheet
  // unfolds it into the side column where the screen is wide. Works without script.
  return html`<details class="facets-fold">
<summary>Narrow the results <span class="fold-what">by ${list.slice(0, 2).map(([, f]) => f.label.toLowerCase()).join(', ')}${list.length > 2 ? ` and ${list.length - 2} more` : ''}</span></summary>
<aside class="facets" aria-labelledby="facets-h">
<h2 id="facets-h">Narrow the results</h2>
${list.map(
  ([name, f]) => html`<section aria-labelledby="facet-${name}">
<h3 id="facet-${name}">${f.label}</h3>
<ul>${facetLinks(state, f)}</ul>
${f.other_count > 0 ? html`<p class="small muted">Other values: ${count(f.other_count)}</p>` : ''}
</section>`,
)}
</aside>
</details>`;
}

// ------------------------------------------------------------------ results

interface Column {
  header: string;
  numeric?: boolean;
  nowrap?: boolean;
  /** the sorts this column toggles between: [first, second] */
  sort?: [SortName, SortName];
  cell(row: Record<string, unknown>): HtmlPart;
}

function filerCell(row: Record<string, unknown>, party: string): SafeHtml {
  const href = portalHref(get(row, 'links.filer') as string | null);
  const name = str(row, `${party}.name`) || str(row, `${party}.filer_id`);
  if (!name) return html`<span class="muted">Not named on a cover page</span>`;
  return html`${href ? html`<a href="${href}">${name}</a>` : name}${str(row, `${party}.type_label`) ? html`<span class="sub">${str(row, `${party}.type_label`)}</span>` : ''}`;
}

function personCell(row: Record<string, unknown>, party: string): SafeHtml {
  const where = [str(row, `${party}.city`), str(row, `${party}.state`)].filter(Boolean).join(', ');
  const work = [str(row, `${party}.occupation`), str(row, `${party}.employer`)].filter(Boolean).join(', ');
  return html`${str(row, `${party}.name`) || '—'}${work ? html`<span class="sub">${work}</span>` : ''}${where ? html`<span class="sub">${where}</span>` : ''}`;
}

function filingCell(row: Record<string, unknown>): SafeHtml {
  const href = portalHref(get(row, 'links.filing') as string | null);
  const id = str(row, 'filing_id');
  // Rows of a filing say which part of it they are on; a filing's form has its own column.
  const what = row['kind'] === 'filings' ? '' : str(row, 'schedule.label') || str(row, 'filing.form_label');
  return html`${href ? html`<a href="${href}" data-filing-id="${id}">Filing ${id}</a>` : `Filing ${id}`}${row['superseded'] === true ? html` <span class="flag">Superseded</span>` : ''}${
    what ? html`<span class="sub">${what}</span>` : ''
  }`;
}

const dateCol: Column = { header: 'Date', nowrap: true, sort: ['-date', 'date'], cell: (r) => day(r['date']) };
const amountCol: Column = { header: 'Amount', numeric: true, sort: ['-amount', 'amount'], cell: (r) => money(typeof r['amount'] === 'number' ? r['amount'] : null) };

const COLUMNS: Record<KindName, Column[]> = {
  contributions: [
    dateCol,
    { header: 'Contributor', cell: (r) => personCell(r, 'contributor') },
    amountCol,
    { header: 'Recipient', cell: (r) => filerCell(r, 'recipient') },
    { header: 'Filing', cell: filingCell },
  ],
  expenditures: [
    dateCol,
    { header: 'Payee', cell: (r) => personCell(r, 'payee') },
    amountCol,
    { header: 'Paid for', cell: (r) => str(r, 'expense.label') || str(r, 'description') || '—' },
    { header: 'Spender', cell: (r) => filerCell(r, 'spender') },
    { header: 'Filing', cell: filingCell },
  ],
  lobbying: [
    dateCol,
    { header: 'Activity', cell: (r) => str(r, 'activity.label') || '—' },
    { header: 'Other party', cell: (r) => personCell(r, 'party') },
    amountCol,
    { header: 'Reported by', cell: (r) => filerCell(r, 'filer') },
    { header: 'Filing', cell: filingCell },
  ],
  filers: [
    {
      header: 'Name',
      sort: ['name', 'name'],
      cell: (r) => {
        const href = portalHref(get(r, 'links.filer') as string | null);
        const name = str(r, 'name') || str(r, 'filer_id');
        return href ? html`<a href="${href}">${name}</a>` : name;
      },
    },
    { header: 'Type', cell: (r) => str(r, 'type.label') || '—' },
    { header: 'Status', cell: (r) => str(r, 'status.label') || '—' },
    { header: 'Place', cell: (r) => [str(r, 'city'), str(r, 'state')].filter(Boolean).join(', ') || '—' },
    { header: 'Filer ID', cell: (r) => str(r, 'filer_id') },
    { header: 'Filings', numeric: true, cell: (r) => count(typeof r['filing_count'] === 'number' ? r['filing_count'] : null) },
  ],
  filings: [
    { header: 'Filed', nowrap: true, sort: ['-date', 'date'], cell: (r) => day(r['date_filed']) },
    { header: 'Filing', cell: filingCell },
    { header: 'Form', cell: (r) => str(r, 'form.label') || str(r, 'form.code') || '—' },
    { header: 'Filer', cell: (r) => filerCell(r, 'filer') },
    { header: 'Period', cell: (r) => (r['period_start'] || r['period_end'] ? `${day(r['period_start'])} to ${day(r['period_end'])}` : '—') },
    { header: 'Versions', numeric: true, cell: (r) => count(typeof r['version_count'] === 'number' ? r['version_count'] : null) },
  ],
};

function headerCell(state: SearchState, sort: SortName, col: Column): SafeHtml {
  // (sort: the order applied, which the response names)
  const cls = col.numeric ? html` class="num"` : '';
  if (!col.sort || !SEARCH_SPECS[state.kind].sorts.includes(col.sort[0])) return html`<th scope="col"${cls}>${col.header}</th>`;
  const [first, second] = col.sort;
  const active = sort === first || sort === second;
  const ariaSort = !active ? '' : sort.startsWith('-') ? 'descending' : 'ascending';
  const next = sort === first && first !== second ? second : first;
  return html`<th scope="col"${cls}${ariaSort ? html` aria-sort="${ariaSort}"` : ''}><a href="${hrefWith(state, { sort: next })}">${col.header}<span class="visually-hidden">, sort ${SORT_LABELS[next].toLowerCase()}</span>${
    active ? html` <span aria-hidden="true">${ariaSort === 'descending' ? '▼' : '▲'}</span>` : ''
  }</a></th>`;
}

function totalText(res: SearchResponseBody): string {
  return res.total.exact ? count(res.total.value) : `${count(res.total.value)} or more`;
}

function downloads(state: SearchState, res: SearchResponseBody): SafeHtml {
  if (res.total.value === 0) return html``;
  if (res.total.exact && res.total.value <= DIRECT_EXPORT_MAX_ROWS) {
    return html`<div class="downloads"><a class="button secondary" href="${exportHref(state, 'csv')}" download>Download CSV</a> <a class="button secondary" href="${exportHref(state, 'xlsx')}" download>Download Excel</a></div>`;
  }
  const form = (format: 'csv' | 'xlsx', label: string): SafeHtml =>
    html`<form method="post" action="/exports"><input type="hidden" name="kind" value="${state.kind}"><input type="hidden" name="format" value="${format}"><input type="hidden" name="params" value="${exportQuery(state)}"><button type="submit" class="secondary">${label}</button></form>`;
  return html`<div class="downloads">${form('csv', 'Download CSV')} ${form('xlsx', 'Download Excel')} <span class="hint">Large result: the file is prepared in the background, with a progress bar.</span></div>`;
}

function resultsSection(state: SearchState, req: SearchRequest, res: SearchResponseBody): SafeHtml {
  const labels = KIND_LABELS[state.kind];
  const cols = COLUMNS[state.kind];
  const from = (state.page - 1) * req.pageSize + 1;
  const to = from + res.results.length - 1;
  const prev = prevHref(state);
  const heading = `${totalText(res)} ${res.total.value === 1 ? labels.one : labels.plural.toLowerCase()}`;
  // The order applied: with no words to rank by, "best match" is the newest first.
  const applied = (SORT_LABELS as Record<string, string>)[res.sort] ? (res.sort as SortName) : req.sort;
  const table =
    res.results.length === 0
      ? html`<p>No ${labels.plural.toLowerCase()} match. Remove a filter above, try other words, or look in another kind of record.</p>`
      : html`<div class="table-wrap"><table class="results">
<caption>${labels.plural} ${count(from)}–${count(to)} of ${totalText(res)}, ${SORT_LABELS[applied].toLowerCase()}</caption>
<thead><tr>${cols.map((c) => headerCell(state, applied, c))}</tr></thead>
<tbody>${res.results.map((r) => html`<tr>${cols.map((c) => html`<td${c.numeric ? html` class="num"` : c.nowrap ? html` class="nowrap"` : ''}>${c.cell(r)}</td>`)}</tr>`)}</tbody>
</table></div>`;
  const pager =
    state.page > 1 || res.next_cursor
      ? html`<nav class="pager" aria-label="Pages">
${state.page > 1 ? html`<a href="${firstHref(state)}">First page</a>` : ''}
${prev ? html`<a href="${prev}" rel="prev">Previous page</a>` : ''}
<span>Page ${count(state.page)}</span>
${res.next_cursor ? html`<a href="${nextHref(state, res.next_cursor)}" rel="next">Next page</a>` : ''}
</nav>`
      : '';
  return html`<section class="results" aria-labelledby="results-h">
<h2 id="results-h" data-total="${res.total.value}">${heading}${
    res.amount_sum !== null && res.amount_sum !== undefined && res.total.value > 0 ? html` <span class="sum" data-amount-sum="${res.amount_sum}">totalling ${money(res.amount_sum)}</span>` : ''
  }</h2>
${table}
${pager}
${res.amount_sum !== null && res.amount_sum !== undefined && res.amount_sum_rule && res.total.value > 0 ? html`<p class="small muted" id="sum-rule">${sumNote(res)}</p>` : ''}
<div class="toolbar"><p class="muted small">${
    res.results.length > 0 ? `Showing ${count(from)}–${count(to)}.` : ''
  } The downloads hold every row of this search, not just this page.</p>${downloads(state, res)}</div>
</section>`;
}

/** The sum's rule, short: what it leaves out, in the words of the response. */
function sumNote(res: SearchResponseBody): string {
  const rule = res.amount_sum_rule ?? '';
  // "Sum of ... only; memo entries left out; ..." -> the parts after the first, as a sentence.
  const parts = rule.replace(/\.$/, '').split('; ');
  const rest = parts.slice(1).join('; ');
  return rest ? `${rest.charAt(0).toUpperCase()}${rest.slice(1)}.` : rule;
}

function kindTabs(state: SearchState): SafeHtml {
  const q = paramValues(state, 'q');
  return html`<nav class="kinds" aria-label="Kind of record"><ul>${KIND_NAMES.map((k) => {
    // The kind shown, when the words chose it, stays the words' (the same q, read the same).
    const href = k === state.kind && state.kindFromWords ? hrefWith({ ...state, params: q.map((v) => ['q', v]) }, {}) : hrefWith({ ...state, params: [] }, { q: q.length > 0 ? q : null }, k);
    return html`<li><a href="${href}"${k === state.kind ? html` aria-current="page"` : ''}>${KIND_LABELS[k].plural}</a></li>`;
  })}</ul></nav>`;
}

export function searchPage(state: SearchState, req: SearchRequest, res: SearchResponseBody): SafeHtml {
  const q = req.q ?? '';
  const labels = KIND_LABELS[state.kind];
  // The kind the words name, even where a chosen kind searched them as words.
  const named = req.understood.kind ?? (q ? (parsePlainLanguage(q).understood.kind ?? null) : null);
  const words = req.understood.text && Object.keys(req.understood.filters).length > 0 ? html`<p class="small">Also searching the words “${req.understood.text}”.</p>` : '';
  return page({
    title: q ? `${labels.plural}: ${q}` : `${labels.plural}`,
    section: 'search',
    main: html`<h1>Search disclosure records</h1>
${searchForm(state)}
${kindTabs(state)}
${state.kindFromWords ? html`<p class="small muted">Showing ${labels.plural.toLowerCase()}, as your words say.</p>` : ''}
${named && named !== state.kind ? html`<p class="notice">Your words name ${KIND_LABELS[named].plural.toLowerCase()}: <a href="${searchHref({ kind: named, kindFromWords: true, params: [['q', q]], page: 1, prev: [] })}">search ${KIND_LABELS[named].plural.toLowerCase()} instead</a>.</p>` : ''}
${chips(state, req, res)}
${words}
<div class="layout">
${facets(state, res)}
${resultsSection(state, req, res)}
</div>`,
  });
}

export function homePage(): SafeHtml {
  return page({
    title: 'Search',
    section: 'search',
    main: html`<h1>Search disclosure records</h1>
<p class="lead">California campaign contributions, expenditures, lobbying reports, committees and candidates, and the filings they come from, as reported to the Secretary of State (CAL-ACCESS).</p>
${searchForm(null)}
<h2>Try</h2>
<ul>${EXAMPLES.map((e) => html`<li><a href="${`/search?${new URLSearchParams({ q: e }).toString()}`}">${e}</a></li>`)}</ul>
<h2>Or browse</h2>
<ul>${KIND_NAMES.map((k) => html`<li><a href="/search?kind=${k}">All ${KIND_LABELS[k].plural.toLowerCase()}</a></li>`)}</ul>
<p>Whole datasets are on the <a href="/data">bulk data</a> page; programs can use the <a href="/docs/api">API</a>.</p>`,
  });
}
