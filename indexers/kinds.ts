// The searchable kinds: for each, its mapping, where its documents come from, and which
// change-log entries concern it.
import type { Db } from '../src/db/database.js';
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

type SourceSpec = Omit<SourceQuery, 'columns'> & TransactionOrigin & { document: TransactionDocument };
export type TransactionSource = SourceQuery & TransactionOrigin & { document: TransactionDocument };

/** The select list of a source's documents, from its document kind. */
const withColumns = (specs: SourceSpec[]): TransactionSource[] => specs.map((s) => ({ ...s, columns: s.document.columns }));

const PARTY = (p: string, extra = ''): string =>
  `t.entity_cd, t.${p}_naml AS p_last, t.${p}_namf AS p_first, t.${p}_namt AS p_title, t.${p}_nams AS p_suffix,
   t.${p}_city AS p_city, t.${p}_st AS p_state, t.${p}_zip4 AS p_zip${extra}`;

const CONTRIBUTION_SOURCES = withColumns([
  {
    table: 'contributions',
    code: 'rcpt',
    cover: 'campaign_covers',
    select: `${PARTY('ctrib', ', t.ctrib_emp AS p_employer, t.ctrib_occ AS p_occupation, t.cmte_id AS p_committee')},
      t.amount, t.rcpt_date AS tx_date, t.memo_code, t.memo_refno, t.tran_type, t.ctrib_dscr AS description`,
    label: 'itemized',
    document: contributionDocument,
  },
  {
    table: 'late_contributions',
    code: 's497',
    cover: 'campaign_covers',
    // Part 1 only: contributions received. Part 2 (made) names the giver as the filer.
    where: `t.form_type = 'F497P1'`,
    select: `${PARTY('enty', ', t.ctrib_emp AS p_employer, t.ctrib_occ AS p_occupation, t.cmte_id AS p_committee')},
      t.amount, t.ctrib_date AS tx_date, t.memo_code, t.memo_refno, NULL AS tran_type, NULL AS description`,
    label: 'late_contribution',
    document: contributionDocument,
  },
]);

const EXPENDITURE_SOURCES = withColumns([
  {
    table: 'expenditures',
    code: 'expn',
    cover: 'campaign_covers',
    select: `${PARTY('payee', ', NULL AS p_employer, NULL AS p_occupation, t.cmte_id AS p_committee')},
      t.amount, t.expn_date AS tx_date, t.memo_code, t.memo_refno, t.expn_code, t.expn_dscr AS description,
      t.cand_naml, t.cand_namf, t.bal_name, t.office_cd, t.sup_opp_cd`,
    label: 'itemized',
    document: expenditureDocument,
  },
  {
    table: 'late_independent_expenditures',
    code: 's496',
    cover: 'campaign_covers',
    select: `NULL AS entity_cd, NULL AS p_last, NULL AS p_first, NULL AS p_title, NULL AS p_suffix, NULL AS p_city, NULL AS p_state,
      NULL AS p_zip, NULL AS p_employer, NULL AS p_occupation, NULL AS p_committee,
      t.amount, t.exp_date AS tx_date, t.memo_code, t.memo_refno, NULL AS expn_code, t.expn_dscr AS description,
      NULL AS cand_naml, NULL AS cand_namf, NULL AS bal_name, NULL AS office_cd, NULL AS sup_opp_cd`,
    label: 'late_independent_expenditure',
    document: expenditureDocument,
  },
]);

const LOBBYING_SOURCES = withColumns([
  {
    table: 'lobbying_payments',
    code: 'lpay',
    cover: 'lobbying_report_covers',
    select: `${PARTY('emplr', ', NULL AS p_employer, NULL AS p_occupation, t.emplr_id AS p_committee')},
      coalesce(t.per_total, t.fees_amt) AS amount, NULL::date AS tx_date, t.memo_code, t.memo_refno, t.lby_actvty AS description,
      NULL AS bene_name, NULL AS bene_posit`,
    label: 'payment',
    document: lobbyingDocument,
  },
  {
    table: 'lobbying_activity_expenses',
    code: 'lexp',
    cover: 'lobbying_report_covers',
    select: `${PARTY('payee', ', NULL AS p_employer, NULL AS p_occupation, NULL AS p_committee')},
      t.amount, t.expn_date AS tx_date, t.memo_code, t.memo_refno, t.expn_dscr AS description,
      t.bene_name, t.bene_posit`,
    label: 'activity_expense',
    document: lobbyingDocument,
  },
  {
    table: 'lobbying_campaign_contributions',
    code: 'lccm',
    cover: 'lobbying_report_covers',
    select: `${PARTY('recip', ', NULL AS p_employer, NULL AS p_occupation, t.recip_id AS p_committee')},
      t.amount, t.ctrib_date AS tx_date, t.memo_code, t.memo_refno, NULL AS description,
      NULL AS bene_name, NULL AS bene_posit`,
    label: 'campaign_contribution',
    document: lobbyingDocument,
  },
  {
    table: 'lobbying_other_payments',
    code: 'loth',
    cover: 'lobbying_report_covers',
    select: `NULL AS entity_cd, t.firm_name AS p_last, NULL AS p_first, NULL AS p_title, NULL AS p_suffix,
      t.firm_city AS p_city, t.firm_st AS p_state, t.firm_zip4 AS p_zip, NULL AS p_employer, NULL AS p_occupation, NULL AS p_committee,
      t.amount, t.pmt_date AS tx_date, t.memo_code, t.memo_refno, NULL AS description,
      NULL AS bene_name, NULL AS bene_posit`,
    label: 'other_payment',
    document: lobbyingDocument,
  },
]);

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
      'campaign_covers',
      'lobbying_report_covers',
      'registration_covers',
      'organization_statement_covers',
      'issue_ad_covers',
      'candidate_intention_statements',
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
