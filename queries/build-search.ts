// A validated search request -> the Elasticsearch request. Pure. User text only ever
// reaches Elasticsearch inside match / multi_match / term queries (never query_string,
// never a script), with bounded sizes and a server-side timeout.
import type { estypes } from '@elastic/elasticsearch';
import { facetValue } from '../src/search/facet-values.js';
import { normalizeName } from '../src/search/names.js';
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

/** The fields free text is matched against with small typos allowed: the matching forms of
 *  names, the names that have none, and former names. Typos are looked up in these only: a fuzzy clause
 *  expands every word into the index's terms within the edit distance, field by field,
 *  which over all the text fields was most of a name search's cost (issue 17); employers,
 *  occupations, cities and descriptions still match exactly (cross_fields below). */
export function fuzzyTextFields(fields: readonly string[]): string[] {
  return fields.filter((f) => f.endsWith('name_normalized') || /(^|\.)names$/.test(f) || (/(^|\.)name$/.test(f) && !fields.includes(`${f}_normalized`)));
}

/** Typo allowance of the fuzzy clause: AUTO edits (none up to 2 letters, 1 up to 5, then
 *  2), the first two letters as typed (people rarely misspell a name's start, and each
 *  letter held cuts the terms visited), at most 10 spellings per word. */
export const FUZZY = { fuzziness: 'AUTO', prefix_length: 2, max_expansions: 10 } as const;

function textQuery(fields: readonly string[], text: string): Query {
  const norm = normalizeName(text);
  const fuzzy = fuzzyTextFields(fields);
  return {
    bool: {
      should: [
        // Every word in one name, allowing small typos (the name's matching form: "LAST,
        // FIRST" and corporate suffixes already taken out of the words)...
        ...(fuzzy.length > 0 ? [{ multi_match: { query: norm || text, fields: fuzzy, type: 'best_fields' as const, operator: 'and' as const, ...FUZZY } }] : []),
        // ...or the words anywhere, over several fields ("Jane Doe Fresno"), exactly.
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

/**
 * A date or amount order with the rows that have none last. Not `missing: '_last'`: for a
 * date or number Elasticsearch gives such a row the sort value Long.MAX_VALUE (or MIN),
 * which JSON.parse rounds to 9223372036854776000, a value Elasticsearch then refuses in
 * search_after (a 500 on the page after one that ended on such a row). A value past every
 * real one sorts them last as well, and comes back as it was given.
 */
export function missingLast(field: string, kind: 'date' | 'number', order: 'asc' | 'desc'): estypes.SortCombinations {
  // Dates as epoch milliseconds (Elasticsearch takes no formatted date here): 9999-12-31
  // and 0001-01-01, both well within what a double holds exactly.
  const missing = kind === 'date' ? (order === 'asc' ? 253_402_214_400_000 : -62_135_596_800_000) : order === 'asc' ? 1e15 : -1e15;
  return { [field]: { order, missing } };
}

export function buildSort(r: SearchRequest, spec: KindSpec = SEARCH_SPECS[r.kind]): estypes.SortCombinations[] {
  // The id breaks ties, so search_after walks every row exactly once.
  const tie: estypes.SortCombinations = { id: 'asc' };
  switch (effectiveSort(r)) {
    case 'date':
      return [spec.dateField ? missingLast(spec.dateField, 'date', 'asc') : { id: 'asc' }, tie];
    case '-date':
      return [spec.dateField ? missingLast(spec.dateField, 'date', 'desc') : { id: 'desc' }, tie];
    case 'amount':
      return [spec.amountField ? missingLast(spec.amountField, 'number', 'asc') : { id: 'asc' }, tie];
    case '-amount':
      return [spec.amountField ? missingLast(spec.amountField, 'number', 'desc') : { id: 'desc' }, tie];
    case 'name':
      return [{ 'name.keyword': { order: 'asc', missing: '_last' } }, tie];
    default:
      return [{ _score: { order: 'desc' } }, tie];
  }
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

/** Sums of the amount over every match, in whole cents (amount_cents, a long: exact), by
 *  memo flag and report kind (`sum__rows`): the response adds up the rows a total counts (memo
 *  entries and late reports left out, unless the request asks for just those) and tells
 *  late reports and memo entries apart (search-response.ts, amountSum). Buckets of doc
 *  values, read only for the matches: filter aggregations here (one per rule) cost as much
 *  as the search again on a large index, most of a name search's time (issue 17). */
export function amountSumAggs(r: SearchRequest): Record<string, estypes.AggregationsAggregationContainer> {
  const spec = SEARCH_SPECS[r.kind];
  if (!spec.amountField) return {};
  return {
    sum__rows: {
      terms: { field: 'memo', missing: false, size: 2 },
      aggs: { kind: { terms: { field: 'report_kind.code', missing: '', size: 20 }, aggs: { cents: { sum: { field: 'amount_cents' } } } } },
    },
  };
}

/** The facets a request computes: those it named (facets=year,state), or all of the kind's. */
export function selectedFacets(spec: KindSpec, names: readonly string[] | null): readonly FacetDef[] {
  return names === null ? spec.facets : spec.facets.filter((f) => names.includes(f.name));
}

export function facetAggs(spec: KindSpec, size: number, names: readonly string[] | null = null): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const f of selectedFacets(spec, names)) {
    // A year facet's missing count is the total less its plausible years (search-response.ts).
    if (f.type !== 'year') aggs[`missing__${f.name}`] = { missing: { field: f.field } };
    aggs[f.name] = facetAgg(f, size);
  }
  return aggs;
}

function facetAgg(f: FacetDef, size: number): estypes.AggregationsAggregationContainer {
  switch (f.type) {
    case 'year':
      // Every year of the matches: the response keeps the plausible ones (a filter
      // aggregation for them, or for the others, costs as much as the search again).
      return { date_histogram: { field: f.field, calendar_interval: 'year', format: 'yyyy', min_doc_count: 1 } };
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
