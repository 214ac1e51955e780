// Field shapes the field registries (queries/fields/) map their fields with, and the index
// settings. Only what the server itself provides: standard analyser, keyword with the
// built-in lowercase normalizer, completion (the distribution we run has no
// analysis-common, mapper-extras or painless).
import type { estypes } from '@elastic/elasticsearch';
import { mappingProperties, type KindFields } from '../../queries/fields/field.js';

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

export interface KindMapping {
  /** Bumped when the mapping changes, recorded on the index. */
  version: number;
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

/** A kind's index: its mapping version (bumped when a field changes: `index rebuild`), the
 *  common settings, and every field of the kind's registry at its path. */
export function kindMapping(version: number, fields: KindFields): KindMapping {
  return { version, settings: indexSettings(), mappings: { dynamic: 'strict', properties: mappingProperties(fields) } };
}

export function indexSettings(): estypes.IndicesIndexSettings {
  // One node: one shard, no replicas. More shards and replicas are a setting away on a cluster.
  return { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s', max_result_window: 10_000 };
}
