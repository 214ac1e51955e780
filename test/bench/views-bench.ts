// Benchmark: report views of a filer with thousands of filings. A filer with 3,000 Form
// 460 filings of 30 contributions and 10 payments each (90,000 + 30,000 rows, built in
// the export format and imported), plus the generated 1M-row export for volume around
// it. Prints the latency of the filer view and of a filing view, uncached (first) and
// cached, against the baseline of the views' heaviest single SQL query run directly.
// Usage (services up, project built): node dist/test/bench/views-bench.js [--filings 3000]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import request from 'supertest';
import { createApp, exportJobsOf } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { createLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { contribution, cover, expenditure, ExportBuilder } from '../builders/calaccess-export.js';
import { createTestDatabase } from '../support/test-db.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(here, '../../../data/calaccess-sample');
const { values } = parseArgs({ options: { filings: { type: 'string', default: '3000' }, rows: { type: 'string', default: '1000000' } } });
const filings = Number(values.filings);
const rows = Number(values.rows);
const config = loadConfig();
const log = createLogger('warn');

const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;

async function main(): Promise<void> {
  const exportDir = path.join(config.cacheDir, 'bench', `export-${rows}-seed1`);
  if (!existsSync(path.join(exportDir, 'generator-manifest.json'))) await generateCalaccess({ rows, out: exportDir, sampleDir: SAMPLE, seed: 1, dirtyRate: 0.002 });
  const t = await createTestDatabase('bench_views');
  const work = mkdtempSync(path.join(os.tmpdir(), 'views-bench-'));
  // The per-client rate limits off: the bench is one client asking as fast as it can.
  const app = createApp({ config: { ...config, exportDir: work, rateLimit: { perMinute: 0, burst: 1 }, expensiveRateLimit: { perMinute: 0, burst: 1 } }, db: t.db.kysely, es: createSearchClient(config), log });
  try {
    await importCalaccess(t.db.pool, { source: exportDir, rejectsDir: path.join(work, 'rejects'), log });
    const b = new ExportBuilder();
    const filerId = '1990001';
    for (let i = 0; i < filings; i++) {
      const filingId = 8_000_000 + i;
      const month = (i % 12) + 1;
      const year = 2000 + Math.floor(i / 200);
      b.rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(filingId, 0, filerId, { FILER_NAML: 'Many Filings Committee', FROM_DATE: `${month}/1/${year} 12:00:00 AM`, THRU_DATE: `${month}/28/${year} 12:00:00 AM` })]);
      b.rows('RCPT_CD.TSV', Array.from({ length: 30 }, (_, k) => contribution(filingId, 0, k + 1, { RCPT_DATE: `${month}/${(k % 27) + 1}/${year} 12:00:00 AM`, AMOUNT: String(100 + k), CTRIB_NAML: `Donor${k % 50}` })));
      b.rows('EXPN_CD.TSV', Array.from({ length: 10 }, (_, k) => expenditure(filingId, 0, k + 1, { EXPN_DATE: `${month}/${(k % 27) + 1}/${year} 12:00:00 AM` })));
    }
    await importCalaccess(t.db.pool, { source: b.write(), rejectsDir: path.join(work, 'rejects2'), log });
    b.remove();

    const baseStart = performance.now();
    await t.db.pool.query(
      `SELECT extract(year FROM t.rcpt_date)::int, sum(t.amount) FROM contributions t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id
        WHERE t.filing_id IN (SELECT DISTINCT filing_id FROM filing_versions WHERE filer_id = $1) GROUP BY 1`,
      [filerId],
    );
    const baseline = ms(baseStart);

    let start = performance.now();
    const first = await request(app).get(`/api/v1/filers/${filerId}`).expect(200);
    const filerFirst = ms(start);
    start = performance.now();
    await request(app).get(`/api/v1/filers/${filerId}`).expect(200);
    const filerCached = ms(start);
    const total = (first.body as { filings: { total: number } }).filings.total;

    start = performance.now();
    await request(app).get(`/api/v1/filings/${8_000_000 + filings - 1}`).expect(200);
    const filingFirst = ms(start);
    start = performance.now();
    await request(app).get(`/api/v1/filings/${8_000_000 + filings - 1}`).expect(200);
    const filingCached = ms(start);

    console.log(`filer with ${total} filings (${filings * 30} contributions, ${filings * 10} payments), in a database with ${rows} generated contributions besides`);
    console.log(`  GET /api/v1/filers/:id   first ${filerFirst}, cached ${filerCached}   (baseline: its by-year money query alone ${baseline})`);
    console.log(`  GET /api/v1/filings/:id  first ${filingFirst}, cached ${filingCached}`);
  } finally {
    await exportJobsOf(app).stop();
    await t.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
