// Load: a mixed workload (searches with facets, filer and filing views, portal search
// pages, small exports) at rising concurrency against the API (`disclosure serve` in a
// child process, heap capped at 256 MB as `npm start` runs it) on a generated dataset of
// 1 million contributions. Per step: requests/s, p50/p99, errors; then the highest rate
// held with p99 under 300 ms and no errors. With --soak-minutes N, N minutes at one
// concurrency, sampling the API's RSS every 10 s, and whether it grew.
//
//   node dist/test/bench/load.js [--rows 1000000] [--steps 1,4,8,16,32,64] [--step-seconds 20]
//     [--soak-minutes 0] [--soak-connections 16] [--keep]
//
// The per-client rate limits of the API are off (every connection here is 127.0.0.1: the
// limiter would only measure itself). Loopback only; stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { rebuildKind } from '../../indexers/rebuild.js';
import { loadConfig } from '../../src/config.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { createLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { runBenchmark } from '../support/bench-run.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { deleteIndices } from '../support/test-search.js';
import { Rng } from '../reliability/fuzz-cases.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../src/cli/main.js');
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    steps: { type: 'string', default: '1,4,8,16,32,64' },
    'step-seconds': { type: 'string', default: '20' },
    'soak-minutes': { type: 'string', default: '0' },
    'soak-connections': { type: 'string', default: '16' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const rows = Number(values.rows);
const steps = values.steps.split(',').map(Number);
const stepSeconds = Number(values['step-seconds']);
const soakMinutes = Number(values['soak-minutes']);
const soakConnections = Number(values['soak-connections']);
if (!Number.isInteger(rows) || rows < 1000 || rows > 10_000_000) throw new Error('--rows must be from 1000 to 10000000');
if (steps.length === 0 || steps.length > 12 || steps.some((c) => !Number.isInteger(c) || c < 1 || c > 512)) throw new Error('--steps must be up to 12 concurrencies from 1 to 512');
if (!Number.isFinite(stepSeconds) || stepSeconds < 2 || stepSeconds > 300) throw new Error('--step-seconds must be from 2 to 300');
if (!Number.isFinite(soakMinutes) || soakMinutes < 0 || soakMinutes > 60) throw new Error('--soak-minutes must be from 0 to 60');
if (!Number.isInteger(soakConnections) || soakConnections < 1 || soakConnections > 512) throw new Error('--soak-connections must be from 1 to 512');

const P99_GOAL_MS = 300;
const config = loadConfig();
const log = createLogger('warn');
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const cleanups: (() => Promise<unknown>)[] = [];

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function startApi(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // As users start it: `serve` bounds its own heap (API_HEAP_MB); runs before 2026-12-02
  // passed --max-old-space-size=256.
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 150; i++) {
    const ok = await new Promise<boolean>((r) => http.get({ host: '127.0.0.1', port, path: '/health' }, (res) => r(res.statusCode === 200)).on('error', () => r(false)));
    if (ok) return { child, port };
    await sleep(100);
  }
  child.kill();
  throw new Error('the API did not start');
}

async function ensureExport(): Promise<string> {
  // The same generated export as the other benchmarks (seed 1, dirty rate 0.002).
  const dir = path.join(config.cacheDir, 'bench', `export-${rows}-seed1`);
  if (existsSync(path.join(dir, 'generator-manifest.json'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  await generateCalaccess({ rows, out: tmp, sampleDir: SAMPLE, seed: 1, dirtyRate: 0.002 });
  if (existsSync(dir)) {
    cleanups.push(() => Promise.resolve(rmSync(tmp, { recursive: true, force: true })));
    return tmp;
  }
  await rename(tmp, dir);
  return dir;
}

interface Workload {
  /** What share of requests, and how each is made. */
  mix: { name: string; weight: number; path: (r: Rng) => string }[];
}

async function workload(t: TestDatabase): Promise<Workload> {
  const q = async (text: string): Promise<string[]> => (await t.db.pool.query<{ v: string }>(text)).rows.map((r) => r.v);
  const lastNames = await q(`SELECT trim(ctrib_naml) AS v FROM contributions WHERE entity_cd = 'IND' AND ctrib_naml ~ '^[A-Za-z]{4,}$' GROUP BY 1 ORDER BY count(*) DESC LIMIT 300`);
  // Names with a few rows each: an export of them is small.
  const rare = await q(`SELECT trim(ctrib_naml) AS v FROM contributions WHERE ctrib_naml ~ '^[A-Za-z]{5,}$' GROUP BY 1 HAVING count(*) BETWEEN 2 AND 40 ORDER BY 1 LIMIT 300`);
  const cities = await q(`SELECT trim(ctrib_city) AS v FROM contributions WHERE ctrib_city ~ '^[A-Za-z ]{4,}$' GROUP BY 1 ORDER BY count(*) DESC LIMIT 100`);
  const filers = await q(`SELECT filer_id AS v FROM filing_versions WHERE filer_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 500`);
  const filings = await q(`SELECT filing_id::text AS v FROM filings ORDER BY filing_id DESC LIMIT 1000`);
  if ([lastNames, rare, cities, filers, filings].some((x) => x.length === 0)) throw new Error('the dataset has no values to ask for');
  const e = encodeURIComponent;
  return {
    mix: [
      { name: 'contributions search, facets', weight: 30, path: (r) => `/api/v1/contributions?q=${e(r.pick(lastNames))}` },
      { name: 'contributions filter, facets', weight: 15, path: (r) => `/api/v1/contributions?city=${e(r.pick(cities))}&min_amount=${r.pick([100, 500, 1000])}&sort=-amount` },
      { name: 'plain-language search', weight: 5, path: (r) => `/api/v1/contributions?q=${e(`contributions from ${r.pick(cities)} over $${r.pick([100, 500, 1000])}`)}` },
      { name: 'filers search', weight: 5, path: (r) => `/api/v1/filers?q=${e(r.pick(lastNames))}` },
      { name: 'filer view', weight: 15, path: (r) => `/api/v1/filers/${e(r.pick(filers))}` },
      { name: 'filing view', weight: 15, path: (r) => `/api/v1/filings/${r.pick(filings)}` },
      { name: 'portal search page', weight: 10, path: (r) => `/search?q=${e(r.pick(lastNames))}` },
      { name: 'small CSV export', weight: 5, path: (r) => `/api/v1/contributions.csv?contributor=${e(r.pick(rare))}` },
    ],
  };
}

function picker(w: Workload, seed: number): () => string {
  const rng = new Rng(seed);
  const total = w.mix.reduce((n, m) => n + m.weight, 0);
  return () => {
    let x = rng.next() * total;
    for (const m of w.mix) {
      x -= m.weight;
      if (x <= 0) return m.path(rng);
    }
    return w.mix[0]!.path(rng);
  };
}

interface StepResult {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Responses per status code, e.g. "200:6815 429:11". */
  statuses: string;
}

async function runStep(port: number, connections: number, seconds: number, next: () => string): Promise<StepResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    // A request that takes longer than this counts as an error (a timeout).
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }],
  });
  return {
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .map(([code, v]) => `${code}:${(v as { count: number }).count}`)
      .join(' '),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`load benchmark: ${fmt(rows)} generated contributions; steps ${steps.join(', ')} connections x ${stepSeconds} s${soakMinutes > 0 ? `; soak ${soakMinutes} min at ${soakConnections}` : ''}`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const dir = await ensureExport();
  const t = await createTestDatabase('bench_load');
  cleanups.push(() => t.drop());
  const prefix = `bench-load-${process.pid}-`;
  const es = createSearchClient(config);
  cleanups.push(() => es.close());
  cleanups.push(() => (values.keep ? Promise.resolve() : deleteIndices(es, prefix)));
  const work = mkdtempSync(path.join(os.tmpdir(), 'load-bench-'));
  cleanups.push(() => Promise.resolve(rmSync(work, { recursive: true, force: true })));
  let s = performance.now();
  const imported = await importCalaccess(t.db.pool, { source: dir, rejectsDir: path.join(work, 'rejects'), log });
  console.log(`imported in ${((performance.now() - s) / 1000).toFixed(1)} s: ${fmt(imported.totals.loaded)} rows`);
  for (const kind of ['contributions', 'filers', 'filings'] as const) {
    s = performance.now();
    const r = await rebuildKind({ es, db: t.db, prefix, log }, kind);
    console.log(`indexed ${kind}: ${fmt(r.docs)} documents in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  }
  const w = await workload(t);
  // The API as `disclosure serve` runs it, as the read-only role on this database.
  const api = await startApi({ DATABASE_URL: t.url, ES_INDEX_PREFIX: prefix, EXPORT_DIR: work });
  cleanups.push(async () => {
    api.child.kill('SIGTERM');
    await new Promise((r) => (api.child.exitCode !== null ? r(null) : api.child.once('exit', r)));
  });
  console.log(`API pid ${api.child.pid} on 127.0.0.1:${api.port}; workload: ${w.mix.map((m) => `${m.name} ${m.weight}%`).join(', ')}`);

  // Warm-up: caches, JIT, connection pools.
  await runStep(api.port, 4, 5, picker(w, 99));
  const results: StepResult[] = [];
  console.log('\nconnections      req/s    p50 ms    p99 ms    max ms   requests  errors  non-2xx  RSS MB  statuses');
  for (const [i, c] of steps.entries()) {
    const r = await runStep(api.port, c, stepSeconds, picker(w, i + 1));
    results.push(r);
    console.log(`${String(c).padStart(11)} ${r.rps.toFixed(1).padStart(10)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(9)} ${String(r.max).padStart(9)} ${String(r.requests).padStart(10)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)} ${rssMb(api.child.pid!).toFixed(0).padStart(7)}  ${r.statuses}`);
  }
  const held = results.filter((r) => r.p99 < P99_GOAL_MS && r.errors === 0 && r.non2xx === 0);
  const best = held.reduce<StepResult | null>((b, r) => (!b || r.rps > b.rps ? r : b), null);
  console.log(
    best
      ? `highest rate held with p99 < ${P99_GOAL_MS} ms and no errors: ${best.rps.toFixed(1)} req/s at ${best.connections} connections (p50 ${best.p50} ms, p99 ${best.p99} ms)`
      : `no step held p99 < ${P99_GOAL_MS} ms with no errors`,
  );
  console.log(`API peak RSS so far ${rssMb(api.child.pid!, 'VmHWM').toFixed(0)} MB`);

  if (soakMinutes > 0) {
    console.log(`\nsoak: ${soakMinutes} min at ${soakConnections} connections, the API's RSS every 10 s`);
    const samples: { s: number; mb: number }[] = [];
    const soakStart = performance.now();
    const sampler = setInterval(() => {
      const mb = rssMb(api.child.pid!);
      samples.push({ s: (performance.now() - soakStart) / 1000, mb });
      console.log(`  ${((performance.now() - soakStart) / 1000).toFixed(0).padStart(5)} s  RSS ${mb.toFixed(1)} MB`);
    }, 10_000);
    let soak: StepResult;
    try {
      soak = await runStep(api.port, soakConnections, Math.round(soakMinutes * 60), picker(w, 1000));
    } finally {
      clearInterval(sampler);
    }
    // Growth: the median of the last third against the median of the first third (the
    // first sample, still warming up, left out).
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const third = (soakMinutes * 60) / 3;
    const early = samples.filter((x) => x.s > 10 && x.s <= third + 10).map((x) => x.mb);
    const late = samples.filter((x) => x.s >= soakMinutes * 60 - third).map((x) => x.mb);
    const growth = median(late) - median(early);
    console.log(
      `soak: ${soak.rps.toFixed(1)} req/s, p50 ${soak.p50} ms, p99 ${soak.p99} ms, ${soak.errors} errors, ${soak.non2xx} non-2xx (${soak.statuses}); RSS first third ${median(early).toFixed(1)} MB, last third ${median(late).toFixed(1)} MB, growth ${growth.toFixed(1)} MB (${((growth / median(early)) * 100).toFixed(1)}%), min ${Math.min(...samples.map((x) => x.mb)).toFixed(1)}, max ${Math.max(...samples.map((x) => x.mb)).toFixed(1)} MB`,
    );
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

runBenchmark(main, async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});
