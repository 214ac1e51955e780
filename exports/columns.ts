// The columns of an export, per kind, in their documented order: a plain-language
// header, where the value is in a search document, and its type (amounts are numbers,
// dates are ISO dates in CSV and real date cells in XLSX).
import type { KindName } from '../indexers/kinds.js';

export type ColumnType = 'string' | 'number' | 'integer' | 'date' | 'boolean';

export interface ExportColumn {
  /** the name for `columns=` selection */
  key: string;
  header: string;
  path: string;
  type: ColumnType;
}

const c = (key: string, header: string, path: string, type: ColumnType = 'string'): ExportColumn => ({ key, header, path, type });

const filingColumns: ExportColumn[] = [
  c('filing_id', 'Filing ID', 'filing_id', 'integer'),
  c('amendment', 'Amendment', 'amend_id', 'integer'),
  c('superseded', 'Superseded by a later amendment', 'superseded', 'boolean'),
  c('form', 'Form', 'filing.form_label'),
  c('form_code', 'Form code', 'filing.form'),
  c('period_start', 'Report period start', 'filing.period_start', 'date'),
  c('period_end', 'Report period end', 'filing.period_end', 'date'),
  c('date_filed', 'Date filed', 'filing.date_filed', 'date'),
];

const sourceKey: ExportColumn[] = [
  c('line_item', 'Line item', 'line_item', 'integer'),
  c('transaction_id', 'Transaction ID', 'tran_id'),
  c('record_type', 'Record type', 'rec_type'),
  c('schedule_code', 'Schedule code', 'form_type'),
];

export const EXPORT_COLUMNS: Readonly<Record<KindName, readonly ExportColumn[]>> = {
  contributions: [
    c('date', 'Date received', 'date', 'date'),
    c('amount', 'Amount', 'amount', 'number'),
    c('contributor_name', 'Contributor', 'contributor.name'),
    c('contributor_last_name', 'Contributor last name', 'contributor.last_name'),
    c('contributor_first_name', 'Contributor first name', 'contributor.first_name'),
    c('contributor_type', 'Kind of contributor', 'contributor.entity.label'),
    c('employer', 'Employer', 'contributor.employer'),
    c('occupation', 'Occupation', 'contributor.occupation'),
    c('city', 'City', 'contributor.city'),
    c('state', 'State', 'contributor.state'),
    c('zip', 'ZIP code', 'contributor.zip'),
    c('recipient_name', 'Recipient', 'recipient.name'),
    c('recipient_id', 'Recipient filer ID', 'recipient.filer_id'),
    c('recipient_type', 'Recipient type', 'recipient.type_label'),
    c('schedule', 'Schedule', 'schedule.label'),
    c('report_kind', 'Reported as', 'report_kind.label'),
    c('election_year', 'Election year', 'election_year', 'integer'),
    c('memo', 'Memo entry (not counted in totals)', 'memo', 'boolean'),
    c('transaction_type', 'Transaction type', 'transaction_type.label'),
    c('description', 'Description', 'description'),
    ...filingColumns,
    ...sourceKey,
  ],
  expenditures: [
    c('date', 'Date paid', 'date', 'date'),
    c('amount', 'Amount', 'amount', 'number'),
    c('payee_name', 'Payee', 'payee.name'),
    c('payee_type', 'Kind of payee', 'payee.entity.label'),
    c('city', 'City', 'payee.city'),
    c('state', 'State', 'payee.state'),
    c('zip', 'ZIP code', 'payee.zip'),
    c('spender_name', 'Spender', 'spender.name'),
    c('spender_id', 'Spender filer ID', 'spender.filer_id'),
    c('expense', 'Paid for', 'expense.label'),
    c('description', 'Description', 'description'),
    c('target', 'Candidate or measure', 'target.name'),
    c('support_oppose', 'Support or oppose', 'target.support_oppose.label'),
    c('office', 'Office', 'target.office.label'),
    c('schedule', 'Schedule', 'schedule.label'),
    c('report_kind', 'Reported as', 'report_kind.label'),
    c('election_year', 'Election year', 'election_year', 'integer'),
    c('memo', 'Memo entry (not counted in totals)', 'memo', 'boolean'),
    ...filingColumns,
    ...sourceKey,
  ],
  lobbying: [
    c('date', 'Date', 'date', 'date'),
    c('amount', 'Amount', 'amount', 'number'),
    c('activity', 'Activity', 'activity.label'),
    c('filer_name', 'Filer', 'filer.name'),
    c('filer_id', 'Filer ID', 'filer.filer_id'),
    c('party_name', 'Other party', 'party.name'),
    c('party_type', 'Kind of party', 'party.entity.label'),
    c('city', 'City', 'party.city'),
    c('state', 'State', 'party.state'),
    c('beneficiary', 'Beneficiary', 'beneficiary.name'),
    c('beneficiary_position', 'Beneficiary position', 'beneficiary.position'),
    c('description', 'Description', 'description'),
    c('schedule', 'Schedule', 'schedule.label'),
    c('memo', 'Memo entry', 'memo', 'boolean'),
    ...filingColumns,
    ...sourceKey,
  ],
  filers: [
    c('filer_id', 'Filer ID', 'filer_id'),
    c('name', 'Name', 'name'),
    c('type', 'Type', 'type.label'),
    c('status', 'Status', 'status.label'),
    c('city', 'City', 'city'),
    c('state', 'State', 'state'),
    c('zip', 'ZIP code', 'zip5'),
    c('effective_date', 'Name effective since', 'effective_date', 'date'),
    c('filing_count', 'Filings', 'filing_count', 'integer'),
    c('other_names', 'All names filed under', 'names'),
    c('legacy_id', 'Legacy ID', 'xref_filer_id'),
  ],
  filings: [
    c('filing_id', 'Filing ID', 'filing_id', 'integer'),
    c('amendment', 'Amendment', 'amend_id', 'integer'),
    c('superseded', 'Superseded by a later amendment', 'superseded', 'boolean'),
    c('current_amendment', 'Current amendment', 'current_amend_id', 'integer'),
    c('form', 'Form', 'form.label'),
    c('form_code', 'Form code', 'form.code'),
    c('filer_name', 'Filer', 'filer.name'),
    c('filer_id', 'Filer ID', 'filer.filer_id'),
    c('period_start', 'Report period start', 'period_start', 'date'),
    c('period_end', 'Report period end', 'period_end', 'date'),
    c('date_filed', 'Date filed', 'date_filed', 'date'),
    c('election_date', 'Election date', 'election_date', 'date'),
    c('statement_type', 'Statement type', 'statement_type.label'),
  ],
};

/** The columns asked for (`columns=a,b`), in the order asked; all when none. */
export function selectColumns(kind: KindName, keys: readonly string[] | null): ExportColumn[] {
  const all = EXPORT_COLUMNS[kind];
  if (!keys || keys.length === 0) return [...all];
  return keys.map((k) => {
    const col = all.find((x) => x.key === k);
    if (!col) throw new Error(`unknown column ${k}`);
    return col;
  });
}

// Paths are split once, not once per cell (an export reads tens of millions of cells).
const SEGMENTS = new Map<string, string[]>();

/** A document's value at a column's path (arrays joined with "; "). */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    segments = path.split('.');
    SEGMENTS.set(path, segments);
  }
  let v: unknown = doc;
  for (const k of segments) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[k];
  }
  if (Array.isArray(v)) return v.join('; ');
  return v ?? null;
}

/** A value as text: strings as they are, numbers and booleans printed, anything else as JSON. */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}
