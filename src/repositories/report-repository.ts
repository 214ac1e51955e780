// SQL of the report views, read from the filing database (the truth): a filer's profile,
// filings and money; a filing as filed (cover, summary page, schedules, versions).
// Every query is driven by an index (filing id, or filing_versions by filer). Typed `sql`
// templates on the one kysely handle: the joins, laterals and window counts read better as
// SQL than as builder calls, and each declares the row it returns.
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { COVER_TABLES } from '../import/source-tables.js';

export type Row = Record<string, unknown>;

/** Tables whose rows are the schedules of a filing, and the name/amount/date of a row. */
export interface ScheduleSource {
  table: string;
  name: string;
  amount: string | null;
  date: string | null;
  kind: 'receipt' | 'payment' | 'loan' | 'debt' | 'late' | 'lobbying' | 'other';
  /** false for the one table with no TRAN_ID / MEMO_REFNO (F601 part 2 client lists) */
  memos?: boolean;
}

const person = (p: string): string => `nullif(concat_ws(' ', t.${p}_namf, t.${p}_naml), '')`;

export const SCHEDULE_SOURCES: readonly ScheduleSource[] = [
  { table: 'contributions', name: person('ctrib'), amount: 't.amount', date: 't.rcpt_date', kind: 'receipt' },
  { table: 'loans', name: person('lndr'), amount: 't.loan_amt1', date: 't.loan_date1', kind: 'loan' },
  { table: 'expenditures', name: person('payee'), amount: 't.amount', date: 't.expn_date', kind: 'payment' },
  { table: 'debts', name: person('payee'), amount: 't.amt_incur', date: 'NULL::date', kind: 'debt' },
  { table: 'late_contributions', name: person('enty'), amount: 't.amount', date: 't.ctrib_date', kind: 'late' },
  { table: 'late_independent_expenditures', name: 'NULL', amount: 't.amount', date: 't.exp_date', kind: 'late' },
  { table: 'slate_mailer_late_payments', name: person('payor'), amount: 't.amt_rcvd', date: 't.date_rcvd', kind: 'late' },
  { table: 'slate_mailer_payments', name: person('agent'), amount: 't.amount', date: 'NULL::date', kind: 'other' },
  { table: 'lobbying_payments', name: person('emplr'), amount: 'coalesce(t.per_total, t.fees_amt)', date: 'NULL::date', kind: 'lobbying' },
  { table: 'lobbying_activity_expenses', name: person('payee'), amount: 't.amount', date: 't.expn_date', kind: 'lobbying' },
  { table: 'lobbying_campaign_contributions', name: person('recip'), amount: 't.amount', date: 't.ctrib_date', kind: 'lobbying' },
  { table: 'lobbying_other_payments', name: 't.firm_name', amount: 't.amount', date: 't.pmt_date', kind: 'lobbying' },
  { table: 'lobbying_payment_attachments', name: person('recip'), amount: 't.amount', date: 't.pmt_date', kind: 'lobbying' },
  { table: 'lobbying_firm_clients', name: person('cli'), amount: 'NULL::numeric', date: 't.eff_date', kind: 'lobbying', memos: false },
];

type CoverRow = Selectable<Database[(typeof COVER_TABLES)[number]]>;

// Numerics (sums, amounts) and bigints (counts over windows) arrive as exact strings,
// dates as 'YYYY-MM-DD', timestamps as written (database.ts).
export type FilingHeaderRow = Pick<Selectable<Database['filings']>, 'current_amend_id' | 'has_cover' | 'version_count'>;
export type FilingVersionRow = Pick<Selectable<Database['filing_versions']>, 'amend_id' | 'has_cover' | 'superseded' | 'form_type' | 'filer_id' | 'cover_table'> & { date_filed: string | null };
export type FilerNameRow = Pick<Selectable<Database['filers']>, 'filer_id' | 'name' | 'filer_type'>;
export type SummaryLineRow = Pick<Selectable<Database['summary_lines']>, 'form_type' | 'line_item' | 'amount_a' | 'amount_b' | 'amount_c'> & { label: string | null; section_label: string | null };
export type FilerRow = Selectable<Database['filers']>;
export type FilerNameOverTimeRow = { name: string | null; effect_dt: string | null; filer_type: string | null; status: string | null; city: string | null; st: string | null };
export type FilerSessionRow = Pick<Selectable<Database['filer_types_by_session']>, 'session_id' | 'filer_type' | 'active' | 'race' | 'party_cd' | 'district_cd' | 'county_cd'> & { description: string | null };
export type FilerLinkRow = Pick<Selectable<Database['filer_links']>, 'link_type' | 'active_flg' | 'session_id' | 'effect_dt' | 'termination_dt'> & { other_id: string | null; other_name: string | null; other_type: string | null };
export type FilerFilingRow = Pick<Selectable<Database['filings']>, 'filing_id' | 'current_amend_id' | 'version_count' | 'has_cover'> & {
  form_type: string | null;
  period_start: string | null;
  period_end: string | null;
  date_filed: string | null;
  total: string;
};
export type MoneyByYearRow = { year: number | null; raised: string; contributions: number; spent: string; payments: number };
export type MoneyByPeriodRow = { filing_id: number; current_amend_id: number; period_start: string | null; period_end: string | null; raised: string | null; spent: string | null; cash_on_hand: string | null };
export type PartyRow = { name: string | null; total: string | null; count: number };

/** Drops the bookkeeping columns and empty values from a stored row. */
function compact(r: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) if (v !== null && v !== '' && k !== 'row_hash' && k !== 'odd_dates') out[k] = v;
  return out;
}

export async function filingHeader(db: Kysely<Database>, filingId: number): Promise<FilingHeaderRow | null> {
  const row = await db.selectFrom('filings').select(['current_amend_id', 'has_cover', 'version_count']).where('filing_id', '=', filingId).executeTakeFirst();
  return row ?? null;
}

export async function filingVersions(db: Kysely<Database>, filingId: number): Promise<FilingVersionRow[]> {
  const res = await sql<FilingVersionRow>`
    SELECT v.amend_id, v.has_cover, v.superseded, v.form_type, v.filer_id, v.cover_table,
            coalesce(cc.rpt_date::date, lc.rpt_date, rc.rpt_date, ff.filing_date::date) AS date_filed
       FROM filing_versions v
       LEFT JOIN LATERAL (SELECT rpt_date FROM campaign_covers c WHERE c.filing_id = v.filing_id AND c.amend_id = v.amend_id LIMIT 1) cc ON true
       LEFT JOIN LATERAL (SELECT rpt_date FROM lobbying_report_covers c WHERE c.filing_id = v.filing_id AND c.amend_id = v.amend_id LIMIT 1) lc ON true
       LEFT JOIN LATERAL (SELECT rpt_date FROM registration_covers c WHERE c.filing_id = v.filing_id AND c.amend_id = v.amend_id LIMIT 1) rc ON true
       LEFT JOIN LATERAL (SELECT filing_date FROM filer_filings x WHERE x.filing_id = v.filing_id AND x.filing_sequence = v.amend_id LIMIT 1) ff ON true
      WHERE v.filing_id = ${filingId} ORDER BY v.amend_id`.execute(db);
  return res.rows;
}

/** The cover record of a version, from whichever cover table holds it. */
export async function coverOf(db: Kysely<Database>, filingId: number, amendId: number): Promise<{ table: string; row: Row } | null> {
  for (const table of COVER_TABLES) {
    const res = await sql<CoverRow>`SELECT * FROM ${sql.table(table)} WHERE filing_id = ${filingId} AND amend_id = ${amendId} ORDER BY rec_type, form_type LIMIT 1`.execute(db);
    if (res.rows[0]) return { table, row: compact(res.rows[0]) };
  }
  return null;
}

export async function filerName(db: Kysely<Database>, filerId: string): Promise<FilerNameRow | null> {
  return (await db.selectFrom('filers').select(['filer_id', 'name', 'filer_type']).where('filer_id', '=', filerId).executeTakeFirst()) ?? null;
}

export async function summaryLines(db: Kysely<Database>, filingId: number, amendId: number): Promise<SummaryLineRow[]> {
  const res = await sql<SummaryLineRow>`
    SELECT s.form_type, s.line_item, s.amount_a, s.amount_b, s.amount_c, h.label, h.section_label
       FROM summary_lines s
       LEFT JOIN LATERAL (SELECT label, section_label FROM form_line_labels h
                           WHERE h.form_id = s.form_type AND h.line_number::text = s.line_item LIMIT 1) h ON true
      WHERE s.filing_id = ${filingId} AND s.amend_id = ${amendId}
      ORDER BY s.form_type, (s.line_item ~ '^\\d+$') DESC, CASE WHEN s.line_item ~ '^\\d+$' THEN s.line_item::int END, s.line_item`.execute(db);
  return res.rows;
}

/** Every itemized row of a version, all schedules, in line order, with its memo text. */
export async function scheduleRows(db: Kysely<Database>, filingId: number, amendId: number): Promise<{ source: ScheduleSource; rows: Row[] }[]> {
  const out: { source: ScheduleSource; rows: Row[] }[] = [];
  for (const source of SCHEDULE_SOURCES) {
    // The expressions of SCHEDULE_SOURCES are this module's constants, never input.
    const memoText = sql.raw(
      source.memos === false
        ? 'NULL'
        : // MEMO_REFNO first, TRAN_ID as a fallback (format notes §4)
          `(SELECT m.text4000 FROM text_memos m WHERE m.filing_id = t.filing_id AND m.amend_id = t.amend_id
             AND m.ref_no = coalesce(t.memo_refno, t.tran_id) LIMIT 1)`,
    );
    const res = await sql<Row>`
      SELECT t.*, ${sql.raw(source.name)} AS display_name, ${sql.raw(source.amount ?? 'NULL')} AS display_amount, ${sql.raw(source.date ?? 'NULL')} AS display_date,
              ${memoText} AS memo_text
         FROM ${sql.table(source.table)} t WHERE t.filing_id = ${filingId} AND t.amend_id = ${amendId} ORDER BY t.form_type, t.line_item`.execute(db);
    if (res.rows.length > 0) out.push({ source, rows: res.rows.map(compact) });
  }
  return out;
}

// ------------------------------------------------------------------- filers

export async function filerRow(db: Kysely<Database>, filerId: string): Promise<FilerRow | null> {
  return (await db.selectFrom('filers').selectAll().where('filer_id', '=', filerId).executeTakeFirst()) ?? null;
}

export async function filerNamesOverTime(db: Kysely<Database>, filerId: string): Promise<FilerNameOverTimeRow[]> {
  const res = await sql<FilerNameOverTimeRow>`
    SELECT DISTINCT nullif(concat_ws(' ', namt, namf, naml, nams), '') AS name, effect_dt, filer_type, status, city, st
       FROM filer_names WHERE filer_id = ${filerId} ORDER BY effect_dt NULLS FIRST, 1`.execute(db);
  return res.rows;
}

export async function filerTypesBySession(db: Kysely<Database>, filerId: string): Promise<FilerSessionRow[]> {
  const res = await sql<FilerSessionRow>`
    SELECT DISTINCT t.session_id, t.filer_type, ft.description, t.active, t.race, t.party_cd, t.district_cd, t.county_cd
       FROM filer_types_by_session t LEFT JOIN filer_type_codes ft ON ft.filer_type = t.filer_type
      WHERE t.filer_id = ${filerId} ORDER BY t.session_id DESC NULLS LAST`.execute(db);
  return res.rows;
}

/** Linked filers (either side of FILER_LINKS_CD), with the other side's name. */
export async function filerLinks(db: Kysely<Database>, filerId: string): Promise<FilerLinkRow[]> {
  const res = await sql<FilerLinkRow>`
    SELECT CASE WHEN l.filer_id_a = ${filerId} THEN l.filer_id_b ELSE l.filer_id_a END AS other_id,
            CASE WHEN l.filer_id_a = ${filerId} THEN l.link_type ELSE -l.link_type END AS link_type,
            l.active_flg, l.session_id, l.effect_dt, l.termination_dt, f.name AS other_name, f.filer_type AS other_type
       FROM filer_links l
       LEFT JOIN filers f ON f.filer_id = CASE WHEN l.filer_id_a = ${filerId} THEN l.filer_id_b ELSE l.filer_id_a END
      WHERE l.filer_id_a = ${filerId} OR l.filer_id_b = ${filerId}
      ORDER BY l.session_id DESC NULLS LAST, l.effect_dt DESC NULLS LAST`.execute(db);
  return res.rows;
}

export async function filerXrefs(db: Kysely<Database>, filerId: string): Promise<string[]> {
  const res = await sql<{ xref_id: string }>`SELECT DISTINCT xref_id FROM filer_xrefs WHERE filer_id = ${filerId} AND xref_id IS NOT NULL ORDER BY 1`.execute(db);
  return res.rows.map((r) => r.xref_id);
}

/** A filer's filings (the current version of each), newest period first. */
export async function filerFilings(db: Kysely<Database>, filerId: string, limit: number): Promise<{ rows: FilerFilingRow[]; total: number }> {
  const res = await sql<FilerFilingRow>`
    WITH mine AS (SELECT DISTINCT filing_id FROM filing_versions WHERE filer_id = ${filerId})
     SELECT f.filing_id, f.current_amend_id, f.version_count, f.has_cover, v.form_type,
            coalesce(cc.from_date, lc.from_date, ff.rpt_start) AS period_start,
            coalesce(cc.thru_date, lc.thru_date, ff.rpt_end) AS period_end,
            coalesce(cc.rpt_date::date, lc.rpt_date, ff.filing_date::date) AS date_filed,
            count(*) OVER () AS total
       FROM mine JOIN filings f USING (filing_id)
       LEFT JOIN filing_versions v ON v.filing_id = f.filing_id AND v.amend_id = f.current_amend_id
       LEFT JOIN LATERAL (SELECT from_date, thru_date, rpt_date FROM campaign_covers c WHERE c.filing_id = f.filing_id AND c.amend_id = f.current_amend_id LIMIT 1) cc ON true
       LEFT JOIN LATERAL (SELECT from_date, thru_date, rpt_date FROM lobbying_report_covers c WHERE c.filing_id = f.filing_id AND c.amend_id = f.current_amend_id LIMIT 1) lc ON true
       LEFT JOIN LATERAL (SELECT rpt_start, rpt_end, filing_date FROM filer_filings x WHERE x.filing_id = f.filing_id AND x.filing_sequence = f.current_amend_id LIMIT 1) ff ON true
      ORDER BY 7 DESC NULLS LAST, f.filing_id DESC
      LIMIT ${limit}`.execute(db);
  return { rows: res.rows, total: Number(res.rows[0]?.total ?? 0) };
}

const mine = (filerId: string): RawBuilder<unknown> => sql`SELECT DISTINCT filing_id FROM filing_versions WHERE filer_id = ${filerId}`;
const NOT_MEMO = sql`coalesce(upper(t.memo_code), '') <> 'X'`;

/** Money raised and spent per year of the transaction date, current versions, memo rows left out.
 *  A placeholder date (flagged in odd_dates: 1/1/1900, 2999) has no year: its money counts in
 *  the totals, under no year, never as a point of the chart. */
export async function filerMoneyByYear(db: Kysely<Database>, filerId: string): Promise<MoneyByYearRow[]> {
  const res = await sql<MoneyByYearRow>`
    WITH r AS (
       SELECT (CASE WHEN t.odd_dates @> ARRAY['rcpt_date'] THEN NULL ELSE extract(year FROM t.rcpt_date) END)::int AS year, sum(t.amount) AS raised, count(*)::int AS contributions
         FROM contributions t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id
        WHERE t.filing_id IN (${mine(filerId)}) AND ${NOT_MEMO} GROUP BY 1
     ), s AS (
       SELECT (CASE WHEN t.odd_dates @> ARRAY['expn_date'] THEN NULL ELSE extract(year FROM t.expn_date) END)::int AS year, sum(t.amount) AS spent, count(*)::int AS payments
         FROM expenditures t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id
        WHERE t.filing_id IN (${mine(filerId)}) AND ${NOT_MEMO} GROUP BY 1
     )
     SELECT coalesce(r.year, s.year) AS year, coalesce(r.raised, 0) AS raised, coalesce(r.contributions, 0) AS contributions,
            coalesce(s.spent, 0) AS spent, coalesce(s.payments, 0) AS payments
       FROM r FULL JOIN s ON coalesce(r.year, -1) = coalesce(s.year, -1)
      ORDER BY 1 NULLS LAST`.execute(db);
  return res.rows;
}

/** Per filing (reporting period): itemized raised and spent, and the cash on hand the report states. */
export async function filerMoneyByPeriod(db: Kysely<Database>, filerId: string, limit: number): Promise<MoneyByPeriodRow[]> {
  const res = await sql<MoneyByPeriodRow>`
    SELECT f.filing_id, f.current_amend_id, cc.from_date AS period_start, cc.thru_date AS period_end,
            (SELECT sum(t.amount) FROM contributions t WHERE t.filing_id = f.filing_id AND t.amend_id = f.current_amend_id AND ${NOT_MEMO}) AS raised,
            (SELECT sum(t.amount) FROM expenditures t WHERE t.filing_id = f.filing_id AND t.amend_id = f.current_amend_id AND ${NOT_MEMO}) AS spent,
            (SELECT s.amount_a FROM summary_lines s WHERE s.filing_id = f.filing_id AND s.amend_id = f.current_amend_id AND s.form_type = 'F460' AND s.line_item = '16' LIMIT 1) AS cash_on_hand
       FROM filings f
       JOIN LATERAL (SELECT from_date, thru_date FROM campaign_covers c WHERE c.filing_id = f.filing_id AND c.amend_id = f.current_amend_id LIMIT 1) cc ON true
      WHERE f.filing_id IN (${mine(filerId)})
      ORDER BY cc.thru_date DESC NULLS LAST, f.filing_id DESC
      LIMIT ${limit}`.execute(db);
  return res.rows;
}

export async function topParties(db: Kysely<Database>, filerId: string, kind: 'contributors' | 'payees', limit: number): Promise<PartyRow[]> {
  const [table, p] = kind === 'contributors' ? ['contributions', 'ctrib'] : ['expenditures', 'payee'];
  const name = sql.raw(person(p));
  const res = await sql<PartyRow>`
    SELECT ${name} AS name, sum(t.amount) AS total, count(*)::int AS count
       FROM ${sql.table(table)} t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id
      WHERE t.filing_id IN (${mine(filerId)}) AND ${NOT_MEMO}
      GROUP BY 1 HAVING ${name} IS NOT NULL
      ORDER BY 2 DESC NULLS LAST, 1 LIMIT ${limit}`.execute(db);
  return res.rows;
}

/** The change log's position: any write moves it, so a cached view keyed by it is never stale. */
export async function changeLogPosition(db: Kysely<Database>): Promise<string> {
  return (await sql<{ s: string }>`SELECT coalesce(max(seq), 0)::text AS s FROM change_log`.execute(db)).rows[0]!.s;
}
