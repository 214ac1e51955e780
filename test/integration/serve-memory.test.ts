// `disclosure serve` as users start it (no Node flags, no NODE_OPTIONS) keeps its own
// memory in bounds: a heap limit of its own, and four large exports at once stay well
// under the 250 MB of resident memory the service promises (README, API_HEAP_MB).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildKind } from '../../indexers/rebuild.js';
import { DEFAULT_API_HEAP_MB } from '../../src/config.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { SAMPLE_DIR } from '../builders/calaccess-export.js';
import { waitFor } from '../support/env.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, testPrefix, testSearchClient } from '../support/test-search.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');
/** Every server a test started: killed after each test, whatever its outcome. */
const started = new Set<ChildProcess>();

interface Served {
  child: ChildProcess;
  port: number;
  heapLimitMb: number;
  stderr(): string;
  stop(): Promise<number | null>;
}

/** `node dist/src/cli/main.js serve` on port 0, with nodeArgs (none: as users start it). */
async function serve(env: Record<string, string>, nodeArgs: string[] = []): Promise<Served> {
  const parentEnv = { ...process.env };
  delete parentEnv['NODE_OPTIONS'];
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve'], {
    env: { ...parentEnv, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', LOG_LEVEL: 'info', ...env, PORT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const listening = await waitFor(
    'the listening line',
    () => {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${stderr}`);
      const line = stderr.split('\n').find((l) => l.includes('"msg":"listening"'));
      return Promise.resolve(line ? (JSON.parse(line) as { url: string; heap_limit_mb: number }) : undefined);
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  ).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return {
    child,
    port: Number(new URL(listening.url).port),
    heapLimitMb: listening.heap_limit_mb,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // the process is gone
  }
}

function download(port: number, url: string): Promise<{ status: number; lines: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url }, (res) => {
        let lines = 0;
        let bytes = 0;
        res.on('data', (d: Buffer) => {
          bytes += d.length;
          for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, lines, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('disclosure serve keeps its memory in bounds, as users start it', function () {
  this.timeout(300_000);
  const es = testSearchClient();
  afterEach(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    started.clear();
  });

  describe('its heap limit', () => {
    it('is its own without any flag, API_HEAP_MB changes it, a Node flag wins, SIGTERM stops it with 0', async () => {
      const plain = await serve({});
      // Node's own default is a quarter of the machine's memory (4 GB here).
      assert.ok(plain.heapLimitMb <= DEFAULT_API_HEAP_MB + 64, `heap limit ${plain.heapLimitMb} MB without flags`);
      assert.ok(plain.heapLimitMb >= DEFAULT_API_HEAP_MB, `heap limit ${plain.heapLimitMb} MB without flags`);
      assert.equal(await plain.stop(), 0, plain.stderr());
      assert.match(plain.stderr(), /"msg":"stopped"/);

      const set = await serve({ API_HEAP_MB: '300' });
      assert.ok(set.heapLimitMb >= 300 && set.heapLimitMb <= 364, `API_HEAP_MB=300: heap limit ${set.heapLimitMb} MB`);
      assert.equal(await set.stop(), 0);

      const flag = await serve({ API_HEAP_MB: '300' }, ['--max-old-space-size=512']);
      assert.ok(flag.heapLimitMb >= 512 && flag.heapLimitMb <= 600, `--max-old-space-size=512: heap limit ${flag.heapLimitMb} MB`);
      assert.equal(await flag.stop(), 0);
    });

    it('refuses a heap too small to run in, naming API_HEAP_MB', async () => {
      const child = spawn(process.execPath, [CLI, 'serve'], { env: { ...process.env, API_HEAP_MB: '16', PORT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
      started.add(child);
      // A server that starts instead of refusing is stopped (and the test fails on its code).
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      clearTimeout(timer);
      assert.equal(code, 2);
      assert.match(stderr, /API_HEAP_MB must be 0 \(no bound\) or from 64/);
    });
  });

  describe('four large exports at once', () => {
    let t: TestDatabase;
    const prefix = testPrefix('servemem');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'servemem-'));
    let rows = 0;

    before(async () => {
      t = await createTestDatabase('servemem');
      await generateCalaccess({ rows: 80_000, out: path.join(dir, 'export'), sampleDir: SAMPLE_DIR, seed: 41, dirtyRate: 0 });
      await importCalaccess(t.db.pool, { source: path.join(dir, 'export'), rejectsDir: path.join(dir, 'rejects'), log: silentLogger, only: ['FILERS_CD.TSV', 'FILERNAME_CD.TSV', 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV', 'FILER_FILINGS_CD.TSV', 'RCPT_CD.TSV'] });
      await rebuildKind({ es, db: t.db, prefix, log: silentLogger }, 'contributions');
      await es.indices.refresh({ index: `${prefix}contributions` });
      rows = (await es.count({ index: `${prefix}contributions` })).count;
    });
    after(async () => {
      await deleteIndices(es, prefix);
      await es.close();
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const format of ['csv', 'xlsx'] as const) {
      it(`${format.toUpperCase()}: every row of each, resident memory under 250 MB throughout`, async () => {
        assert.ok(rows >= 75_000, `${rows} rows`);
        const api = await serve({ DATABASE_URL: t.url, ES_INDEX_PREFIX: prefix, EXPORT_DIR: dir });
        let peak = rssMb(api.child.pid!);
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid!))), 50);
        try {
          const done = await Promise.all(Array.from({ length: 4 }, () => download(api.port, `/api/v1/contributions.${format}?versions=all`)));
          for (const d of done) {
            assert.equal(d.status, 200);
            // Names carry no line breaks here: lines = rows + header. An XLSX is zipped.
            if (format === 'csv') assert.equal(d.lines - 1, rows);
            else assert.ok(d.bytes > rows * 20, `${d.bytes} bytes of XLSX`);
          }
        } finally {
          clearInterval(sampler);
          peak = Math.max(peak, rssMb(api.child.pid!));
          assert.equal(await api.stop(), 0, api.stderr());
        }
        assert.ok(peak < 250, `peak RSS ${peak.toFixed(0)} MB during 4 ${format.toUpperCase()} exports of ${rows} rows (heap limit ${api.heapLimitMb} MB)`);
      });
    }
  });
});
