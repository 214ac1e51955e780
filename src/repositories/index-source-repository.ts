// SQL that reads what the search indices show: one query shape per source table, read by
// keyset pages (rebuild) or by filing / filer ids (sync), plus the change log and the
// per-kind index state. Source rows come back flat, with stable aliases (`s.*`) that the
// indexer's select list makes documents of (indexers/documents.ts); filer and filing
// rows come back as objects.
import type pg from 'pg';

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
/** A source row as an array (no object per row): the key columns, then SourceQuery.columns. */
export type SourceRow = unknown[];

/**
 * Every row of a source, in key order, a page at a time. Small pages: a page's rows are
 * alive until the last of them is made a document, and pages of 5,000 (~7 MB of strings,
 * more than V8's young generation) survived every scavenge and cost a rebuild more in
 * garbage collection than the documents themselves. The statement is prepared once per
 * connection (its plan is most of a small page's time in PostgreSQL).
 */
export async function* streamSourceRows(pool: pg.Pool, q: SourceQuery, pageSize = 1_000): AsyncGenerator<SourceRow[]> {
  const text = sourceSql(q, 'page', pageSize);
  const name = `index-source-${q.code}-${pageSize}`;
  let after: unknown[] = [-1, -1, -1, '', ''];
  for (;;) {
    const res = await pool.query<SourceRow>({ name, text, values: after, rowMode: 'array' });
    if (res.rows.length === 0) return;
    yield res.rows;
    after = res.rows[res.rows.length - 1]!.slice(0, KEY.length);
    if (res.rows.length < pageSize) return;
  }
}

export async function sourceRowsForFilings(pool: pg.Pool, q: SourceQuery, filingIds: readonly number[]): Promise<SourceRow[]> {
  if (filingIds.length === 0) return [];
  return (await pool.query<SourceRow>({ text: sourceSql(q, 'filings'), values: [filingIds], rowMode: 'array' })).rows;
}

export async function countSourceRows(pool: pg.Pool, q: SourceQuery): Promise<{ rows: number; current: number }> {
  const fixed = q.where ? `WHERE ${q.where}` : '';
  const res = await pool.query<{ rows: number; current: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.amend_id = f.current_amend_id)::int AS current
       FROM ${q.table} t JOIN filings f ON f.filing_id = t.filing_id ${fixed}`,
  );
  return res.rows[0]!;
}

// ------------------------------------------------------------------ filers

const FILER_SELECT = `SELECT fl.filer_id, fl.xref_filer_id, fl.name, fl.name_source, fl.filer_type, fl.status,
    fl.city, fl.st, fl.zip4, fl.effect_dt,
    (SELECT array_agg(DISTINCT nullif(concat_ws(' ', n.namf, n.naml), '')) FROM filer_names n WHERE n.filer_id = fl.filer_id) AS names,
    (SELECT count(DISTINCT v.filing_id) FROM filing_versions v WHERE v.filer_id = fl.filer_id)::int AS filing_count
  FROM filers fl`;

export async function* streamFilerRows(pool: pg.Pool, pageSize = 5_000): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const res = await pool.query<Row>(`${FILER_SELECT} WHERE fl.filer_id > $1 ORDER BY fl.filer_id LIMIT ${pageSize}`, [after]);
    if (res.rows.length === 0) return;
    yield res.rows;
    after = res.rows[res.rows.length - 1]!['filer_id'] as string;
    if (res.rows.length < pageSize) return;
  }
}

export async function filerRowsByIds(pool: pg.Pool, filerIds: readonly string[]): Promise<Row[]> {
  if (filerIds.length === 0) return [];
  return (await pool.query<Row>(`${FILER_SELECT} WHERE fl.filer_id = ANY($1::text[])`, [filerIds])).rows;
}

export async function countFilers(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM filers')).rows[0]!.n;
}

/** Filings whose documents show this filer's name (it filed them). */
export async function filingIdsOfFilers(pool: pg.Pool, filerIds: readonly string[]): Promise<number[]> {
  if (filerIds.length === 0) return [];
  const res = await pool.query<{ filing_id: number }>('SELECT DISTINCT filing_id FROM filing_versions WHERE filer_id = ANY($1::text[])', [filerIds]);
  return res.rows.map((r) => r.filing_id);
}

// ------------------------------------------------------------------ filings

/** Filing versions `v` (the table, or a subquery of a page of it: joined after the limit,
 *  as sourceSql says why) with their filing, filer and cover dates, each looked up by its
 *  key (LATERAL ... LIMIT 1): for a page of 5,000 the planner hashed the whole of filings,
 *  and its estimated cost also turned on JIT compilation, for each page. */
const filingSelect = (versions: string): string => `SELECT v.filing_id, v.amend_id, v.has_cover, v.cover_table, v.form_type,
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

export async function* streamFilingRows(pool: pg.Pool, pageSize = 1_000): AsyncGenerator<Row[]> {
  let after: [number, number] = [-1, -1];
  for (;;) {
    const page = `(SELECT * FROM filing_versions v WHERE (v.filing_id, v.amend_id) > ($1::int, $2::int) ORDER BY v.filing_id, v.amend_id LIMIT ${pageSize})`;
    const res = await pool.query<Row>(`${filingSelect(page)} ORDER BY v.filing_id, v.amend_id`, after);
    if (res.rows.length === 0) return;
    yield res.rows;
    const last = res.rows[res.rows.length - 1]!;
    after = [last['filing_id'] as number, last['amend_id'] as number];
    if (res.rows.length < pageSize) return;
  }
}

export async function filingRowsByIds(pool: pg.Pool, filingIds: readonly number[]): Promise<Row[]> {
  if (filingIds.length === 0) return [];
  return (await pool.query<Row>(`${filingSelect('filing_versions')} WHERE v.filing_id = ANY($1::int[])`, [filingIds])).rows;
}

export async function countFilingVersions(pool: pg.Pool): Promise<{ rows: number; current: number }> {
  const res = await pool.query<{ rows: number; current: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE v.amend_id = f.current_amend_id)::int AS current
       FROM filing_versions v JOIN filings f USING (filing_id)`,
  );
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

export async function readChanges(pool: pg.Pool | pg.ClientBase, after: string, limit: number): Promise<ChangeEntry[]> {
  const res = await pool.query<ChangeEntry>(
    // Ordered by the bigint column, qualified: a bare `seq` here would name the text output
    // column, and '100000' sorts before '25448' — a batch would skip every seq in between.
    `SELECT seq::text AS seq, extract(epoch FROM now() - changed_at)::float8 AS age_seconds, table_name, op, filing_id, amend_id, row_key FROM change_log WHERE seq > $1::bigint ORDER BY change_log.seq LIMIT $2`,
    [after, limit],
  );
  return res.rows;
}

export async function lastChangeSeq(pool: pg.Pool): Promise<string> {
  return (await pool.query<{ s: string }>('SELECT coalesce(max(seq), 0)::text AS s FROM change_log')).rows[0]!.s;
}

export async function changeLag(pool: pg.Pool, checkpoint: string): Promise<{ changes: number; seconds: number }> {
  const res = await pool.query<{ changes: number; seconds: number | null }>(
    `SELECT count(*)::int AS changes, extract(epoch FROM now() - min(changed_at))::float8 AS seconds FROM change_log WHERE seq > $1::bigint`,
    [checkpoint],
  );
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

export async function getIndexStates(pool: pg.Pool): Promise<Map<string, IndexState>> {
  const res = await pool.query<IndexState>('SELECT kind, generation, index_name, checkpoint::text FROM search_index_state');
  return new Map(res.rows.map((r) => [r.kind, r]));
}

/** Moves a kind's checkpoint forward, never back. */
export async function advanceCheckpoint(pool: pg.Pool, kind: string, seq: string): Promise<void> {
  await pool.query(
    `INSERT INTO search_index_state (kind, checkpoint) VALUES ($1, $2::bigint)
     ON CONFLICT (kind) DO UPDATE SET checkpoint = GREATEST(search_index_state.checkpoint, EXCLUDED.checkpoint), updated_at = now()`,
    [kind, seq],
  );
}

export async function recordRebuild(pool: pg.Pool, kind: string, generation: number, indexName: string, checkpoint: string): Promise<void> {
  await pool.query(
    `INSERT INTO search_index_state (kind, generation, index_name, checkpoint, rebuilt_at) VALUES ($1, $2, $3, $4::bigint, now())
     ON CONFLICT (kind) DO UPDATE SET generation = EXCLUDED.generation, index_name = EXCLUDED.index_name,
       checkpoint = GREATEST(search_index_state.checkpoint, EXCLUDED.checkpoint), rebuilt_at = now(), updated_at = now()`,
    [kind, generation, indexName, checkpoint],
  );
}

export async function recordIndexFailure(pool: pg.Pool, kind: string, docId: string, seq: string | null, error: string): Promise<void> {
  await pool.query('INSERT INTO search_index_failures (kind, doc_id, seq, error) VALUES ($1, $2, $3::bigint, $4)', [kind, docId, seq, error]);
}
