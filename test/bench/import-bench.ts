// Benchmark: import of a generated 1-million-row contributions export (RCPT_CD.TSV)
// against PostgreSQL's own COPY of the same file into an unindexed table, measured in
// the same run on the same server. Prints rows/s of each, the ratio, and the importer's
// peak RSS. Usage (services up, project built):
//   node dist/test/bench/import-bench.js [--rows 1000000] [--keep]
// The generated export is cached in <cache>/bench/rcpt-<rows>; --keep keeps the bench
// databases for inspection.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../../src/config.js';
import { generateCalaccess } from '../../src/generator/index.js';
import type { ImportReport } from '../../src/import/importer.js';
import { createTestDatabase } from '../support/test-db.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '../../src/cli/main.js');
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean' } } });
const rows = Number(values.rows);
const config = loadConfig();

async function ensureExport(dirtyRate: number, label: string): Promise<string> {
  const dir = path.join(config.cacheDir, 'bench', `rcpt-${rows}-${label}`);
  if (!existsSync(path.join(dir, 'generator-manifest.json'))) {
    const t = performance.now();
    await generateCalaccess({ rows, out: dir, sampleDir: SAMPLE, seed: 1, dirtyRate });
    console.log(`generated ${label} export of ${rows} contributions in ${((performance.now() - t) / 1000).toFixed(1)} s -> ${dir}`);
  }
  return dir;
}

function runImport(url: string, dir: string): Promise<{ report: ImportReport; seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // /usr/bin/time is not everywhere; the child reports its own peak RSS (maxRSS).
    const child = spawn(process.execPath, [CLI, 'import', 'calaccess', dir, '--only', 'RCPT_CD.TSV', '--json', '--rejects', path.join(dir, '..', 'rejects')], {
      // The heap is capped: the import must run in bounded memory whatever the file size
      // (without a cap V8 grows its heap lazily up to ~370 MB here before collecting).
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`import exited ${code}`));
      const report = JSON.parse(out) as ImportReport & { peak_rss_mb: number };
      resolve({ report, seconds: (performance.now() - started) / 1000, peakRssMb: report.peak_rss_mb });
    });
  });
}

async function rawCopy(url: string, file: string): Promise<number> {
  const header = readFileSync(file, { encoding: 'latin1' }).slice(0, 4000).split('\r\n')[0]!.split('\t');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE raw_rcpt (${header.map((h) => `"${h.toLowerCase()}" text`).join(', ')})`);
    const started = performance.now();
    // The file has no quoting: CSV mode with a quote byte that never occurs reads it as is.
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY raw_rcpt FROM STDIN WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01', HEADER true)`)));
    const seconds = (performance.now() - started) / 1000;
    const n = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_rcpt')).rows[0]!.n;
    if (n !== rows) throw new Error(`raw COPY loaded ${n} rows, expected ${rows}`);
    return seconds;
  } finally {
    await client.end();
  }
}

const HEAP_CAP_MB = 128;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  console.log(`import benchmark: ${fmt(rows)} contributions (RCPT_CD.TSV), PostgreSQL at ${new URL(config.databaseUrl).host}`);
  const clean = await ensureExport(0, 'clean');
  const dirty = await ensureExport(0.002, 'dirty');
  const file = path.join(clean, 'RCPT_CD.TSV');

  const baseDb = await createTestDatabase('bench_copy');
  const importDb = await createTestDatabase('bench_import');
  const dirtyDb = await createTestDatabase('bench_dirty');
  try {
    const copySeconds = await rawCopy(baseDb.url, file);
    const copyRate = rows / copySeconds;
    const first = await runImport(importDb.url, clean);
    const f = first.report.files[0]!;
    if (f.loaded !== rows || f.rejected !== 0) throw new Error(`import loaded ${f.loaded}, rejected ${f.rejected}`);
    const importRate = rows / first.seconds;
    // The file's own load time (read, check, COPY, key, bookkeeping, commit), without the
    // process start-up and schema check every run pays once whatever the size.
    const fileRate = rows / f.seconds;
    const again = await runImport(importDb.url, clean);
    if (again.report.files[0]!.changed !== 0) throw new Error('re-import changed rows');
    const d = await runImport(dirtyDb.url, dirty);
    const df = d.report.files[0]!;

    console.log('');
    console.log(`raw COPY into an unindexed table     ${fmt(copyRate).padStart(9)} rows/s  (${copySeconds.toFixed(1)} s)`);
    console.log(`disclosure import (first load)       ${fmt(importRate).padStart(9)} rows/s  (${first.seconds.toFixed(1)} s, whole process)  ratio ${(importRate / copyRate).toFixed(2)}  peak RSS ${first.peakRssMb} MB`);
    console.log(`disclosure import (same file again)  ${fmt(rows / again.seconds).padStart(9)} rows/s  (${again.seconds.toFixed(1)} s, 0 rows changed)  peak RSS ${again.peakRssMb} MB`);
    console.log(`disclosure import (dirty export)     ${fmt(df.lines / d.seconds).padStart(9)} rows/s  (${d.seconds.toFixed(1)} s, ${df.rejected} rejected: ${JSON.stringify(df.rejected_by_reason)})  peak RSS ${d.peakRssMb} MB`);
    console.log(`disclosure import, the file alone     ${fmt(fileRate).padStart(9)} rows/s  (${f.seconds.toFixed(1)} s from the file's first byte to its commit)  ratio ${(fileRate / copyRate).toFixed(2)}`);
    console.log(`ratio import / raw COPY: ${(fileRate / copyRate).toFixed(2)} for the file, ${(importRate / copyRate).toFixed(2)} for the whole process (goal >= 0.50); importer heap capped at ${HEAP_CAP_MB} MB`);
  } finally {
    if (values.keep !== true) await Promise.all([baseDb.drop(), importDb.drop(), dirtyDb.drop()]);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
