// The Elasticsearch response -> the API's search response. Pure. Every search endpoint
// answers with the same outer shape: total, results, facets, next_cursor, understood.
import type { estypes } from '@elastic/elasticsearch';
import type { KindName } from '../indexers/kinds.js';
import { labelFor } from '../src/db/labels.js';
import { facetLabel } from '../src/search/facet-values.js';
import { PLAUSIBLE_YEARS } from '../src/import/value-parsers.js';
import { BLANK } from './param-rules.js';
import { countsAll, effectiveSort, facetLabelField, LATE_REPORT_KIND, lateOnly, selectedFacets } from './build-search.js';
import { AMOUNT_BANDS, SEARCH_SPECS, type FacetDef, type KindSpec } from './search-spec.js';
import { encodeCursor, requestKey, type SearchRequest } from './search-request.js';

export interface FacetBucket {
  value: string;
  label: string;
  count: number;
}

export interface Facet {
  label: string;
  /** the filter a bucket's value narrows with */
  filter: string;
  buckets: FacetBucket[];
  /** matches in values not listed (beyond facet_size) */
  other_count: number;
  /** matches with no value, or one the filter cannot select (a state that is not two
   *  letters, as filed); buckets + other_count + missing_count = total */
  missing_count: number;
}

export interface SearchResponseBody {
  kind: KindName;
  total: { value: number; exact: boolean };
  results: Record<string, unknown>[];
  facets: Record<string, Facet> | null;
  next_cursor: string | null;
  understood: SearchRequest['understood'];
  /** the order applied (with no text to rank by, relevance is the newest first) */
  sort: string;
  page_size: number;
  /** contributions, expenditures, lobbying: the dollars of every match (not just the page),
   *  exact to the cent, as `amount_sum_rule` says; null where the kind has no amount, or
   *  when the request does not count every match (a later page without facets) */
  amount_sum: number | null;
  /** what the sum counts, in words */
  amount_sum_rule: string | null;
}

const API = '/api/v1';

const get = (o: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

const filerLink = (id: unknown): string | null => (typeof id === 'string' && id ? `${API}/filers/${encodeURIComponent(id)}` : null);

function filingLink(src: Record<string, unknown>): string {
  const current = src['current'] !== false;
  return `${API}/filings/${String(src['filing_id'])}${current ? '' : `?amendment=${String(src['amend_id'])}`}`;
}

export function resultRow(kind: KindName, hit: estypes.SearchHit<Record<string, unknown>>): Record<string, unknown> {
  // The matching forms of names were left out by the request (_source excludes): the
  // source is the row, with its flags and links added.
  const src = hit._source ?? {};
  const links: Record<string, string | null> = {};
  switch (kind) {
    case 'contributions':
      links['filing'] = filingLink(src);
      links['filer'] = filerLink(get(src, 'recipient.filer_id'));
      break;
    case 'expenditures':
      links['filing'] = filingLink(src);
      links['filer'] = filerLink(get(src, 'spender.filer_id'));
      break;
    case 'lobbying':
      links['filing'] = filingLink(src);
      links['filer'] = filerLink(get(src, 'filer.filer_id'));
      break;
    case 'filings':
      links['filing'] = `${API}/filings/${String(src['filing_id'])}?amendment=${String(src['amend_id'])}`;
      links['filer'] = filerLink(get(src, 'filer.filer_id'));
      break;
    case 'filers': {
      const id = encodeURIComponent(String(src['filer_id']));
      links['filer'] = `${API}/filers/${id}`;
      links['filings'] = `${API}/filings?filer=${id}`;
      links['contributions_received'] = `${API}/contributions?recipient=${id}`;
      links['expenditures'] = `${API}/expenditures?spender=${id}`;
      break;
    }
  }
  const versioned = SEARCH_SPECS[kind].versioned;
  src['kind'] = kind;
  if (versioned) src['superseded'] = src['current'] === false;
  src['score'] = typeof hit._score === 'number' ? Math.round(hit._score * 1000) / 1000 : null;
  src['links'] = links;
  return src;
}

type AggMap = Record<string, estypes.AggregationsAggregate>;

/**
 * The values of a terms facet that its filter can select exactly, as a regular expression
 * (null: every value can). A bucket's value must come back through the filter's parsing as
 * itself: a state of two letters (not "94" as filed), a code in capitals with no comma (the
 * list separator) and no folded spaces, a filer id the filter reads as an id, a facet value
 * with no control character. The answer lists no other value: its rows are counted as
 * missing, with the rows that have no value (facetFrom). Applied to the answer, not as the
 * terms aggregation's `include`: an include takes the aggregation off its fast paths (two
 * to three times the time of a facets request, measured on the sample).
 */
export function facetValuePattern(spec: KindSpec, f: FacetDef): string | null {
  if (f.type !== 'terms') return null;
  switch (spec.filters.find((d) => d.param === f.filter)?.type) {
    case 'state':
      return '[A-Z]{2}';
    case 'code': {
      // (the filter upper-cases what it is given)
      const word = `[^,a-z${BLANK}]+`;
      return `${word}( ${word})*`;
    }
    case 'filer':
      return '-?[0-9]+|[A-Z][0-9]{3,}';
    case 'facet':
      return '[^\u0001-\u0008\u000e-\u001f\u007f\u1680\ufeff]+';
    default:
      return null;
  }
}

/** facetValuePattern as a compiled, anchored expression, per facet. */
const valuePatterns = new Map<FacetDef, RegExp | null>();
function selectable(spec: KindSpec, def: FacetDef): RegExp | null {
  let re = valuePatterns.get(def);
  if (re === undefined) {
    const p = facetValuePattern(spec, def);
    re = p === null ? null : new RegExp(`^(?:${p})$`, 'u');
    valuePatterns.set(def, re);
  }
  return re;
}

function facetFrom(spec: KindSpec, def: FacetDef, aggs: AggMap, total: number): Facet {
  const labelField = facetLabelField(def);
  const agg = aggs[def.name] as { buckets?: unknown; sum_other_doc_count?: number } | undefined;
  let raw = (Array.isArray(agg?.buckets) ? agg.buckets : []) as {
    key: string | number;
    key_as_string?: string;
    doc_count: number;
    label?: { hits: { hits: { _source?: Record<string, unknown> }[] } };
  }[];
  let missing = (aggs[`missing__${def.name}`] as { doc_count?: number } | undefined)?.doc_count ?? 0;
  if (def.type === 'year') {
    // Plausible years only: placeholders (1900) and typos (2099) count as missing, with
    // the rows that have no date (the total is exact whenever facets are computed).
    raw = raw.filter((b) => Number(b.key_as_string) >= PLAUSIBLE_YEARS.from && Number(b.key_as_string) <= PLAUSIBLE_YEARS.to);
    missing = Math.max(0, total - raw.reduce((n, b) => n + b.doc_count, 0));
  }
  // A value its filter cannot select is no bucket (a link to it would be refused, or find
  // other rows): its rows are counted as missing, as the rows with no value are.
  const re = selectable(spec, def);
  const buckets: FacetBucket[] = raw
    .filter((b) => {
      if (re === null || re.test(String(b.key_as_string ?? b.key))) return true;
      missing += b.doc_count;
      return false;
    })
    .filter((b) => b.doc_count > 0 || def.type === 'amount_bands')
    .map((b) => {
      const value = String(b.key_as_string ?? b.key);
      let label = value;
      if (def.type === 'amount_bands') label = AMOUNT_BANDS.find((x) => x.key === value)?.label ?? value;
      else if (def.labelCode) label = labelFor(def.labelCode, value) ?? value;
      else if (labelField) {
        const src = b.label?.hits.hits[0]?._source;
        const l = src ? get(src, labelField) : undefined;
        label = typeof l === 'string' && l ? (def.rawField ? facetLabel(l) || value : l) : value;
      }
      return { value, label, count: b.doc_count };
    });
  return { label: def.label, filter: def.filter, buckets: distinctLabels(def, buckets), other_count: agg?.sum_other_doc_count ?? 0, missing_count: missing };
}

/**
 * No two buckets of a facet show the same label. Codes that mean the same ("A" and "ACTIVE",
 * both "Active") are one bucket whose value lists both (code filters take "A,ACTIVE"); other
 * values that read alike (two filers of one name) say which is which.
 */
export function distinctLabels(def: FacetDef, buckets: FacetBucket[]): FacetBucket[] {
  const byLabel = new Map<string, FacetBucket[]>();
  for (const b of buckets) {
    const key = b.label.toLowerCase();
    byLabel.set(key, [...(byLabel.get(key) ?? []), b]);
  }
  if ([...byLabel.values()].every((l) => l.length === 1)) return buckets;
  const codes = def.labelCode !== undefined || def.labelField !== undefined;
  const out: FacetBucket[] = [];
  const done = new Set<string>();
  for (const b of buckets) {
    const key = b.label.toLowerCase();
    const same = byLabel.get(key)!;
    if (same.length === 1) out.push(b);
    else if (codes) {
      if (done.has(key)) continue;
      done.add(key);
      out.push({ value: same.map((x) => x.value).join(','), label: b.label, count: same.reduce((n, x) => n + x.count, 0) });
    } else out.push({ ...b, label: `${b.label} (${b.value})` });
  }
  return out;
}

const dollars = (cents: number): string => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const LATE_WORDS: Record<string, { what: string; again: string }> = {
  contributions: { what: 'late contribution reports (Form 497)', again: 'a later Form 460' },
  expenditures: { what: 'late independent expenditure reports (Form 496)', again: 'a later campaign statement' },
};

type SumBuckets = { buckets: { key: number | boolean | string; key_as_string?: string; kind: { buckets: { key: string; doc_count: number; cents: { value: number | null } }[] } }[] };

/** The sum of the amount of every match, in dollars exact to the cent, and its rule in words. */
export function amountSum(r: SearchRequest, aggs: AggMap | undefined): { amount_sum: number | null; amount_sum_rule: string | null } {
  const spec = SEARCH_SPECS[r.kind];
  if (!spec.amountField) return { amount_sum: null, amount_sum_rule: null };
  const sums = aggs?.['sum__rows'] as SumBuckets | undefined;
  if (!countsAll(r) || !sums) {
    return { amount_sum: null, amount_sum_rule: 'Not summed: this request does not count every match (no facets and no exact_total); ask with exact_total=true or facets=true for the sum.' };
  }
  // The buckets (memo flag, report kind) of build-search.ts's amountSumAggs, added up by the rule.
  const memoOnly = r.filters['memo'] === true;
  const lateKind = LATE_REPORT_KIND[r.kind];
  const lateApart = lateKind !== undefined && !lateOnly(r);
  const add = (keep: (memo: boolean, kind: string) => boolean): { doc_count: number; cents: number } => {
    let docCount = 0;
    let cents = 0;
    for (const m of sums.buckets) {
      const memo = m.key_as_string === 'true' || m.key === 1 || m.key === true;
      for (const k of m.kind.buckets) {
        if (!keep(memo, String(k.key))) continue;
        docCount += k.doc_count;
        cents += Math.round(k.cents.value ?? 0);
      }
    }
    return { doc_count: docCount, cents };
  };
  const counted = add((memo, kind) => (memoOnly || !memo) && !(lateApart && kind === lateKind));
  const late = lateApart ? add((memo, kind) => (memoOnly || !memo) && kind === lateKind) : undefined;
  const memo = memoOnly ? undefined : add((m) => m);
  // Sums of whole cents below 2^53 are exact in a double; cents / 100 is the double nearest
  // the exact dollars, which JSON writes with at most two decimals.
  const cents = counted.cents;
  const parts: string[] = [
    r.versions === 'all'
      ? 'Sum of the amounts of every matching row of every version of each filing, superseded versions included (an amended row counts once per version, so the same money can be counted more than once)'
      : 'Sum of the amounts of every matching row (not just this page), current version of each filing only',
  ];
  if (r.filters['memo'] === true) parts.push('memo entries only: they are informational and not counted in totals');
  else parts.push(`memo entries left out${memo && memo.doc_count > 0 ? ` (${memo.doc_count.toLocaleString('en-US')} rows)` : ''}`);
  const words = LATE_WORDS[r.kind];
  if (words && lateOnly(r)) parts.push(`${words.what} only: they are usually itemized again on ${words.again}, so do not add this to itemized totals`);
  else if (words && late && late.doc_count > 0) {
    parts.push(`${words.what} counted apart, not added: ${late.doc_count.toLocaleString('en-US')} rows, ${dollars(late.cents)}, usually itemized again on ${words.again}`);
  }
  if (r.kind === 'lobbying' && r.filters['schedule'] === undefined) {
    parts.push('payments between lobbying firms and their clients are reported by both (Form 625 part 2 and Form 635 part 3B): narrow by schedule to count them once');
  }
  return { amount_sum: cents / 100, amount_sum_rule: `${parts.join('; ')}.` };
}

export function toSearchResponse(r: SearchRequest, res: estypes.SearchResponse<Record<string, unknown>>): SearchResponseBody {
  const spec = SEARCH_SPECS[r.kind];
  const hits = res.hits.hits;
  const page = hits.slice(0, r.pageSize);
  const more = hits.length > r.pageSize;
  const total = res.hits.total;
  const totalValue = typeof total === 'number' ? total : (total?.value ?? 0);
  const exact = typeof total === 'number' ? true : total?.relation === 'eq';
  const lastSort = page[page.length - 1]?.sort;
  return {
    kind: r.kind,
    total: { value: totalValue, exact },
    results: page.map((h) => resultRow(r.kind, h)),
    facets: r.facets && res.aggregations ? Object.fromEntries(selectedFacets(spec, r.facetNames).map((f) => [f.name, facetFrom(spec, f, res.aggregations as AggMap, totalValue)])) : null,
    next_cursor: more && lastSort ? encodeCursor(lastSort as (string | number | null)[], requestKey(r)) : null,
    understood: r.understood,
    sort: effectiveSort(r),
    page_size: r.pageSize,
    ...amountSum(r, res.aggregations),
  };
}
