// SQL of the CAL-ACCESS import: staging tables, COPY, and the merge of a staged file into
// the filing database in one transaction (data rows, filing versions, current amendments,
// filers, change log). Table and column names come from the source-table spec and the
// catalog, never from input; they are still quoted.
//
// Raw on one pg client, on purpose: COPY (pg-copy-streams), session-local staging tables
// and settings, and transactions of many statements all need the same connection, which
// kysely's pool-level execution does not give. Every statement that returns rows says
// their shape (query<{...}>).
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SourceTableSpec } from '../import/source-tables.js';
import type { ColumnKind } from '../import/value-parsers.js';

export interface TableColumn {
  name: string;
  kind: ColumnKind;
}

/** Columns every source table adds to the file's own. */
export const BOOKKEEPING_COLUMNS = ['row_hash', 'odd_dates', 'source_line'] as const;

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const KIND_BY_TYPE: Record<string, ColumnKind> = {
  text: 'text',
  integer: 'integer',
  numeric: 'numeric',
  date: 'date',
  'timestamp without time zone': 'timestamp',
};

/** The file's columns of a source table, in table order, typed from the catalog. */
export async function describeSourceTable(client: pg.ClientBase, table: string): Promise<TableColumn[]> {
  const res = await client.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  if (res.rows.length === 0) throw new Error(`table ${table} does not exist; run "disclosure db migrate"`);
  return res.rows
    .filter((r) => !(BOOKKEEPING_COLUMNS as readonly string[]).includes(r.column_name))
    .map((r) => {
      const kind = KIND_BY_TYPE[r.data_type];
      if (!kind) throw new Error(`${table}.${r.column_name} has unsupported type ${r.data_type}`);
      return { name: r.column_name, kind };
    });
}

export const stagingName = (table: string): string => `stg_${table}`;

/** An empty session-local staging table shaped like the target. */
export async function prepareStaging(client: pg.ClientBase, table: string): Promise<void> {
  const stg = ident(stagingName(table));
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${stg} (LIKE ${ident(table)} INCLUDING DEFAULTS)`);
  await client.query(`TRUNCATE ${stg}`);
}

/** COPY into `target` (a staging table, or the table itself on a direct first load). */
export function copyInto(client: pg.ClientBase, target: string, columns: readonly string[]): Writable {
  // An empty field is NULL, as in the export itself.
  const sql = `COPY ${ident(target)} (${columns.map(ident).join(', ')}) FROM STDIN WITH (FORMAT text, NULL '')`;
  return client.query(copyFrom(sql));
}

export interface MergeResult {
  /** data rows inserted or changed */
  changed: number;
  /** staged rows that repeated the key of a later line of the same file (the later wins) */
  duplicates: number;
  /** filings whose current version moved */
  currentChanged: number;
  changeLogEntries: number;
}

export function keyColumns(spec: SourceTableSpec): string[] {
  return spec.key.length > 0 ? [...spec.key] : ['row_hash'];
}

/**
 * The statement that upserts the staged rows and logs the changed ones. Pure.
 * Without `dedupe` it reads the staging table as it is, which PostgreSQL refuses (21000)
 * when two lines share a key; the caller then runs it again with `dedupe`, where the
 * later line of the file wins. Most files have no repeated key and skip that sort.
 */
export function buildMergeSql(spec: SourceTableSpec, columns: readonly TableColumn[], dedupe = true): string {
  const t = ident(spec.table);
  const stg = ident(stagingName(spec.table));
  const key = keyColumns(spec);
  const keyList = key.map(ident).join(', ');
  const names = columns.map((c) => c.name);
  const insertCols = [...names, ...(spec.key.length === 0 ? ['row_hash'] : []), 'odd_dates', 'source_line'];
  const dataCols = [...names.filter((n) => !key.includes(n)), 'odd_dates'];
  const set = [...dataCols, 'source_line'].map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ');
  const distinct = dataCols.length
    ? `WHERE (${dataCols.map((c) => `t.${ident(c)}`).join(', ')}) IS DISTINCT FROM (${dataCols.map((c) => `EXCLUDED.${ident(c)}`).join(', ')})`
    : 'WHERE false';
  const conflict = dataCols.length ? `DO UPDATE SET ${set} ${distinct}` : 'DO NOTHING';
  const hasFiling = names.includes('filing_id');
  const amendCol = spec.role === 'index' ? 'filing_sequence' : 'amend_id';
  const filingScoped = hasFiling && names.includes(amendCol);
  let returning: string;
  let log: string;
  if (filingScoped) {
    returning = `t.filing_id, t.${ident(amendCol)} AS amend_id`;
    log = `SELECT '${spec.table}', 'upsert', filing_id, amend_id, NULL FROM up GROUP BY filing_id, amend_id`;
  } else {
    const rowKey = names.includes('filer_id')
      ? 't.filer_id'
      : spec.key.length > 0
        ? `concat_ws('|', ${spec.key.map((k) => `t.${ident(k)}`).join(', ')})`
        : 't.row_hash::text';
    returning = `${rowKey} AS row_key`;
    log = `SELECT '${spec.table}', 'upsert', NULL::integer, NULL::integer, row_key FROM up GROUP BY row_key`;
  }
  return `
    WITH src AS (
      ${dedupe ? `SELECT DISTINCT ON (${keyList}) * FROM ${stg} ORDER BY ${keyList}, source_line DESC` : `SELECT * FROM ${stg}`}
    ), up AS (
      INSERT INTO ${t} AS t (${insertCols.map(ident).join(', ')})
      SELECT ${insertCols.map(ident).join(', ')} FROM src
      ON CONFLICT (${keyList}) ${conflict}
      RETURNING ${returning}
    ), logged AS (
      INSERT INTO change_log (table_name, op, filing_id, amend_id, row_key) ${log}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM up)::int AS changed, (SELECT count(*) FROM logged)::int AS logged`;
}

/** Registers every (filing, amendment) the staged file mentions. Pure. */
export function buildVersionsSql(spec: SourceTableSpec, columns: readonly TableColumn[], source = stagingName(spec.table)): string | null {
  const names = columns.map((c) => c.name);
  const amendCol = spec.role === 'index' ? 'filing_sequence' : 'amend_id';
  if (spec.role === 'ref' || !names.includes('filing_id') || !names.includes(amendCol)) return null;
  const stg = ident(source);
  const isCover = spec.role === 'cover';
  const formCol = spec.role === 'index' ? 'form_id' : names.includes('form_type') ? 'form_type' : null;
  const filerCol = names.includes('filer_id') ? 'filer_id' : null;
  // GROUP BY (a hash aggregate) rather than DISTINCT ON (a sort): a version has one
  // cover, so max() picks its form and filer; schedule rows carry no form or filer here.
  const select = `SELECT filing_id, ${ident(amendCol)} AS amend_id,
      ${isCover} AS has_cover, ${isCover ? `'${spec.table}'` : 'NULL'} AS cover_table,
      ${formCol && spec.role !== 'rows' ? `max(${ident(formCol)})` : 'NULL'} AS form_type,
      ${filerCol && spec.role !== 'rows' ? `max(${ident(filerCol)})` : 'NULL'} AS filer_id
    FROM ${stg} WHERE filing_id IS NOT NULL AND ${ident(amendCol)} IS NOT NULL
    GROUP BY filing_id, ${ident(amendCol)}`;
  // A cover states the version's form and filer; the filing index fills them only where
  // no cover did; schedule rows only make the version known.
  const onConflict = isCover
    ? `DO UPDATE SET has_cover = true, cover_table = EXCLUDED.cover_table, form_type = EXCLUDED.form_type, filer_id = EXCLUDED.filer_id
       WHERE (v.has_cover, v.cover_table, v.form_type, v.filer_id) IS DISTINCT FROM (true, EXCLUDED.cover_table, EXCLUDED.form_type, EXCLUDED.filer_id)`
    : spec.role === 'index'
      ? `DO UPDATE SET form_type = coalesce(v.form_type, EXCLUDED.form_type), filer_id = coalesce(v.filer_id, EXCLUDED.filer_id)
       WHERE NOT v.has_cover AND (v.form_type IS NULL OR v.filer_id IS NULL)
         AND (v.form_type, v.filer_id) IS DISTINCT FROM (coalesce(v.form_type, EXCLUDED.form_type), coalesce(v.filer_id, EXCLUDED.filer_id))`
      : 'DO NOTHING';
  // The filings whose versions changed are kept for the current-version step: on a
  // re-import nothing changes and that step has nothing to do.
  return `WITH changed AS (
      INSERT INTO filing_versions AS v (filing_id, amend_id, has_cover, cover_table, form_type, filer_id)
      ${select}
      ON CONFLICT (filing_id, amend_id) ${onConflict}
      RETURNING v.filing_id
    )
    INSERT INTO ${ident(TOUCHED_FILINGS)} SELECT DISTINCT filing_id FROM changed`;
}

/** Session-local list of the filings whose versions the current file changed. */
export const TOUCHED_FILINGS = 'touched_filings';

/**
 * Decides the current version of every filing the staged file touched: the highest
 * AMEND_ID that has a cover record, or, where no version has one, the highest seen.
 * Marks the others superseded and logs filings whose current version moved. Pure.
 */
export function buildCurrentVersionSql(): string {
  return `
    WITH touched AS (
      SELECT filing_id FROM ${ident(TOUCHED_FILINGS)}
    ), agg AS (
      SELECT v.filing_id,
             coalesce(max(v.amend_id) FILTER (WHERE v.has_cover), max(v.amend_id)) AS cur,
             bool_or(v.has_cover) AS has_cover, count(*)::int AS n
        FROM filing_versions v JOIN touched USING (filing_id) GROUP BY v.filing_id
    ), prev AS (
      SELECT f.filing_id, f.current_amend_id FROM filings f JOIN touched USING (filing_id)
    ), up AS (
      INSERT INTO filings AS f (filing_id, current_amend_id, has_cover, version_count)
      SELECT filing_id, cur, has_cover, n FROM agg
      ON CONFLICT (filing_id) DO UPDATE
        SET current_amend_id = EXCLUDED.current_amend_id, has_cover = EXCLUDED.has_cover, version_count = EXCLUDED.version_count
        WHERE (f.current_amend_id, f.has_cover, f.version_count) IS DISTINCT FROM (EXCLUDED.current_amend_id, EXCLUDED.has_cover, EXCLUDED.version_count)
      RETURNING f.filing_id, f.current_amend_id
    ), moved AS (
      SELECT up.filing_id, up.current_amend_id FROM up LEFT JOIN prev USING (filing_id)
       WHERE prev.current_amend_id IS DISTINCT FROM up.current_amend_id
    ), sup AS (
      UPDATE filing_versions v SET superseded = (v.amend_id <> a.cur)
        FROM agg a WHERE v.filing_id = a.filing_id AND v.superseded IS DISTINCT FROM (v.amend_id <> a.cur)
    ), logged AS (
      INSERT INTO change_log (table_name, op, filing_id, amend_id)
      SELECT 'filings', 'current_changed', filing_id, current_amend_id FROM moved
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM logged)::int AS moved`;
}

/** Keeps `filers` in step with FILERS_CD, FILERNAME_CD and the names typed on covers. Pure. */
export function buildFilersSql(spec: SourceTableSpec, columns: readonly TableColumn[], source = stagingName(spec.table)): string | null {
  const names = new Set(columns.map((c) => c.name));
  const stg = ident(source);
  const logAndCount = `, logged AS (
      INSERT INTO change_log (table_name, op, row_key) SELECT 'filers', 'upsert', filer_id FROM up RETURNING 1
    ) SELECT (SELECT count(*) FROM logged)::int AS n`;
  if (spec.table === 'filer_ids') {
    return `WITH up AS (
      INSERT INTO filers (filer_id, name_source) SELECT DISTINCT filer_id, 'none' FROM ${stg}
      ON CONFLICT (filer_id) DO NOTHING RETURNING filer_id
    )${logAndCount}`;
  }
  if (spec.table === 'filer_names') {
    // The latest name row (by effective date, then file position) is the display name.
    return `WITH touched AS (
      SELECT DISTINCT filer_id FROM ${stg} WHERE filer_id IS NOT NULL
    ), latest AS (
      SELECT DISTINCT ON (n.filer_id) n.* FROM filer_names n JOIN touched USING (filer_id)
       ORDER BY n.filer_id, n.effect_dt DESC NULLS LAST, n.source_line DESC
    ), up AS (
      INSERT INTO filers AS f (filer_id, xref_filer_id, name, name_source, filer_type, status, city, st, zip4, effect_dt)
      SELECT filer_id, xref_filer_id, nullif(concat_ws(' ', namt, namf, naml, nams), ''), 'filer_names',
             filer_type, status, city, st, zip4, effect_dt
        FROM latest
      ON CONFLICT (filer_id) DO UPDATE SET xref_filer_id = EXCLUDED.xref_filer_id, name = EXCLUDED.name,
        name_source = EXCLUDED.name_source, filer_type = EXCLUDED.filer_type, status = EXCLUDED.status,
        city = EXCLUDED.city, st = EXCLUDED.st, zip4 = EXCLUDED.zip4, effect_dt = EXCLUDED.effect_dt
        WHERE (f.xref_filer_id, f.name, f.name_source, f.filer_type, f.status, f.city, f.st, f.zip4, f.effect_dt)
          IS DISTINCT FROM (EXCLUDED.xref_filer_id, EXCLUDED.name, EXCLUDED.name_source, EXCLUDED.filer_type,
                            EXCLUDED.status, EXCLUDED.city, EXCLUDED.st, EXCLUDED.zip4, EXCLUDED.effect_dt)
      RETURNING f.filer_id
    )${logAndCount}`;
  }
  if (spec.role === 'cover' && names.has('filer_id') && names.has('filer_naml')) {
    // A filer with no name gets the name typed on its latest cover; a name from
    // FILERNAME_CD always wins. Only a nameless filer is filled, so the several cover
    // tables never take turns renaming the same filer on every run.
    const namf = names.has('filer_namf') ? 'filer_namf' : 'NULL';
    return `WITH named AS (
      SELECT DISTINCT ON (filer_id) filer_id, nullif(concat_ws(' ', ${namf}, filer_naml), '') AS name
        FROM ${stg} WHERE filer_id IS NOT NULL ORDER BY filer_id, filing_id DESC, amend_id DESC
    ), up AS (
      INSERT INTO filers AS f (filer_id, name, name_source) SELECT filer_id, name, 'cover' FROM named
      ON CONFLICT (filer_id) DO UPDATE SET name = EXCLUDED.name, name_source = 'cover'
        WHERE f.name_source = 'none' AND EXCLUDED.name IS NOT NULL
      RETURNING f.filer_id
    )${logAndCount}`;
  }
  return null;
}

type Timed = <R extends pg.QueryResultRow>(step: string, text: string) => Promise<pg.QueryResult<R>>;

/** Runs a statement and records how long it took under `step`. */
function timer(client: pg.ClientBase, timings: Record<string, number>): Timed {
  return async <R extends pg.QueryResultRow>(step: string, text: string): Promise<pg.QueryResult<R>> => {
    const t = performance.now();
    const r = await client.query<R>(text);
    timings[step] = Math.round(performance.now() - t);
    return r;
  };
}

/**
 * The bookkeeping after a file's rows are in (from `source`: the staging table, or the
 * table itself after a direct load): filing versions, current amendments, filers.
 */
async function recordVersionsAndFilers(
  client: pg.ClientBase,
  spec: SourceTableSpec,
  columns: readonly TableColumn[],
  source: string,
  timed: Timed,
): Promise<{ currentChanged: number; logged: number }> {
  let currentChanged = 0;
  let logged = 0;
  const versions = buildVersionsSql(spec, columns, source);
  if (versions) {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${ident(TOUCHED_FILINGS)} (filing_id integer PRIMARY KEY)`);
    await client.query(`TRUNCATE ${ident(TOUCHED_FILINGS)}`);
    await timed('versions', versions);
    currentChanged = (await timed<{ moved: number }>('current', buildCurrentVersionSql())).rows[0]?.moved ?? 0;
    logged += currentChanged;
  }
  const filers = buildFilersSql(spec, columns, source);
  if (filers) logged += (await timed<{ n: number }>('filers', filers)).rows[0]?.n ?? 0;
  return { currentChanged, logged };
}

/**
 * Merges the staged file in one transaction. The change log is locked first so that
 * its sequence order is commit order (see the migration).
 */
export async function mergeStaged(
  client: pg.ClientBase,
  spec: SourceTableSpec,
  columns: readonly TableColumn[],
  timings: Record<string, number> = {},
): Promise<MergeResult> {
  const timed = timer(client, timings);
  const key = keyColumns(spec).map(ident).join(', ');
  const stg = ident(stagingName(spec.table));
  await client.query('BEGIN');
  try {
    await client.query('LOCK TABLE change_log IN EXCLUSIVE MODE');
    let duplicates = 0;
    let merged: pg.QueryResult<{ changed: number; logged: number }>;
    await client.query('SAVEPOINT merge');
    try {
      merged = await timed('merge', buildMergeSql(spec, columns, false));
    } catch (err) {
      // 21000: ON CONFLICT DO UPDATE met the same key twice in one statement.
      if ((err as { code?: string }).code !== '21000') throw err;
      await client.query('ROLLBACK TO SAVEPOINT merge');
      const dup = await timed<{ duplicates: number }>('duplicates', `SELECT (count(*) - count(DISTINCT (${key})))::int AS duplicates FROM ${stg}`);
      duplicates = dup.rows[0]?.duplicates ?? 0;
      merged = await timed('merge_dedupe', buildMergeSql(spec, columns, true));
    }
    const book = await recordVersionsAndFilers(client, spec, columns, stagingName(spec.table), timed);
    await timed('commit', 'COMMIT');
    return { changed: merged.rows[0]?.changed ?? 0, duplicates, currentChanged: book.currentChanged, changeLogEntries: (merged.rows[0]?.logged ?? 0) + book.logged };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

/** Change-log entries for every row of a table that was empty before this load. Pure. */
export function buildDirectChangeLogSql(spec: SourceTableSpec, columns: readonly TableColumn[]): string {
  const names = columns.map((c) => c.name);
  const amendCol = spec.role === 'index' ? 'filing_sequence' : 'amend_id';
  const t = ident(spec.table);
  if (names.includes('filing_id') && names.includes(amendCol)) {
    return `INSERT INTO change_log (table_name, op, filing_id, amend_id)
      SELECT '${spec.table}', 'upsert', filing_id, ${ident(amendCol)} FROM ${t} GROUP BY filing_id, ${ident(amendCol)}`;
  }
  const rowKey = names.includes('filer_id') ? 'filer_id' : `concat_ws('|', ${keyColumns(spec).map(ident).join(', ')})`;
  return `INSERT INTO change_log (table_name, op, row_key) SELECT '${spec.table}', 'upsert', ${rowKey} FROM ${t} GROUP BY 1, 2, 3`;
}

/**
 * First load of a large file into an empty table: COPY straight into the table inside
 * one transaction, with its primary key dropped during the COPY and built again after
 * (one sort instead of a million index insertions), instead of staging and merging.
 * Returns false, with nothing changed, when the table is not empty. The transaction
 * stays open: finishDirectLoad commits it; on any error the caller rolls back.
 */
export async function beginDirectLoad(client: pg.ClientBase, spec: SourceTableSpec): Promise<boolean> {
  const t = ident(spec.table);
  await client.query('BEGIN');
  await client.query('LOCK TABLE change_log IN EXCLUSIVE MODE');
  await client.query(`LOCK TABLE ${t} IN ACCESS EXCLUSIVE MODE`);
  const empty = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM ${t}) AS empty`);
  if (!empty.rows[0]?.empty) {
    await client.query('ROLLBACK');
    return false;
  }
  await client.query(`ALTER TABLE ${t} DROP CONSTRAINT ${ident(`${spec.table}_pkey`)}`);
  return true;
}

/** Rebuilds the key (23505 if a key repeats: the caller falls back to staging), then does
 *  the bookkeeping of mergeStaged from the table itself, and commits. */
export async function finishDirectLoad(
  client: pg.ClientBase,
  spec: SourceTableSpec,
  columns: readonly TableColumn[],
  loaded: number,
  timings: Record<string, number> = {},
): Promise<MergeResult> {
  const timed = timer(client, timings);
  await timed('primary_key', `ALTER TABLE ${ident(spec.table)} ADD CONSTRAINT ${ident(`${spec.table}_pkey`)} PRIMARY KEY (${keyColumns(spec).map(ident).join(', ')})`);
  const logged = (await timed('change_log', buildDirectChangeLogSql(spec, columns))).rowCount ?? 0;
  const book = await recordVersionsAndFilers(client, spec, columns, spec.table, timed);
  await timed('commit', 'COMMIT');
  return { changed: loaded, duplicates: 0, currentChanged: book.currentChanged, changeLogEntries: logged + book.logged };
}

/**
 * Settings of the import's own session: memory for the merge's hash aggregates and
 * sorts, temp buffers for the staging tables (set before the first temp table is made),
 * and commits that do not wait for the WAL flush (a crash can lose only the last
 * commits, never corrupt; the import is re-runnable and idempotent).
 */
export async function configureImportSession(client: pg.ClientBase): Promise<void> {
  await client.query(`SET work_mem = '256MB'; SET temp_buffers = '512MB'; SET synchronous_commit = off`);
}

export async function startImportRun(client: pg.ClientBase, source: string): Promise<string> {
  const res = await client.query<{ id: string }>(`INSERT INTO import_runs (source, status) VALUES ($1, 'running') RETURNING id`, [source]);
  return res.rows[0]!.id;
}

export async function finishImportRun(client: pg.ClientBase, id: string, status: 'finished' | 'failed', report: unknown): Promise<void> {
  await client.query(`UPDATE import_runs SET status = $2, finished_at = now(), report = $3 WHERE id = $1`, [id, status, JSON.stringify(report)]);
}
