// The searchable kinds: for each, its mapping, where its documents come from, and which
// change-log entries concern it.
import type { Db } from '../src/db/database.js';
import { sourceSelect, type KindFields } from '../queries/fields/field.js';
import { FIELDS } from '../queries/fields/index.js';
import { COVER_TABLES } from '../src/import/source-tables.js';
import {
  countFilers,
  countFilingVersions,
  countSourceRows,
  filerRowsByIds,
  filingRowsByIds,
  sourceRowsForFilings,
  streamFilerRows,
  streamFilingRows,
  streamSourceRows,
  type Row,
  type SourceQuery,
  type SourceRow,
} from '../src/repositories/index-source-repository.js';
import {
  contributionDocument,
  expenditureDocument,
  filerDoc,
  filingDoc,
  lobbyingDocument,
  type TransactionDocument,
  type TransactionOrigin,
} from './documents.js';
import type { KindMapping } from './mappings/common.js';
import { contributionsMapping } from './mappings/contributions.js';
import { expendituresMapping } from './mappings/expenditures.js';
import { filersMapping } from './mappings/filers.js';
import { filingsMapping } from './mappings/filings.js';
import { lobbyingMapping } from './mappings/lobbying.js';

export type KindName = 'contributions' | 'expenditures' | 'filers' | 'filings' | 'lobbying';
export const KIND_NAMES: readonly KindName[] = ['contributions', 'expenditures', 'filers', 'filings', 'lobbying'];

export interface Doc {
  id: string;
  /** The document as JSON text, as it goes into a bulk body. */
  source: string;
  filingId?: number;
}

export interface Kind {
  name: KindName;
  mapping: KindMapping;
  /** Documents are a function of one filing (all its versions) or of one filer. */
  unit: 'filing' | 'filer';
  /** Change-log tables whose entries make this kind re-read the filing / filer. */
  tables: readonly string[];
  streamAll(db: Db): AsyncGenerator<Doc[]>;
  docsFor(db: Db, ids: readonly (number | string)[]): Promise<Doc[]>;
  countRows(db: Db): Promise<{ rows: number; current: number }>;
}

export type TransactionSource = SourceQuery & TransactionOrigin & { document: TransactionDocument };

/** A transaction source: its select list is its kind's source columns over its table, read
 *  in the order of its document kind's columns. */
const source = (fields: KindFields, s: Omit<TransactionSource, 'select' | 'columns'>): TransactionSource => ({
  ...s,
  select: sourceSelect(fields, s.table),
  columns: s.document.columns,
});

const CONTRIBUTION_SOURCES = [
  source(FIELDS.contributions, { table: 'contributions', code: 'rcpt', cover: 'campaign_covers', label: 'itemized', document: contributionDocument }),
  // Part 1 only: contributions received. Part 2 (made) names the giver as the filer.
  source(FIELDS.contributions, { table: 'late_contributions', code: 's497', cover: 'campaign_covers', where: `t.form_type = 'F497P1'`, label: 'late_contribution', document: contributionDocument }),
];

const EXPENDITURE_SOURCES = [
  source(FIELDS.expenditures, { table: 'expenditures', code: 'expn', cover: 'campaign_covers', label: 'itemized', document: expenditureDocument }),
  source(FIELDS.expenditures, { table: 'late_independent_expenditures', code: 's496', cover: 'campaign_covers', label: 'late_independent_expenditure', document: expenditureDocument }),
];

const LOBBYING_SOURCES = (
  [
    ['lobbying_payments', 'lpay', 'payment'],
    ['lobbying_activity_expenses', 'lexp', 'activity_expense'],
    ['lobbying_campaign_contributions', 'lccm', 'campaign_contribution'],
    ['lobbying_other_payments', 'loth', 'other_payment'],
  ] as const
).map(([table, code, label]) => source(FIELDS.lobbying, { table, code, cover: 'lobbying_report_covers', label, document: lobbyingDocument }));

const toDocs = (s: TransactionSource, rows: SourceRow[]): Doc[] =>
  rows.map((r) => {
    const { id, source } = s.document.build(s, r);
    return { id, source, filingId: r[0] as number };
  });

/** The sources of each kind of transaction document (tests compare their documents). */
export const TRANSACTION_SOURCES: Readonly<Record<'contributions' | 'expenditures' | 'lobbying', readonly TransactionSource[]>> = {
  contributions: CONTRIBUTION_SOURCES,
  expenditures: EXPENDITURE_SOURCES,
  lobbying: LOBBYING_SOURCES,
};

/** Cover and index tables: what a filing's documents show of its filer and period. */
const CAMPAIGN_COVER_TABLES = ['campaign_covers', 'filer_filings'];
const LOBBY_COVER_TABLES = ['lobbying_report_covers', 'filer_filings'];

function transactionKind(name: KindName, mapping: KindMapping, sources: TransactionSource[], coverTables: string[]): Kind {
  return {
    name,
    mapping,
    unit: 'filing',
    tables: [...sources.map((s) => s.table), ...coverTables],
    async *streamAll(db) {
      for (const s of sources) for await (const rows of streamSourceRows(db, s)) yield toDocs(s, rows);
    },
    async docsFor(db, ids) {
      const filingIds = ids as number[];
      const parts = await Promise.all(sources.map(async (s) => toDocs(s, await sourceRowsForFilings(db, s, filingIds))));
      return parts.flat();
    },
    async countRows(db) {
      const counts = await Promise.all(sources.map((s) => countSourceRows(db, s)));
      return counts.reduce((a, b) => ({ rows: a.rows + b.rows, current: a.current + b.current }), { rows: 0, current: 0 });
    },
  };
}

const filingDocs = (rows: Row[]): Doc[] =>
  rows.map((r) => {
    const body = filingDoc(r);
    return { id: body['id'] as string, source: JSON.stringify(body), filingId: r['filing_id'] as number };
  });

const filerDocs = (rows: Row[]): Doc[] =>
  rows.map((r) => {
    const body = filerDoc(r);
    return { id: body['id'] as string, source: JSON.stringify(body) };
  });

export const KINDS: Readonly<Record<KindName, Kind>> = {
  contributions: transactionKind('contributions', contributionsMapping, CONTRIBUTION_SOURCES, CAMPAIGN_COVER_TABLES),
  expenditures: transactionKind('expenditures', expendituresMapping, EXPENDITURE_SOURCES, CAMPAIGN_COVER_TABLES),
  lobbying: transactionKind('lobbying', lobbyingMapping, LOBBYING_SOURCES, LOBBY_COVER_TABLES),
  filings: {
    name: 'filings',
    mapping: filingsMapping,
    unit: 'filing',
    tables: [
      ...COVER_TABLES,
      'filer_filings',
      ...CONTRIBUTION_SOURCES.map((s) => s.table),
      ...EXPENDITURE_SOURCES.map((s) => s.table),
      ...LOBBYING_SOURCES.map((s) => s.table),
    ],
    async *streamAll(db) {
      for await (const rows of streamFilingRows(db)) yield filingDocs(rows);
    },
    async docsFor(db, ids) {
      return filingDocs(await filingRowsByIds(db, ids as number[]));
    },
    countRows: countFilingVersions,
  },
  filers: {
    name: 'filers',
    mapping: filersMapping,
    unit: 'filer',
    tables: ['filers', 'filer_names'],
    async *streamAll(db) {
      for await (const rows of streamFilerRows(db)) yield filerDocs(rows);
    },
    async docsFor(db, ids) {
      return filerDocs(await filerRowsByIds(db, ids as string[]));
    },
    async countRows(db) {
      const n = await countFilers(db);
      return { rows: n, current: n };
    },
  },
};

export function aliasName(prefix: string, kind: KindName): string {
  return `${prefix}${kind}`;
}

export function indexName(prefix: string, kind: KindName, generation: number): string {
  return `${prefix}${kind}_v${generation}`;
}
