// Field shapes shared by the mappings. Only what the server itself provides: standard
// analyser, keyword with the built-in lowercase normalizer, completion (the distribution
// we run has no analysis-common, mapper-extras or painless).
import type { estypes } from '@elastic/elasticsearch';

export type Properties = Record<string, estypes.MappingProperty>;

/** Searchable text with an exact, case-insensitive keyword beside it (facets, sorting). */
export const text: estypes.MappingProperty = {
  type: 'text',
  fields: { keyword: { type: 'keyword', normalizer: 'lowercase', ignore_above: 256 } },
};
export const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 256 };
/** Case-insensitive keyword (cities, employers, occupations as filed vary in case). */
export const lcKeyword: estypes.MappingProperty = { type: 'keyword', normalizer: 'lowercase', ignore_above: 256 };
export const date: estypes.MappingProperty = { type: 'date', format: 'yyyy-MM-dd' };
export const amount: estypes.MappingProperty = { type: 'double' };
/** The amount in whole cents, written by the indexer from the exact decimal: what sums add
 *  up (a long's sum is exact where a double's is not). */
export const amountCents: estypes.MappingProperty = { type: 'long' };
/** A text's facet value (src/search/facet-values.ts): case, spacing, end punctuation and
 *  "not given" placeholders already taken out by the indexer. */
export const facetKeyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 256 };
export const integer: estypes.MappingProperty = { type: 'integer' };
export const bool: estypes.MappingProperty = { type: 'boolean' };
/** Stored for display only. */
export const stored: estypes.MappingProperty = { type: 'keyword', index: false, doc_values: false };

export const codeAndLabel = (): estypes.MappingProperty => ({ properties: { code: keyword, label: keyword } });

/** A filer as it appears on another document: id, name, type. */
export const filerRef = (): estypes.MappingProperty => ({
  properties: { filer_id: keyword, name: text, name_normalized: text, type: keyword, type_label: keyword },
});

/** The filing a row came from. */
export const filingRef = (): estypes.MappingProperty => ({
  properties: {
    filing_id: integer,
    amend_id: integer,
    current_amend_id: integer,
    form: keyword,
    form_label: keyword,
    period_start: date,
    period_end: date,
    date_filed: date,
  },
});

/** A party named on a row: contributor, payee, employer, recipient. */
export const party = (): estypes.MappingProperty => ({
  properties: {
    name: text,
    name_normalized: text,
    last_name: lcKeyword,
    first_name: lcKeyword,
    entity: codeAndLabel(),
    employer: text,
    occupation: text,
    city: text,
    employer_facet: facetKeyword,
    occupation_facet: facetKeyword,
    city_facet: facetKeyword,
    state: keyword,
    zip: keyword,
    zip5: keyword,
    committee_id: keyword,
  },
});

/** Whether the row belongs to the filing's current version. */
export const versionFields: Properties = {
  current: bool,
  filing_id: integer,
  amend_id: integer,
  line_item: integer,
  rec_type: keyword,
  form_type: keyword,
  tran_id: keyword,
  source_table: keyword,
};

export interface KindMapping {
  /** Bumped when the mapping changes, recorded on the index. */
  version: number;
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

export function indexSettings(): estypes.IndicesIndexSettings {
  // One node: one shard, no replicas. More shards and replicas are a setting away on a cluster.
  return { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s', max_result_window: 10_000 };
}
