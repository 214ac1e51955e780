// Benchmark of the search API against Elasticsearch itself, measured in the same run on
// the same servers with the same requests:
//  - data: a generated export of 1 million contributions (seed 1, dirty rate 0.002),
//    imported into a fresh database, then `rebuildKind` for contributions, filers and
//    filings under a unique index prefix;
//  - the API (createApp) listens in this process on 127.0.0.1, port 0; the load clients run
//    in a worker thread, so their own work never shares the API's event loop;
//  - a mix of five typical first-page searches on /api/v1/contributions with facets on:
//    a contributor's last name (q), a plain-language phrase ("contributions from teachers
//    in Fresno over $500 in 2010"), filters (city + min_amount + year), an employer, and
//    a recipient's contributions sorted by amount (largest first). Every value comes from
//    the imported database (current versions);
//  - the baseline of each request is the exact Elasticsearch request the API sends for it
//    (parseSearchRequest + buildSearch against the alias), sent with a client made as
//    src/search/client.ts makes it, with the same per-request options as the service;
//  - both targets are asked with the same HTTP client, an undici pool (under the
//    Elasticsearch client, for direct): a difference in the clients' own cost is not the
//    API's. --api-client http asks the API with node:http instead (four alternating runs
//    at 1 client could not tell the two apart: HTTP+client 0.61 and 0.48 ms with node:http,
//    0.50 and 0.49 ms with undici);
//  - first a warm-up of both targets at 8 clients (--jit-warmup-seconds, 30 by default,
//    not measured), so that the levels measure a warmed-up server, as users meet it;
//  - closed-loop clients at concurrency 1, 8 and 32. Per level: a warm-up, then --seconds
//    of measured load for each target, in ROUNDS interleaved slices (API then direct,
//    direct then API, ...): both targets run the same fresh slice of requests, and any
//    drift of the machine's load falls on both alike.
// The service caches answers for 30 s: every request of the run is distinct (its
// requestKey, the service's cache key, is never repeated), so no answer can come from the
// cache; the bench checks it by counting the searches Elasticsearch ran during the API
// slices. Any non-200 answer is an error. To show where the API's time goes, the API
// process also times each request (arrival to answer sent) and the Elasticsearch call in
// it, and the machine's CPU is split between Elasticsearch, this process and the rest.
// Usage (services up, project built):
//   node dist/test/bench/search-bench.js [--rows 1000000] [--seconds 15] [--jit-warmup-seconds 30] [--levels 1,8,32] [--api-client undici|http] [--keep] [--reuse DB/PREFIX] [--profile DIR]
// --keep leaves the database and indices in place and prints the --reuse value that runs the
// bench on them again without the import and rebuild (for repeated runs; --reuse never drops them).
// --profile DIR writes a CPU profile of the API thread for each measured API slice to DIR
// and prints where that thread's time went (by module and by function).
// The export is cached in <cache>/bench/export-<rows>-seed1 (shared with index-bench);
// the bench database and its indices (one unique prefix) are removed at the end unless
// --keep.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { Session, type Profiler } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Client, estypes } from '@elastic/elasticsearch';
import type pg from 'pg';
import { Pool } from 'undici';
import { aliasName } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { buildSearch } from '../../queries/build-search.js';
import { parseSearchRequest, requestKey } from '../../queries/search-request.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { importCalaccess } from '../../src/import/importer.js';
import { createLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from '../support/test-db.js';
import { deleteIndices } from '../support/test-search.js';
import { cachedExport, parseReuse, runBenchmark } from '../support/bench-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');

const DIRTY_RATE = 0.002;
const SEED = 1;
const LEVELS = [1, 8, 32] as const;
/** Measured slices per level and target; even, so each target goes first as often. */
const ROUNDS = 6;
const WARMUP_SECONDS = 3;
/** Before the first level, both targets run this long at 8 clients, not measured (--jit-warmup-seconds). */
const JIT_WARMUP_SECONDS = 30;
const JIT_WARMUP_CLIENTS = 8;
/** The service's own options for a search (src/services/search-service.ts). */
const SEARCH_OPTIONS = { requestTimeout: 15_000, maxRetries: 1 } as const;
/** An HTTP request to the API not answered in this time is an error. */
const HTTP_TIMEOUT_MS = 30_000;
/** Bound on the requests of one slice, whatever the speed. */
const MAX_PER_SLICE = 200_000;
const GOAL_OVERHEAD = 0.15;

const TYPES = ['name', 'phrase', 'filters', 'employer', 'sorted'] as const;
type SearchType = (typeof TYPES)[number];
const TYPE_LABELS: Record<SearchType, string> = {
  name: 'q=<last name>',
  phrase: 'q=<plain-language phrase>',
  filters: 'city + min_amount + year',
  employer: 'employer=<employer>',
  sorted: 'recipient=<id>, sort=-amount',
};
/** Used only when a drawn search was already sent: the same search, another page size. */
const PAGE_SIZE_VARIANTS = [24, 26, 23, 27, 22, 28, 21, 29, 20, 30];
/** "over $<n>" and min_amount thresholds. */
const AMOUNTS = [50, 100, 150, 200, 250, 300, 500, 750, 1000, 1500, 2000, 2500, 5000, 10000];

type TargetName = 'api' | 'direct';

const fmt = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const ms = (n: number): string => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) : '-');
const pct = (n: number): string => (Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%` : '-');
const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, t)));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ------------------------------------------------------------------ value pools

interface Weighted {
  values: string[];
  /** cumulative weights */
  cum: number[];
}

interface Pools {
  lastNames: string[];
  cities: Weighted;
  /** occupations the plain-language reader takes as one, as [singular, plural] */
  occupations: { values: [string, string][]; cum: number[] };
  employers: Weighted;
  years: Weighted;
  recipients: string[];
}

function weighted<T>(rows: { v: T; n: number }[]): { values: T[]; cum: number[] } {
  const values: T[] = [];
  const cum: number[] = [];
  let sum = 0;
  for (const r of rows) {
    sum += r.n;
    values.push(r.v);
    cum.push(sum);
  }
  return { values, cum };
}

function pickWeighted<T>(w: { values: T[]; cum: number[] }, rng: () => number): T {
  const x = rng() * w.cum[w.cum.length - 1]!;
  let lo = 0;
  let hi = w.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return w.values[lo]!;
}

const pick = <T>(a: readonly T[], rng: () => number): T => a[Math.floor(rng() * a.length)]!;

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function phrase(occupationPlural: string, city: string, amount: number, year: string): string {
  return `contributions from ${occupationPlural} in ${city} over $${amount.toLocaleString('en-US')} in ${year}`;
}

/** Does the API read the phrase as exactly these filters, with no text left over? */
function phraseReads(q: string, occupation: string, city: string, amount: number, year: string): boolean {
  const u = parseSearchRequest('contributions', { q }).understood;
  const f = u.filters;
  return u.text === null && f['occupation'] === occupation && f['city'] === city && f['min_amount'] === amount && f['year'] === Number(year) && Object.keys(f).length === 4;
}

/** Real values of the current versions of the contributions, most common spelling of each. */
async function loadPools(pool: pg.Pool): Promise<Pools> {
  const c = await pool.connect();
  try {
    await c.query(`CREATE TEMP TABLE cur AS
      SELECT t.filing_id, t.entity_cd, trim(t.ctrib_naml) AS naml, trim(t.ctrib_city) AS city, trim(t.ctrib_emp) AS emp,
             lower(trim(t.ctrib_occ)) AS occ, t.rcpt_date
        FROM contributions t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id`);
    const rows = async (sql: string): Promise<{ v: string; n: number }[]> => (await c.query<{ v: string; n: number }>(sql)).rows;
    const lastNames = await rows(`SELECT mode() WITHIN GROUP (ORDER BY naml) AS v, count(*)::int AS n FROM cur
       WHERE entity_cd = 'IND' AND naml ~ '^[A-Za-z][A-Za-z'' -]*[A-Za-z]$' AND length(naml) >= 3 GROUP BY lower(naml) ORDER BY md5(lower(naml))`);
    const cities = await rows(`SELECT mode() WITHIN GROUP (ORDER BY city) AS v, count(*)::int AS n FROM cur
       WHERE city ~ '^[A-Za-z][A-Za-z .''-]*[A-Za-z]$' GROUP BY lower(city) ORDER BY md5(lower(city))`);
    const employers = await rows(`SELECT mode() WITHIN GROUP (ORDER BY emp) AS v, count(*)::int AS n FROM cur
       WHERE length(emp) >= 3 AND emp ~ '[A-Za-z]{2}'
         AND lower(emp) !~ '^(n/?a|none|not employed|unemployed|retired|self|self[- ]employed.*|homemaker|same|info requested.*|requested|unknown)$'
       GROUP BY lower(emp) ORDER BY md5(lower(emp))`);
    const occupations = await rows(`SELECT occ AS v, count(*)::int AS n FROM cur WHERE occ ~ '^[a-z][a-z ]*[a-z]$' GROUP BY occ ORDER BY occ`);
    const years = await rows(`SELECT extract(year FROM rcpt_date)::int::text AS v, count(*)::int AS n FROM cur WHERE rcpt_date IS NOT NULL
       GROUP BY 1 HAVING count(*) >= 1000 ORDER BY 1`);
    const recipients = await rows(`SELECT fv.filer_id AS v, count(*)::int AS n FROM cur
       JOIN (SELECT DISTINCT ON (filing_id) filing_id, filer_id FROM filing_versions WHERE filer_id IS NOT NULL ORDER BY filing_id, amend_id DESC) fv USING (filing_id)
       WHERE fv.filer_id ~ '^[0-9]+$' GROUP BY 1 HAVING count(*) >= 5 ORDER BY md5(fv.filer_id)`);
    await c.query('DROP TABLE cur');
    // Occupations as people name them in the plural, kept only where the reader agrees.
    const occ = occupations
      .filter((r) => !r.v.endsWith('ed') && phraseReads(phrase(plural(r.v), 'Fresno', 500, '2010'), r.v, 'Fresno', 500, '2010'))
      .map((r) => ({ v: [r.v, plural(r.v)] as [string, string], n: r.n }));
    const pools: Pools = {
      lastNames: lastNames.map((r) => r.v),
      cities: weighted(cities),
      occupations: weighted(occ),
      employers: weighted(employers),
      years: weighted(years),
      recipients: recipients.map((r) => r.v),
    };
    for (const [name, size] of Object.entries({ 'last names': pools.lastNames.length, cities: cities.length, occupations: occ.length, employers: employers.length, years: years.length, recipients: recipients.length })) {
      if (size === 0) throw new Error(`no ${name} found in the imported data`);
    }
    return pools;
  } finally {
    c.release();
  }
}

// ------------------------------------------------------------------ requests (worker side)

interface BenchRequest {
  type: SearchType;
  /** path and query string of the API request */
  path: string;
  /** the Elasticsearch request the API sends for it */
  body: estypes.SearchRequest;
  /** total the first target saw, checked against the second */
  total?: number;
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

class RequestGenerator {
  /** requestKey of every search made in this run: the service's cache key. */
  private readonly used = new Set<string>();
  made = 0;
  /** searches varied (page size, or a year for a recipient) to keep them distinct */
  varied = 0;

  constructor(
    private readonly pools: Pools,
    private readonly alias: string,
  ) {}

  private draw(type: SearchType, rng: () => number): Record<string, string> | null {
    const p = this.pools;
    switch (type) {
      case 'name':
        return { q: pick(p.lastNames, rng) };
      case 'phrase': {
        const [occupation, occupations] = pickWeighted(p.occupations, rng);
        const city = pickWeighted(p.cities, rng);
        const amount = pick(AMOUNTS, rng);
        const year = pickWeighted(p.years, rng);
        const q = phrase(occupations, city, amount, year);
        return phraseReads(q, occupation, city, amount, year) ? { q } : null;
      }
      case 'filters':
        return { city: pickWeighted(p.cities, rng), min_amount: String(pick(AMOUNTS, rng)), year: pickWeighted(p.years, rng) };
      case 'employer':
        return { employer: pickWeighted(p.employers, rng) };
      case 'sorted':
        return { recipient: pick(p.recipients, rng), sort: '-amount' };
    }
  }

  make(type: SearchType, rng: () => number): BenchRequest {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const drawn = this.draw(type, rng);
      if (!drawn) continue;
      // Already sent: a recipient's largest contributions in one year, or the same search
      // with another page size (a cache miss all the same).
      const variants: Record<string, string>[] = [
        drawn,
        ...(type === 'sorted' ? this.pools.years.values.map((year) => ({ ...drawn, year })) : []),
        ...PAGE_SIZE_VARIANTS.map((size) => ({ ...drawn, page_size: String(size) })),
      ];
      for (const query of variants) {
        const request = parseSearchRequest('contributions', query);
        const key = requestKey(request);
        if (this.used.has(key)) continue;
        this.used.add(key);
        this.made++;
        if (query !== drawn) this.varied++;
        return { type, path: `/api/v1/contributions?${new URLSearchParams(query).toString()}`, body: buildSearch(request, this.alias) };
      }
    }
    throw new Error(`no new "${type}" search left after 1,000 draws: the value pools are too small for this run`);
  }
}

/** A fresh run of requests, the types in turn, made as far as a target asks for. */
class Sequence {
  private readonly items: BenchRequest[] = [];
  private readonly rng: () => number;
  constructor(
    private readonly gen: RequestGenerator,
    seed: number,
  ) {
    this.rng = mulberry32(seed);
  }
  get(i: number): BenchRequest {
    while (this.items.length <= i) this.items.push(this.gen.make(TYPES[this.items.length % TYPES.length]!, this.rng));
    return this.items[i]!;
  }
}

// ------------------------------------------------------------------ load (worker side)

interface Outcome {
  ok: boolean;
  total: number | null;
  /** size of the answer in bytes (asked for during the warm-up only: it costs a stringify for Elasticsearch's) */
  size: () => number;
  error?: string;
}

type Send = (r: BenchRequest) => Promise<Outcome>;

/** The load clients' HTTP client for the API: undici (the default) is the client the
 *  direct target's Elasticsearch client sends with, so the two targets differ only by the
 *  server they ask; node:http is kept to compare (--api-client http). */
type ApiClientKind = 'undici' | 'http';

interface ApiClient {
  send: Send;
  close(): Promise<void>;
}

/** What a client does with an answer of the API, whichever the HTTP client. */
function apiOutcome(status: number, buf: Buffer): Outcome {
  const fail = (error: string): Outcome => ({ ok: false, total: null, size: () => buf.length, error });
  if (status !== 200) return fail(`HTTP ${status}: ${buf.toString('utf8', 0, 300)}`);
  try {
    const body = JSON.parse(buf.toString('utf8')) as { total?: { value?: number }; results?: unknown };
    if (!Array.isArray(body.results)) return fail('200 without results');
    return { ok: true, total: body.total?.value ?? null, size: () => buf.length };
  } catch {
    return fail('200 with a body that is not JSON');
  }
}

function apiClient(kind: ApiClientKind, baseUrl: string, connections: number): ApiClient {
  const failed = (err: unknown): Outcome => ({ ok: false, total: null, size: () => 0, error: err instanceof Error ? err.message : String(err) });
  if (kind === 'undici') {
    // As the Elasticsearch client's connection (@elastic/transport UndiciConnection): a
    // keep-alive pool, no pipelining, the body read chunk by chunk.
    const pool = new Pool(baseUrl, { connections, pipelining: 1, keepAliveTimeout: 120_000 });
    return {
      send: async (r) => {
        try {
          const res = await pool.request({ path: r.path, method: 'GET', headers: { accept: 'application/json' }, headersTimeout: HTTP_TIMEOUT_MS, bodyTimeout: HTTP_TIMEOUT_MS });
          const chunks: Buffer[] = [];
          for await (const chunk of res.body) chunks.push(chunk as Buffer);
          return apiOutcome(res.statusCode, Buffer.concat(chunks));
        } catch (err) {
          return failed(err);
        }
      },
      close: () => pool.destroy(),
    };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send: Send = (r) =>
    new Promise<Outcome>((resolve) => {
      const req = http.request(`${baseUrl}${r.path}`, { agent, headers: { accept: 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', (err) => resolve(failed(err)));
        res.once('end', () => resolve(apiOutcome(res.statusCode ?? 0, Buffer.concat(chunks))));
      });
      req.setTimeout(HTTP_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${HTTP_TIMEOUT_MS / 1000} s`)));
      req.once('error', (err) => resolve(failed(err)));
      req.end();
    });
  return {
    send,
    close: () => {
      agent.destroy();
      return Promise.resolve();
    },
  };
}

function directSender(es: Client): Send {
  return async (r) => {
    try {
      const res = await es.search<Record<string, unknown>>(r.body, SEARCH_OPTIONS);
      const t = res.hits.total;
      return { ok: true, total: typeof t === 'number' ? t : (t?.value ?? null), size: () => Buffer.byteLength(JSON.stringify(res)) };
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      return { ok: false, total: null, size: () => 0, error: `${status ? `HTTP ${status}: ` : ''}${err instanceof Error ? err.message : String(err)}`.slice(0, 300) };
    }
  };
}

interface TargetStats {
  requests: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  latencies: number[];
  byType: Record<SearchType, number[]>;
  zeroHits: number;
  /** totals that differ from the other target's for the same request */
  mismatches: number;
  bytes: number;
  /** event-loop utilisation of the load clients' thread while this target ran */
  clientElu: { active: number; idle: number };
}

const newStats = (): TargetStats => ({
  requests: 0,
  errors: 0,
  errorSamples: [],
  seconds: 0,
  latencies: [],
  byType: { name: [], phrase: [], filters: [], employer: [], sorted: [] },
  zeroHits: 0,
  mismatches: 0,
  bytes: 0,
  clientElu: { active: 0, idle: 0 },
});

/** Closed loop: `concurrency` clients, each sending its next request when the last is answered, until the deadline. */
async function runSlice(send: Send, seq: Sequence, concurrency: number, seconds: number, stats: TargetStats, sizes = false): Promise<void> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const elu0 = performance.eventLoopUtilization();
  let next = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline && next < MAX_PER_SLICE) {
      const r = seq.get(next++);
      const t = performance.now();
      const o = await send(r);
      const took = performance.now() - t;
      stats.requests++;
      if (!o.ok) {
        stats.errors++;
        if (stats.errorSamples.length < 5) stats.errorSamples.push(`${r.path}: ${o.error ?? '?'}`);
        continue;
      }
      stats.latencies.push(took);
      stats.byType[r.type].push(took);
      if (sizes) stats.bytes += o.size();
      if (o.total === 0) stats.zeroHits++;
      if (o.total !== null) {
        if (r.total === undefined) r.total = o.total;
        else if (r.total !== o.total) stats.mismatches++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  stats.seconds += (performance.now() - started) / 1000;
  const elu = performance.eventLoopUtilization(elu0);
  stats.clientElu.active += elu.active;
  stats.clientElu.idle += elu.idle;
}

interface WorkerInput {
  apiUrl: string;
  alias: string;
  pools: Pools;
  levels: number[];
  seconds: number;
  warmupSeconds: number;
  jitWarmupSeconds: number;
  apiClient: ApiClientKind;
}

interface LevelResult {
  concurrency: number;
  api: TargetStats;
  direct: TargetStats;
  warmupErrors: number;
  /** average size of the answers during the warm-up, bytes */
  answerBytes: Record<TargetName, number>;
}

type ToMain =
  | { type: 'phase'; id: number; edge: 'start' | 'end'; level: number; target: TargetName }
  | { type: 'log'; line: string }
  | { type: 'done'; results: LevelResult[]; made: number; varied: number };

async function workerMain(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const es = createSearchClient(loadConfig());
  const gen = new RequestGenerator(input.pools, input.alias);
  const acks = new Map<number, () => void>();
  port.on('message', (m: { type: 'ack'; id: number }) => {
    acks.get(m.id)?.();
    acks.delete(m.id);
  });
  let nextId = 0;
  const phase = (edge: 'start' | 'end', level: number, target: TargetName): Promise<void> =>
    new Promise((resolve) => {
      const id = nextId++;
      acks.set(id, resolve);
      port.postMessage({ type: 'phase', id, edge, level, target } satisfies ToMain);
    });
  const log = (line: string): void => port.postMessage({ type: 'log', line } satisfies ToMain);
  const sliceSeconds = input.seconds / ROUNDS;
  const results: LevelResult[] = [];
  try {
    // A server's steady state: the API process compiles its hot paths (V8 optimises the
    // Express, client and query code) over its first thousands of requests. Measured on one
    // `serve` process, 2,000 distinct searches at 8 clients: 1.22 ms of API CPU a search in
    // the first 2,000, 0.83 ms in the next 2,000. Without this, the first level measured the
    // compiler as much as the API. Both targets warm up alike, in alternate halves.
    if (input.jitWarmupSeconds > 0) {
      const api = apiClient(input.apiClient, input.apiUrl, JIT_WARMUP_CLIENTS);
      const senders: Record<TargetName, Send> = { api: api.send, direct: directSender(es) };
      const counts: Record<TargetName, TargetStats> = { api: newStats(), direct: newStats() };
      for (let half = 0; half < 2; half++) {
        for (const target of half === 0 ? (['api', 'direct'] as const) : (['direct', 'api'] as const)) {
          await runSlice(senders[target], new Sequence(gen, 1_000 + half * 2 + (target === 'api' ? 1 : 2)), JIT_WARMUP_CLIENTS, input.jitWarmupSeconds / 2, counts[target]);
        }
      }
      await api.close();
      const errors = counts.api.errors + counts.direct.errors;
      if (errors > 0) throw new Error(`${errors} errors during the warm-up: ${[...counts.api.errorSamples, ...counts.direct.errorSamples].join('; ')}`);
      log(`  warm-up (${JIT_WARMUP_CLIENTS} clients, ${input.jitWarmupSeconds} s per target, not measured): API ${fmt(counts.api.requests)} searches, direct ${fmt(counts.direct.requests)}`);
    }
    for (const [li, level] of input.levels.entries()) {
      const api = apiClient(input.apiClient, input.apiUrl, level);
      const senders: Record<TargetName, Send> = { api: api.send, direct: directSender(es) };
      const result: LevelResult = { concurrency: level, api: newStats(), direct: newStats(), warmupErrors: 0, answerBytes: { api: 0, direct: 0 } };
      // Warm-up: its own requests, not counted (bar errors); sizes the answers.
      for (const target of ['api', 'direct'] as const) {
        const w = newStats();
        await runSlice(senders[target], new Sequence(gen, 10_000 * (li + 1) + (target === 'api' ? 1 : 2)), level, input.warmupSeconds, w, true);
        result.warmupErrors += w.errors;
        result.answerBytes[target] = w.bytes / Math.max(1, w.latencies.length);
      }
      for (let round = 0; round < ROUNDS; round++) {
        const seq = new Sequence(gen, 10_000 * (li + 1) + 100 + round);
        const order: TargetName[] = round % 2 === 0 ? ['api', 'direct'] : ['direct', 'api'];
        for (const target of order) {
          await phase('start', level, target);
          await runSlice(senders[target], seq, level, sliceSeconds, result[target]);
          await phase('end', level, target);
        }
      }
      await api.close();
      results.push(result);
      const a = result.api.latencies.sort((x, y) => x - y);
      const d = result.direct.latencies.sort((x, y) => x - y);
      log(
        `  concurrency ${String(level).padStart(2)}: API ${fmt(result.api.requests)} requests, median ${ms(percentile(a, 50))} ms; direct ${fmt(result.direct.requests)} requests, median ${ms(percentile(d, 50))} ms`,
      );
    }
    port.postMessage({ type: 'done', results, made: gen.made, varied: gen.varied } satisfies ToMain);
  } finally {
    await es.close();
  }
}

// ------------------------------------------------------------------ machine usage (main side)

interface Snapshot {
  at: number;
  cpuBusy: number;
  cpuTotal: number;
  own: NodeJS.CpuUsage;
  esCpuMs: number;
  esQueries: number;
  /** node-wide: documents indexed and shard searches, anyone's */
  esIndexed: number;
  esNodeQueries: number;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
}

interface Usage {
  wallMs: number;
  /** jiffies */
  cpuBusy: number;
  cpuTotal: number;
  ownMicros: number;
  esCpuMs: number;
  esQueries: number;
  /** Elasticsearch work for others: documents indexed, shard searches on other indices */
  othersIndexed: number;
  othersQueries: number;
  eluActive: number;
  eluIdle: number;
}

const newUsage = (): Usage => ({ wallMs: 0, cpuBusy: 0, cpuTotal: 0, ownMicros: 0, esCpuMs: 0, esQueries: 0, othersIndexed: 0, othersQueries: 0, eluActive: 0, eluIdle: 0 });

function procStat(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - f[3]! - f[4]!, total };
}

/** Other benchmarks and imports of this repository running now, by pid (read from /proc; nothing is touched). */
function otherBenches(into = new Map<string, string>()): Map<string, string> {
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        const m = /(\w+-bench)\.js/.exec(cmd);
        if (m && m[1] !== 'search-bench') into.set(pid, m[1]!);
        else if (/\bimport calaccess\b/.test(cmd)) into.set(pid, 'import');
      } catch {
        // gone, or not ours to read
      }
    }
  } catch {
    // no /proc
  }
  return into;
}

function describeOthers(found: Map<string, string>): string {
  const byName = new Map<string, string[]>();
  for (const [pid, name] of found) byName.set(name, [...(byName.get(name) ?? []), pid]);
  return [...byName]
    .map(([name, pids]) => (name === 'import' ? `${pids.length} \`disclosure import\` process${pids.length > 1 ? 'es' : ''}` : `${name} (pid ${pids.join(', ')})`))
    .join(', ');
}

// ------------------------------------------------------------------ API thread profile (main side)

/** Samples the API thread (this one) while the API slices run; nothing in between. */
class ApiProfiler {
  readonly profiles: Profiler.Profile[] = [];
  private readonly session = new Session();
  async open(): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 1000 });
  }
  async start(): Promise<void> {
    await this.session.post('Profiler.start');
  }
  async stop(): Promise<void> {
    this.profiles.push((await this.session.post('Profiler.stop')).profile);
  }
  close(): void {
    this.session.disconnect();
  }
}

/** Where a script belongs: a package, a file of this project, or a part of Node. */
function moduleOf(url: string): string | null {
  if (!url) return null;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/dist\/(.+)$/.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').replace(/\/[^/]*$/, '').replace(/^node:([a-z_]+)$/, 'node:$1');
  return url;
}

/** Self time of the sampled thread by the nearest JavaScript module (builtins count for their caller) and by function. */
function profileSummary(profiles: readonly Profiler.Profile[]): { totalMs: number; idleMs: number; byModule: [string, number][]; byFunction: [string, number][] } {
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const prof of profiles) {
    const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const owner = new Map<number, string>();
    const ownerOf = (id: number): string => {
      const known = owner.get(id);
      if (known !== undefined) return known;
      const n = nodes.get(id)!;
      const mine = moduleOf(n.callFrame.url);
      const up = parent.get(id);
      const o = mine ?? (up === undefined ? '(root)' : ownerOf(up));
      owner.set(id, o);
      return o;
    };
    const samples = prof.samples ?? [];
    const deltas = prof.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      // A sample's time is the gap to the next one.
      const dt = (deltas[i + 1] ?? 0) / 1000;
      const n = nodes.get(samples[i]!)!;
      const name = n.callFrame.functionName;
      totalMs += dt;
      if (name === '(idle)') {
        idleMs += dt;
        continue;
      }
      const mod = name === '(garbage collector)' || name === '(program)' ? name : ownerOf(n.id);
      byModule.set(mod, (byModule.get(mod) ?? 0) + dt);
      const fn = `${name || '(anonymous)'}${n.callFrame.url ? ` ${moduleOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ` [builtin, in ${mod}]`}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>, k: number): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { totalMs, idleMs, byModule: top(byModule, 14), byFunction: top(byFunction, 20) };
}

// ------------------------------------------------------------------ main

const cleanups: (() => Promise<unknown>)[] = [];
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
}

const ensureExport = (rows: number, cacheDir: string): Promise<{ dir: string; temporary: boolean }> =>
  cachedExport({ rows, cacheDir, seed: SEED, dirtyRate: DIRTY_RATE, sampleDir: SAMPLE });

function summarize(s: TargetStats): { rps: number; p50: number; p90: number; p99: number } {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return { rps: s.requests / s.seconds, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '15' },
      'jit-warmup-seconds': { type: 'string', default: String(JIT_WARMUP_SECONDS) },
      levels: { type: 'string', default: LEVELS.join(',') },
      keep: { type: 'boolean' },
      reuse: { type: 'string' },
      profile: { type: 'string' },
      'api-client': { type: 'string', default: 'undici' },
    },
  });
  const rows = Number(values.rows);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(rows) || rows < 1000) throw new Error(`--rows must be a whole number of at least 1000 (got ${values.rows})`);
  if (!Number.isFinite(seconds) || seconds < 2 || seconds > 600) throw new Error(`--seconds must be from 2 to 600 (got ${values.seconds})`);
  const jitWarmupSeconds = Number(values['jit-warmup-seconds']);
  if (!Number.isFinite(jitWarmupSeconds) || jitWarmupSeconds < 0 || jitWarmupSeconds > 600) throw new Error(`--jit-warmup-seconds must be from 0 to 600 (got ${values['jit-warmup-seconds']})`);
  const levels = values.levels.split(',').map(Number);
  if (levels.some((l) => !Number.isInteger(l) || l < 1 || l > 64)) throw new Error(`--levels must be client counts from 1 to 64, comma-separated (got ${values.levels})`);
  const apiClientKind = values['api-client'];
  if (apiClientKind !== 'undici' && apiClientKind !== 'http') throw new Error(`--api-client must be undici or http (got ${apiClientKind})`);
  const reuse = parseReuse(values.reuse);
  const keep = values.keep === true || reuse !== null;
  const config = loadConfig();
  const log = createLogger('warn', { bench: 'search' });
  const t0 = performance.now();
  const prefix = reuse ? reuse.prefix : `benchsearch-${process.pid}-${Date.now().toString(36)}-`;

  const es = createSearchClient(config);
  cleanups.push(() => es.close());
  const info = await es.nodes.info({ node_id: '_local', metric: 'jvm', filter_path: 'nodes.*.version,nodes.*.jvm.mem.heap_max_in_bytes' });
  const node = Object.values(info.nodes ?? {})[0];
  const esVersion = `${node?.version ?? '?'} (heap ${fmt((node?.jvm?.mem?.heap_max_in_bytes ?? 0) / 2 ** 20)} MB)`;
  const cpus = os.cpus().length;
  console.log(`search benchmark: ${fmt(rows)} contributions, Elasticsearch ${esVersion} at ${config.elasticsearchUrl}, PostgreSQL at ${new URL(config.databaseUrl).host}, index prefix ${prefix}`);
  console.log(`Node ${process.version}, ${cpus} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const othersAtStart = otherBenches();
  if (othersAtStart.size > 0) console.log(`NOTE: also running on this machine: ${describeOthers(othersAtStart)}`);

  // ---- data
  const work = path.join(config.cacheDir, 'bench', `search-bench-${process.pid}`);
  await mkdir(work, { recursive: true });
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  let db: TestDatabase;
  if (reuse) {
    db = openTestDatabase(reuse.database);
    cleanups.push(() => db.db.close());
    console.log(`reusing database ${reuse.database} and indices ${prefix}* (kept by an earlier --keep run)`);
  } else {
    const exp = await ensureExport(rows, config.cacheDir);
    if (exp.temporary) cleanups.push(() => (keep ? Promise.resolve() : rm(exp.dir, { recursive: true, force: true })));
    db = await createTestDatabase('bench_search');
    cleanups.push(() => (keep ? db.db.close() : db.drop()));
    cleanups.push(() => (keep ? Promise.resolve() : deleteIndices(es, prefix)));
    let t = performance.now();
    const imported = await importCalaccess(db.db.pool, { source: exp.dir, rejectsDir: path.join(work, 'rejects'), log });
    console.log(
      `imported ${exp.dir} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${fmt(imported.totals.loaded)} rows loaded, ${fmt(imported.totals.rejected)} rejected`,
    );
    for (const kind of ['contributions', 'filers', 'filings'] as const) {
      t = performance.now();
      const r = await rebuildKind({ es, db: db.db, prefix, log }, kind);
      if (r.failed > 0) throw new Error(`rebuild of ${kind} refused ${r.failed} documents`);
      console.log(`rebuildKind(${kind}): ${fmt(r.docs)} documents in ${((performance.now() - t) / 1000).toFixed(1)} s -> ${r.index}`);
    }
    if (keep) console.log(`kept for later runs: --reuse ${db.name}/${prefix}`);
  }
  const pool = db.db.pool;
  const alias = aliasName(prefix, 'contributions');
  // Merges left over from the bulk load would run during the measurements.
  for (let i = 0; i < 240; i++) {
    const st = await es.indices.stats({ index: `${prefix}*`, metric: 'merge' });
    if ((st._all.total?.merges?.current ?? 0) === 0) break;
    await sleep(500);
  }
  const stats = await es.indices.stats({ index: alias, metric: ['docs', 'store', 'segments'] });
  const prim = stats._all.primaries;
  const indexDocs = prim?.docs?.count ?? 0;
  const indexMb = (prim?.store?.size_in_bytes ?? 0) / 1e6;
  const settings = await es.indices.getSettings({ index: alias });
  const shards = Number(Object.values(settings)[0]?.settings?.index?.number_of_shards ?? 1);
  console.log(`contributions index: ${fmt(indexDocs)} documents, ${fmt(indexMb)} MB, ${prim?.segments?.count ?? '?'} segments, ${shards} shard(s)`);

  const t = performance.now();
  const pools = await loadPools(pool);
  console.log(
    `value pools from the database (${((performance.now() - t) / 1000).toFixed(1)} s): ${fmt(pools.lastNames.length)} last names, ${fmt(pools.cities.values.length)} cities, ${fmt(pools.employers.values.length)} employers, ${pools.occupations.values.length} occupations the phrase reader knows, ${pools.years.values.length} years (${pools.years.values[0]}-${pools.years.values[pools.years.values.length - 1]}), ${fmt(pools.recipients.length)} recipients`,
  );

  // ---- the API, in this process
  // The per-client rate limits off: every load client here is 127.0.0.1.
  const apiConfig = testConfig({ ES_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' });
  const apiEs = createSearchClient(apiConfig);
  cleanups.push(() => apiEs.close());
  const app = createApp({ config: apiConfig, db: db.db.kysely, es: apiEs, log });
  // Inside the API, during the API slices: each request's time from arrival to its answer
  // handed to the socket, and each search's time in the API's Elasticsearch client (from
  // before serialising the request to after parsing the answer).
  const inside = new Map<number, { server: number[]; es: number[] }>();
  let recording: { server: number[]; es: number[] } | null = null;
  const esStarted = new WeakMap<object, number>();
  apiEs.diagnostic.on('serialization', (_err, result) => {
    if (recording && result) esStarted.set(result.meta, performance.now());
  });
  apiEs.diagnostic.on('response', (_err, result) => {
    const t = result ? esStarted.get(result.meta) : undefined;
    if (recording && t !== undefined && String(result?.meta.request.params.path).endsWith('/_search')) recording.es.push(performance.now() - t);
  });
  const server = http.createServer((req, res) => {
    const t = performance.now();
    const into = recording;
    if (into) res.once('finish', () => into.server.push(performance.now() - t));
    app(req, res);
  });
  // The clients keep their connections between slices: no idle close racing a request.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(
    `API listening at ${apiUrl}; load clients in a worker thread (API asked with ${apiClientKind === 'undici' ? 'an undici pool, as the Elasticsearch client asks' : 'node:http'}); first ${jitWarmupSeconds} s per target at ${JIT_WARMUP_CLIENTS} clients (warm-up), then ${levels.join(', ')} clients, ${WARMUP_SECONDS} s warm-up + ${seconds} s per target and level`,
  );

  // ---- load
  const profiler = values.profile === undefined ? null : new ApiProfiler();
  if (profiler) {
    console.log('NOTE: --profile samples the API thread during the API slices: it slows them, so this run\'s API latencies and overheads are not representative');
    await profiler.open();
    cleanups.push(() => Promise.resolve(profiler.close()));
  }
  const usage = new Map<string, Usage>();
  const othersDuring = new Map<string, string>();
  let open: Snapshot | null = null;
  const snapshot = async (): Promise<Snapshot> => {
    const [nodes, idx] = await Promise.all([
      es.nodes.stats({
        node_id: '_local',
        metric: ['process', 'indices'],
        index_metric: ['indexing', 'search'],
        filter_path: ['nodes.*.process.cpu.total_in_millis', 'nodes.*.indices.indexing.index_total', 'nodes.*.indices.search.query_total'],
      }),
      es.indices.stats({ index: alias, metric: 'search' }),
    ]);
    const proc = procStat();
    return {
      at: performance.now(),
      cpuBusy: proc.busy,
      cpuTotal: proc.total,
      own: process.cpuUsage(),
      esCpuMs: Object.values(nodes.nodes ?? {})[0]?.process?.cpu?.total_in_millis ?? 0,
      esQueries: idx._all.primaries?.search?.query_total ?? 0,
      esIndexed: Object.values(nodes.nodes ?? {})[0]?.indices?.indexing?.index_total ?? 0,
      esNodeQueries: Object.values(nodes.nodes ?? {})[0]?.indices?.search?.query_total ?? 0,
      elu: performance.eventLoopUtilization(),
    };
  };
  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: { apiUrl, alias, pools, levels, seconds, warmupSeconds: WARMUP_SECONDS, jitWarmupSeconds, apiClient: apiClientKind } satisfies WorkerInput,
  });
  cleanups.push(() => worker.terminate());
  const done = await new Promise<Extract<ToMain, { type: 'done' }>>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited (${code}) before it was done`)));
    worker.on('message', (m: ToMain) => {
      if (m.type === 'log') console.log(m.line);
      else if (m.type === 'done') resolve(m);
      else {
        void (async () => {
          if (m.edge === 'end' && m.target === 'api') {
            recording = null;
            if (profiler) await profiler.stop();
          }
          const s = await snapshot();
          if (m.edge === 'start') {
            open = s;
            if (m.target === 'api') {
              if (!inside.has(m.level)) inside.set(m.level, { server: [], es: [] });
              recording = inside.get(m.level)!;
              if (profiler) await profiler.start();
            }
          } else if (open) {
            const key = `${m.level}:${m.target}`;
            const u = usage.get(key) ?? newUsage();
            const elu = performance.eventLoopUtilization(s.elu, open.elu);
            u.wallMs += s.at - open.at;
            u.cpuBusy += s.cpuBusy - open.cpuBusy;
            u.cpuTotal += s.cpuTotal - open.cpuTotal;
            u.ownMicros += s.own.user + s.own.system - open.own.user - open.own.system;
            u.esCpuMs += s.esCpuMs - open.esCpuMs;
            u.esQueries += s.esQueries - open.esQueries;
            u.othersIndexed += s.esIndexed - open.esIndexed;
            u.othersQueries += s.esNodeQueries - open.esNodeQueries - (s.esQueries - open.esQueries);
            u.eluActive += elu.active;
            u.eluIdle += elu.idle;
            usage.set(key, u);
            open = null;
            otherBenches(othersDuring);
          }
          worker.postMessage({ type: 'ack', id: m.id });
        })().catch(reject);
      }
    });
  });
  const { results } = done;

  // ---- report
  const rowsOut: string[] = [];
  const head = `${'clients'.padEnd(8)}${'target'.padEnd(8)}${'requests'.padStart(9)}${'errors'.padStart(7)}${'req/s'.padStart(8)}${'median'.padStart(9)}${'p90'.padStart(9)}${'p99'.padStart(9)}  ${'overhead'.padStart(9)}  ${'ES CPU'.padStart(7)}${'bench'.padStart(7)}${'other'.padStart(7)}${'API loop'.padStart(10)}${'clients'.padStart(9)}  ES for others`;
  const cores = (u: Usage | undefined, v: number): string => (u && u.wallMs > 0 ? (v / u.wallMs).toFixed(2) : '-');
  const summaries: { level: number; api: ReturnType<typeof summarize>; direct: ReturnType<typeof summarize>; overhead: number; errors: number; apiReq: number; dirReq: number }[] = [];
  let totalErrors = 0;
  let mismatches = 0;
  let cacheCheck = { requests: 0, searches: 0 };
  let maxOther = 0;
  const forOthers = { indexed: 0, queries: 0, ms: 0 };
  for (const r of results) {
    const a = summarize(r.api);
    const d = summarize(r.direct);
    const overhead = (a.p50 - d.p50) / d.p50;
    summaries.push({ level: r.concurrency, api: a, direct: d, overhead, errors: r.api.errors + r.direct.errors, apiReq: r.api.requests, dirReq: r.direct.requests });
    totalErrors += r.api.errors + r.direct.errors + r.warmupErrors;
    mismatches += r.api.mismatches + r.direct.mismatches;
    for (const target of ['direct', 'api'] as const) {
      const s = r[target];
      const x = target === 'api' ? a : d;
      const u = usage.get(`${r.concurrency}:${target}`);
      // Machine CPU in cores: /proc/stat counts jiffies of all CPUs.
      const machineCores = u && u.cpuTotal > 0 ? (u.cpuBusy / u.cpuTotal) * cpus : NaN;
      const esCores = u ? u.esCpuMs / u.wallMs : NaN;
      const ownCores = u ? u.ownMicros / 1000 / u.wallMs : NaN;
      const other = Math.max(0, machineCores - esCores - ownCores);
      maxOther = Math.max(maxOther, Number.isFinite(other) ? other : 0);
      if (u) {
        forOthers.indexed += u.othersIndexed;
        forOthers.queries += u.othersQueries;
        forOthers.ms += u.wallMs;
      }
      const othersEs = u ? `${fmt(u.othersIndexed / (u.wallMs / 1000))} docs/s, ${fmt(u.othersQueries / (u.wallMs / 1000))} searches/s` : '';
      if (target === 'api' && u) cacheCheck = { requests: cacheCheck.requests + s.requests, searches: cacheCheck.searches + u.esQueries / shards };
      rowsOut.push(
        `${String(r.concurrency).padEnd(8)}${(target === 'api' ? 'API' : 'direct').padEnd(8)}${fmt(s.requests).padStart(9)}${String(s.errors).padStart(7)}${x.rps.toFixed(1).padStart(8)}${ms(x.p50).padStart(9)}${ms(x.p90).padStart(9)}${ms(x.p99).padStart(9)}  ${(target === 'api' ? pct(overhead) : '').padStart(9)}  ${cores(u, u?.esCpuMs ?? NaN).padStart(7)}${(Number.isFinite(ownCores) ? ownCores.toFixed(2) : '-').padStart(7)}${(Number.isFinite(other) ? other.toFixed(2) : '-').padStart(7)}${(target === 'api' && u ? `${((u.eluActive / (u.eluActive + u.eluIdle)) * 100).toFixed(0)}%` : '').padStart(10)}${`${((s.clientElu.active / (s.clientElu.active + s.clientElu.idle)) * 100).toFixed(0)}%`.padStart(9)}  ${othersEs}`,
      );
    }
  }
  console.log('');
  console.log('latencies in ms (successful requests), overhead = (API - direct) / direct at the median;');
  console.log('CPU in cores while the target ran: ES = Elasticsearch (all its work, for anyone), bench = this process (API + load clients), other = the rest of the machine;');
  console.log('"API loop" = event-loop utilisation of the API thread, "clients" = of the load-client thread');
  console.log(head);
  for (const line of rowsOut) console.log(line);

  console.log('');
  console.log('median ms by search (API / direct):');
  console.log(`${''.padEnd(30)}${levels.map((l) => `${l} client${l > 1 ? 's' : ''}`.padStart(22)).join('')}`);
  for (const type of TYPES) {
    const cells = results.map((r) => {
      const a = percentile([...r.api.byType[type]].sort((x, y) => x - y), 50);
      const d = percentile([...r.direct.byType[type]].sort((x, y) => x - y), 50);
      return `${ms(a)} / ${ms(d)} (${pct((a - d) / d)})`.padStart(22);
    });
    console.log(`${TYPE_LABELS[type].padEnd(30)}${cells.join('')}`);
  }
  const answerKb = (t: TargetName): string => fmt(results.reduce((n, r) => n + r.answerBytes[t], 0) / results.length / 1000);
  const apiAll = results.reduce((n, r) => n + r.api.requests - r.api.errors, 0);
  const zero = results.reduce((n, r) => n + r.api.zeroHits, 0);
  console.log('');
  console.log(
    `${fmt(done.made)} distinct searches made (${fmt(done.varied)} of them varied to stay distinct: a year added to a recipient, or a page size other than 25); answers average ${answerKb('api')} kB from the API, ${answerKb('direct')} kB from Elasticsearch (JSON, sized in the warm-ups); ${((zero / Math.max(1, apiAll)) * 100).toFixed(0)}% with no match`,
  );
  const cacheHits = Math.max(0, cacheCheck.requests - Math.round(cacheCheck.searches));
  console.log(
    `cache check: Elasticsearch ran ${fmt(cacheCheck.searches)} searches on the contributions index for ${fmt(cacheCheck.requests)} measured API requests (${cacheHits === 0 ? 'no answer came from the cache' : `${fmt(cacheHits)} answered without a search`})`,
  );
  console.log('');
  console.log('where the API time goes (medians, ms): client-measured API latency = in the API process (arrival to answer sent) + HTTP on loopback and the client;');
  console.log('in the API process = its Elasticsearch call (serialise, send, wait, parse) + its own work (HTTP handling, parse + build the request, shape + send the answer)');
  console.log(`${'clients'.padEnd(8)}${'API latency'.padStart(12)}${'in API'.padStart(9)}${'ES call in API'.padStart(16)}${'direct latency'.padStart(16)}${'API own'.padStart(9)}${'HTTP+client'.padStart(13)}`);
  for (const r of results) {
    const i = inside.get(r.concurrency);
    if (!i) continue;
    const med = (a: number[]): number => percentile([...a].sort((x, y) => x - y), 50);
    const apiMed = med(r.api.latencies);
    const serverMed = med(i.server);
    const esMed = med(i.es);
    console.log(
      `${String(r.concurrency).padEnd(8)}${ms(apiMed).padStart(12)}${ms(serverMed).padStart(9)}${ms(esMed).padStart(16)}${ms(med(r.direct.latencies)).padStart(16)}${ms(serverMed - esMed).padStart(9)}${ms(apiMed - serverMed).padStart(13)}`,
    );
  }
  console.log(`same requests: ${mismatches === 0 ? 'every total the API gave equals the one Elasticsearch gave for the same search' : `${mismatches} totals DIFFER between the API and the direct search`}`);
  for (const r of results) for (const t of ['api', 'direct'] as const) for (const e of r[t].errorSamples) console.log(`error (${r.concurrency} clients, ${t}): ${e}`);
  if (profiler && values.profile !== undefined) {
    await mkdir(values.profile, { recursive: true });
    for (const [i, prof] of profiler.profiles.entries()) await writeFile(path.join(values.profile, `api-slice-${i + 1}.cpuprofile`), JSON.stringify(prof));
    const p = profileSummary(profiler.profiles);
    const busyMs = p.totalMs - p.idleMs;
    const measured = results.reduce((n, r) => n + r.api.requests, 0);
    console.log('');
    console.log(
      `API thread profile (${profiler.profiles.length} slices -> ${values.profile}): busy ${fmt(busyMs)} ms of ${fmt(p.totalMs)} ms, ${(busyMs / Math.max(1, measured)).toFixed(2)} ms per request; self time by module (builtins count for their caller):`,
    );
    for (const [mod, t] of p.byModule) console.log(`  ${((t / busyMs) * 100).toFixed(1).padStart(5)}%  ${(t / Math.max(1, measured)).toFixed(3)} ms/req  ${mod}`);
    console.log('top functions by self time:');
    for (const [fn, t] of p.byFunction) console.log(`  ${((t / busyMs) * 100).toFixed(1).padStart(5)}%  ${fn}`);
  }

  const worst = Math.max(...summaries.map((s) => s.overhead));
  const ok = worst < GOAL_OVERHEAD && totalErrors === 0;
  const othersIndexRate = forOthers.indexed / Math.max(1, forOthers.ms / 1000);
  const othersSearchRate = forOthers.queries / Math.max(1, forOthers.ms / 1000);
  const busy = othersDuring.size > 0 || maxOther > 0.3 || othersIndexRate > 10 || othersSearchRate > 5;
  const esOthers = `Elasticsearch worked for others meanwhile (${fmt(othersIndexRate)} documents indexed/s, ${fmt(othersSearchRate)} shard searches/s on average)`;
  const busyNote = busy
    ? `Machine busy during the measurements: ${othersDuring.size > 0 ? `${describeOthers(othersDuring)} running; ` : ''}up to ${maxOther.toFixed(2)} of ${cpus} cores used by other processes; ${esOthers}.`
    : `Machine otherwise idle during the measurements (other processes at most ${maxOther.toFixed(2)} of ${cpus} cores; ${esOthers}).`;
  console.log('');
  console.log('--- summary -------------------------------------------------------------------------');
  console.log(`Search benchmark (test/bench/search-bench.ts): ${fmt(rows)} generated contributions (seed ${SEED}, dirty rate ${DIRTY_RATE}),`);
  console.log(`${fmt(indexDocs)} documents in the contributions index (${fmt(indexMb)} MB, ${shards} shard); Elasticsearch ${esVersion}, Node ${process.version}, ${cpus} CPUs.`);
  console.log(`Mix of five first-page searches with facets on /api/v1/contributions (last name, plain-language phrase, city + min amount + year,`);
  console.log(`employer, recipient sorted by amount), values drawn from the database, every request distinct (no cache hits).`);
  console.log(`Closed loop after ${jitWarmupSeconds} s per target of warm-up at ${JIT_WARMUP_CLIENTS} clients; then ${WARMUP_SECONDS} s warm-up + ${seconds} s per level and target, API and direct interleaved in ${ROUNDS} slices with the same requests;`);
  console.log(
    `direct = the same Elasticsearch request the API sends, with a client made as the API's; the API asked ${apiClientKind === 'undici' ? 'over an undici pool, the HTTP client under the Elasticsearch client' : 'with node:http (--api-client http; Elasticsearch is asked over undici)'}. Latencies in ms.`,
  );
  console.log('');
  console.log('| clients | API req/s | API median / p90 / p99 | direct req/s | direct median / p90 / p99 | overhead at median | errors |');
  console.log('|---|---|---|---|---|---|---|');
  for (const s of summaries) {
    console.log(
      `| ${s.level} | ${s.api.rps.toFixed(1)} | ${ms(s.api.p50)} / ${ms(s.api.p90)} / ${ms(s.api.p99)} | ${s.direct.rps.toFixed(1)} | ${ms(s.direct.p50)} / ${ms(s.direct.p90)} / ${ms(s.direct.p99)} | ${pct(s.overhead)} | ${s.errors} of ${fmt(s.apiReq + s.dirReq)} |`,
    );
  }
  console.log('');
  console.log(`Goal: overhead under ${GOAL_OVERHEAD * 100}% at the median and no errors: ${ok ? 'met' : 'NOT MET'} (worst ${pct(worst)}, ${totalErrors} errors).`);
  console.log(busyNote);
  console.log(`Whole run ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
  console.log('-------------------------------------------------------------------------------------');
  if (mismatches > 0) throw new Error('the API and the direct searches disagree on totals');
}

if (isMainThread) {
  runBenchmark(main, cleanUp);
} else {
  // A failure is an unhandled rejection: the worker stops, and the main thread sees its error.
  void workerMain(workerData as WorkerInput);
}
