// Money spent: Schedules D, E, G (and F461P5, F465P3, F450P5) from EXPN_CD (`expenditures`),
// and late independent expenditures, Form 496 (`late_independent_expenditures`). In the order
// of the export's columns; see ./field.ts for what each part of a declaration drives.
import { codeAndLabel, date, text } from '../../indexers/mappings/common.js';
import type { KindFields } from './field.js';
import {
  amountCentsField,
  amountField,
  column,
  dateFilters,
  descriptionField,
  electionYearField,
  field,
  filerFacet,
  filerFilter,
  filerRef,
  filingFields,
  memoField,
  memoRefField,
  nameFilter,
  party,
  partyColumns,
  placeOwn,
  reportKindField,
  scheduleField,
  sourceKeyFields,
} from './shared.js';

const place = placeOwn('payee', 'payee');
/** Columns only itemized expenditures have (a late IE names no payee or target). */
const own = (sql: string): Record<string, string> => ({ expenditures: sql });

export const EXPENDITURE_FIELDS: KindFields = {
  tables: ['expenditures', 'late_independent_expenditures'],
  fields: [
    field('date', date, {
      columns: [column('tx_date', { expenditures: 't.expn_date', late_independent_expenditures: 't.exp_date' })],
      filters: dateFilters('Paid'),
      facets: [{ name: 'year', label: 'Year', type: 'year', filter: 'year' }],
      export: { key: 'date', header: 'Date paid', type: 'date' },
      bulk: {},
    }),
    amountField('t.amount', { export: { key: 'amount', header: 'Amount', type: 'number' }, bulk: {} }),
    ...party('payee', { ...partyColumns({ expenditures: 'payee' }), p_employer: {}, p_occupation: {}, p_committee: own('t.cmte_id') }, {
      name: {
        export: { key: 'payee_name', header: 'Payee' },
        filters: [nameFilter('payee', 'payee', 'Payee', 'Who was paid; forgiving of case, punctuation, corporate suffixes and small typos.')],
      },
      last_name: { bulk: { header: 'Payee last name' } },
      first_name: { bulk: { header: 'Payee first name' } },
      entity: {
        export: { key: 'payee_type', header: 'Kind of payee', at: 'label' },
        bulk: { label: 'entity_cd' },
        filters: [{ param: 'entity_type', label: 'Kind of contributor or payee', type: 'code', fields: ['payee.entity.code'], description: 'Kind of payee: IND, COM, OTH, PTY, SCC, RCP (repeatable).' }],
        facets: [{ name: 'entity_type', label: 'Kind of contributor or payee', type: 'terms', field: 'payee.entity.code', labelCode: 'entity_cd', filter: 'entity_type' }],
      },
      city: { ...place.city, export: { key: 'city', header: 'City' }, bulk: {} },
      state: { ...place.state, export: { key: 'state', header: 'State' }, bulk: {} },
      zip: { export: { key: 'zip', header: 'ZIP code' }, bulk: {} },
      city_facet: place.city_facet,
      zip5: place.zip5,
    }),
    ...filerRef('spender', {
      name: { export: { key: 'spender_name', header: 'Spender' }, bulk: { sql: 'fl.name' }, filters: [filerFilter('spender', 'spender', 'Spender', 'The committee that spent it: a filer id, or a name.')] },
      filer_id: { export: { key: 'spender_id', header: 'Spender filer ID' }, bulk: { sql: 'fv.filer_id' }, facets: filerFacet('spender', 'spender', 'Spender') },
      type: { filters: [{ param: 'filer_type', label: 'Filer type', type: 'code', description: 'Type of the spender, as the export names it (repeatable).' }] },
    }),
    field('expense', codeAndLabel(), {
      columns: [column('expn_code', own('t.expn_code'))],
      export: { key: 'expense', header: 'Paid for', at: 'label' },
      bulk: { label: 'expn_code' },
      filters: [{ param: 'expense', label: 'Paid for', type: 'code', fields: ['expense.code'], description: 'What it paid for: CNS consultants, LIT literature, TEL TV, POL polling, ... (repeatable).' }],
      facets: [{ name: 'expense', label: 'Paid for', type: 'terms', field: 'expense.code', labelCode: 'expn_code', filter: 'expense' }],
    }),
    descriptionField('t.expn_dscr', { export: { key: 'description', header: 'Description' }, bulk: {} }),
    // The candidate's name, or the ballot measure's where no candidate is named.
    field('target.name', text, {
      columns: [column('cand_naml', own('t.cand_naml')), column('cand_namf', own('t.cand_namf')), column('bal_name', own('t.bal_name'))],
      export: { key: 'target', header: 'Candidate or measure' },
      filters: [{ param: 'target', label: 'Candidate or measure', type: 'text', description: 'The candidate or ballot measure supported or opposed.' }],
    }),
    field('target.support_oppose', codeAndLabel(), {
      columns: [column('sup_opp_cd', own('t.sup_opp_cd'))],
      export: { key: 'support_oppose', header: 'Support or oppose', at: 'label' },
      filters: [{ param: 'support_oppose', label: 'Support or oppose', type: 'code', fields: ['target.support_oppose.code'], values: ['S', 'O'], description: 'S support, O oppose.' }],
    }),
    field('target.office', codeAndLabel(), {
      columns: [column('office_cd', own('t.office_cd'))],
      export: { key: 'office', header: 'Office', at: 'label' },
      filters: [{ param: 'office', label: 'Office', type: 'code', fields: ['target.office.code'], description: 'Office sought by the candidate: ASM, SEN, GOV, CCM, ... (repeatable).' }],
    }),
    scheduleField('Schedule or form part: E payments, D support/opposition summary, G payments by agents, F496 late IEs, ... (repeatable).', {
      bulk: { sql: own('t.form_type'), label: 'schedule' },
    }),
    reportKindField(['ITEMIZED', 'LATE_INDEPENDENT_EXPENDITURE'], 'ITEMIZED or LATE_INDEPENDENT_EXPENDITURE (Form 496).'),
    electionYearField(),
    memoField('t.memo_code', {
      export: { key: 'memo', header: 'Memo entry (not counted in totals)', type: 'boolean' },
      bulk: { header: 'Memo entry', sql: own("(upper(t.memo_code) = 'X')") },
      filters: [{ param: 'memo', label: 'Memo entries', type: 'boolean', description: 'true: only memo entries; false: leave them out.' }],
    }),
    ...filingFields('Form of the filing (repeatable).'),
    ...sourceKeyFields(),
    amountCentsField(),
    memoRefField('t.memo_refno'),
  ],
  filterOrder: ['payee', 'spender', 'city', 'city_exact', 'state', 'zip', 'min_amount', 'max_amount', 'date_from', 'date_to', 'year', 'election_year', 'entity_type', 'expense', 'schedule', 'form', 'target', 'support_oppose', 'office', 'filer_type', 'report_kind', 'memo'],
  facetOrder: ['year', 'election_year', 'entity_type', 'state', 'city', 'spender', 'schedule', 'form', 'amount', 'expense'],
};
