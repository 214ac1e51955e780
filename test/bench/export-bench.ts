// Benchmark: exports of 1 million generated contributions, rows per second and peak
// memory, each against its ceiling measured in the same run:
//   bulk dataset CSV (disclosure's writer)   vs  COPY (same query) TO STDOUT WITH CSV
//   search-result CSV through the API        vs  the raw point-in-time + search_after loop
//   XLSX through the API                     vs  exceljs's streaming writer fed rows from memory
//   N exports at once through the API (and export jobs beside them): aggregate rows/s, and
//   the API's peak RSS sampled from /proc every --sample-ms (the process and its children)
// The API runs in a child process started as users start it: `node dist/src/cli/main.js
// serve`, no Node flags and no NODE_OPTIONS (--api-node-args adds some, e.g.
// "--max-old-space-size=256" as the figures before 2026-12-02 were taken, or
// "--cpu-prof --cpu-prof-dir=DIR"; BENCH_API_NODE_ARGS does the same). With --heap-flag-reference
// the one CSV export is also run against an API started with --max-old-space-size=256, in
// the same run, so the two figures can be compared.
// Usage (services up, project built):
//   node dist/test/bench/export-bench.js [--rows 1000000] [--only bulk,csv,xlsx,concurrent]
//     [--concurrent 4] [--concurrent-formats csv,xlsx,mixed] [--jobs 2] [--sample-ms 200]
//     [--api-node-args "..."] [--heap-flag-reference] [--keep] [--reuse DB/PREFIX]
// --keep leaves the database and the index and prints the --reuse value that runs the bench
// on them again without the import and rebuild (--reuse never drops them).
// "mixed" runs --concurrent streaming CSV exports and --jobs export jobs (CSV and XLSX in
// turn) at the same time.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { estypes } from '@elastic/elasticsearch';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { EXPORT_COLUMNS } from '../../exports/columns.js';
import { writeXlsx } from '../../exports/xlsx.js';
import { aliasName } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { loadConfig } from '../../src/config.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { createLogger } from '../../src/logger.js';
import { BULK_DATASETS, bulkSelect } from '../../src/repositories/bulk-repository.js';
import { createSearchClient } from '../../src/search/client.js';
import { PIT_KEEP_ALIVE, SCAN_FILTER_PATH, SCAN_PAGE_SIZE, scanDocuments } from '../../src/search/scan.js';
import { writeBulkFile } from '../../src/services/bulk-datasets.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from '../support/test-db.js';
import { parseReuse } from '../support/bench-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../src/cli/main.js');
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    keep: { type: 'boolean' },
    reuse: { type: 'string' },
    only: { type: 'string', default: 'bulk,csv,xlsx,concurrent' },
    concurrent: { type: 'string', default: '4' },
    'concurrent-formats': { type: 'string', default: 'csv,xlsx,mixed' },
    jobs: { type: 'string', default: '2' },
    'sample-ms': { type: 'string', default: '200' },
    'api-node-args': { type: 'string' },
    'heap-flag-reference': { type: 'boolean' },
  },
});
const rows = Number(values.rows);
/** Which parts to run (--only csv,concurrent): each stands alone. */
const parts = new Set(values.only.split(','));
const concurrency = Number(values.concurrent);
const concurrentFormats = values['concurrent-formats'].split(',');
const jobCount = Number(values.jobs);
const sampleMs = Number(values['sample-ms']);
const apiNodeArgs = (values['api-node-args'] ?? process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const HEAP_FLAG = '--max-old-space-size=256';
const config = loadConfig();
const log = createLogger('warn');
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Discards bytes, counting them, with real backpressure semantics. */
function sink(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _e, cb) {
      (w as unknown as { bytes: number }).bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process is gone
  }
}

/** The process and every process below it (a `serve` that starts a child counts with it). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${out[i]}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) out.push(Number(c));
      } catch {
        // a thread that ended
      }
    }
  }
  return out;
}

/** The API's RSS (its process tree), sampled every --sample-ms until stopped. */
class RssSampler {
  private peakKb = 0;
  private samples = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: number) {}
  private now(): number {
    return processTree(this.pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0);
  }
  start(): void {
    this.peakKb = this.now();
    this.samples = 1;
    this.timer = setInterval(() => {
      this.peakKb = Math.max(this.peakKb, this.now());
      this.samples++;
    }, sampleMs);
  }
  stop(): { peakMb: number; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.peakKb = Math.max(this.peakKb, this.now());
    return { peakMb: Math.round(this.peakKb / 1024), samples: this.samples };
  }
}

/** The highest RSS the kernel saw (VmHWM) of each process in the tree, summed. */
function peakRssMb(pid: number): number {
  return Math.round(processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmHWM'), 0) / 1024);
}

async function download(port: number, url: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: url }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', resolve);
      res.on('error', reject);
    }).on('error', reject);
  });
  return { seconds: (performance.now() - started) / 1000, bytes };
}

async function requestJson(port: number, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** An export job from POST to finished; its file is not downloaded (the API wrote it). */
async function runJob(port: number, format: 'csv' | 'xlsx'): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const created = await requestJson(port, 'POST', '/api/v1/exports', { kind: 'contributions', format, params: { versions: 'all' } });
  if (created.status !== 202) throw new Error(`POST /api/v1/exports: ${created.status} ${JSON.stringify(created.json)}`);
  const id = String(created.json['id']);
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const j = await requestJson(port, 'GET', `/api/v1/exports/${id}`);
    if (j.json['state'] === 'finished') return { seconds: (performance.now() - started) / 1000, rows: Number(j.json['rows_written']) };
    if (j.json['state'] === 'failed') throw new Error(`export job ${id} failed: ${String(j.json['error'])}`);
  }
}

interface Api {
  child: ChildProcess;
  port: number;
  readonly heapLimitMb: number | null;
  stop(): Promise<void>;
}

/**
 * `serve` as users start it: the CLI with no Node flags and no NODE_OPTIONS (unless
 * nodeArgs gives some). The heap limit it reports in its "listening" log line is kept.
 */
async function startApi(env: NodeJS.ProcessEnv, nodeArgs: string[]): Promise<Api> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const parentEnv = { ...process.env };
  delete parentEnv['NODE_OPTIONS'];
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve'], {
    env: { ...parentEnv, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let heapLimitMb: number | null = null;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-20_000);
    const m = /"heap_limit_mb":(\d+)/.exec(d);
    if (m) heapLimitMb = Number(m[1]);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 150; i++) {
    const ok = await new Promise<boolean>((r) =>
      http
        .get({ host: '127.0.0.1', port, path: '/health' }, (res) => {
          res.resume();
          r(res.statusCode === 200);
        })
        .on('error', () => r(false)),
    );
    if (ok) {
      return {
        child,
        port,
        get heapLimitMb() {
          return heapLimitMb;
        },
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the API did not start:\n${stderr}`);
}

const describeApi = (api: Api, nodeArgs: string[]): string =>
  `\`node ${[...nodeArgs, 'dist/src/cli/main.js serve'].join(' ')}\` (heap limit ${api.heapLimitMb ?? '?'} MB)`;

async function main(): Promise<void> {
  console.log(`export benchmark: ${fmt(rows)} generated contributions`);
  const reuse = parseReuse(values.reuse);
  const keep = values.keep === true || reuse !== null;
  const exportDir = path.join(config.cacheDir, 'bench', `export-${rows}-seed1`);
  if (!reuse && !existsSync(path.join(exportDir, 'generator-manifest.json'))) {
    await generateCalaccess({ rows, out: exportDir, sampleDir: SAMPLE, seed: 1, dirtyRate: 0.002 });
  }
  const t: TestDatabase = reuse ? openTestDatabase(reuse.database) : await createTestDatabase('bench_export');
  const prefix = reuse ? reuse.prefix : `bench-export-${process.pid}-`;
  const es = createSearchClient(config);
  const work = mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
  let api: Api | null = null;
  try {
    if (reuse) {
      console.log(`reusing database ${t.name} and index ${prefix}* (kept by an earlier --keep run)`);
    } else {
      await importCalaccess(t.db.pool, {
        source: exportDir,
        rejectsDir: path.join(work, 'rejects'),
        log,
        only: ['FILERS_CD.TSV', 'FILERNAME_CD.TSV', 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV', 'FILER_FILINGS_CD.TSV', 'RCPT_CD.TSV'],
      });
      await rebuildKind({ es, db: t.db, prefix, log }, 'contributions');
    }
    if (keep) console.log(`kept for later runs: --reuse ${t.name}/${prefix}`);
    const lines: string[] = [];
    const say = (s: string): void => {
      lines.push(s);
      console.log(s);
    };
    const apiEnv = { DATABASE_URL: t.url, ES_INDEX_PREFIX: prefix, EXPORT_DIR: work };

    // 1. Bulk dataset CSV vs COPY of the same query.
    if (parts.has('bulk')) {
      const dataset = BULK_DATASETS.find((d) => d.name === 'contributions')!;
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      let copySeconds: number;
      let copyRows: number;
      {
        const started = performance.now();
        const stream = client.query(copyTo(`COPY (${bulkSelect(dataset, null)}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
        await pipeline(stream, sink());
        await client.query('SELECT 1');
        copySeconds = (performance.now() - started) / 1000;
        copyRows = stream.rowCount;
      }
      const rssBefore = process.memoryUsage().rss;
      const bulkStarted = performance.now();
      const file = await writeBulkFile(client, dataset, null, work);
      const bulkSeconds = (performance.now() - bulkStarted) / 1000;
      await client.end();
      if (file.rows !== copyRows) throw new Error(`bulk wrote ${file.rows} rows, COPY ${copyRows}`);
      say(`bulk CSV: COPY ${fmt(copyRows / copySeconds)} rows/s (${copySeconds.toFixed(1)} s); disclosure ${fmt(file.rows / bulkSeconds)} rows/s (${bulkSeconds.toFixed(1)} s, ${fmt(file.bytes / 1048576)} MB, sha256 included); ratio ${(copySeconds / bulkSeconds).toFixed(2)} (goal >= 0.80); RSS of this process ${Math.round(Math.max(rssBefore, process.memoryUsage().rss) / 1048576)} MB`);
    }

    const alias = aliasName(prefix, 'contributions');
    await es.indices.refresh({ index: alias });
    const rawRows = (await es.count({ index: alias })).count;

    // 2. One search CSV through the API (alone) vs the raw point-in-time loop of the same query.
    if (parts.has('csv')) {
      // The raw loop: the request the API sends (same query, page size, source fields and
      // response filter), one page after another, each response parsed and nothing else.
      const fields = [...new Set([...EXPORT_COLUMNS.contributions.map((c) => c.path.replace(/\.(label|code)$/, '')), 'current'])];
      let rawLoopRows = 0;
      const rawStarted = performance.now();
      {
        let pit = (await es.openPointInTime({ index: alias, keep_alive: PIT_KEEP_ALIVE })).id;
        let after: estypes.SortResults | undefined;
        for (;;) {
          const res = await es.search<Record<string, unknown>>({
            pit: { id: pit, keep_alive: PIT_KEEP_ALIVE },
            size: SCAN_PAGE_SIZE,
            query: { match_all: {} },
            sort: [{ _shard_doc: 'asc' }],
            track_total_hits: false,
            filter_path: SCAN_FILTER_PATH,
            _source: { includes: fields },
            ...(after ? { search_after: after } : {}),
          });
          pit = res.pit_id ?? pit;
          const hits = res.hits?.hits ?? [];
          rawLoopRows += hits.length;
          if (hits.length < SCAN_PAGE_SIZE) break;
          after = hits[hits.length - 1]!.sort;
        }
        await es.closePointInTime({ id: pit });
      }
      const rawSeconds = (performance.now() - rawStarted) / 1000;
      if (rawLoopRows !== rawRows) throw new Error(`the raw loop read ${rawLoopRows} rows of ${rawRows}`);
      // For reference: the same pages read as two slices at once (what the API does when no
      // order is asked for), each page parsed and nothing else.
      const slicedStarted = performance.now();
      let slicedRows = 0;
      for await (const page of scanDocuments(es, { index: alias, query: { match_all: {} }, fields, slices: 2 })) slicedRows += page.length;
      const slicedSeconds = (performance.now() - slicedStarted) / 1000;
      if (slicedRows !== rawRows) throw new Error(`the sliced scan read ${slicedRows} rows of ${rawRows}`);
      say(`search CSV, one export alone: raw PIT loop ${fmt(rawRows / rawSeconds)} rows/s (${rawSeconds.toFixed(1)} s); 2 slices read at once ${fmt(rawRows / slicedSeconds)} rows/s (${slicedSeconds.toFixed(1)} s)`);
      const variants: string[][] = [apiNodeArgs, ...(values['heap-flag-reference'] === true ? [[HEAP_FLAG, ...apiNodeArgs]] : [])];
      for (const nodeArgs of variants) {
        api = await startApi(apiEnv, nodeArgs);
        const sampler = new RssSampler(api.child.pid!);
        sampler.start();
        const csv = await download(api.port, '/api/v1/contributions.csv?versions=all');
        const rss = sampler.stop();
        say(`  API ${describeApi(api, nodeArgs)}: ${fmt(rawRows / csv.seconds)} rows/s (${csv.seconds.toFixed(1)} s, ${fmt(csv.bytes / 1048576)} MB); ratio ${(rawSeconds / csv.seconds).toFixed(2)} (goal >= 0.80), ${(slicedSeconds / csv.seconds).toFixed(2)} of the sliced read; API peak RSS ${rss.peakMb} MB sampled (${rss.samples} samples), VmHWM ${peakRssMb(api.child.pid!)} MB`);
        await api.stop();
        api = null;
      }
    }

    // 3. XLSX through the API vs exceljs fed rows from memory (a page of real documents, cycled).
    if (parts.has('xlsx')) {
      const sample: Record<string, unknown>[] = [];
      for await (const page of scanDocuments(es, { index: alias, query: { match_all: {} }, pageSize: 5_000 })) {
        sample.push(...page);
        break;
      }
      // A sync generator: no I/O at all between pages, the ceiling of the writer itself.
      function* fromMemory(): Generator<Record<string, unknown>[]> {
        for (let n = 0; n < rawRows; n += sample.length) yield sample.slice(0, Math.min(sample.length, rawRows - n));
      }
      const memStarted = performance.now();
      const memRows = await writeXlsx(fromMemory(), EXPORT_COLUMNS.contributions, sink(), { about: [['Data', 'benchmark']] });
      const memSeconds = (performance.now() - memStarted) / 1000;
      api = await startApi(apiEnv, apiNodeArgs);
      const sampler = new RssSampler(api.child.pid!);
      sampler.start();
      const xlsx = await download(api.port, '/api/v1/contributions.xlsx?versions=all');
      const rss = sampler.stop();
      say(`XLSX, one export alone: exceljs from memory ${fmt(memRows / memSeconds)} rows/s (${memSeconds.toFixed(1)} s); API ${describeApi(api, apiNodeArgs)}: ${fmt(rawRows / xlsx.seconds)} rows/s (${xlsx.seconds.toFixed(1)} s, ${fmt(xlsx.bytes / 1048576)} MB); ratio ${(memSeconds / xlsx.seconds).toFixed(2)} (goal >= 0.70); API peak RSS ${rss.peakMb} MB sampled, VmHWM ${peakRssMb(api.child.pid!)} MB`);
      await api.stop();
      api = null;
    }

    // 4. N exports of every row at once (the bound of MAX_CONCURRENT_EXPORTS), and in "mixed"
    // export jobs beside them; a fresh API for each mode, its RSS sampled.
    if (parts.has('concurrent')) {
      for (const mode of concurrentFormats) {
        if (mode !== 'csv' && mode !== 'xlsx' && mode !== 'mixed') throw new Error(`--concurrent-formats takes csv, xlsx, mixed (got ${mode})`);
        api = await startApi({ ...apiEnv, MAX_CONCURRENT_EXPORTS: String(concurrency), MAX_CONCURRENT_EXPORT_JOBS: String(Math.max(1, jobCount)) }, apiNodeArgs);
        const port = api.port;
        const sampler = new RssSampler(api.child.pid!);
        const started = performance.now();
        sampler.start();
        const format = mode === 'xlsx' ? 'xlsx' : 'csv';
        const streams = Array.from({ length: concurrency }, () => download(port, `/api/v1/contributions.${format}?versions=all`));
        const jobs = mode === 'mixed' ? Array.from({ length: jobCount }, (_, i) => runJob(port, i % 2 === 0 ? 'csv' : 'xlsx')) : [];
        const [done, jobsDone] = await Promise.all([Promise.all(streams), Promise.all(jobs)]);
        const seconds = (performance.now() - started) / 1000;
        const rss = sampler.stop();
        const total = rawRows * done.length + jobsDone.reduce((s, j) => s + j.rows, 0);
        const each = done.map((d) => d.seconds.toFixed(1)).join(', ');
        const jobText = jobsDone.length > 0 ? ` with ${jobsDone.length} export jobs beside them (${jobsDone.map((j, i) => `${i % 2 === 0 ? 'CSV' : 'XLSX'} ${j.seconds.toFixed(1)} s`).join(', ')})` : '';
        say(`${concurrency} ${format.toUpperCase()} exports of ${fmt(rawRows)} rows at once${jobText}, API ${describeApi(api, apiNodeArgs)}: ${fmt(total / seconds)} rows/s together (${fmt(total)} rows in ${seconds.toFixed(1)} s; exports ${each} s); API peak RSS ${rss.peakMb} MB sampled every ${sampleMs} ms (${rss.samples} samples), VmHWM ${peakRssMb(api.child.pid!)} MB (goal < 250 MB)`);
        await api.stop();
        api = null;
      }
    }

    console.log('\nsummary');
    for (const l of lines) console.log(`  ${l}`);
  } finally {
    await api?.stop();
    if (keep) {
      await t.db.close();
    } else {
      await es.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true }).catch(() => {});
      await t.drop();
    }
    rmSync(work, { recursive: true, force: true });
    await es.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
