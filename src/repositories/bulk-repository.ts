// SQL of the bulk datasets: whole tables of current filings, as CSV, by PostgreSQL's own
// COPY (no row passes through JavaScript). Text that a spreadsheet would run as a
// formula gets a leading apostrophe in the query itself.
//
// Raw on one pg client, on purpose: COPY TO STDOUT (pg-copy-streams) streams the file
// with flat memory, and every file of a run shares the client's one snapshot
// (services/bulk-datasets.ts); kysely offers neither.
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

export interface BulkColumn {
  header: string;
  sql: string;
  text?: boolean;
}

export interface BulkDataset {
  name: string;
  description: string;
  /** FROM and joins of current rows, table alias t */
  from: string;
  /** a fixed filter of the dataset */
  where?: string;
  /** the date column years are split by */
  dateSql: string | null;
  columns: BulkColumn[];
}

const txt = (header: string, sql: string): BulkColumn => ({ header, sql, text: true });
const val = (header: string, sql: string): BulkColumn => ({ header, sql });
const label = (type: string, code: string): string =>
  `(SELECT l.label FROM code_labels l WHERE l.code_type = '${type}' AND l.code = upper(trim(${code})))`;

const CURRENT = `JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id`;
const FILER = `LEFT JOIN LATERAL (SELECT v.filer_id FROM filing_versions v WHERE v.filing_id = t.filing_id AND v.filer_id IS NOT NULL
  ORDER BY (v.amend_id = t.amend_id) DESC, v.amend_id DESC LIMIT 1) fv ON true LEFT JOIN filers fl ON fl.filer_id = fv.filer_id`;
const KEY = [val('Filing ID', 't.filing_id'), val('Amendment', 't.amend_id'), val('Line item', 't.line_item'), txt('Transaction ID', 't.tran_id'), txt('Schedule code', 't.form_type')];

export const BULK_DATASETS: readonly BulkDataset[] = [
  {
    name: 'contributions',
    description: 'Contributions received (Schedules A, C, I and other receipts of Form 460 and related forms), current version of each filing',
    from: `FROM contributions t ${CURRENT} ${FILER}`,
    dateSql: 't.rcpt_date',
    columns: [
      val('Date received', 't.rcpt_date'),
      val('Amount', 't.amount'),
      txt('Contributor last name', 't.ctrib_naml'),
      txt('Contributor first name', 't.ctrib_namf'),
      txt('Kind of contributor', label('entity_cd', 't.entity_cd')),
      txt('Employer', 't.ctrib_emp'),
      txt('Occupation', 't.ctrib_occ'),
      txt('City', 't.ctrib_city'),
      txt('State', 't.ctrib_st'),
      txt('ZIP code', 't.ctrib_zip4'),
      txt('Recipient', 'fl.name'),
      txt('Recipient filer ID', 'fv.filer_id'),
      txt('Schedule', label('schedule', 't.form_type')),
      val('Memo entry', "(upper(t.memo_code) = 'X')"),
      txt('Description', 't.ctrib_dscr'),
      ...KEY,
    ],
  },
  {
    name: 'late-contributions',
    description: 'Late contributions received (Form 497 part 1): usually itemized again on the next Form 460, so never add them to the contributions dataset',
    from: `FROM late_contributions t ${CURRENT} ${FILER}`,
    where: `t.form_type = 'F497P1'`,
    dateSql: 't.ctrib_date',
    columns: [
      val('Date received', 't.ctrib_date'),
      val('Amount', 't.amount'),
      txt('Contributor last name', 't.enty_naml'),
      txt('Contributor first name', 't.enty_namf'),
      txt('Kind of contributor', label('entity_cd', 't.entity_cd')),
      txt('Employer', 't.ctrib_emp'),
      txt('Occupation', 't.ctrib_occ'),
      txt('City', 't.enty_city'),
      txt('State', 't.enty_st'),
      txt('ZIP code', 't.enty_zip4'),
      txt('Recipient', 'fl.name'),
      txt('Recipient filer ID', 'fv.filer_id'),
      ...KEY,
    ],
  },
  {
    name: 'expenditures',
    description: 'Payments made (Schedules D, E, G and related forms), current version of each filing',
    from: `FROM expenditures t ${CURRENT} ${FILER}`,
    dateSql: 't.expn_date',
    columns: [
      val('Date paid', 't.expn_date'),
      val('Amount', 't.amount'),
      txt('Payee last name', 't.payee_naml'),
      txt('Payee first name', 't.payee_namf'),
      txt('Kind of payee', label('entity_cd', 't.entity_cd')),
      txt('City', 't.payee_city'),
      txt('State', 't.payee_st'),
      txt('ZIP code', 't.payee_zip4'),
      txt('Spender', 'fl.name'),
      txt('Spender filer ID', 'fv.filer_id'),
      txt('Paid for', label('expn_code', 't.expn_code')),
      txt('Description', 't.expn_dscr'),
      txt('Schedule', label('schedule', 't.form_type')),
      val('Memo entry', "(upper(t.memo_code) = 'X')"),
      ...KEY,
    ],
  },
  {
    name: 'lobbying-payments',
    description: 'Payments between lobbying firms and their clients (Forms 625 and 635), current version of each report',
    from: `FROM lobbying_payments t ${CURRENT} ${FILER}`,
    dateSql: null,
    columns: [
      txt('Filer', 'fl.name'),
      txt('Filer ID', 'fv.filer_id'),
      txt('Employer or client', "concat_ws(' ', t.emplr_namf, t.emplr_naml)"),
      val('Fees', 't.fees_amt'),
      val('Reimbursements', 't.reimb_amt'),
      val('Advances', 't.advan_amt'),
      val('Period total', 't.per_total'),
      val('Cumulative total', 't.cum_total'),
      txt('Lobbying activity', 't.lby_actvty'),
      txt('Schedule', label('schedule', 't.form_type')),
      ...KEY,
    ],
  },
  {
    name: 'filers',
    description: 'Every filer (committees, candidates, lobbyists, firms, employers) with its current name',
    from: 'FROM filers t',
    dateSql: null,
    columns: [txt('Filer ID', 't.filer_id'), txt('Name', 't.name'), txt('Type', 't.filer_type'), txt('Status', 't.status'), txt('City', 't.city'), txt('State', 't.st'), txt('ZIP code', 't.zip4'), val('Name effective since', 't.effect_dt'), txt('Legacy ID', 't.xref_filer_id')],
  },
];

function expr(c: BulkColumn): string {
  // A formula-leading value gets an apostrophe (E'...' so the backslash escapes work).
  return c.text ? `CASE WHEN (${c.sql}) ~ E'^[=+\\\\-@\\t\\r]' THEN '''' || (${c.sql}) ELSE (${c.sql}) END` : c.sql;
}

export function bulkSelect(d: BulkDataset, year: number | 'undated' | null): string {
  const header = d.columns.map((c) => `${expr(c)} AS "${c.header.replace(/"/g, '""')}"`).join(', ');
  const conditions = [
    ...(d.where ? [d.where] : []),
    ...(year === null || !d.dateSql ? [] : year === 'undated' ? [`${d.dateSql} IS NULL`] : [`${d.dateSql} >= '${year}-01-01' AND ${d.dateSql} < '${year + 1}-01-01'`]),
  ];
  const yearFilter = conditions.length > 0 ? `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '';
  // A stable order, so the same data always gives the same file (and checksum).
  const order = d.columns.some((c) => c.sql === 't.filing_id') ? 'ORDER BY t.filing_id, t.amend_id, t.line_item, t.form_type' : 'ORDER BY 1';
  return `SELECT ${header} ${d.from} ${yearFilter} ${order}`;
}

export function copyCsv(client: pg.ClientBase, select: string): Readable & { rowCount: number } {
  return client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
}

/** The years a dataset has rows in (split files are written for each). */
export async function datasetYears(client: pg.ClientBase, d: BulkDataset): Promise<(number | 'undated')[]> {
  if (!d.dateSql) return [];
  const res = await client.query<{ y: number | null }>(`SELECT DISTINCT extract(year FROM ${d.dateSql})::int AS y ${d.from} ${d.where ? `WHERE ${d.where}` : ''} ORDER BY 1`);
  return res.rows.map((r) => (r.y === null ? 'undated' : r.y));
}
