// Field groups that several kinds have: the party named on a row, the filer of its filing,
// the filing it came from, its source key, its amount and date. Each kind's registry calls
// these with what is its own (export headers, filters, facets, source columns).
import type { estypes } from '@elastic/elasticsearch';
import { amount, amountCents, bool, codeAndLabel, date, facetKeyword, integer, keyword, lcKeyword, stored, text } from '../../indexers/mappings/common.js';
import type { FacetSpec, FieldDef, FilterSpec, TableSql } from './field.js';

/** What a kind adds to a field of a group. */
export type Own = Omit<FieldDef, 'path' | 'mapping' | 'columns' | 'write'>;

export const field = (path: string, mapping: estypes.MappingProperty | undefined, own: Own & Pick<FieldDef, 'columns' | 'write'> = {}): FieldDef => ({
  path,
  ...(mapping ? { mapping } : {}),
  ...own,
});

/** A raw column of the source query. */
export const column = (alias: string, sql: TableSql): { alias: string; sql: TableSql } => ({ alias, sql });

/** `t.<prefix>_<name>` in each table, by its prefix. */
export function prefixed(prefixes: Readonly<Record<string, string>>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(prefixes).map(([table, p]) => [table, `t.${p}_${name}`]));
}

export type PartyPart = 'name' | 'last_name' | 'first_name' | 'entity' | 'employer' | 'occupation' | 'city' | 'state' | 'zip' | 'name_normalized' | 'city_facet' | 'employer_facet' | 'occupation_facet' | 'zip5' | 'committee_id';

/** The raw columns of a party, by the alias the document writer reads. */
export interface PartyColumns {
  entity_cd: TableSql;
  p_last: TableSql;
  p_first: TableSql;
  p_title: TableSql;
  p_suffix: TableSql;
  p_city: TableSql;
  p_state: TableSql;
  p_zip: TableSql;
  p_employer: TableSql;
  p_occupation: TableSql;
  p_committee: TableSql;
}

/** A party's columns where each table names it by a prefix (ctrib_naml, payee_city, ...). */
export function partyColumns(prefixes: Readonly<Record<string, string>>): Omit<PartyColumns, 'p_employer' | 'p_occupation' | 'p_committee'> {
  return {
    entity_cd: Object.fromEntries(Object.keys(prefixes).map((t) => [t, 't.entity_cd'])),
    p_last: prefixed(prefixes, 'naml'),
    p_first: prefixed(prefixes, 'namf'),
    p_title: prefixed(prefixes, 'namt'),
    p_suffix: prefixed(prefixes, 'nams'),
    p_city: prefixed(prefixes, 'city'),
    p_state: prefixed(prefixes, 'st'),
    p_zip: prefixed(prefixes, 'zip4'),
  };
}

/** A party named on a row (contributor, payee, other party), its fields in the order exports
 *  show them. */
export function party(p: string, cols: PartyColumns, own: Partial<Record<PartyPart, Own>>): FieldDef[] {
  const at = (part: PartyPart, mapping: estypes.MappingProperty, columns?: FieldDef['columns']): FieldDef =>
    field(`${p}.${part}`, mapping, { ...(columns ? { columns } : {}), ...own[part] });
  return [
    // The name is made of the last, first and suffix columns; its title and suffix are its own.
    at('name', text, [column('p_title', cols.p_title), column('p_suffix', cols.p_suffix)]),
    at('last_name', lcKeyword, [column('p_last', cols.p_last)]),
    at('first_name', lcKeyword, [column('p_first', cols.p_first)]),
    at('entity', codeAndLabel(), [column('entity_cd', cols.entity_cd)]),
    at('employer', text, [column('p_employer', cols.p_employer)]),
    at('occupation', text, [column('p_occupation', cols.p_occupation)]),
    at('city', text, [column('p_city', cols.p_city)]),
    at('state', keyword, [column('p_state', cols.p_state)]),
    at('zip', keyword, [column('p_zip', cols.p_zip)]),
    at('name_normalized', text),
    at('employer_facet', facetKeyword),
    at('occupation_facet', facetKeyword),
    at('city_facet', facetKeyword),
    at('zip5', keyword),
    at('committee_id', keyword, [column('p_committee', cols.p_committee)]),
  ];
}

/** City, state and ZIP code filters and facets of a party. */
export function placeOwn(p: string, who: string): Record<'city' | 'city_facet' | 'state' | 'zip5', Own> {
  return {
    city: { filters: [{ param: 'city', label: 'City', type: 'text', description: `City of the ${who}.` }] },
    city_facet: {
      filters: [{ param: 'city_exact', label: 'City', type: 'facet', description: `City of the ${who}, exactly as the City facet groups it (case, spacing and punctuation at the ends ignored): a bucket's value.` }],
      facets: [{ name: 'city', label: 'City', type: 'terms', rawField: `${p}.city`, filter: 'city_exact' }],
    },
    state: {
      filters: [{ param: 'state', label: 'State', type: 'state', description: `Two-letter state of the ${who} (repeatable).` }],
      facets: [{ name: 'state', label: 'State', type: 'terms', filter: 'state' }],
    },
    zip5: { filters: [{ param: 'zip', label: 'ZIP code', type: 'zip', description: `Five-digit ZIP code of the ${who}.` }] },
  };
}

/** A filer as another document shows it (the recipient, spender or filer of the filing). */
export function filerRef(p: string, own: Partial<Record<'name' | 'filer_id' | 'type_label' | 'type' | 'name_normalized', Own>>): FieldDef[] {
  return [
    field(`${p}.name`, text, own.name),
    field(`${p}.filer_id`, keyword, own.filer_id),
    field(`${p}.type_label`, keyword, own.type_label),
    field(`${p}.type`, keyword, own.type),
    field(`${p}.name_normalized`, text, own.name_normalized),
  ];
}

/** A filer filter: digits are its id, anything else its name. */
export const filerFilter = (p: string, param: string, label: string, description: string): FilterSpec => ({
  param,
  label,
  type: 'filer',
  fields: [`${p}.name`, `${p}.name_normalized`, `${p}.filer_id`],
  description,
});

/** The filer facet of a filer reference. */
export const filerFacet = (p: string, name: string, label: string): FacetSpec[] => [{ name, label, type: 'terms', nameField: `${p}.name`, filter: name }];

/** A name filter on a party. */
export const nameFilter = (p: string, param: string, label: string, description: string): FilterSpec => ({
  param,
  label,
  type: 'name',
  fields: [`${p}.name`, `${p}.name_normalized`],
  description,
});

const amountBounds = (which: 'min' | 'max'): FilterSpec =>
  which === 'min'
    ? { param: 'min_amount', label: 'Amount at least', type: 'min_amount', description: 'Amount at least this many dollars (-1e12 to 1e12). Not above max_amount when both are given: that is a 400 naming min_amount.' }
    : { param: 'max_amount', label: 'Amount at most', type: 'max_amount', description: 'Amount at most this many dollars (-1e12 to 1e12). Not below min_amount when both are given (a 400 naming min_amount).' };

/** The amount of a transaction, its filters and facet. */
export function amountField(sql: TableSql, own: Own = {}): FieldDef {
  return field('amount', amount, {
    columns: [column('amount', sql)],
    filters: [amountBounds('min'), amountBounds('max')],
    facets: [{ name: 'amount', label: 'Amount', type: 'amount_bands', filter: 'amount' }],
    ...own,
  });
}

/** Filters of a date: from, to, calendar year. */
export const dateFilters = (what: string): FilterSpec[] => [
  { param: 'date_from', label: 'On or after', type: 'date_from', description: `${what} on or after this day (YYYY-MM-DD, 1900 to 2100). Not after date_to when both are given: that is a 400 naming date_from.` },
  { param: 'date_to', label: 'On or before', type: 'date_to', description: `${what} on or before this day (YYYY-MM-DD, 1900 to 2100). Not before date_from when both are given (a 400 naming date_from).` },
  { param: 'year', label: 'Year', type: 'year', description: `${what} in this calendar year (repeatable).` },
];

/** The whole cents of the amount (written by the indexer from its exact decimal). */
export const amountCentsField = (): FieldDef => field('amount_cents', amountCents);

export const electionYearField = (): FieldDef =>
  field('election_year', integer, {
    filters: [{ param: 'election_year', label: 'Election year', type: 'integer', description: 'The election (an even year) it counts toward (repeatable).' }],
    facets: [{ name: 'election_year', label: 'Election year', type: 'terms', filter: 'election_year' }],
    export: { key: 'election_year', header: 'Election year', type: 'integer' },
  });

export const scheduleField = (description: string, own: Own = {}): FieldDef =>
  field('schedule', codeAndLabel(), {
    filters: [{ param: 'schedule', label: 'Schedule', type: 'code', fields: ['schedule.code'], description }],
    facets: [{ name: 'schedule', label: 'Schedule', type: 'terms', field: 'schedule.code', labelCode: 'schedule', filter: 'schedule' }],
    export: { key: 'schedule', header: 'Schedule', at: 'label' },
    ...own,
  });

/** Its report kind (itemized, or a late report). */
export const reportKindField = (values: readonly string[], description: string): FieldDef =>
  field('report_kind', codeAndLabel(), {
    filters: [{ param: 'report_kind', label: 'Reported as', type: 'code', fields: ['report_kind.code'], values, description }],
    export: { key: 'report_kind', header: 'Reported as', at: 'label' },
  });

export const descriptionField = (sql: TableSql, own: Own = {}): FieldDef =>
  field('description', { type: 'text' }, { columns: [column('description', sql)], export: { key: 'description', header: 'Description' }, ...own });

/** The filing a row came from, as exports show it: its id, version and form, its period. */
export function filingFields(formDescription: string, formFacet = true): FieldDef[] {
  return [
    field('filing_id', integer, { export: { key: 'filing_id', header: 'Filing ID', type: 'integer' }, bulk: { sql: 't.filing_id' } }),
    field('amend_id', integer, { export: { key: 'amendment', header: 'Amendment', type: 'integer' }, bulk: { sql: 't.amend_id' } }),
    // Not indexed: the response says so of a row whose filing has a later version.
    field('superseded', undefined, { export: { key: 'superseded', header: 'Superseded by a later amendment', type: 'boolean' } }),
    field('filing.form_label', keyword, { export: { key: 'form', header: 'Form' } }),
    field('filing.form', keyword, {
      export: { key: 'form_code', header: 'Form code' },
      filters: [{ param: 'form', label: 'Form', type: 'code', description: formDescription }],
      ...(formFacet ? { facets: [{ name: 'form', label: 'Form', type: 'terms', labelCode: 'form_type', filter: 'form' }] } : {}),
    }),
    field('filing.period_start', date, { export: { key: 'period_start', header: 'Report period start', type: 'date' } }),
    field('filing.period_end', date, { export: { key: 'period_end', header: 'Report period end', type: 'date' } }),
    field('filing.date_filed', date, { export: { key: 'date_filed', header: 'Date filed', type: 'date' } }),
    field('filing.filing_id', integer),
    field('filing.amend_id', integer),
    field('filing.current_amend_id', integer),
  ];
}

/** The row's key in its source table, and what says which version it belongs to. */
export function sourceKeyFields(): FieldDef[] {
  return [
    field('line_item', integer, { export: { key: 'line_item', header: 'Line item', type: 'integer' }, bulk: { sql: 't.line_item' } }),
    field('tran_id', keyword, { export: { key: 'transaction_id', header: 'Transaction ID' }, bulk: { sql: 't.tran_id' } }),
    field('rec_type', keyword, { export: { key: 'record_type', header: 'Record type' } }),
    field('form_type', keyword, { export: { key: 'schedule_code', header: 'Schedule code' }, bulk: { sql: 't.form_type' } }),
    field('current', bool),
    field('source_table', keyword),
    field('id', keyword),
  ];
}

/** Memo entries: informational, never counted in totals. */
export const memoField = (sql: TableSql, own: Own): FieldDef => field('memo', bool, { columns: [column('memo_code', sql)], ...own });

export const memoRefField = (sql: TableSql): FieldDef => field('memo_ref', stored, { columns: [column('memo_refno', sql)] });
