// Benchmark: exports of 1 million generated contributions, rows per second and peak
// memory, each against its ceiling measured in the same run:
//   bulk dataset CSV (disclosure's writer)   vs  COPY (same query) TO STDOUT WITH CSV
//   search-result CSV through the API        vs  the raw point-in-time + search_after loop
//   XLSX through the API                     vs  exceljs's streaming writer fed rows from memory
// The API runs in a child process, so its peak RSS is its own (VmHWM).
// Usage (services up, project built): node dist/test/bench/export-bench.js [--rows 1000000] [--keep] [--only bulk,csv,xlsx]
// BENCH_API_NODE_ARGS adds Node options to the API process, e.g. "--cpu-prof --cpu-prof-dir=DIR"
// for a CPU profile of the API during the exports.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { generateCalaccess } from '../../src/import/generator.js';
import { importCalaccess } from '../../src/import/importer.js';
import { createLogger } from '../../src/logger.js';
import { BULK_DATASETS, bulkSelect } from '../../src/repositories/bulk-repository.js';
import { createSearchClient } from '../../src/search/client.js';
import { PIT_KEEP_ALIVE, SCAN_FILTER_PATH, SCAN_PAGE_SIZE, scanDocuments } from '../../src/search/scan.js';
import { writeBulkFile } from '../../src/services/bulk-datasets.js';
import { createTestDatabase } from '../support/test-db.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../src/cli/main.js');
const SAMPLE = path.resolve(here, '../../../../shared/data/calaccess-sample');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean' }, only: { type: 'string', default: 'bulk,csv,xlsx' } } });
const rows = Number(values.rows);
/** Which of the three to run (--only csv,xlsx): each stands alone. */
const parts = new Set(values.only.split(','));
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

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
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

async function startApi(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // As npm start and docker-compose run it: the heap capped at 256 MB (V8 otherwise grows
  // its heap lazily into whatever the machine has before collecting).
  const child = spawn(process.execPath, ['--max-old-space-size=256', ...(process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean), CLI, 'serve'], { env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((r) => http.get({ host: '127.0.0.1', port, path: '/health' }, (res) => r(res.statusCode === 200)).on('error', () => r(false)));
    if (ok) return { child, port };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the API did not start');
}

async function main(): Promise<void> {
  console.log(`export benchmark: ${fmt(rows)} generated contributions`);
  const exportDir = path.join(config.cacheDir, 'bench', `export-${rows}-seed1`);
  if (!existsSync(path.join(exportDir, 'generator-manifest.json'))) {
    await generateCalaccess({ rows, out: exportDir, sampleDir: SAMPLE, seed: 1, dirtyRate: 0.002 });
  }
  const t = await createTestDatabase('bench_export');
  const prefix = `bench-export-${process.pid}-`;
  const es = createSearchClient(config);
  const work = mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
  let api: { child: ChildProcess; port: number } | null = null;
  try {
    await importCalaccess(t.db.pool, {
      source: exportDir,
      rejectsDir: path.join(work, 'rejects'),
      log,
      only: ['FILERS_CD.TSV', 'FILERNAME_CD.TSV', 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV', 'FILER_FILINGS_CD.TSV', 'RCPT_CD.TSV'],
    });
    await rebuildKind({ es, pool: t.db.pool, prefix, log }, 'contributions');
    const lines: string[] = [];
    const say = (s: string): void => {
      lines.push(s);
      console.log(s);
    };

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

    // 2. Search CSV through the API vs the raw point-in-time loop of the same query.
    api = await startApi({ DATABASE_URL: t.url, ES_INDEX_PREFIX: prefix, EXPORT_DIR: work });
    const alias = aliasName(prefix, 'contributions');
    await es.indices.refresh({ index: alias });
    const rawRows = (await es.count({ index: alias })).count;
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
      const csv = await download(api.port, '/api/v1/contributions.csv?versions=all');
      say(`search CSV: raw PIT loop ${fmt(rawRows / rawSeconds)} rows/s (${rawSeconds.toFixed(1)} s); 2 slices read at once ${fmt(rawRows / slicedSeconds)} rows/s (${slicedSeconds.toFixed(1)} s, API against it ${(slicedSeconds / csv.seconds).toFixed(2)}); API ${fmt(rawRows / csv.seconds)} rows/s (${csv.seconds.toFixed(1)} s, ${fmt(csv.bytes / 1048576)} MB); ratio ${(rawSeconds / csv.seconds).toFixed(2)} (goal >= 0.80); API peak RSS ${peakRssMb(api.child.pid!)} MB`);
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
      const xlsx = await download(api.port, '/api/v1/contributions.xlsx?versions=all');
      say(`XLSX: exceljs from memory ${fmt(memRows / memSeconds)} rows/s (${memSeconds.toFixed(1)} s); API ${fmt(rawRows / xlsx.seconds)} rows/s (${xlsx.seconds.toFixed(1)} s, ${fmt(xlsx.bytes / 1048576)} MB); ratio ${(memSeconds / xlsx.seconds).toFixed(2)} (goal >= 0.70); API peak RSS ${peakRssMb(api.child.pid!)} MB (goal < 200 MB for every export)`);
    }

    console.log('\nsummary');
    for (const l of lines) console.log(`  ${l}`);
  } finally {
    api?.child.kill('SIGTERM');
    if (values.keep !== true) {
      await es.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true }).catch(() => {});
      await t.drop();
      rmSync(work, { recursive: true, force: true });
    }
    await es.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
