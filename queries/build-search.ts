// A validated search request -> the Elasticsearch request. Pure. User text only ever
// reaches Elasticsearch inside match / multi_match / term queries (never query_string,
// never a script), with bounded sizes and a server-side timeout.
import type { estypes } from '@elastic/elasticsearch';
import { facetValue } from '../src/search/facet-values.js';
import { normalizeName } from '../src/search/names.js';
import { PLAUSIBLE_YEARS } from '../src/import/value-parsers.js';
import { AMOUNT_BANDS, SEARCH_SPECS, type FacetDef, type FilterDef, type KindSpec, type SortName } from './search-spec.js';
import type { FilterValue, SearchRequest } from './search-request.js';

export const SEARCH_TIMEOUT = '10s';

type Query = estypes.QueryDslQueryContainer;

/** A name, matched forgivingly: any word order, case, punctuation, suffixes, small typos. */
export function nameQuery(nameField: string, normalizedField: string, value: string): Query {
  const norm = normalizeName(value);
  const should: Query[] = [
    { match: { [nameField]: { query: value, operator: 'and', fuzziness: 'AUTO', prefix_length: 1, max_expansions: 20 } } },
    { match_phrase: { [normalizedField]: { query: norm || value, boost: 3 } } },
  ];
  if (norm) should.push({ match: { [normalizedField]: { query: norm, operator: 'and', fuzziness: 'AUTO', prefix_length: 1, max_expansions: 20 } } });
  return { bool: { should, minimum_should_match: 1 } };
}

function textQuery(fields: readonly string[], text: string): Query {
  const norm = normalizeName(text);
  return {
    bool: {
      should: [
        // Every word somewhere in one field, allowing small typos...
        { multi_match: { query: text, fields: [...fields], type: 'best_fields', operator: 'and', fuzziness: 'AUTO', prefix_length: 1, max_expansions: 20 } },
        // ...or the words spread over several fields ("Jane Doe Fresno"), exactly.
        { multi_match: { query: text, fields: [...fields], type: 'cross_fields', operator: 'and' } },
        ...(norm && norm !== text.toLowerCase() ? [{ multi_match: { query: norm, fields: [...fields], type: 'cross_fields' as const, operator: 'and' as const } }] : []),
      ],
      minimum_should_match: 1,
    },
  };
}

const list = (v: FilterValue): (string | number)[] => (Array.isArray(v) ? v : [v as string | number]);

/** One declared filter -> its clause, and whether it scores (names) or only filters. */
export function filterClause(def: FilterDef, value: FilterValue): { clause: Query; scoring: boolean } {
  const [f0, f1, f2] = def.fields as [string, string?, string?];
  switch (def.type) {
    case 'name':
      return { clause: nameQuery(f0, f1 ?? f0, String(value)), scoring: true };
    case 'filer': {
      const v = String(value);
      // Ids are digits; some filed ones carry a minus sign (-18456): an id all the same.
      if (/^-?\d+$/.test(v) && f2) return { clause: { term: { [f2]: v } }, scoring: false };
      // A filer named by its legacy id (C00800, L24650) or by name.
      const byName = nameQuery(f0, f1 ?? f0, v);
      return { clause: f2 && /^[A-Za-z]\d{3,}$/.test(v) ? { bool: { should: [{ term: { [f2]: v.toUpperCase() } }, byName], minimum_should_match: 1 } } : byName, scoring: true };
    }
    case 'text':
      return { clause: { match: { [f0]: { query: String(value), operator: 'and', fuzziness: 'AUTO', prefix_length: 1, max_expansions: 20 } } }, scoring: true };
    case 'code':
    case 'state':
    case 'integer':
      return { clause: { terms: { [f0]: list(value) } }, scoring: false };
    case 'zip':
      return { clause: { term: { [f0]: String(value) } }, scoring: false };
    case 'facet': {
      // The value as the facet groups it; a "not given" word narrows to the rows with none.
      const v = facetValue(String(value));
      return { clause: v === null ? { bool: { must_not: { exists: { field: f0 } } } } : { term: { [f0]: v } }, scoring: false };
    }
    case 'min_amount':
      return { clause: { range: { [f0]: { gte: Number(value) } } }, scoring: false };
    case 'max_amount':
      return { clause: { range: { [f0]: { lte: Number(value) } } }, scoring: false };
    case 'date_from':
      return { clause: { range: { [f0]: { gte: String(value) } } }, scoring: false };
    case 'date_to':
      return { clause: { range: { [f0]: { lte: String(value) } } }, scoring: false };
    case 'year':
      return {
        clause: { bool: { should: list(value).map((y) => ({ range: { [f0]: { gte: `${y}-01-01`, lte: `${y}-12-31` } } })), minimum_should_match: 1 } },
        scoring: false,
      };
    case 'boolean':
      return { clause: { term: { [f0]: value === true } }, scoring: false };
  }
}

export function buildQuery(r: SearchRequest): Query {
  const spec = SEARCH_SPECS[r.kind];
  const must: Query[] = [];
  const filter: Query[] = [];
  for (const [param, value] of Object.entries(r.filters)) {
    const def = spec.filters.find((f) => f.param === param);
    if (!def) continue;
    const { clause, scoring } = filterClause(def, value);
    (scoring ? must : filter).push(clause);
  }
  if (r.understood.text) must.push(textQuery(spec.textFields, r.understood.text));
  if (spec.versioned && r.versions === 'current') filter.push({ term: { current: true } });
  if (must.length === 0 && filter.length === 0) return { match_all: {} };
  return { bool: { ...(must.length ? { must } : {}), ...(filter.length ? { filter } : {}) } };
}

/** Whether anything in the request ranks results: text, or a filter that scores (names, words). */
export function isScored(r: SearchRequest): boolean {
  if (r.understood.text) return true;
  const spec = SEARCH_SPECS[r.kind];
  return Object.entries(r.filters).some(([param, value]) => {
    const def = spec.filters.find((f) => f.param === param);
    return def !== undefined && filterClause(def, value).scoring;
  });
}

/** The order applied. With nothing to rank by, "best match" would be index order, which
 *  means nothing to a reader: the newest first where the kind has a date (filers: by name),
 *  whether relevance was asked for or left as the default. */
export function effectiveSort(r: SearchRequest): SortName {
  if (r.sort !== 'relevance' || isScored(r)) return r.sort;
  const spec = SEARCH_SPECS[r.kind];
  if (spec.dateField && spec.sorts.includes('-date')) return '-date';
  if (spec.sorts.includes('name')) return 'name';
  return 'relevance';
}

export function buildSort(r: SearchRequest, spec: KindSpec = SEARCH_SPECS[r.kind]): estypes.SortCombinations[] {
  // The id breaks ties, so search_after walks every row exactly once.
  const tie: estypes.SortCombinations = { id: 'asc' };
  switch (effectiveSort(r)) {
    case 'date':
      return [{ [spec.dateField ?? 'id']: { order: 'asc', missing: '_last' } }, tie];
    case '-date':
      return [{ [spec.dateField ?? 'id']: { order: 'desc', missing: '_last' } }, tie];
    case 'amount':
      return [{ [spec.amountField ?? 'id']: { order: 'asc', missing: '_last' } }, tie];
    case '-amount':
      return [{ [spec.amountField ?? 'id']: { order: 'desc', missing: '_last' } }, tie];
    case 'name':
      return [{ 'name.keyword': { order: 'asc', missing: '_last' } }, tie];
    default:
      return [{ _score: { order: 'desc' } }, tie];
  }
}

/** A year facet counts dates of plausible years only: placeholders (1/1/1900) and typos
 *  (2099) are flagged by the import (odd_dates) by this same rule, and count as missing. */
export function plausibleDates(field: string): Query {
  return { range: { [field]: { gte: `${PLAUSIBLE_YEARS.from}-01-01`, lte: `${PLAUSIBLE_YEARS.to}-12-31` } } };
}

/** The report kinds whose rows are usually itemized again on a later report (Forms 497, 496). */
export const LATE_REPORT_KIND: Partial<Record<KindSpec['kind'], string>> = {
  contributions: 'LATE_CONTRIBUTION',
  expenditures: 'LATE_INDEPENDENT_EXPENDITURE',
};

/** Whether the request visits every match anyway (it counts them all): then sums cost little. */
export function countsAll(r: SearchRequest): boolean {
  return r.exactTotal || r.facets;
}

/** The request narrows to late reports only. */
export function lateOnly(r: SearchRequest): boolean {
  const late = LATE_REPORT_KIND[r.kind];
  const v = r.filters['report_kind'];
  return late !== undefined && Array.isArray(v) && v.length > 0 && v.every((x) => x === late);
}

/** Sums of the amount over every match, in whole cents (amount_cents, a long: exact):
 *  `sum__counted` the rows a total counts (memo entries and late reports left out, unless
 *  the request asks for just those), `sum__late` late reports apart, `sum__memo` the memo
 *  entries left out (their count). */
export function amountSumAggs(r: SearchRequest): Record<string, estypes.AggregationsAggregationContainer> {
  const spec = SEARCH_SPECS[r.kind];
  if (!spec.amountField) return {};
  const cents: Record<string, estypes.AggregationsAggregationContainer> = { cents: { sum: { field: 'amount_cents' } } };
  const memoOnly = r.filters['memo'] === true;
  const notMemo: Query[] = memoOnly ? [] : [{ term: { memo: true } }];
  const late = LATE_REPORT_KIND[r.kind];
  const notLate: Query[] = late && !lateOnly(r) ? [{ term: { 'report_kind.code': late } }] : [];
  return {
    sum__counted: { filter: { bool: { must_not: [...notMemo, ...notLate] } }, aggs: cents },
    ...(notLate.length > 0 ? { sum__late: { filter: { bool: { filter: [{ term: { 'report_kind.code': late! } }], must_not: notMemo } }, aggs: cents } } : {}),
    ...(notMemo.length > 0 ? { sum__memo: { filter: { term: { memo: true } } } } : {}),
  };
}

/** The facets a request computes: those it named (facets=year,state), or all of the kind's. */
export function selectedFacets(spec: KindSpec, names: readonly string[] | null): readonly FacetDef[] {
  return names === null ? spec.facets : spec.facets.filter((f) => names.includes(f.name));
}

export function facetAggs(spec: KindSpec, size: number, names: readonly string[] | null = null): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const f of selectedFacets(spec, names)) {
    aggs[`missing__${f.name}`] = f.type === 'year' ? { filter: { bool: { must_not: plausibleDates(f.field) } } } : { missing: { field: f.field } };
    aggs[f.name] = facetAgg(f, size);
  }
  return aggs;
}

function facetAgg(f: FacetDef, size: number): estypes.AggregationsAggregationContainer {
  switch (f.type) {
    case 'year':
      // The histogram under a filter: its buckets are read from `years` (search-response.ts).
      return { filter: plausibleDates(f.field), aggs: { years: { date_histogram: { field: f.field, calendar_interval: 'year', format: 'yyyy', min_doc_count: 1 } } } };
    case 'amount_bands':
      return { range: { field: f.field, keyed: false, ranges: AMOUNT_BANDS.map((b) => ({ key: b.key, ...(b.from !== undefined ? { from: b.from } : {}), ...(b.to !== undefined ? { to: b.to } : {}) })) } };
    default: {
      const sub = facetLabelField(f);
      return {
        terms: { field: f.field, size },
        // The label or name shown beside a code or a filer id.
        ...(sub ? { aggs: { label: { top_hits: { size: 1, _source: { includes: [sub] } } } } } : {}),
      };
    }
  }
}

/** Where a bucket's label comes from: a label beside a code, a filer's name, or the
 *  value as filed (a lower-cased keyword facet shows the original spelling). */
export function facetLabelField(f: FacetDef): string | undefined {
  if (f.labelCode) return undefined; // labels from the code table, nothing to fetch
  return f.labelField ?? f.nameField ?? f.rawField ?? (f.field.endsWith('.keyword') ? f.field.slice(0, -'.keyword'.length) : undefined);
}

export function buildSearch(r: SearchRequest, index: string): estypes.SearchRequest {
  const spec = SEARCH_SPECS[r.kind];
  return {
    index,
    query: buildQuery(r),
    sort: buildSort(r, spec),
    // One more than a page: tells whether there is a next page without counting.
    size: r.pageSize + 1,
    // The matching forms of names are for the query, not for the reader: not fetched.
    _source: { excludes: ['name_normalized', '*.name_normalized', 'suggest'] },
    ...(r.after ? { search_after: r.after as estypes.SortResults } : {}),
    // Facets visit every match anyway, so with them the total is exact at no extra cost.
    track_total_hits: r.exactTotal || r.facets ? true : 10_000,
    ...(r.facets || countsAll(r) ? { aggs: { ...(r.facets ? facetAggs(spec, r.facetSize, r.facetNames) : {}), ...(countsAll(r) ? amountSumAggs(r) : {}) } } : {}),
    timeout: SEARCH_TIMEOUT,
    filter_path: SEARCH_FILTER_PATH,
  };
}

/** What the answer needs of Elasticsearch's response: index names, ignored-field lists and
 *  the hit metadata of the label top_hits are left out (a sixth of a typical response). */
export const SEARCH_FILTER_PATH = ['-**._index', '-**._ignored', '-aggregations.**.hits.total', '-aggregations.**.hits.max_score', '-aggregations.**._id', '-aggregations.**._score'];
