// SQL of the bulk datasets: whole tables of current filings, as CSV, by PostgreSQL's own
// COPY (no row passes through JavaScript). Text that a spreadsheet would run as a
// formula gets a leading apostrophe in the query itself. A dataset's columns are declared
// with the fields of its kind (queries/fields/), in the order of its export's columns.
//
// Raw on one pg client, on purpose: COPY TO STDOUT (pg-copy-streams) streams the file
// with flat memory, and every file of a run shares the client's one snapshot
// (services/bulk-datasets.ts); kysely offers neither.
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { bulkColumns, type BulkColumn } from '../../queries/fields/field.js';
import { FIELDS } from '../../queries/fields/index.js';

export type { BulkColumn } from '../../queries/fields/field.js';

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

const CURRENT = `JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id`;
const FILER = `LEFT JOIN LATERAL (SELECT v.filer_id FROM filing_versions v WHERE v.filing_id = t.filing_id AND v.filer_id IS NOT NULL
  ORDER BY (v.amend_id = t.amend_id) DESC, v.amend_id DESC LIMIT 1) fv ON true LEFT JOIN filers fl ON fl.filer_id = fv.filer_id`;

export const BULK_DATASETS: readonly BulkDataset[] = [
  {
    name: 'contributions',
    description: 'Contributions received (Schedules A, C, I and other receipts of Form 460 and related forms), current version of each filing',
    from: `FROM contributions t ${CURRENT} ${FILER}`,
    dateSql: 't.rcpt_date',
    columns: bulkColumns(FIELDS.contributions, 'contributions'),
  },
  {
    name: 'late-contributions',
    description: 'Late contributions received (Form 497 part 1): usually itemized again on the next Form 460, so never add them to the contributions dataset',
    from: `FROM late_contributions t ${CURRENT} ${FILER}`,
    where: `t.form_type = 'F497P1'`,
    dateSql: 't.ctrib_date',
    columns: bulkColumns(FIELDS.contributions, 'late_contributions'),
  },
  {
    name: 'expenditures',
    description: 'Payments made (Schedules D, E, G and related forms), current version of each filing',
    from: `FROM expenditures t ${CURRENT} ${FILER}`,
    dateSql: 't.expn_date',
    columns: bulkColumns(FIELDS.expenditures, 'expenditures'),
  },
  {
    name: 'lobbying-payments',
    description: 'Payments between lobbying firms and their clients (Forms 625 and 635), current version of each report',
    from: `FROM lobbying_payments t ${CURRENT} ${FILER}`,
    dateSql: null,
    columns: bulkColumns(FIELDS.lobbying, 'lobbying_payments'),
  },
  {
    name: 'filers',
    description: 'Every filer (committees, candidates, lobbyists, firms, employers) with its current name',
    from: 'FROM filers t',
    dateSql: null,
    columns: bulkColumns(FIELDS.filers, 'filers'),
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
