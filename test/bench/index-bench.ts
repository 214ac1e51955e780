// Benchmark of the search indexer, in two parts, each against a baseline measured in the
// same run on the same servers:
//  1. Rebuild throughput: `rebuildKind('contributions')` over a generated 1-million-row
//     export, against the same documents prepared in advance as NDJSON bulk bodies on disk
//     (same chunk size, same two requests in flight) and only sent to an empty index with
//     the same mapping, once before and once after the rebuild (other work on the machine
//     drifts; the rebuild is compared with the mean). Prints documents/s of each and the
//     ratio (goal >= 0.70), and the rate of reading the documents alone.
//  2. Sync lag: with `runSync` following the change log in this process and a continuous
//     import load in child processes, a prober commits one new contribution every 250 ms
//     (the way a writer does: change_log locked, row + version + filing + change-log entry
//     in one transaction) and polls Elasticsearch every 20 ms until it is searchable.
//     Prints median / p90 / p99 / max of commit-to-searchable (goal p99 < 2 s), against
//     the same probes with no import running (the refresh interval alone).
// Usage (services up, project built):
//   node dist/test/bench/index-bench.js [--rows 1000000] [--keep]
// Generated exports are cached in <cache>/bench/export-<rows>-seed<n>; the bench database,
// its indices (all named with one unique prefix) and the NDJSON file are removed at the
// end unless --keep.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Client, estypes } from '@elastic/elasticsearch';
import pg from 'pg';
import { aliasName, KIND_NAMES, KINDS } from '../../indexers/kinds.js';
import { BULK_LOAD_SETTINGS, createKindIndex, rebuildKind, type RebuildResult } from '../../indexers/rebuild.js';
import { indexStatus } from '../../indexers/status.js';
import { runSync } from '../../indexers/sync.js';
import { loadConfig } from '../../src/config.js';
import { generateCalaccess, MANIFEST_FILE, type GeneratorManifest } from '../../src/generator/index.js';
import type { ImportReport } from '../../src/import/importer.js';
import type { Db } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { getIndexStates, lastChangeSeq } from '../../src/repositories/index-source-repository.js';
import { createSearchClient } from '../../src/search/client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { deleteIndices } from '../support/test-search.js';
import { runBenchmark } from '../support/bench-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../src/cli/main.js');
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1000) throw new Error(`--rows must be a whole number of at least 1000 (got ${values.rows})`);
const keep = values.keep === true;
const config = loadConfig();
// The indexer logs every batch at info; the bench prints its own lines.
const log = createLogger('warn', { bench: 'index' });

/** rebuildKind's bulk bodies and requests in flight (its defaults). */
const FLUSH_BYTES = 5_000_000;
const BULK_CONCURRENCY = 2;
const DIRTY_RATE = 0.002;

/** Import load: small exports of this many contributions, one per seed, imported in turn. */
const LOAD_ROWS = 2_000;
const LOAD_SEEDS = [2, 3, 4, 5, 6, 7, 8, 9];
const PROBE_EVERY_MS = 250;
const POLL_MS = 20;
const PROBES = 200;
const PROBE_WINDOW_MS = 90_000;
const QUIET_PROBES = 40;
/** A probe not searchable this long after the last commit counts as lost. */
const FIND_TIMEOUT_MS = 30_000;
const CATCH_UP_TIMEOUT_MS = 60_000;
const PROBE_FILING_BASE = 9_500_000;

/** When each server started: a change during the run means a restart, and figures that mean nothing. */
async function serverStarts(es: Client, pool: pg.Pool): Promise<string> {
  const pgStart = (await pool.query<{ t: string }>('SELECT pg_postmaster_start_time()::text AS t')).rows[0]!.t;
  const info = await es.nodes.info({ node_id: '_local', metric: 'jvm', filter_path: 'nodes.*.jvm.start_time_in_millis' });
  const esStart = Object.values(info.nodes ?? {})[0]?.jvm?.start_time_in_millis ?? 0;
  return `PostgreSQL started ${pgStart}, Elasticsearch started ${new Date(esStart).toISOString()}`;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const rssMb = (): string => `bench RSS ${fmt(process.memoryUsage.rss() / 2 ** 20)} MB`;
/** Other work on the machine shows here (the servers and this bench share the CPUs). */
const loadLine = (): string => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`;
const secs = (ms: number): string => (ms / 1000).toFixed(1);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

// ------------------------------------------------------------------ exports and imports

async function ensureExport(n: number, seed: number): Promise<string> {
  const dir = path.join(config.cacheDir, 'bench', `export-${n}-seed${seed}`);
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) {
    const t = performance.now();
    await generateCalaccess({ rows: n, out: dir, sampleDir: SAMPLE, seed, dirtyRate: DIRTY_RATE });
    console.log(`generated export of ${fmt(n)} contributions (seed ${seed}) in ${secs(performance.now() - t)} s -> ${dir}`);
  }
  // Other benchmarks cache exports under the same names: make sure this one is what it says.
  const m = JSON.parse(await readFile(manifestFile, 'utf8')) as GeneratorManifest;
  if (m.rows !== n || m.seed !== seed || m.dirty_rate !== DIRTY_RATE) {
    throw new Error(`${dir} holds rows ${m.rows}, seed ${m.seed}, dirty rate ${m.dirty_rate}; expected ${n}, ${seed}, ${DIRTY_RATE} (remove it to regenerate)`);
  }
  return dir;
}

const children = new Set<ChildProcess>();

/** `disclosure import calaccess <dir> --json` as a child process on the bench database. */
function runImport(url: string, dir: string, rejectsDir: string): Promise<{ report: ImportReport; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'import', 'calaccess', dir, '--json', '--rejects', rejectsDir], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`import of ${dir} exited ${code ?? signal}`));
      resolve({ report: JSON.parse(out) as ImportReport, seconds: (performance.now() - started) / 1000 });
    });
  });
}

// ------------------------------------------------------------------ part 1: rebuild vs raw bulk

interface Chunk {
  offset: number;
  bytes: number;
  docs: number;
}

/**
 * Streams every contributions document once into NDJSON bulk bodies (action line +
 * document line, as a bulk body carries them), cut where the rebuild cuts: as soon
 * as a body reaches FLUSH_BYTES. Only one body is in memory at a time.
 */
async function prepareBulkFile(db: Db, index: string, file: string): Promise<{ chunks: Chunk[]; docs: number; bytes: number; seconds: number }> {
  const started = performance.now();
  const fh = await open(file, 'w');
  const chunks: Chunk[] = [];
  let parts: string[] = [];
  let chunkBytes = 0;
  let chunkDocs = 0;
  let offset = 0;
  let docs = 0;
  const flush = async (): Promise<void> => {
    if (chunkDocs === 0) return;
    const buf = Buffer.from(parts.join('\n') + '\n');
    await fh.write(buf, 0, buf.length, offset);
    chunks.push({ offset, bytes: buf.length, docs: chunkDocs });
    offset += buf.length;
    parts = [];
    chunkBytes = 0;
    chunkDocs = 0;
  };
  try {
    for await (const page of KINDS.contributions.streamAll(db)) {
      for (const d of page) {
        const action = JSON.stringify({ index: { _index: index, _id: d.id } });
        const body = d.source;
        parts.push(action, body);
        chunkBytes += Buffer.byteLength(action) + Buffer.byteLength(body);
        chunkDocs++;
        docs++;
        if (chunkBytes >= FLUSH_BYTES) await flush();
      }
    }
    await flush();
  } finally {
    await fh.close();
  }
  return { chunks, docs, bytes: offset, seconds: (performance.now() - started) / 1000 };
}

/** Sends the prepared bodies with _bulk, BULK_CONCURRENCY requests in flight; times the sending only. */
async function sendBulkFile(es: Client, file: string, chunks: readonly Chunk[]): Promise<{ seconds: number; readSeconds: number; errors: number; firstError: string | null }> {
  const fh = await open(file, 'r');
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  let readMs = 0;
  try {
    const worker = async (): Promise<void> => {
      for (;;) {
        const c = chunks[next++];
        if (!c) return;
        const r0 = performance.now();
        const buf = Buffer.allocUnsafe(c.bytes);
        const { bytesRead } = await fh.read(buf, 0, c.bytes, c.offset);
        readMs += performance.now() - r0;
        if (bytesRead !== c.bytes) throw new Error(`short read of the bulk file at ${c.offset}`);
        const res = await es.transport.request<estypes.BulkResponse>({ method: 'POST', path: '/_bulk', bulkBody: buf }, { requestTimeout: 300_000 });
        if (res.errors) {
          for (const item of res.items) {
            const e = item.index?.error;
            if (!e) continue;
            errors++;
            firstError ??= `${e.type}: ${e.reason ?? ''}`;
          }
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
    return { seconds: (performance.now() - started) / 1000, readSeconds: readMs / 1000, errors, firstError };
  } finally {
    await fh.close();
  }
}

async function countDocs(es: Client, index: string): Promise<number> {
  await es.indices.refresh({ index });
  return (await es.count({ index })).count;
}

// ------------------------------------------------------------------ part 2: sync lag

interface ProbeStats {
  lags: number[];
  lost: number;
  /** searches that failed (Elasticsearch away or refusing); polling went on */
  pollErrors: number;
  lockWaits: number[];
  seconds: number;
}

/**
 * Commits tiny new filings one by one on its own connection and measures how long each
 * takes to become searchable through the contributions alias. One poller searches for all
 * pending probes every POLL_MS (one request whatever the number pending).
 */
class Prober {
  private nextId: number;
  private readonly pending = new Map<number, number>();
  constructor(
    private readonly client: pg.Client,
    private readonly es: Client,
    private readonly alias: string,
    firstId: number,
  ) {
    this.nextId = firstId;
  }

  get lastId(): number {
    return this.nextId - 1;
  }

  private async commitOne(): Promise<{ id: number; lockWaitMs: number }> {
    const id = this.nextId++;
    const c = this.client;
    await c.query('BEGIN');
    try {
      const t = performance.now();
      // As the importer does: seq order is then commit order.
      await c.query('LOCK TABLE change_log IN EXCLUSIVE MODE');
      const lockWaitMs = performance.now() - t;
      await c.query(
        `INSERT INTO contributions (filing_id, amend_id, line_item, rec_type, form_type, tran_id, entity_cd, ctrib_naml, ctrib_namf,
           ctrib_city, ctrib_st, ctrib_zip4, amount, rcpt_date, source_line)
         VALUES ($1, 0, 1, 'RCPT', 'A', $2, 'IND', $3, 'Pat', 'Sacramento', 'CA', '95814', 100.00, '2016-03-15', 1)`,
        [id, `LAG${id}`, `Lagprobe${id - PROBE_FILING_BASE}`],
      );
      await c.query('INSERT INTO filing_versions (filing_id, amend_id, has_cover) VALUES ($1, 0, false)', [id]);
      await c.query('INSERT INTO filings (filing_id, current_amend_id, has_cover, version_count) VALUES ($1, 0, false, 1)', [id]);
      await c.query(`INSERT INTO change_log (table_name, op, filing_id, amend_id) VALUES ('contributions', 'upsert', $1, 0)`, [id]);
      await c.query('COMMIT');
      this.pending.set(id, performance.now());
      return { id, lockWaitMs };
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    }
  }

  async run(count: number, windowMs: number): Promise<ProbeStats> {
    const lags: number[] = [];
    const lockWaits: number[] = [];
    let pollErrors = 0;
    let polling = true;
    const poller = (async () => {
      while (polling || this.pending.size > 0) {
        const t = performance.now();
        if (this.pending.size > 0) {
          const ids = [...this.pending.keys()];
          const res = await this.es
            .search({ index: this.alias, size: ids.length, _source: false, query: { terms: { filing_id: ids } } }, { maxRetries: 0 })
            .catch(() => {
              pollErrors++;
              return null;
            });
          const now = performance.now();
          for (const h of res?.hits.hits ?? []) {
            const id = Number(h._id!.split(':')[1]);
            const committed = this.pending.get(id);
            if (committed === undefined) continue;
            lags.push(now - committed);
            this.pending.delete(id);
          }
          // Given up on: committed too long ago.
          for (const [id, committed] of this.pending) if (now - committed > FIND_TIMEOUT_MS) this.pending.delete(id);
        }
        await sleep(POLL_MS - (performance.now() - t));
      }
    })();
    const started = performance.now();
    let committed = 0;
    try {
      for (let n = 0; n < count && performance.now() - started < windowMs; n++) {
        await sleep(started + n * PROBE_EVERY_MS - performance.now());
        lockWaits.push((await this.commitOne()).lockWaitMs);
        committed++;
      }
    } finally {
      polling = false;
      await poller;
    }
    return { lags, lost: committed - lags.length, pollErrors, lockWaits, seconds: (performance.now() - started) / 1000 };
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface LagSummary {
  n: number;
  lost: number;
  pollErrors: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

function summarize(s: ProbeStats): LagSummary {
  const sorted = [...s.lags].sort((a, b) => a - b);
  return { n: sorted.length, lost: s.lost, pollErrors: s.pollErrors, median: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

const lagLine = (s: LagSummary): string =>
  `median ${fmt(s.median)} ms  p90 ${fmt(s.p90)} ms  p99 ${fmt(s.p99)} ms  max ${fmt(s.max)} ms  (${s.n} probes${s.lost > 0 ? `, ${s.lost} NOT FOUND within ${FIND_TIMEOUT_MS / 1000} s` : ''}${s.pollErrors > 0 ? `, ${s.pollErrors} searches FAILED` : ''})`;

/** Waits until every kind's checkpoint has reached the end of the change log; null on timeout. */
async function waitCaughtUp(db: Db, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  for (;;) {
    const last = BigInt(await lastChangeSeq(db));
    const states = await getIndexStates(db);
    const behind = KIND_NAMES.some((k) => BigInt(states.get(k)?.checkpoint ?? '0') < last);
    if (!behind) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) return null;
    await sleep(200);
  }
}

// ------------------------------------------------------------------ main

const cleanups: (() => Promise<unknown>)[] = [];
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const child of children) child.kill('SIGTERM');
  for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const prefix = `benchidx-${process.pid}-${Date.now().toString(36)}-`;
  const es = createSearchClient(config);
  cleanups.push(() => es.close());
  // GET / is not served by the integration-test distribution; node info is.
  const info = await es.nodes.info({ node_id: '_local', metric: 'jvm', filter_path: 'nodes.*.version,nodes.*.jvm.mem.heap_max_in_bytes' });
  const node = Object.values(info.nodes ?? {})[0];
  const esVersion = `${node?.version ?? '?'} (heap ${fmt((node?.jvm?.mem?.heap_max_in_bytes ?? 0) / 2 ** 20)} MB)`;
  console.log(
    `index benchmark: ${fmt(rows)} contributions, PostgreSQL at ${new URL(config.databaseUrl).host}, Elasticsearch ${esVersion} at ${config.elasticsearchUrl}, index prefix ${prefix}`,
  );
  console.log(`at start: ${loadLine()}`);

  const big = await ensureExport(rows, 1);
  const loadDirs: string[] = [];
  for (const seed of LOAD_SEEDS) loadDirs.push(await ensureExport(LOAD_ROWS, seed));

  const work = path.join(config.cacheDir, 'bench', `index-bench-${process.pid}`);
  await mkdir(work, { recursive: true });
  cleanups.push(() => (keep ? Promise.resolve() : rm(work, { recursive: true, force: true })));
  const rejectsDir = path.join(work, 'rejects');

  const db: TestDatabase = await createTestDatabase('bench_index');
  // Closed here (kysely and the pool both): idle connections would hold DROP DATABASE ~30 s.
  cleanups.push(async () => {
    if (keep) await db.db.close();
    else await db.drop();
  });
  cleanups.push(() => (keep ? Promise.resolve() : deleteIndices(es, prefix)));
  const pool = db.db.pool;
  const startsBefore = await serverStarts(es, pool);

  // ---- load the data
  let t: number;
  const imported = await runImport(db.url, big, rejectsDir);
  const rcpt = imported.report.files.find((f) => f.file === 'RCPT_CD.TSV');
  console.log(
    `imported the export in ${imported.seconds.toFixed(1)} s: ${fmt(imported.report.totals.loaded)} rows loaded, ${fmt(imported.report.totals.rejected)} rejected (RCPT_CD ${fmt(rcpt?.loaded ?? 0)} loaded)`,
  );

  // The first reader of freshly loaded rows pays for setting their hint bits, and races
  // autovacuum's own pass over them; whichever of the two measurements read first would
  // pay it. Both read a settled database instead, as a rebuild some time after an import does.
  t = performance.now();
  await pool.query('VACUUM (ANALYZE)');
  console.log(`VACUUM (ANALYZE) after the import: ${secs(performance.now() - t)} s`);

  // ---- 1. rebuild against raw bulk
  // The documents once, as bulk bodies on disk (the time this takes is the database side alone).
  const file = path.join(work, 'contributions.ndjson');
  const rawIndex = `${prefix}raw-contributions`;
  const prepared = await prepareBulkFile(db.db, rawIndex, file);
  const readRate = prepared.docs / prepared.seconds;
  console.log(
    `prepared ${fmt(prepared.docs)} documents as ${prepared.chunks.length} bulk bodies (${fmt(prepared.bytes / 1e6)} MB) in ${prepared.seconds.toFixed(1)} s -> ${file} (${rssMb()})`,
  );

  // The raw send runs before and after the rebuild, and the rebuild is compared with their
  // mean: the servers share the CPUs with whatever else runs, and this brackets the drift.
  const rawSend = async (label: string): Promise<{ seconds: number; rate: number }> => {
    await createKindIndex(es, 'contributions', rawIndex, BULK_LOAD_SETTINGS);
    const sent = await sendBulkFile(es, file, prepared.chunks);
    if (sent.errors > 0) throw new Error(`raw bulk: ${sent.errors} documents refused, first: ${sent.firstError}`);
    const n = await countDocs(es, rawIndex);
    if (n !== prepared.docs) throw new Error(`raw bulk index holds ${n} documents, ${prepared.docs} were sent`);
    await es.indices.delete({ index: rawIndex });
    console.log(
      `raw _bulk of the prepared bodies (${label}): ${fmt(n)} documents in ${sent.seconds.toFixed(1)} s (file reads ${sent.readSeconds.toFixed(1)} s of it, overlapped; ${rssMb()})`,
    );
    return { seconds: sent.seconds, rate: prepared.docs / sent.seconds };
  };
  const rawBefore = await rawSend('before the rebuild');

  const deps = { es, db: db.db, prefix, log };
  t = performance.now();
  const rebuilt = await rebuildKind(deps, 'contributions');
  const rebuildSeconds = (performance.now() - t) / 1000;
  if (rebuilt.failed > 0) throw new Error(`rebuild refused ${rebuilt.failed} documents`);
  const rebuiltCount = await countDocs(es, aliasName(prefix, 'contributions'));
  if (rebuiltCount !== prepared.docs || rebuilt.docs !== prepared.docs) {
    throw new Error(`document counts differ: rebuilt index ${rebuiltCount} (rebuild said ${rebuilt.docs}), raw bulk ${prepared.docs}`);
  }
  const rebuildRate = rebuilt.docs / rebuildSeconds;
  console.log(`rebuildKind(contributions): ${fmt(rebuilt.docs)} documents in ${rebuildSeconds.toFixed(1)} s -> ${rebuilt.index} (${rssMb()})`);

  const rawAfter = await rawSend('after the rebuild');
  if (!keep) await rm(file, { force: true });
  const rawRate = prepared.docs / ((rawBefore.seconds + rawAfter.seconds) / 2);
  const ratio = rebuildRate / rawRate;

  console.log('');
  console.log(`raw _bulk, before the rebuild        ${fmt(rawBefore.rate).padStart(9)} docs/s  (${rawBefore.seconds.toFixed(1)} s, ${BULK_CONCURRENCY} requests in flight, ${fmt(FLUSH_BYTES / 1e6)} MB bodies)`);
  console.log(`raw _bulk, after the rebuild         ${fmt(rawAfter.rate).padStart(9)} docs/s  (${rawAfter.seconds.toFixed(1)} s)`);
  console.log(`raw _bulk, mean                      ${fmt(rawRate).padStart(9)} docs/s`);
  console.log(`rebuildKind(contributions)           ${fmt(rebuildRate).padStart(9)} docs/s  (${rebuildSeconds.toFixed(1)} s, read + build + send + refresh + alias)  ratio ${ratio.toFixed(2)}`);
  console.log(`documents from PostgreSQL alone      ${fmt(readRate).padStart(9)} docs/s  (${prepared.seconds.toFixed(1)} s: streamAll + serialise + write the file, no Elasticsearch)`);
  console.log(`every index held ${fmt(prepared.docs)} documents`);
  console.log(`ratio rebuild / raw bulk: ${ratio.toFixed(2)} (goal >= 0.70)`);
  console.log('');

  // ---- 2. sync lag
  // Every kind rebuilt, so sync starts from each kind's rebuild checkpoint, in step
  // (contributions was rebuilt above and nothing has been written since).
  const others: RebuildResult[] = [];
  for (const kind of ['expenditures', 'filers', 'filings', 'lobbying'] as const) {
    t = performance.now();
    const r = await rebuildKind(deps, kind);
    others.push(r);
    console.log(`rebuildKind(${kind}): ${fmt(r.docs)} documents in ${secs(performance.now() - t)} s (${fmt(r.docs_per_second)}/s)`);
  }

  const syncConfig = loadConfig({ ...process.env, DATABASE_URL: db.url, ES_INDEX_PREFIX: prefix, LOG_LEVEL: 'warn' });
  const controller = new AbortController();
  const syncStats = { batches: 0, entries: 0, written: 0, maxBatchSeconds: 0 };
  const syncDone = runSync(
    { es, db: db.db, config: syncConfig, log },
    {
      signal: controller.signal,
      pollMs: 500,
      onBatch: (b) => {
        syncStats.batches++;
        syncStats.entries += b.entries;
        syncStats.written += b.written;
        syncStats.maxBatchSeconds = Math.max(syncStats.maxBatchSeconds, b.seconds);
      },
    },
  );
  let syncStopped = false;
  const stopSync = async (): Promise<void> => {
    if (syncStopped) return;
    syncStopped = true;
    controller.abort();
    await syncDone;
  };
  cleanups.push(stopSync);

  const probeClient = new pg.Client({ connectionString: db.url, application_name: 'index-bench-prober' });
  // Without a listener, a connection the server ends would be an uncaught 'error'.
  probeClient.on('error', (err) => console.error(`prober connection: ${err.message}`));
  await probeClient.connect();
  cleanups.push(() => probeClient.end());
  const alias = aliasName(prefix, 'contributions');

  // Baseline: the same probes with nothing else writing (refresh interval + sync cycle).
  await sleep(1_000);
  const quietProber = new Prober(probeClient, es, alias, PROBE_FILING_BASE + 1);
  const quiet = summarize(await quietProber.run(QUIET_PROBES, PROBE_WINDOW_MS));
  console.log(`sync lag, no import running:   ${lagLine(quiet)}`);

  // Import load: the small exports back to back until the probes are done.
  const load = { stop: false, imports: 0, lines: 0, changed: 0, seconds: 0, importSeconds: [] as number[], error: null as Error | null };
  const loadDone = (async () => {
    const started = performance.now();
    try {
      for (let i = 0; !load.stop; i++) {
        const r = await runImport(db.url, loadDirs[i % loadDirs.length]!, rejectsDir);
        load.imports++;
        load.lines += r.report.totals.lines;
        load.changed += r.report.totals.changed;
        load.importSeconds.push(r.seconds);
      }
    } catch (err) {
      if (!load.stop) load.error = err instanceof Error ? err : new Error(String(err));
    } finally {
      load.seconds = (performance.now() - started) / 1000;
    }
  })();
  cleanups.push(async () => {
    load.stop = true;
    await loadDone;
  });
  const syncBefore = { ...syncStats };
  const seqBeforeLoad = await lastChangeSeq(db.db);
  // Let the first import get going before the first probe.
  await sleep(2_000);
  const busyProber = new Prober(probeClient, es, alias, quietProber.lastId + 1);
  const busyStats = await busyProber.run(PROBES, PROBE_WINDOW_MS);
  load.stop = true;
  await loadDone;
  if (load.error) throw load.error;
  const busy = summarize(busyStats);
  const lockSorted = [...busyStats.lockWaits].sort((a, b) => a - b);
  const caughtUpSeconds = await waitCaughtUp(db.db, CATCH_UP_TIMEOUT_MS);
  const status = await indexStatus(es, db.db, prefix);
  await stopSync();
  const syncBatches = syncStats.batches - syncBefore.batches;
  const syncWritten = syncStats.written - syncBefore.written;
  const importRate = load.changed / load.seconds;
  const importsSorted = [...load.importSeconds].sort((a, b) => a - b);

  console.log(`sync lag, import running:      ${lagLine(busy)}`);
  console.log(
    `import load: ${load.imports} imports of ${fmt(LOAD_ROWS)}-contribution exports in ${load.seconds.toFixed(1)} s, ${fmt(load.changed)} rows changed (${fmt(importRate)} rows changed/s, ${fmt(load.lines / load.seconds)} lines read/s), median import ${percentile(importsSorted, 50).toFixed(1)} s`,
  );
  console.log(
    `sync during the load: ${syncBatches} batches, ${fmt(syncWritten)} documents written (${(syncWritten / Math.max(1, load.changed)).toFixed(1)} per row changed), longest batch ${syncStats.maxBatchSeconds.toFixed(2)} s; ${caughtUpSeconds === null ? `NOT caught up ${CATCH_UP_TIMEOUT_MS / 1000} s after the load stopped` : `caught up ${caughtUpSeconds.toFixed(1)} s after the load stopped`}`,
  );
  // What the sync had to follow: the entries the imports wrote, by table.
  const logged = await pool.query<{ table_name: string; op: string; n: number; keys: number }>(
    `SELECT table_name, op, count(*)::int AS n, count(DISTINCT coalesce(filing_id::text, row_key))::int AS keys
       FROM change_log WHERE seq > $1::bigint AND NOT (table_name = 'contributions' AND filing_id > ${PROBE_FILING_BASE})
      GROUP BY 1, 2 ORDER BY 3 DESC`,
    [seqBeforeLoad],
  );
  const loggedTotal = logged.rows.reduce((a, r) => a + r.n, 0);
  console.log(
    `change log written by the imports: ${fmt(loggedTotal)} entries; ${logged.rows
      .slice(0, 6)
      .map((r) => `${r.table_name}/${r.op} ${fmt(r.n)} (${fmt(r.keys)} distinct)`)
      .join(', ')}${logged.rows.length > 6 ? ', ...' : ''}`,
  );
  console.log(`${rssMb()} after the lag run`);
  console.log(`prober's wait for the change_log lock: median ${fmt(percentile(lockSorted, 50))} ms, max ${fmt(lockSorted[lockSorted.length - 1] ?? 0)} ms`);
  for (const s of status) {
    console.log(`  ${s.kind.padEnd(14)} index ${fmt(s.index_docs ?? 0).padStart(10)} docs, database ${fmt(s.db_rows).padStart(10)} rows, lag ${s.lag_changes} changes: ${s.in_sync ? 'in sync' : 'NOT IN SYNC'}`);
  }
  const startsAfter = await serverStarts(es, pool);
  const restarted = startsAfter !== startsBefore;
  const lagRatio = busy.p99 / quiet.p99;
  const ok1 = ratio >= 0.7;
  const ok2 = busy.p99 < 2_000 && busy.lost === 0;
  const inSync = status.every((s) => s.in_sync);

  const totalSeconds = (performance.now() - t0) / 1000;
  const otherDocs = others.map((r) => `${r.kind} ${fmt(r.docs)}`).join(', ');
  console.log('');
  console.log('--- summary -------------------------------------------------------------------------');
  console.log(`Index benchmark (test/bench/index-bench.ts), ${fmt(rows)} generated contributions (seed 1, dirty rate ${DIRTY_RATE}),`);
  console.log(`Elasticsearch ${esVersion}, one shard, no replica; rebuild bulk bodies ${fmt(FLUSH_BYTES / 1e6)} MB, ${BULK_CONCURRENCY} in flight.`);
  console.log('');
  console.log('| measure | value | baseline (same run) | ratio | goal |');
  console.log('|---|---|---|---|---|');
  console.log(`| rebuild contributions (${fmt(rebuilt.docs)} docs) | ${fmt(rebuildRate)} docs/s | raw _bulk of prepared bodies: ${fmt(rawRate)} docs/s (mean of ${fmt(rawBefore.rate)} before and ${fmt(rawAfter.rate)} after) | ${ratio.toFixed(2)} | >= 0.70 ${ok1 ? 'met' : 'NOT MET'} |`);
  console.log(
    `| sync lag, commit to searchable, under import load | median ${fmt(busy.median)} ms, p90 ${fmt(busy.p90)} ms, p99 ${fmt(busy.p99)} ms, max ${fmt(busy.max)} ms (${busy.n} probes) | no load: median ${fmt(quiet.median)} ms, p99 ${fmt(quiet.p99)} ms (${quiet.n} probes) | p99 ${lagRatio.toFixed(2)} | p99 < 2 s ${ok2 ? 'met' : 'NOT MET'} |`,
  );
  console.log(
    `| documents read from PostgreSQL alone (streamAll, serialised, no Elasticsearch) | ${fmt(readRate)} docs/s | raw _bulk: ${fmt(rawRate)} docs/s | ${(readRate / rawRate).toFixed(2)} | |`,
  );
  console.log(`| import load during the lag run | ${fmt(importRate)} rows changed/s (${load.imports} imports, ${fmt(load.changed)} rows in ${load.seconds.toFixed(0)} s) | | | |`);
  console.log('');
  console.log(`Other kinds rebuilt before the lag run: ${otherDocs}. After the load every kind was ${inSync ? 'in sync' : 'NOT in sync'} with the database.`);
  console.log(`Whole run ${secs(totalSeconds * 1000)} s, bench process peak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MB; at the end ${loadLine()}.`);
  console.log('-------------------------------------------------------------------------------------');
  if (restarted) throw new Error(`a server restarted during the run (before: ${startsBefore}; after: ${startsAfter}): these figures are not valid`);
  if (!inSync) throw new Error('the indices are not in sync with the database after the load');
}

// Nothing is left running, and nothing left behind, whatever fails.
process.on('unhandledRejection', (err) => {
  console.error('unexpected failure:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
  void cleanUp().finally(() => process.exit(1));
});
runBenchmark(main, cleanUp);
