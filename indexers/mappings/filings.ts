import { bool, codeAndLabel, date, filerRef, indexSettings, integer, keyword, type KindMapping } from './common.js';

/** Every version of every filing (report or statement), the current one flagged. */
export const filingsMapping: KindMapping = {
  version: 1,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      filing_id: integer,
      amend_id: integer,
      current: bool,
      current_amend_id: integer,
      version_count: integer,
      has_cover: bool,
      form: codeAndLabel(),
      filer: filerRef(),
      period_start: date,
      period_end: date,
      date_filed: date,
      election_date: date,
      statement_type: codeAndLabel(),
      cover_table: keyword,
    },
  },
};
