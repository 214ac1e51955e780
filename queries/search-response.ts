// The Elasticsearch response -> the API's search response. Pure. Every search endpoint
// answers with the same outer shape: total, results, facets, next_cursor, understood.
import type { estypes } from '@elastic/elasticsearch';
import type { KindName } from '../indexers/kinds.js';
import { labelFor } from '../src/db/labels.js';
import { facetLabelField, selectedFacets } from './build-search.js';
import { AMOUNT_BANDS, SEARCH_SPECS, type FacetDef } from './search-spec.js';
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
  /** matches with no value; buckets + other_count + missing_count = total */
  missing_count: number;
}

export interface SearchResponseBody {
  kind: KindName;
  total: { value: number; exact: boolean };
  results: Record<string, unknown>[];
  facets: Record<string, Facet> | null;
  next_cursor: string | null;
  understood: SearchRequest['understood'];
  sort: string;
  page_size: number;
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

function facetFrom(def: FacetDef, aggs: AggMap): Facet {
  const labelField = facetLabelField(def);
  const agg = aggs[def.name] as { buckets?: unknown; sum_other_doc_count?: number } | undefined;
  const missing = (aggs[`missing__${def.name}`] as { doc_count?: number } | undefined)?.doc_count ?? 0;
  const raw = (Array.isArray(agg?.buckets) ? agg.buckets : []) as {
    key: string | number;
    key_as_string?: string;
    doc_count: number;
    label?: { hits: { hits: { _source?: Record<string, unknown> }[] } };
  }[];
  const buckets: FacetBucket[] = raw
    .filter((b) => b.doc_count > 0 || def.type === 'amount_bands')
    .map((b) => {
      const value = String(b.key_as_string ?? b.key);
      let label = value;
      if (def.type === 'amount_bands') label = AMOUNT_BANDS.find((x) => x.key === value)?.label ?? value;
      else if (def.labelCode) label = labelFor(def.labelCode, value) ?? value;
      else if (labelField) {
        const src = b.label?.hits.hits[0]?._source;
        const l = src ? get(src, labelField) : undefined;
        label = typeof l === 'string' && l ? l : value;
      }
      return { value, label, count: b.doc_count };
    });
  return { label: def.label, filter: def.filter, buckets, other_count: agg?.sum_other_doc_count ?? 0, missing_count: missing };
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
    facets: r.facets && res.aggregations ? Object.fromEntries(selectedFacets(spec, r.facetNames).map((f) => [f.name, facetFrom(f, res.aggregations as AggMap)])) : null,
    next_cursor: more && lastSort ? encodeCursor(lastSort as (string | number | null)[], requestKey(r)) : null,
    understood: r.understood,
    sort: r.sort,
    page_size: r.pageSize,
  };
}
