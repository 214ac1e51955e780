// Money received: Schedules A, C, I (and F401A, F496P3) from RCPT_CD (`contributions`), and
// late contributions, Form 497 Part 1 (`late_contributions`). In the order of the export's
// columns; see ./field.ts for what each part of a declaration drives.
import { amount, codeAndLabel, date } from '../../indexers/mappings/common.js';
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

const place = placeOwn('contributor', 'contributor');

export const CONTRIBUTION_FIELDS: KindFields = {
  tables: ['contributions', 'late_contributions'],
  fields: [
    field('date', date, {
      columns: [column('tx_date', { contributions: 't.rcpt_date', late_contributions: 't.ctrib_date' })],
      filters: dateFilters('Received'),
      facets: [{ name: 'year', label: 'Year', type: 'year', filter: 'year' }],
      export: { key: 'date', header: 'Date received', type: 'date' },
      bulk: {},
    }),
    amountField('t.amount', { export: { key: 'amount', header: 'Amount', type: 'number' }, bulk: {} }),
    // What the contributor had given the recipient in the calendar year so far, as filed
    // (RCPT_CD's CUM_YTD; a late contribution reports none).
    field('cumulative_ytd', amount, {
      columns: [column('cum_ytd', { contributions: 't.cum_ytd' })],
      write: 'number',
      export: { key: 'cumulative_ytd', header: 'Cumulative year to date', type: 'number' },
      bulk: {},
    }),
    ...party('contributor', { ...partyColumns({ contributions: 'ctrib', late_contributions: 'enty' }), p_employer: 't.ctrib_emp', p_occupation: 't.ctrib_occ', p_committee: 't.cmte_id' }, {
      name: {
        export: { key: 'contributor_name', header: 'Contributor' },
        filters: [nameFilter('contributor', 'contributor', 'Contributor', 'Name of the contributor, as "First Last" or "LAST, FIRST"; forgiving of case, punctuation, corporate suffixes and small typos.')],
      },
      last_name: { export: { key: 'contributor_last_name', header: 'Contributor last name' }, bulk: {} },
      first_name: { export: { key: 'contributor_first_name', header: 'Contributor first name' }, bulk: {} },
      entity: {
        export: { key: 'contributor_type', header: 'Kind of contributor', at: 'label' },
        bulk: { label: 'entity_cd' },
        filters: [
          {
            param: 'entity_type',
            label: 'Kind of contributor or payee',
            type: 'code',
            fields: ['contributor.entity.code'],
            description: 'Kind of contributor: IND individual, COM committee, OTH business or other organisation, PTY party, SCC small contributor committee (repeatable).',
          },
        ],
        facets: [{ name: 'entity_type', label: 'Kind of contributor or payee', type: 'terms', field: 'contributor.entity.code', labelCode: 'entity_cd', filter: 'entity_type' }],
      },
      employer: { export: { key: 'employer', header: 'Employer' }, bulk: {}, filters: [{ param: 'employer', label: 'Employer', type: 'text', description: "The contributor's employer." }] },
      occupation: { export: { key: 'occupation', header: 'Occupation' }, bulk: {}, filters: [{ param: 'occupation', label: 'Occupation', type: 'text', description: "The contributor's occupation." }] },
      city: { ...place.city, export: { key: 'city', header: 'City' }, bulk: {} },
      state: { ...place.state, export: { key: 'state', header: 'State' }, bulk: {} },
      zip: { export: { key: 'zip', header: 'ZIP code' }, bulk: {} },
      employer_facet: {
        filters: [{ param: 'employer_exact', label: 'Employer', type: 'facet', description: "The employer exactly as the Employer facet groups it (case, spacing and punctuation at the ends ignored): a bucket's value." }],
        facets: [{ name: 'employer', label: 'Employer', type: 'terms', rawField: 'contributor.employer', filter: 'employer_exact' }],
      },
      occupation_facet: {
        filters: [{ param: 'occupation_exact', label: 'Occupation', type: 'facet', description: "The occupation exactly as the Occupation facet groups it (case, spacing and punctuation at the ends ignored): a bucket's value." }],
        facets: [{ name: 'occupation', label: 'Occupation', type: 'terms', rawField: 'contributor.occupation', filter: 'occupation_exact' }],
      },
      city_facet: place.city_facet,
      zip5: place.zip5,
    }),
    ...filerRef('recipient', {
      name: {
        export: { key: 'recipient_name', header: 'Recipient' },
        bulk: { sql: 'fl.name' },
        filters: [filerFilter('recipient', 'recipient', 'Recipient', 'The committee or candidate that received it: a filer id, or a name.')],
      },
      filer_id: { export: { key: 'recipient_id', header: 'Recipient filer ID' }, bulk: { sql: 'fv.filer_id' }, facets: filerFacet('recipient', 'recipient', 'Recipient') },
      type_label: { export: { key: 'recipient_type', header: 'Recipient type' } },
      type: { filters: [{ param: 'filer_type', label: 'Filer type', type: 'code', description: 'Type of the recipient, as the export names it: RECIPIENT COMMITTEE, CANDIDATE/OFFICEHOLDER, ... (repeatable).' }] },
    }),
    scheduleField('Schedule or form part: A monetary, C non-monetary, I other receipts, F497P1 late contributions, ... (repeatable).', {
      bulk: { sql: { contributions: 't.form_type' }, label: 'schedule' },
    }),
    reportKindField(['ITEMIZED', 'LATE_CONTRIBUTION'], 'ITEMIZED (Form 460 schedules) or LATE_CONTRIBUTION (Form 497, usually itemized again on the next 460).'),
    electionYearField(),
    memoField('t.memo_code', {
      export: { key: 'memo', header: 'Memo entry (not counted in totals)', type: 'boolean' },
      bulk: { header: 'Memo entry', sql: { contributions: "(upper(t.memo_code) = 'X')" } },
      filters: [{ param: 'memo', label: 'Memo entries', type: 'boolean', description: 'true: only memo entries (informational, not counted in totals); false: leave them out.' }],
    }),
    field('transaction_type', codeAndLabel(), {
      columns: [column('tran_type', { contributions: 't.tran_type' })],
      export: { key: 'transaction_type', header: 'Transaction type', at: 'label' },
    }),
    descriptionField({ contributions: 't.ctrib_dscr' }, { export: { key: 'description', header: 'Description' }, bulk: {} }),
    ...filingFields('Form of the filing: F460, F497, F450, ... (repeatable).'),
    ...sourceKeyFields(),
    amountCentsField(),
    memoRefField('t.memo_refno'),
  ],
  filterOrder: ['contributor', 'recipient', 'employer', 'employer_exact', 'occupation', 'occupation_exact', 'city', 'city_exact', 'state', 'zip', 'min_amount', 'max_amount', 'date_from', 'date_to', 'year', 'election_year', 'entity_type', 'schedule', 'form', 'filer_type', 'report_kind', 'memo'],
  facetOrder: ['year', 'election_year', 'entity_type', 'state', 'city', 'recipient', 'schedule', 'form', 'amount', 'employer', 'occupation'],
};
