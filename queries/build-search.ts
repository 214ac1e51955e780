// A validated search request -> the Elasticsearch request. Pure. User text only ever
// reaches Elasticsearch inside match / multi_match / term queries (never query_string,
// never a script), with bounded sizes and a server-side timeout.
import type { estypes } from '@elastic/elasticsearch';
import { normalizeName } from '../src/search/names.js';
import { AMOUNT_BANDS, SEARCH_SPECS, type FacetDef, type FilterDef, type KindSpec } from './search-spec.js';
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
      if (/^\d+$/.test(v) && f2) return { clause: { term: { [f2]: v } }, scoring: false };
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

export function buildSort(r: SearchRequest, spec: KindSpec = SEARCH_SPECS[r.kind]): estypes.SortCombinations[] {
  // The id breaks ties, so search_after walks every row exactly once.
  const tie: estypes.SortCombinations = { id: 'asc' };
  switch (r.sort) {
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

/** The facets a request computes: those it named (facets=year,state), or all of the kind's. */
export function selectedFacets(spec: KindSpec, names: readonly string[] | null): readonly FacetDef[] {
  return names === null ? spec.facets : spec.facets.filter((f) => names.includes(f.name));
}

export function facetAggs(spec: KindSpec, size: number, names: readonly string[] | null = null): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const f of selectedFacets(spec, names)) {
    aggs[`missing__${f.name}`] = { missing: { field: f.field } };
    aggs[f.name] = facetAgg(f, size);
  }
  return aggs;
}

function facetAgg(f: FacetDef, size: number): estypes.AggregationsAggregationContainer {
  switch (f.type) {
    case 'year':
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
  return f.labelField ?? f.nameField ?? (f.field.endsWith('.keyword') ? f.field.slice(0, -'.keyword'.length) : undefined);
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
    ...(r.facets ? { aggs: facetAggs(spec, r.facetSize, r.facetNames) } : {}),
    timeout: SEARCH_TIMEOUT,
    filter_path: SEARCH_FILTER_PATH,
  };
}

/** What the answer needs of Elasticsearch's response: index names, ignored-field lists and
 *  the hit metadata of the label top_hits are left out (a sixth of a typical response). */
export const SEARCH_FILTER_PATH = ['-**._index', '-**._ignored', '-aggregations.**.hits.total', '-aggregations.**.hits.max_score', '-aggregations.**._id', '-aggregations.**._score'];
