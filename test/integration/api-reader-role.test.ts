// The API's database role can read and run export jobs, and nothing else: a write to
// filing data is refused by PostgreSQL itself, and the app has no route that could ask.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { createDb, type Db } from '../../src/db/database.js';
import { silentLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { contribution, cover, ExportBuilder } from '../builders/calaccess-export.js';
import { testConfig, waitFor } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route of the app with its methods, through mounted Routers too. */
function routesOf(app: Express): { path: string; methods: string[] }[] {
  const walk = (stack: Layer[]): { path: string; methods: string[] }[] =>
    stack.flatMap((l) => [
      ...(l.route ? [{ path: l.route.path, methods: Object.keys(l.route.methods).filter((m) => l.route!.methods[m]).map((m) => m.toUpperCase()) }] : []),
      ...walk(l.handle?.stack ?? []),
    ]);
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

describe('the API database role', function () {
  this.timeout(120_000);
  let t: TestDatabase;
  let reader: Db;
  let app: Express;
  const es = testSearchClient();
  const prefix = testPrefix('reader');
  const dirs: string[] = [];
  const exportDir = mkdtempSync(path.join(os.tmpdir(), 'reader-'));
  dirs.push(exportDir);

  before(async () => {
    t = await createTestDatabase('reader');
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9910001, 0, '1910001', { FILER_NAML: 'Reader Committee' })])
      .rows('RCPT_CD.TSV', [1, 2, 3].map((i) => contribution(9910001, 0, i, { CTRIB_NAML: `Readonly${i}`, AMOUNT: '10.00' })));
    dirs.push(b.dir);
    await importInto(t, b.write());
    await indexAll(es, t.db, prefix);
    // The test database, reached as the API's role (API_DATABASE_URL's user and password).
    const api = new URL(testConfig().apiDatabaseUrl);
    const url = new URL(t.url);
    url.username = api.username;
    url.password = api.password;
    reader = createDb({ databaseUrl: url.href, pgPoolMax: 4 }, 'test-reader');
    const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir });
    app = createApp({ config, db: reader.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app?.locals['jobs'] as { stop(): Promise<void> } | undefined)?.stop();
    await reader?.close();
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('connects as a role that is not the owner', async () => {
    const r = await reader.pool.query<{ u: string; owner: string }>('SELECT current_user AS u, (SELECT tableowner FROM pg_tables WHERE tablename = $1) AS owner', ['contributions']);
    assert.notEqual(r.rows[0]!.u, r.rows[0]!.owner);
  });

  it('may not write filing data, nor change the schema', async () => {
    const refused = async (statement: string): Promise<void> => {
      await assert.rejects(reader.pool.query(statement), (err: { code?: string; message?: string }) => {
        assert.equal(err.code, '42501', `${statement}: ${err.message}`);
        return true;
      });
    };
    // A column of each, set to a value of its type (a type error would come before the check).
    const assignments: Record<string, string> = {
      contributions: 'filing_id = 1',
      filings: 'filing_id = 1',
      filing_versions: 'filing_id = 1',
      filers: "filer_id = 'x'",
      change_log: 'seq = 1',
      code_labels: "label = 'x'",
      kysely_migration: "name = 'x'",
    };
    for (const [table, set] of Object.entries(assignments)) {
      await refused(`DELETE FROM ${table}`);
      await refused(`UPDATE ${table} SET ${set}`);
      await refused(`TRUNCATE ${table}`);
    }
    await refused("INSERT INTO filers (filer_id) VALUES ('x')");
    await refused('INSERT INTO contributions SELECT * FROM contributions LIMIT 1');
    await refused('CREATE TABLE public.intruder (x int)');
    await refused('DROP TABLE contributions');
    await refused('ALTER TABLE filings ADD COLUMN x int');
    await refused('DELETE FROM export_jobs');
    // It can read everything.
    const n = await reader.pool.query<{ n: string }>('SELECT count(*) AS n FROM contributions');
    assert.equal(n.rows[0]!.n, '3');
  });

  it('serves searches, views, pages and export jobs', async () => {
    const s = (await request(app).get('/api/v1/contributions?q=readonly1').expect(200)).body as { total: { value: number } };
    assert.ok(s.total.value >= 1);
    await request(app).get('/api/v1/filers/1910001').expect(200);
    await request(app).get('/api/v1/filings/9910001').expect(200);
    await request(app).get('/filers/1910001').expect(200);
    await request(app).get('/filings/9910001').expect(200);
    await request(app).get('/api/v1/contributions.csv').expect(200);
    const created = await request(app).post('/api/v1/exports').send({ kind: 'contributions', format: 'csv', params: {} }).expect(202);
    const id = (created.body as { id: string }).id;
    const job = await waitFor('the job to finish', async () => {
      const v = (await request(app).get(`/api/v1/exports/${id}`).expect(200)).body as { state: string; rows_written: number; error: string | null };
      if (v.state === 'failed') throw new Error(`job failed: ${v.error}`);
      return v.state === 'finished' ? v : undefined;
    });
    assert.equal(job.rows_written, 3);
    const file = await request(app).get(`/api/v1/exports/${id}/file`).expect(200);
    assert.equal(String(file.text).trim().split('\n').length, 4);
    // Expiring jobs is an UPDATE it may make.
    const jobs = app.locals['jobs'] as { cleanup(now: Date): Promise<number> };
    assert.equal(await jobs.cleanup(new Date(Date.now() + 1000 * 3_600_000)), 1);
  });

  it('has no route that writes, other than starting an export job', () => {
    const routes = routesOf(app);
    assert.ok(routes.length >= 15, `found ${routes.length} routes`);
    const writing = routes.filter((r) => r.methods.some((m) => m !== 'GET' && m !== 'HEAD'));
    assert.deepEqual(
      writing.map((r) => `${r.methods.join(',')} ${r.path}`).sort(),
      ['POST /api/v1/exports', 'POST /exports'],
      'only the export-job routes accept a method other than GET/HEAD',
    );
  });
});
