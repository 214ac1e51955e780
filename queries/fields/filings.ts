// Every version of every filing (report or statement), the current one flagged. In the
// order of the export's columns; see ./field.ts for what each part of a declaration drives.
// The document is built as an object (indexers/documents.ts filingDoc) from
// src/repositories/index-source-repository.ts's row.
import { bool, codeAndLabel, date, integer, keyword } from '../../indexers/mappings/common.js';
import type { KindFields } from './field.js';
import { dateFilters, field, filerFacet, filerFilter, filerRef } from './shared.js';

export const FILING_FIELDS: KindFields = {
  fields: [
    field('filing_id', integer, { export: { key: 'filing_id', header: 'Filing ID', type: 'integer' }, filters: [{ param: 'filing_id', label: 'Filing ID', type: 'integer', description: 'The filing id (repeatable).' }] }),
    field('amend_id', integer, { export: { key: 'amendment', header: 'Amendment', type: 'integer' } }),
    // Not indexed: the response says so of a version a later one replaced.
    field('superseded', undefined, { export: { key: 'superseded', header: 'Superseded by a later amendment', type: 'boolean' } }),
    field('current_amend_id', integer, { export: { key: 'current_amendment', header: 'Current amendment', type: 'integer' } }),
    field('form', codeAndLabel(), {
      export: [
        { key: 'form', header: 'Form', at: 'label' },
        { key: 'form_code', header: 'Form code', at: 'code' },
      ],
      filters: [{ param: 'form', label: 'Form', type: 'code', fields: ['form.code'], description: 'Form: F460, F497, F625, F635, ... (repeatable).' }],
      facets: [{ name: 'form', label: 'Form', type: 'terms', field: 'form.code', labelCode: 'form_type', filter: 'form' }],
    }),
    ...filerRef('filer', {
      name: { export: { key: 'filer_name', header: 'Filer' }, filters: [filerFilter('filer', 'filer', 'Filer', 'Who filed it: a filer id, or a name.')] },
      filer_id: { export: { key: 'filer_id', header: 'Filer ID' }, facets: filerFacet('filer', 'filer', 'Filer') },
    }),
    field('period_start', date, { export: { key: 'period_start', header: 'Report period start', type: 'date' } }),
    field('period_end', date, { export: { key: 'period_end', header: 'Report period end', type: 'date' } }),
    field('date_filed', date, {
      export: { key: 'date_filed', header: 'Date filed', type: 'date' },
      filters: dateFilters('Filed'),
      facets: [{ name: 'year', label: 'Year filed', type: 'year', filter: 'year' }],
    }),
    field('election_date', date, { export: { key: 'election_date', header: 'Election date', type: 'date' } }),
    field('statement_type', codeAndLabel(), { export: { key: 'statement_type', header: 'Statement type', at: 'label' } }),
    field('id', keyword),
    field('current', bool),
    field('version_count', integer),
    field('has_cover', bool),
    field('cover_table', keyword),
  ],
  filterOrder: ['filer', 'form', 'filing_id'],
  facetOrder: ['form', 'year', 'filer'],
};
