// SQL that reads what the search indices show: one query shape per source table, read by
// keyset pages (rebuild) or by filing / filer ids (sync), plus the change log and the
// per-kind index state. Source rows come back flat, with stable aliases (`s.*`) that the
// indexer's select list makes documents of (indexers/documents.ts); filer and filing
// rows come back as objects, typed.
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

export interface SourceQuery {
  /** The table whose rows become documents. */
  table: string;
  /** Short name used in document ids. */
  code: string;
  /** The kind's own columns, aliased: its field registry's source columns (queries/fields/). */
  select: string;
  /** What each row returns: a select list over the aliased row `s`, after the key columns
   *  (see indexers/documents.ts). */
  columns: string;
  /** Which cover table gives the filing's period and dates. */
  cover: 'campaign_covers' | 'lobbying_report_covers';
  /** A fixed filter, e.g. only Part 1 of Form 497. */
  where?: string;
}

const KEY = ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] as const;

/** The source rows `t` (a table, or a subquery of some of its rows) with the filing, filer
 *  and cover each row's document shows, each looked up by its key (LATERAL ... LIMIT 1):
 *  left to plain joins, the planner hashed the whole of filings and filing_versions for a
 *  page where they are many rows of few filings (61,549 filings for 1,000,000 rows). */
function joins(q: SourceQuery, t: string): string {
  const electDate = q.cover === 'campaign_covers' ? 'c.elect_date' : 'NULL::date';
  return `${t} t
    JOIN LATERAL (SELECT f.current_amend_id FROM filings f WHERE f.filing_id = t.filing_id LIMIT 1) f ON true
    LEFT JOIN LATERAL (
      SELECT vv.form_type FROM filing_versions vv WHERE vv.filing_id = t.filing_id AND vv.amend_id = t.amend_id LIMIT 1
    ) vv ON true
    LEFT JOIN LATERAL (
      SELECT v.filer_id FROM filing_versions v
       WHERE v.filing_id = t.filing_id AND v.filer_id IS NOT NULL
       ORDER BY (v.amend_id = t.amend_id) DESC, v.amend_id DESC LIMIT 1
    ) fv ON true
    LEFT JOIN LATERAL (SELECT fl.name, fl.filer_type FROM filers fl WHERE fl.filer_id = fv.filer_id LIMIT 1) fl ON true
    LEFT JOIN LATERAL (
      SELECT c.from_date, c.thru_date, c.rpt_date::date AS rpt_date, ${electDate} AS elect_date
        FROM ${q.cover} c WHERE c.filing_id = t.filing_id AND c.amend_id = t.amend_id LIMIT 1
    ) cv ON true`;
}

const COMMON = `t.filing_id, t.amend_id, t.line_item, t.rec_type, t.form_type, t.tran_id,
  f.current_amend_id, fv.filer_id, fl.name AS filer_name, fl.filer_type, vv.form_type AS filing_form,
  cv.from_date, cv.thru_date, cv.rpt_date, cv.elect_date`;

/**
 * A page of a source (keyset, after $1..$5) or the rows of some filings ($1), with the
 * select list of their documents. A page takes its rows from the source table first (a
 * subquery with the LIMIT) and only then joins: with the key comparison's parameters
 * unknown, the prepared statement's generic plan guessed a third of the table and merge-
 * joined filings and filing_versions from their first row, so every page cost more than
 * the last: 491 ms a page near the end of a million rows with one filing each (perf1),
 * 12 ms with the joins after the limit, and 9-10 ms as before where many rows share
 * few filings (perf2, the generated exports' shape).
 */
export function sourceSql(q: SourceQuery, by: 'page' | 'filings', limit = 0): string {
  const fixed = q.where ? `(${q.where}) AND ` : '';
  const outer = (inner: string): string => `SELECT ${KEY.map((k) => `s.${k}`).join(', ')},\n  ${q.columns}\nFROM (${inner}) s`;
  if (by === 'filings') return outer(`SELECT ${COMMON}, ${q.select} FROM ${joins(q, q.table)} WHERE ${fixed}t.filing_id = ANY($1::int[])`);
  const keyList = KEY.map((k) => `t.${k}`).join(', ');
  const page = `(SELECT * FROM ${q.table} t WHERE ${fixed}(${keyList}) > ($1::int, $2::int, $3::int, $4::text, $5::text) ORDER BY ${keyList} LIMIT ${limit})`;
  return `${outer(`SELECT ${COMMON}, ${q.select} FROM ${joins(q, page)}`)}
    ORDER BY ${KEY.map((k) => `s.${k}`).join(', ')}`;
}

export type Row = Record<string, unknown>;
/** A source row as an array (no object per row): the key columns (filing_id, amend_id,
 *  line_item, rec_type, form_type), then the values of SourceQuery.columns, whose select
 *  list indexers/documents.ts reads by position. */
// (Left as unknown[]: the document builders own the positions and read each with its type.)
export type SourceRow = unknown[];

/**
 * Every row of a source, in key order, a page at a time. Small pages: a page's rows are
 * alive until the last of them is made a document, and pages of 5,000 (~7 MB of strings,
 * more than V8's young generation) survived every scavenge and cost a rebuild more in
 * garbage collection than the documents themselves. The statement is prepared once per
 * connection (its plan is most of a small page's time in PostgreSQL).
 */
export async function* streamSourceRows(db: Db, q: SourceQuery, pageSize = 1_000): AsyncGenerator<SourceRow[]> {
  const text = sourceSql(q, 'page', pageSize);
  const name = `index-source-${q.code}-${pageSize}`;
  let after: unknown[] = [-1, -1, -1, '', ''];
  for (;;) {
    // Raw on the pool: a named (prepared once per connection) statement returning arrays,
    // neither of which kysely offers; this is the hot loop of a rebuild.
    const res = await db.pool.query<SourceRow>({ name, text, values: after, rowMode: 'array' });
    if (res.rows.length === 0) return;
    yield res.rows;
    after = res.rows[res.rows.length - 1]!.slice(0, KEY.length);
    if (res.rows.length < pageSize) return;
  }
}

export async function sourceRowsForFilings(db: Db, q: SourceQuery, filingIds: readonly number[]): Promise<SourceRow[]> {
  if (filingIds.length === 0) return [];
  // Raw on the pool: rows as arrays (rowMode), the shape the document builders read.
  return (await db.pool.query<SourceRow>({ text: sourceSql(q, 'filings'), values: [filingIds], rowMode: 'array' })).rows;
}

export async function countSourceRows(db: Db, q: SourceQuery): Promise<{ rows: number; current: number }> {
  // The table and the fixed filter are the kinds' constants (indexers/kinds.ts), never input.
  const fixed = sql.raw(q.where ? `WHERE ${q.where}` : '');
  const res = await sql<{ rows: number; current: number }>`
    SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.amend_id = f.current_amend_id)::int AS current
       FROM ${sql.table(q.table)} t JOIN filings f ON f.filing_id = t.filing_id ${fixed}`.execute(db.kysely);
  return res.rows[0]!;
}

// ------------------------------------------------------------------ filers

/** A filer as its document is made of it (indexers/documents.ts filerDoc). */
export type FilerSourceRow = Pick<
  Selectable<Database['filers']>,
  'filer_id' | 'xref_filer_id' | 'name' | 'name_source' | 'filer_type' | 'status' | 'city' | 'st' | 'zip4' | 'effect_dt'
> & { names: (string | null)[] | null; filing_count: number };

const FILER_SELECT = sql`SELECT fl.filer_id, fl.xref_filer_id, fl.name, fl.name_source, fl.filer_type, fl.status,
    fl.city, fl.st, fl.zip4, fl.effect_dt,
    (SELECT array_agg(DISTINCT nullif(concat_ws(' ', n.namf, n.naml), '')) FROM filer_names n WHERE n.filer_id = fl.filer_id) AS names,
    (SELECT count(DISTINCT v.filing_id) FROM filing_versions v WHERE v.filer_id = fl.filer_id)::int AS filing_count
  FROM filers fl`;

/** Keyset pages of filers: one page in memory at a time. */
export async function* streamFilerRows(db: Db, pageSize = 5_000): AsyncGenerator<FilerSourceRow[]> {
  let after = '';
  for (;;) {
    const res = await sql<FilerSourceRow>`${FILER_SELECT} WHERE fl.filer_id > ${after} ORDER BY fl.filer_id LIMIT ${sql.lit(pageSize)}`.execute(db.kysely);
    if (res.rows.length === 0) return;
    yield res.rows;
    after = res.rows[res.rows.length - 1]!.filer_id;
    if (res.rows.length < pageSize) return;
  }
}

export async function filerRowsByIds(db: Db, filerIds: readonly string[]): Promise<FilerSourceRow[]> {
  if (filerIds.length === 0) return [];
  return (await sql<FilerSourceRow>`${FILER_SELECT} WHERE fl.filer_id = ANY(${filerIds}::text[])`.execute(db.kysely)).rows;
}

export async function countFilers(db: Db): Promise<number> {
  const r = await db.kysely.selectFrom('filers').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return r.n;
}

/** Filings whose documents show this filer's name (it filed them). */
export async function filingIdsOfFilers(db: Db, filerIds: readonly string[]): Promise<number[]> {
  if (filerIds.length === 0) return [];
  const rows = await db.kysely.selectFrom('filing_versions').select('filing_id').distinct().where('filer_id', '=', sql<string>`ANY(${filerIds}::text[])`).execute();
  return rows.map((r) => r.filing_id);
}

// ------------------------------------------------------------------ filings

/** Filing versions `v` (the table, or a subquery of a page of it: joined after the limit,
 *  as sourceSql says why) with their filing, filer and cover dates, each looked up by its
 *  key (LATERAL ... LIMIT 1): for a page of 5,000 the planner hashed the whole of filings,
 *  and its estimated cost also turned on JIT compilation, for each page. */
/** A filing version as its document is made of it (indexers/documents.ts filingDoc). */
export type FilingSourceRow = Pick<Selectable<Database['filing_versions']>, 'filing_id' | 'amend_id' | 'has_cover' | 'cover_table' | 'form_type' | 'filer_id'> &
  Pick<Selectable<Database['filings']>, 'current_amend_id' | 'version_count'> & {
    filer_name: string | null;
    filer_type: string | null;
    period_start: string | null;
    period_end: string | null;
    date_filed: string | null;
    elect_date: string | null;
    stmt_type: string | null;
  };

const filingSelect = (versions: RawBuilder<unknown>): RawBuilder<FilingSourceRow> => sql<FilingSourceRow>`SELECT v.filing_id, v.amend_id, v.has_cover, v.cover_table, v.form_type,
    coalesce(v.filer_id, fv.filer_id) AS filer_id, f.current_amend_id, f.version_count,
    fl.name AS filer_name, fl.filer_type,
    coalesce(cc.from_date, lc.from_date, ff.rpt_start) AS period_start,
    coalesce(cc.thru_date, lc.thru_date, ff.rpt_end) AS period_end,
    coalesce(cc.rpt_date::date, lc.rpt_date, ff.filing_date::date) AS date_filed,
    cc.elect_date, cc.stmt_type
  FROM ${versions} v
  JOIN LATERAL (SELECT f.current_amend_id, f.version_count FROM filings f WHERE f.filing_id = v.filing_id LIMIT 1) f ON true
  LEFT JOIN LATERAL (
    SELECT x.filer_id FROM filing_versions x WHERE x.filing_id = v.filing_id AND x.filer_id IS NOT NULL ORDER BY x.amend_id DESC LIMIT 1
  ) fv ON true
  LEFT JOIN LATERAL (SELECT fl.name, fl.filer_type FROM filers fl WHERE fl.filer_id = coalesce(v.filer_id, fv.filer_id) LIMIT 1) fl ON true
  LEFT JOIN LATERAL (
    SELECT c.from_date, c.thru_date, c.rpt_date, c.elect_date, c.stmt_type FROM campaign_covers c
     WHERE c.filing_id = v.filing_id AND c.amend_id = v.amend_id LIMIT 1
  ) cc ON true
  LEFT JOIN LATERAL (
    SELECT c.from_date, c.thru_date, c.rpt_date FROM lobbying_report_covers c
     WHERE c.filing_id = v.filing_id AND c.amend_id = v.amend_id LIMIT 1
  ) lc ON true
  LEFT JOIN LATERAL (
    SELECT x.rpt_start, x.rpt_end, x.filing_date FROM filer_filings x
     WHERE x.filing_id = v.filing_id AND x.filing_sequence = v.amend_id LIMIT 1
  ) ff ON true`;

/** Keyset pages of filing versions: one page in memory at a time. */
export async function* streamFilingRows(db: Db, pageSize = 1_000): AsyncGenerator<FilingSourceRow[]> {
  let after: [number, number] = [-1, -1];
  for (;;) {
    const page = sql`(SELECT * FROM filing_versions v WHERE (v.filing_id, v.amend_id) > (${after[0]}::int, ${after[1]}::int) ORDER BY v.filing_id, v.amend_id LIMIT ${sql.lit(pageSize)})`;
    const res = await sql<FilingSourceRow>`${filingSelect(page)} ORDER BY v.filing_id, v.amend_id`.execute(db.kysely);
    if (res.rows.length === 0) return;
    yield res.rows;
    const last = res.rows[res.rows.length - 1]!;
    after = [last.filing_id, last.amend_id];
    if (res.rows.length < pageSize) return;
  }
}

export async function filingRowsByIds(db: Db, filingIds: readonly number[]): Promise<FilingSourceRow[]> {
  if (filingIds.length === 0) return [];
  return (await sql<FilingSourceRow>`${filingSelect(sql`filing_versions`)} WHERE v.filing_id = ANY(${filingIds}::int[])`.execute(db.kysely)).rows;
}

export async function countFilingVersions(db: Db): Promise<{ rows: number; current: number }> {
  const res = await sql<{ rows: number; current: number }>`
    SELECT count(*)::int AS rows, count(*) FILTER (WHERE v.amend_id = f.current_amend_id)::int AS current
       FROM filing_versions v JOIN filings f USING (filing_id)`.execute(db.kysely);
  return res.rows[0]!;
}

// ------------------------------------------------------------- change log

export interface ChangeEntry {
  seq: string;
  /** Seconds since the change was committed, by the database's clock. */
  age_seconds: number;
  table_name: string;
  op: 'upsert' | 'delete' | 'current_changed';
  filing_id: number | null;
  amend_id: number | null;
  row_key: string | null;
}

export async function readChanges(db: Db, after: string, limit: number): Promise<ChangeEntry[]> {
  // Ordered by the bigint column, qualified: a bare `seq` here would name the text output
  // column, and '100000' sorts before '25448' — a batch would skip every seq in between.
  const res = await sql<ChangeEntry>`
    SELECT seq::text AS seq, extract(epoch FROM now() - changed_at)::float8 AS age_seconds, table_name, op, filing_id, amend_id, row_key
      FROM change_log WHERE seq > ${after}::bigint ORDER BY change_log.seq LIMIT ${limit}`.execute(db.kysely);
  return res.rows;
}

export async function lastChangeSeq(db: Db): Promise<string> {
  return (await sql<{ s: string }>`SELECT coalesce(max(seq), 0)::text AS s FROM change_log`.execute(db.kysely)).rows[0]!.s;
}

export async function changeLag(db: Db, checkpoint: string): Promise<{ changes: number; seconds: number }> {
  const res = await sql<{ changes: number; seconds: number | null }>`
    SELECT count(*)::int AS changes, extract(epoch FROM now() - min(changed_at))::float8 AS seconds FROM change_log WHERE seq > ${checkpoint}::bigint`.execute(db.kysely);
  const r = res.rows[0]!;
  return { changes: r.changes, seconds: r.seconds === null ? 0 : Math.max(0, Math.round(r.seconds * 10) / 10) };
}

// ------------------------------------------------------------ index state

export interface IndexState {
  kind: string;
  generation: number;
  index_name: string | null;
  checkpoint: string;
}

export async function getIndexStates(db: Db): Promise<Map<string, IndexState>> {
  const rows = await db.kysely.selectFrom('search_index_state').select(['kind', 'generation', 'index_name', sql<string>`checkpoint::text`.as('checkpoint')]).execute();
  return new Map(rows.map((r) => [r.kind, r]));
}

/** Moves a kind's checkpoint forward, never back. */
export async function advanceCheckpoint(db: Db, kind: string, seq: string): Promise<void> {
  await db.kysely
    .insertInto('search_index_state')
    .values({ kind, checkpoint: sql<string>`${seq}::bigint` })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ checkpoint: sql<string>`GREATEST(search_index_state.checkpoint, EXCLUDED.checkpoint)`, updated_at: sql<string>`now()` }))
    .execute();
}

export async function recordRebuild(db: Db, kind: string, generation: number, indexName: string, checkpoint: string): Promise<void> {
  await db.kysely
    .insertInto('search_index_state')
    .values({ kind, generation, index_name: indexName, checkpoint: sql<string>`${checkpoint}::bigint`, rebuilt_at: sql<string>`now()` })
    .onConflict((oc) =>
      oc.column('kind').doUpdateSet((eb) => ({
        generation: eb.ref('excluded.generation'),
        index_name: eb.ref('excluded.index_name'),
        checkpoint: sql<string>`GREATEST(search_index_state.checkpoint, EXCLUDED.checkpoint)`,
        rebuilt_at: sql<string>`now()`,
        updated_at: sql<string>`now()`,
      })),
    )
    .execute();
}

export async function recordIndexFailure(db: Db, kind: string, docId: string, seq: string | null, error: string): Promise<void> {
  await db.kysely.insertInto('search_index_failures').values({ kind, doc_id: docId, seq, error }).execute();
}
