// Committees, candidates, lobbyists, firms, employers (`filers`, with every name they filed
// under from `filer_names`). In the order of the export's columns; see ./field.ts for what
// each part of a declaration drives. The document is built as an object
// (indexers/documents.ts filerDoc) from src/repositories/index-source-repository.ts's row.
import { codeAndLabel, date, integer, keyword, lcKeyword, text } from '../../indexers/mappings/common.js';
import type { KindFields } from './field.js';
import { field } from './shared.js';

export const FILER_FIELDS: KindFields = {
  fields: [
    field('filer_id', keyword, { export: { key: 'filer_id', header: 'Filer ID' }, bulk: { sql: 't.filer_id' } }),
    field('name', text, {
      export: { key: 'name', header: 'Name' },
      bulk: { sql: 't.name' },
      filters: [{ param: 'name', label: 'Name', type: 'name', fields: ['name', 'name_normalized'], description: 'Name of the filer (any name it filed under is searched by q).' }],
    }),
    field('type', codeAndLabel(), {
      export: { key: 'type', header: 'Type', at: 'label' },
      bulk: { sql: 't.filer_type' },
      filters: [{ param: 'filer_type', label: 'Filer type', type: 'code', fields: ['type.code'], description: 'Type, as the export names it: RECIPIENT COMMITTEE, CANDIDATE/OFFICEHOLDER, LOBBYIST, ... (repeatable).' }],
      facets: [{ name: 'filer_type', label: 'Type', type: 'terms', field: 'type.code', labelCode: 'filer_type', filter: 'filer_type' }],
    }),
    field('status', codeAndLabel(), {
      export: { key: 'status', header: 'Status', at: 'label' },
      bulk: { sql: 't.status' },
      filters: [{ param: 'status', label: 'Status', type: 'code', fields: ['status.code'], description: 'ACTIVE, INACTIVE, TERMINATED, ... (repeatable).' }],
      facets: [{ name: 'status', label: 'Status', type: 'terms', field: 'status.code', labelCode: 'filer_status', filter: 'status' }],
    }),
    field('city', text, { export: { key: 'city', header: 'City' }, bulk: { sql: 't.city' }, filters: [{ param: 'city', label: 'City', type: 'text', description: 'City of the filer.' }] }),
    field('state', keyword, {
      export: { key: 'state', header: 'State' },
      bulk: { sql: 't.st' },
      filters: [{ param: 'state', label: 'State', type: 'state', description: 'Two-letter state (repeatable).' }],
      facets: [{ name: 'state', label: 'State', type: 'terms', filter: 'state' }],
    }),
    field('zip5', keyword, { export: { key: 'zip', header: 'ZIP code' }, bulk: { sql: 't.zip4' }, filters: [{ param: 'zip', label: 'ZIP code', type: 'zip', description: 'Five-digit ZIP code.' }] }),
    field('effective_date', date, { export: { key: 'effective_date', header: 'Name effective since', type: 'date' }, bulk: { sql: 't.effect_dt' } }),
    field('filing_count', integer, { export: { key: 'filing_count', header: 'Filings', type: 'integer' } }),
    field('names', text, { export: { key: 'other_names', header: 'All names filed under' } }),
    field('xref_filer_id', keyword, { export: { key: 'legacy_id', header: 'Legacy ID' }, bulk: { sql: 't.xref_filer_id' } }),
    field('name_normalized', text),
    field('name_source', keyword),
    // Suggestions by the name as written and by its matching form.
    field('suggest', { type: 'completion', analyzer: 'simple', preserve_separators: true, max_input_length: 100 }),
    field('id', lcKeyword),
  ],
  filterOrder: [],
  facetOrder: [],
};
