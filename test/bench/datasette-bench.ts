// Benchmark of the search API against Datasette (SQLite, FTS5), the tool a data journalist
// reaches for, on the same data, measured in the same run:
//  - data: a generated export of 1 million contributions (seed 1, dirty rate 0.002),
//    imported into a fresh database, then `rebuildKind` for contributions, filers and
//    filings under a unique index prefix (as search-bench does);
//  - the same current contributions streamed out of PostgreSQL (COPY ... TO STDOUT, CSV)
//    into the sqlite3 CLI (.import), then `sqlite-utils enable-fts` over the names, employer,
//    occupation and city (FTS5) and an index on each column filtered or faceted on;
//  - Datasette in a python venv (<cache>/bench/datasette-venv, made with pip when missing),
//    `datasette serve --immutable` on 127.0.0.1 (immutable: as `datasette publish` serves;
//    suggested facets off, time limits raised so that it never skips a facet);
//  - the API as users start it, `node dist/src/cli/main.js serve`, rate limits off;
//  - requests (both targets get the same ones, in the same order):
//      name:     q=<name> with facets year, state, entity_type and 50 rows
//                (Datasette: _search=<name>&_facet=year&_facet=state&_facet=entity_type&_size=50);
//      filtered: city + min amount + year, largest amount first, same facets, 50 rows
//                (Datasette: city=..&amount__gte=..&year=..&_sort_desc=amount);
//    names are last names or "First Last" of people in the data, half and half at random,
//    never twice to an API (its answer cache), the same sequence to every target;
//  - closed-loop clients (undici pools, in this process) at 1 and 4 clients; per level and
//    search a warm-up, then --rounds interleaved slices of --seconds each per target
//    (API then Datasette, Datasette then API, ...);
//  - Elasticsearch CPU per request from `_nodes/stats` process cpu before/after each slice
//    (in a Datasette slice it shows what others made Elasticsearch do meanwhile), and the
//    CPU of the API and Datasette processes from /proc.
// Usage (services up, project built):
//   node dist/test/bench/datasette-bench.js [--rows 1000000] [--seconds 10] [--rounds 4] [--warmup-seconds 3]
//     [--levels 1,4] [--only name,filtered] [--keep] [--reuse DB/PREFIX] [--baseline-cli PATH]
// --keep leaves the database, indices and SQLite file in place and prints the --reuse value
// that reruns on them without the import, rebuild and SQLite load (--reuse never drops them;
// its SQLite file is made when missing). The export is cached in <cache>/bench/export-<rows>-seed1
// (shared with search-bench and index-bench). --baseline-cli PATH also starts the API of
// another build (the CLI's main.js) on the same data, measured as a third target ("before").
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Pool } from 'undici';
import { aliasName } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { loadConfig } from '../../src/config.js';
import { importCalaccess } from '../../src/import/importer.js';
import { createLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { cachedExport, parseReuse, runBenchmark } from '../support/bench-run.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from '../support/test-db.js';
import { deleteIndices } from '../support/test-search.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../src/cli/main.js');
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');
const DIRTY_RATE = 0.002;
const SEED = 1;
const FACETS = ['year', 'state', 'entity_type'] as const;
const PAGE = 50;
const HTTP_TIMEOUT_MS = 30_000;
const AMOUNTS = [50, 100, 150, 200, 250, 300, 500, 750, 1000, 1500, 2000, 2500, 5000];
const GOAL_ES_CPU_MS = 10;

const TYPES = ['name', 'filtered'] as const;
type SearchType = (typeof TYPES)[number];
const TYPE_LABELS: Record<SearchType, string> = {
  name: `name search, facets ${FACETS.join(',')}, ${PAGE} rows`,
  filtered: `city + min amount + year, largest first, facets, ${PAGE} rows`,
};
/** before: the API of another build (--baseline-cli), on the same data, for a before/after in one run. */
type Target = 'api' | 'datasette' | 'before';

const fmt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const ms = (n: number): string => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) : '-');
const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, t)));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(a: T[], rng: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ------------------------------------------------------------------ data

/** The current contributions as Datasette gets them: one flat table. */
const SQLITE_COLUMNS = `contributor_name TEXT, contributor_last TEXT, employer TEXT, occupation TEXT, city TEXT, state TEXT, entity_type TEXT,
  amount REAL, date TEXT, year INTEGER, recipient_id TEXT, recipient_name TEXT`;
const EXPORT_SQL = `SELECT concat_ws(' ', nullif(trim(c.ctrib_namf), ''), nullif(trim(c.ctrib_naml), '')) AS contributor_name,
    trim(c.ctrib_naml), trim(c.ctrib_emp), trim(c.ctrib_occ), trim(c.ctrib_city), trim(c.ctrib_st), c.entity_cd,
    c.amount, c.rcpt_date, extract(year FROM c.rcpt_date)::int, fv.filer_id, fl.name
  FROM contributions c
  JOIN filings f ON f.filing_id = c.filing_id AND f.current_amend_id = c.amend_id
  LEFT JOIN filing_versions fv ON fv.filing_id = c.filing_id AND fv.amend_id = c.amend_id
  LEFT JOIN filers fl ON fl.filer_id = fv.filer_id`;
const FTS_COLUMNS = ['contributor_name', 'recipient_name', 'employer', 'occupation', 'city'];
const INDEXED = ['city', 'year', 'state', 'entity_type', 'amount', 'recipient_id'];

const ensureExport = (rows: number, cacheDir: string): Promise<{ dir: string; temporary: boolean }> =>
  cachedExport({ rows, cacheDir, seed: SEED, dirtyRate: DIRTY_RATE, sampleDir: SAMPLE });

function run(cmd: string, args: string[], opts: { input?: NodeJS.ReadableStream } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-5_000)));
    if (opts.input) opts.input.pipe(child.stdin!);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** The python venv with datasette and sqlite-utils, made with pip when missing. */
async function ensureVenv(cacheDir: string): Promise<string> {
  const venv = path.join(cacheDir, 'bench', 'datasette-venv');
  const bin = path.join(venv, 'bin');
  if (existsSync(path.join(bin, 'datasette')) && existsSync(path.join(bin, 'sqlite-utils'))) return bin;
  console.log(`making ${venv} (pip install datasette sqlite-utils)`);
  await run('python3', ['-m', 'venv', venv]);
  await run(path.join(bin, 'pip'), ['install', '-q', 'datasette', 'sqlite-utils']);
  return bin;
}

/** The SQLite file, loaded from the database; kept under a name tied to the database. */
async function ensureSqlite(pool: pg.Pool, file: string, bin: string): Promise<number> {
  const count = async (): Promise<number> => Number((await run('sqlite3', [file, 'SELECT count(*) FROM contributions WHERE EXISTS (SELECT 1 FROM bench_done)'])).trim() || 0);
  if (existsSync(file)) {
    const n = await count().catch(() => 0);
    if (n > 0) return n;
    await rm(file, { force: true });
  }
  const tmp = `${file}.tmp-${process.pid}`;
  await rm(tmp, { force: true });
  let t = performance.now();
  await run('sqlite3', [tmp, `PRAGMA journal_mode=OFF; CREATE TABLE contributions (${SQLITE_COLUMNS});`]);
  const client = await pool.connect();
  try {
    const copy = client.query(copyTo(`COPY (${EXPORT_SQL}) TO STDOUT WITH (FORMAT csv)`));
    // Node gives a child a socket, not a pipe, for stdin, which /dev/stdin cannot open:
    // sqlite3 reads it through cat instead.
    const sqlite = spawn('sqlite3', [tmp, '-cmd', 'PRAGMA synchronous=OFF', '.import --csv "|cat" contributions'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    sqlite.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-5_000)));
    const exited = new Promise<number | null>((r) => sqlite.once('exit', (code) => r(code)));
    await pipeline(copy, sqlite.stdin);
    const code = await exited;
    if (code !== 0) throw new Error(`sqlite3 .import exited ${code}: ${err}`);
  } finally {
    client.release();
  }
  // CSV has no NULL: empty text is NULL for Datasette, as in PostgreSQL.
  const nulls = ['contributor_name', 'contributor_last', 'employer', 'occupation', 'city', 'state', 'entity_type', 'amount', 'date', 'year', 'recipient_id', 'recipient_name']
    .map((c) => `UPDATE contributions SET ${c} = NULL WHERE ${c} = '';`)
    .join(' ');
  await run('sqlite3', [tmp, nulls]);
  console.log(`SQLite: current contributions copied from PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await run(path.join(bin, 'sqlite-utils'), ['enable-fts', tmp, 'contributions', ...FTS_COLUMNS, '--fts5']);
  for (const c of INDEXED) await run(path.join(bin, 'sqlite-utils'), ['create-index', tmp, 'contributions', c]);
  await run('sqlite3', [tmp, 'ANALYZE; CREATE TABLE bench_done (at TEXT); INSERT INTO bench_done VALUES (datetime());']);
  console.log(`SQLite: FTS5 over ${FTS_COLUMNS.join(', ')} and indexes on ${INDEXED.join(', ')} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await rename(tmp, file);
  return count();
}

interface Pools {
  names: string[];
  lastNameCount: number;
  cities: string[];
  years: number[];
}

async function loadPools(pool: pg.Pool): Promise<Pools> {
  const rng = mulberry32(SEED);
  const q = async (sql: string): Promise<string[]> => (await pool.query<{ v: string }>(sql)).rows.map((r) => r.v);
  const cur = `contributions t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id`;
  const last = shuffle(await q(`SELECT DISTINCT lower(trim(t.ctrib_naml)) AS v FROM ${cur}
     WHERE t.entity_cd = 'IND' AND trim(t.ctrib_naml) ~ '^[A-Za-z][A-Za-z'' -]*[A-Za-z]$' AND length(trim(t.ctrib_naml)) >= 3 ORDER BY 1`), rng);
  const full = shuffle(await q(`SELECT DISTINCT lower(trim(t.ctrib_namf) || ' ' || trim(t.ctrib_naml)) AS v FROM ${cur}
     WHERE t.entity_cd = 'IND' AND trim(t.ctrib_naml) ~ '^[A-Za-z][A-Za-z'' -]*[A-Za-z]$' AND trim(t.ctrib_namf) ~ '^[A-Za-z]{2,}$' ORDER BY 1`), rng);
  // Cities as most often spelled, with enough rows to make a filtered search worth a page.
  const cities = shuffle(await q(`SELECT mode() WITHIN GROUP (ORDER BY trim(t.ctrib_city)) AS v FROM ${cur}
     WHERE trim(t.ctrib_city) ~ '^[A-Za-z][A-Za-z .''-]*[A-Za-z]$' GROUP BY lower(trim(t.ctrib_city)) HAVING count(*) >= 200 ORDER BY 1`), rng);
  const years = (await q(`SELECT extract(year FROM t.rcpt_date)::int::text AS v FROM ${cur} WHERE t.rcpt_date IS NOT NULL GROUP BY 1 HAVING count(*) >= 1000 ORDER BY 1`)).map(Number);
  // Capitalised as people type them; the two targets get the same text.
  const cap = (s: string): string => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return { names: [...last, ...full].map(cap), lastNameCount: last.length, cities, years };
}

// ------------------------------------------------------------------ requests

interface Drawn {
  api: string;
  datasette: string;
}

/**
 * The requests of the run, per search, as one sequence: each slice is given the same next
 * part of it for every target, and only what the API targets took of it counts as used
 * (the API's answer cache must never see a search twice; Datasette, with no cache, may take
 * further and meet those requests again in the next slice). Names are a last name or a
 * "First Last" at random, in the same proportion in any part of the sequence, so a target
 * that takes more requests gets no easier ones.
 */
class Requests {
  private readonly seq: Record<SearchType, Drawn[]> = { name: [], filtered: [] };
  private readonly cursor: Record<SearchType, number> = { name: 0, filtered: 0 };
  private lastIdx = 0;
  private fullIdx = 0;
  private readonly usedFiltered = new Set<string>();
  private readonly rng = mulberry32(SEED + 1);
  constructor(
    private readonly pools: Pools,
    private readonly dbName: string,
  ) {}

  get namesUsed(): number {
    return this.cursor.name;
  }

  get lastNamesUsed(): number {
    return this.seq.name.slice(0, this.cursor.name).filter((d) => !d.api.includes('%20')).length;
  }

  /** The next n requests, the same for every target. */
  batch(type: SearchType, n: number): Drawn[] {
    const s = this.seq[type];
    while (s.length < this.cursor[type] + n) s.push(this.make(type));
    return s.slice(this.cursor[type], this.cursor[type] + n);
  }

  /** The API targets took this many of the last batch. */
  advance(type: SearchType, used: number): void {
    this.cursor[type] += used;
  }

  private make(type: SearchType): Drawn {
    const facetsApi = `facets=${FACETS.join(',')}&page_size=${PAGE}`;
    const facetsDs = `${FACETS.map((f) => `_facet=${f}`).join('&')}&_size=${PAGE}`;
    if (type === 'name') {
      const lasts = this.pools.lastNameCount;
      const useLast = this.rng() < 0.5 && this.lastIdx < lasts;
      const name = useLast ? this.pools.names[this.lastIdx++] : this.pools.names[lasts + this.fullIdx++];
      if (name === undefined) throw new Error(`ran out of distinct names (${this.pools.names.length}): shorten --seconds or --rounds`);
      const e = encodeURIComponent(name);
      return { api: `/api/v1/contributions?q=${e}&${facetsApi}`, datasette: `/${this.dbName}/contributions.json?_search=${e}&${facetsDs}` };
    }
    let key = '';
    let city = '';
    let amount = 0;
    let year = 0;
    for (let tries = 0; tries < 1000; tries++) {
      city = this.pools.cities[Math.floor(this.rng() * this.pools.cities.length)]!;
      amount = AMOUNTS[Math.floor(this.rng() * AMOUNTS.length)]!;
      year = this.pools.years[Math.floor(this.rng() * this.pools.years.length)]!;
      key = `${city}|${amount}|${year}`;
      if (!this.usedFiltered.has(key)) break;
    }
    if (this.usedFiltered.has(key)) throw new Error('ran out of distinct filtered searches');
    this.usedFiltered.add(key);
    const c = encodeURIComponent(city);
    return {
      api: `/api/v1/contributions?city=${c}&min_amount=${amount}&year=${year}&sort=-amount&${facetsApi}`,
      datasette: `/${this.dbName}/contributions.json?city=${c}&amount__gte=${amount}&year=${year}&_sort_desc=amount&${facetsDs}`,
    };
  }
}

// ------------------------------------------------------------------ servers

interface Server {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function waitFor(port: number, urlPath: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });
  try {
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) break;
      try {
        const res = await pool.request({ path: urlPath, method: 'GET', headersTimeout: 5_000, bodyTimeout: 5_000 });
        await res.body.dump();
        if (res.statusCode === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
  } finally {
    await pool.close();
  }
  throw new Error(`${child.spawnfile} did not start:\n${stderr()}`);
}

function startChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string; stop: () => Promise<void> } {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-20_000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { child, stderr: () => err, stop };
}

const spare = (): number => 20000 + Math.floor(Math.random() * 20000);

async function startApi(env: NodeJS.ProcessEnv, cli = CLI): Promise<Server> {
  const port = spare();
  const parentEnv = { ...process.env };
  delete parentEnv['NODE_OPTIONS'];
  const c = startChild(process.execPath, [cli, 'serve'], { ...parentEnv, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env, PORT: String(port), LOG_LEVEL: 'warn' });
  try {
    await waitFor(port, '/health', c.child, c.stderr);
  } catch (err) {
    await c.stop();
    throw err;
  }
  return { child: c.child, port, stop: c.stop };
}

async function startDatasette(bin: string, file: string): Promise<Server> {
  const port = spare();
  const c = startChild(
    path.join(bin, 'datasette'),
    ['serve', '--immutable', file, '--host', '127.0.0.1', '--port', String(port), '--setting', 'suggest_facets', 'off', '--setting', 'sql_time_limit_ms', '20000', '--setting', 'facet_time_limit_ms', '20000', '--setting', 'max_returned_rows', '1000'],
    { ...process.env },
  );
  try {
    await waitFor(port, `/${path.basename(file, '.db')}/contributions.json?_size=1`, c.child, c.stderr);
  } catch (err) {
    await c.stop();
    throw err;
  }
  return { child: c.child, port, stop: c.stop };
}

/** CPU time of a process in ms, from /proc (user + system, its threads included). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

// ------------------------------------------------------------------ load

interface SliceResult {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  requests: number;
  seconds: number;
  esCpuMs: number;
  serverCpuMs: number;
}

/** Closed loop: `clients` at once over the batch, for `seconds`. */
async function slice(pool: Pool, batch: Drawn[], target: Target, clients: number, seconds: number, check: (target: Target, body: string) => string | null): Promise<Omit<SliceResult, 'esCpuMs' | 'serverCpuMs'> & { used: number }> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let i = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < end && i < batch.length) {
      const r = batch[i++]!;
      const url = target === 'datasette' ? r.datasette : r.api;
      const t = performance.now();
      try {
        const res = await pool.request({ path: url, method: 'GET', headers: { accept: 'application/json' }, headersTimeout: HTTP_TIMEOUT_MS, bodyTimeout: HTTP_TIMEOUT_MS });
        const body = await res.body.text();
        const bad = res.statusCode !== 200 ? `HTTP ${res.statusCode}: ${body.slice(0, 200)}` : check(target, body);
        if (bad) {
          errors++;
          if (errorSamples.length < 3) errorSamples.push(`${url}: ${bad}`);
        } else latencies.push(performance.now() - t);
      } catch (err) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(`${url}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  if (i >= batch.length) throw new Error('a slice used its whole batch: raise the batch size');
  return { latencies, errors, errorSamples, requests: latencies.length + errors, seconds: (performance.now() - start) / 1000, used: i };
}

/** A correct answer has the three facets, computed in full. */
function checkAnswer(target: Target, body: string): string | null {
  let b: Record<string, unknown>;
  try {
    b = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return 'not JSON';
  }
  if (target !== 'datasette') {
    const facets = b['facets'] as Record<string, unknown> | undefined;
    if (!facets || FACETS.some((f) => !(f in facets))) return 'facets missing';
    return null;
  }
  const facets = b['facet_results'] as Record<string, unknown> | undefined;
  const timedOut = b['facets_timed_out'] as unknown[] | undefined;
  if (timedOut && timedOut.length > 0) return `facets timed out: ${timedOut.join(', ')}`;
  const results = facets && 'results' in facets ? (facets['results'] as Record<string, unknown>) : facets;
  if (!results || FACETS.some((f) => !(f in results))) return 'facet_results missing';
  return null;
}

// ------------------------------------------------------------------ main

async function rebuild(db: TestDatabase, prefix: string, es: ReturnType<typeof createSearchClient>, log: ReturnType<typeof createLogger>): Promise<void> {
  for (const kind of ['contributions', 'filers', 'filings'] as const) {
    const t = performance.now();
    const r = await rebuildKind({ es, db: db.db, prefix, log }, kind);
    if (r.failed > 0) throw new Error(`rebuild of ${kind} refused ${r.failed} documents`);
    console.log(`rebuildKind(${kind}): ${fmt(r.docs)} documents in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '4' },
      'warmup-seconds': { type: 'string', default: '3' },
      levels: { type: 'string', default: '1,4' },
      only: { type: 'string', default: TYPES.join(',') },
      keep: { type: 'boolean' },
      reuse: { type: 'string' },
      'baseline-cli': { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const warmupSeconds = Number(values['warmup-seconds']);
  const levels = values.levels.split(',').map(Number);
  const types = values.only.split(',') as SearchType[];
  if (!Number.isInteger(rows) || rows < 1000) throw new Error(`--rows must be a whole number of at least 1000 (got ${values.rows})`);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 120) throw new Error(`--seconds must be from 1 to 120 (got ${values.seconds})`);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error(`--rounds must be from 1 to 20 (got ${values.rounds})`);
  if (!Number.isFinite(warmupSeconds) || warmupSeconds < 0 || warmupSeconds > 60) throw new Error(`--warmup-seconds must be from 0 to 60 (got ${values['warmup-seconds']})`);
  if (levels.some((l) => !Number.isInteger(l) || l < 1 || l > 32)) throw new Error(`--levels must be client counts from 1 to 32 (got ${values.levels})`);
  if (types.some((t) => !TYPES.includes(t))) throw new Error(`--only takes ${TYPES.join(', ')} (got ${values.only})`);
  const reuse = parseReuse(values.reuse);
  const keep = values.keep === true || reuse !== null;
  const config = loadConfig();
  const log = createLogger('warn', { bench: 'datasette' });
  const t0 = performance.now();
  const prefix = reuse ? reuse.prefix : `benchds-${process.pid}-${Date.now().toString(36)}-`;
  const es = createSearchClient(config);
  cleanups.push(() => es.close());
  const loadAtStart = os.loadavg();
  console.log(`datasette benchmark: ${fmt(rows)} contributions, Elasticsearch at ${config.elasticsearchUrl}, index prefix ${prefix}`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString()}`);

  // ---- data: PostgreSQL and Elasticsearch
  const work = path.join(config.cacheDir, 'bench', `datasette-bench-${process.pid}`);
  await mkdir(work, { recursive: true });
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  let db: TestDatabase;
  if (reuse) {
    db = openTestDatabase(reuse.database);
    cleanups.push(() => db.db.close());
    console.log(`reusing database ${reuse.database} and indices ${prefix}* (kept by an earlier --keep run)`);
    // A kept database whose indexing did not finish (or a new prefix): indexed again.
    if (!(await es.indices.existsAlias({ name: aliasName(prefix, 'contributions') }))) await rebuild(db, prefix, es, log);
  } else {
    const exp = await ensureExport(rows, config.cacheDir);
    if (exp.temporary) cleanups.push(() => rm(exp.dir, { recursive: true, force: true }));
    db = await createTestDatabase('bench_ds');
    cleanups.push(() => (keep ? db.db.close() : db.drop()));
    cleanups.push(() => (keep ? Promise.resolve() : deleteIndices(es, prefix)));
    const t = performance.now();
    const imported = await importCalaccess(db.db.pool, { source: exp.dir, rejectsDir: path.join(work, 'rejects'), log });
    console.log(`imported ${exp.dir} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${fmt(imported.totals.loaded)} rows loaded`);
    await rebuild(db, prefix, es, log);
  }
  const alias = aliasName(prefix, 'contributions');
  for (let i = 0; i < 240; i++) {
    const st = await es.indices.stats({ index: `${prefix}*`, metric: 'merge' });
    if ((st._all.total?.merges?.current ?? 0) === 0) break;
    await sleep(500);
  }
  const current = (await es.count({ index: alias, query: { term: { current: true } } })).count;

  // ---- data: SQLite and Datasette
  const bin = await ensureVenv(config.cacheDir);
  const dsName = `bench_${db.name.replace(/[^a-z0-9_]/g, '')}`;
  const sqliteFile = path.join(config.cacheDir, 'bench', `${dsName}.db`);
  if (!keep) cleanups.push(() => rm(sqliteFile, { force: true }));
  const sqliteRows = await ensureSqlite(db.db.pool, sqliteFile, bin);
  const dsVersion = (await run(path.join(bin, 'datasette'), ['--version'])).trim();
  console.log(`${fmt(current)} current contributions in Elasticsearch, ${fmt(sqliteRows)} rows in SQLite (${fmt(Number((await run('stat', ['-c', '%s', sqliteFile])).trim()) / 1e6)} MB); ${dsVersion}`);
  if (keep) console.log(`kept for later runs: --reuse ${db.name}/${prefix} (SQLite ${sqliteFile})`);

  const pools = await loadPools(db.db.pool);
  console.log(`${fmt(pools.lastNameCount)} distinct last names and ${fmt(pools.names.length - pools.lastNameCount)} "First Last" names of people, ${fmt(pools.cities.length)} cities, ${pools.years.length} years`);
  const requests = new Requests(pools, dsName);

  const apiEnv = { DATABASE_URL: db.url, ES_INDEX_PREFIX: prefix, EXPORT_DIR: work };
  const servers = new Map<Target, Server>();
  const api = await startApi(apiEnv);
  cleanups.push(() => api.stop());
  servers.set('api', api);
  const baselineCli = values['baseline-cli'];
  if (baselineCli !== undefined) {
    if (!existsSync(baselineCli)) throw new Error(`--baseline-cli: no ${baselineCli}`);
    const before = await startApi(apiEnv, path.resolve(baselineCli));
    cleanups.push(() => before.stop());
    servers.set('before', before);
    console.log(`before = the API of ${baselineCli}, on the same data`);
  }
  const ds = await startDatasette(bin, sqliteFile);
  cleanups.push(() => ds.stop());
  servers.set('datasette', ds);
  const targets = [...servers.keys()];
  const maxLevel = Math.max(...levels);
  const clientsFor = new Map<Target, Pool>();
  for (const [t, srv] of servers) clientsFor.set(t, new Pool(`http://127.0.0.1:${srv.port}`, { connections: maxLevel, pipelining: 1, keepAliveTimeout: 120_000 }));
  cleanups.push(() => Promise.all([...clientsFor.values()].map((c) => c.close())));
  const esCpu = async (): Promise<number> => {
    const s = await es.nodes.stats({ node_id: '_local', metric: 'process', filter_path: 'nodes.*.process.cpu.total_in_millis' });
    return Object.values(s.nodes ?? {})[0]?.process?.cpu?.total_in_millis ?? NaN;
  };
  // Enough requests for a slice at any speed seen here (a slice that used them all fails).
  const batchSize = (level: number, s: number): number => Math.ceil(s * 300 * Math.max(1, level / 2));
  const warm = async (type: SearchType, level: number): Promise<void> => {
    if (warmupSeconds === 0) return;
    const batch = requests.batch(type, batchSize(level, warmupSeconds));
    let used = 0;
    for (const target of targets) {
      const r = await slice(clientsFor.get(target)!, batch, target, level, warmupSeconds, checkAnswer);
      if (target !== 'datasette') used = Math.max(used, r.used);
    }
    requests.advance(type, used);
  };
  const measured = async (target: Target, batch: Drawn[], level: number): Promise<SliceResult & { used: number }> => {
    const pid = servers.get(target)!.child.pid!;
    const [es0, p0] = [await esCpu(), processCpuMs(pid)];
    const r = await slice(clientsFor.get(target)!, batch, target, level, seconds, checkAnswer);
    const [es1, p1] = [await esCpu(), processCpuMs(pid)];
    return { ...r, esCpuMs: es1 - es0, serverCpuMs: p1 - p0 };
  };

  // ---- load
  const results = new Map<string, SliceResult>();
  const add = (key: string, r: SliceResult): void => {
    const a = results.get(key);
    if (!a) results.set(key, { ...r, errorSamples: [...r.errorSamples] });
    else {
      a.latencies.push(...r.latencies);
      a.errors += r.errors;
      a.errorSamples.push(...r.errorSamples.slice(0, Math.max(0, 3 - a.errorSamples.length)));
      a.requests += r.requests;
      a.seconds += r.seconds;
      a.esCpuMs += r.esCpuMs;
      a.serverCpuMs += r.serverCpuMs;
    }
  };
  for (const type of types) {
    for (const level of levels) {
      console.log(`${type} at ${level} client${level > 1 ? 's' : ''}: ${warmupSeconds} s warm-up per target, then ${rounds} x ${seconds} s per target, interleaved (load ${os.loadavg()[0]!.toFixed(2)})`);
      await warm(type, level);
      for (let round = 0; round < rounds; round++) {
        const batch = requests.batch(type, batchSize(level, seconds));
        // Each round starts with the next target: none always goes first.
        const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
        let used = 0;
        for (const target of order) {
          const r = await measured(target, batch, level);
          if (target !== 'datasette') used = Math.max(used, r.used);
          add(`${type}:${level}:${target}`, r);
          const sorted = [...r.latencies].sort((a, b) => a - b);
          console.log(`  round ${round + 1} ${target.padEnd(9)} ${fmt(r.requests).padStart(6)} requests, ${(r.requests / r.seconds).toFixed(1).padStart(6)} req/s, median ${ms(percentile(sorted, 50))} ms, ES CPU ${ms(r.esCpuMs / Math.max(1, r.requests))} ms/req${r.errors ? `, ${r.errors} ERRORS` : ''}`);
        }
        requests.advance(type, used);
      }
    }
  }

  // ---- report
  const loadAtEnd = os.loadavg();
  const lines: string[] = [];
  let errors = 0;
  const goals: string[] = [];
  for (const type of types) {
    for (const level of levels) {
      const row = (target: Target): { rps: number; p50: number; p95: number; esPerReq: number; cpuPerReq: number; r: SliceResult } => {
        const r = results.get(`${type}:${level}:${target}`)!;
        const sorted = [...r.latencies].sort((a, b) => a - b);
        return { rps: r.requests / r.seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), esPerReq: r.esCpuMs / Math.max(1, r.requests), cpuPerReq: r.serverCpuMs / Math.max(1, r.requests), r };
      };
      const d = row('datasette');
      for (const target of targets) {
        const x = row(target);
        errors += x.r.errors;
        // Elasticsearch serves others on this machine too: what it spent during the Datasette
        // slices (no search of ours) is taken out at the same rate (net).
        const net = (x.r.esCpuMs - (d.r.esCpuMs / d.r.seconds) * x.r.seconds) / Math.max(1, x.r.requests);
        const cpu = target === 'datasette' ? `Datasette ${ms(x.cpuPerReq)} (ES for others ${ms(x.esPerReq)})` : `ES ${ms(x.esPerReq)} (net ${ms(net)}) + API ${ms(x.cpuPerReq)}`;
        const ratio = target === 'datasette' ? '' : `${(d.p50 / x.p50).toFixed(2)}x / ${(x.rps / d.rps).toFixed(2)}x`;
        lines.push(`| ${type} | ${level} | ${target} | ${ms(x.p50)} / ${ms(x.p95)} | ${x.rps.toFixed(1)} | ${cpu} | ${ratio} | ${x.r.errors} of ${fmt(x.r.requests)} |`);
        for (const e of x.r.errorSamples) console.log(`error (${type}, ${level} clients, ${target}): ${e}`);
      }
      if (type === 'name') {
        const a = row('api');
        const net = (a.r.esCpuMs - (d.r.esCpuMs / d.r.seconds) * a.r.seconds) / Math.max(1, a.r.requests);
        goals.push(`${level} client${level > 1 ? 's' : ''}: API median ${ms(a.p50)} vs Datasette ${ms(d.p50)} ms (${a.p50 < d.p50 ? 'faster' : 'NOT faster'}), ES CPU ${ms(a.esPerReq)} ms/search, net of others ${ms(net)} (${net < GOAL_ES_CPU_MS ? 'under' : 'NOT under'} ${GOAL_ES_CPU_MS})`);
      }
    }
  }
  console.log('');
  console.log('--- summary -------------------------------------------------------------------------');
  console.log(`Datasette benchmark (test/bench/datasette-bench.ts), ${new Date().toISOString().slice(0, 10)}: ${fmt(rows)} generated contributions (seed ${SEED}, dirty rate ${DIRTY_RATE});`);
  console.log(`${fmt(current)} current contributions in Elasticsearch, ${fmt(sqliteRows)} in SQLite (FTS5 over ${FTS_COLUMNS.join(', ')}), ${dsVersion} --immutable.`);
  console.log(`Closed loop, ${warmupSeconds} s warm-up then ${rounds} interleaved slices of ${seconds} s per target; the same requests to every target, none twice to an API (${fmt(requests.namesUsed)} names, ${fmt(requests.lastNamesUsed)} of them last names alone).`);
  if (baselineCli !== undefined) console.log(`before = the API of ${baselineCli} on the same data and index.`);
  console.log(`Load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}. Latencies in ms; CPU in ms per request.`);
  console.log('');
  console.log('| search | clients | target | median / p95 | req/s | CPU per request | Datasette median / this, this req/s / Datasette | errors |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const l of lines) console.log(l);
  console.log('');
  for (const type of types) console.log(`${type}: ${TYPE_LABELS[type]}`);
  console.log(`Goal (name search): faster than Datasette at the median, ES CPU under ${GOAL_ES_CPU_MS} ms per search:`);
  for (const g of goals) console.log(`  ${g}`);
  console.log(`Whole run ${((performance.now() - t0) / 1000).toFixed(0)} s; ${errors} errors.`);
  console.log('-------------------------------------------------------------------------------------');
}

runBenchmark(main, cleanUp);
