import { codeAndLabel, date, indexSettings, integer, keyword, lcKeyword, text, type KindMapping } from './common.js';

/** Committees, candidates, lobbyists, firms, employers: every name they filed under. */
export const filersMapping: KindMapping = {
  version: 1,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    properties: {
      filer_id: keyword,
      xref_filer_id: keyword,
      name: text,
      name_normalized: text,
      names: text,
      name_source: keyword,
      type: codeAndLabel(),
      status: codeAndLabel(),
      city: text,
      state: keyword,
      zip5: keyword,
      effective_date: date,
      filing_count: integer,
      suggest: { type: 'completion', analyzer: 'simple', preserve_separators: true, max_input_length: 100 },
      id: lcKeyword,
    },
  },
};
