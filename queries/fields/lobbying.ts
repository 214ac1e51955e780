// Lobbying money: payments to firms (LPAY_CD, `lobbying_payments`), activity expenses
// (LEXP_CD), campaign contributions by lobbyists (LCCM_CD), payments to other firms
// (LOTH_CD). In the order of the export's columns; see ./field.ts for what each part of a
// declaration drives.
import { codeAndLabel, date, text } from '../../indexers/mappings/common.js';
import type { KindFields } from './field.js';
import {
  amountCentsField,
  amountField,
  column,
  dateFilters,
  descriptionField,
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
  scheduleField,
  sourceKeyFields,
} from './shared.js';

const place = placeOwn('party', 'other party');
const PAYMENTS = 'lobbying_payments';
const EXPENSES = 'lobbying_activity_expenses';
const CONTRIBUTIONS = 'lobbying_campaign_contributions';
const OTHER = 'lobbying_other_payments';
const named = partyColumns({ [PAYMENTS]: 'emplr', [EXPENSES]: 'payee', [CONTRIBUTIONS]: 'recip' });
/** A payment to another firm names the firm alone. */
const withFirm = (cols: Record<string, string>, firm?: string): Record<string, string> => (firm ? { ...cols, [OTHER]: firm } : cols);
/** A column of the payments table that only the bulk dataset shows. */
const paymentsOnly = (path: string, header: string, sql: string): ReturnType<typeof field> => field(path, undefined, { bulk: { header, sql: { [PAYMENTS]: sql }, type: 'number' } });

export const LOBBYING_FIELDS: KindFields = {
  tables: [PAYMENTS, EXPENSES, CONTRIBUTIONS, OTHER],
  fields: [
    field('date', date, {
      // A payment's date is its report's period end (the document writer falls back to it).
      columns: [column('tx_date', { [PAYMENTS]: 'NULL::date', [EXPENSES]: 't.expn_date', [CONTRIBUTIONS]: 't.ctrib_date', [OTHER]: 't.pmt_date' })],
      filters: dateFilters('Paid'),
      facets: [{ name: 'year', label: 'Year', type: 'year', filter: 'year' }],
      export: { key: 'date', header: 'Date', type: 'date' },
    }),
    amountField({ [PAYMENTS]: 'coalesce(t.per_total, t.fees_amt)', [EXPENSES]: 't.amount', [CONTRIBUTIONS]: 't.amount', [OTHER]: 't.amount' }, { export: { key: 'amount', header: 'Amount', type: 'number' } }),
    field('activity', codeAndLabel(), {
      export: { key: 'activity', header: 'Activity', at: 'label' },
      filters: [
        {
          param: 'activity',
          label: 'Activity',
          type: 'code',
          fields: ['activity.code'],
          values: ['PAYMENT', 'ACTIVITY_EXPENSE', 'CAMPAIGN_CONTRIBUTION', 'OTHER_PAYMENT'],
          description: 'PAYMENT, ACTIVITY_EXPENSE, CAMPAIGN_CONTRIBUTION or OTHER_PAYMENT (repeatable).',
        },
      ],
      facets: [{ name: 'activity', label: 'Activity', type: 'terms', field: 'activity.code', labelField: 'activity.label', filter: 'activity' }],
    }),
    ...filerRef('filer', {
      name: {
        export: { key: 'filer_name', header: 'Filer' },
        bulk: { sql: 'fl.name' },
        filters: [filerFilter('filer', 'filer', 'Filer', 'The lobbying firm, employer or lobbyist that reported it: a filer id, or a name.')],
      },
      filer_id: { export: { key: 'filer_id', header: 'Filer ID' }, bulk: { sql: 'fv.filer_id' }, facets: filerFacet('filer', 'filer', 'Filer') },
    }),
    ...party(
      'party',
      {
        ...named,
        entity_cd: named.entity_cd,
        p_last: withFirm(named.p_last as Record<string, string>, 't.firm_name'),
        p_city: withFirm(named.p_city as Record<string, string>, 't.firm_city'),
        p_state: withFirm(named.p_state as Record<string, string>, 't.firm_st'),
        p_zip: withFirm(named.p_zip as Record<string, string>, 't.firm_zip4'),
        p_employer: {},
        p_occupation: {},
        p_committee: { [PAYMENTS]: 't.emplr_id', [CONTRIBUTIONS]: 't.recip_id' },
      },
      {
        name: {
          export: { key: 'party_name', header: 'Other party' },
          bulk: { header: 'Employer or client', sql: { [PAYMENTS]: "concat_ws(' ', t.emplr_namf, t.emplr_naml)" } },
          filters: [nameFilter('party', 'party', 'Other party', 'The other party: client or firm paid, payee of an expense, recipient of a contribution.')],
        },
        entity: { export: { key: 'party_type', header: 'Kind of party', at: 'label' } },
        city: { ...place.city, export: { key: 'city', header: 'City' } },
        state: { ...place.state, export: { key: 'state', header: 'State' } },
        // No city facet of lobbying: its filter only.
        city_facet: { filters: place.city_facet.filters ?? [] },
        zip5: place.zip5,
      },
    ),
    paymentsOnly('fees_amt', 'Fees', 't.fees_amt'),
    paymentsOnly('reimb_amt', 'Reimbursements', 't.reimb_amt'),
    paymentsOnly('advan_amt', 'Advances', 't.advan_amt'),
    paymentsOnly('per_total', 'Period total', 't.per_total'),
    paymentsOnly('cum_total', 'Cumulative total', 't.cum_total'),
    field('beneficiary.name', text, {
      columns: [column('bene_name', { [EXPENSES]: 't.bene_name' })],
      export: { key: 'beneficiary', header: 'Beneficiary' },
      filters: [{ param: 'beneficiary', label: 'Beneficiary', type: 'text', description: 'The official who benefited from an activity expense.' }],
    }),
    field('beneficiary.position', text, { columns: [column('bene_posit', { [EXPENSES]: 't.bene_posit' })], export: { key: 'beneficiary_position', header: 'Beneficiary position' } }),
    descriptionField({ [PAYMENTS]: 't.lby_actvty', [EXPENSES]: 't.expn_dscr' }, { export: { key: 'description', header: 'Description' }, bulk: { header: 'Lobbying activity' } }),
    scheduleField('Form part: F625P2, F635P3B, F635P3C, F635P4B, ... (repeatable).', { bulk: { sql: 't.form_type', label: 'schedule' } }),
    memoField('t.memo_code', { export: { key: 'memo', header: 'Memo entry', type: 'boolean' } }),
    ...filingFields('Form of the report: F615, F625, F635, F645 (repeatable).', false),
    ...sourceKeyFields(),
    amountCentsField(),
    memoRefField('t.memo_refno'),
  ],
  filterOrder: ['filer', 'party', 'beneficiary', 'activity', 'city', 'city_exact', 'state', 'zip', 'min_amount', 'max_amount', 'date_from', 'date_to', 'year', 'schedule', 'form'],
  facetOrder: ['activity', 'year', 'filer', 'schedule', 'state', 'amount'],
};
