// A store that does not answer is a 503 naming it, quickly, on every route that needs it
// (not only /health): the filer and filing views and export jobs need PostgreSQL, searches
// and exports Elasticsearch. The app here points at ports where nothing listens, so the
// shared stores are never touched.
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
import type { ExportJobs } from '../../src/services/export-jobs.js';
import { testConfig } from '../support/env.js';

describe('routes with a store down', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'down-'));
  // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
  const config = testConfig({ DATABASE_URL: 'postgres://x:y@127.0.0.1:9/none', ELASTICSEARCH_URL: 'http://127.0.0.1:9', EXPORT_DIR: dir });
  let db: Db;
  let app: Express;
  before(() => {
    db = createDb(config, 'test-down');
    app = createApp({ config, db: db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app.locals['jobs'] as ExportJobs).stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, 'get' | 'post', string, 'postgresql' | 'elasticsearch', boolean][] = [
    ['filer view', 'get', '/api/v1/filers/1234567', 'postgresql', true],
    ['filing view', 'get', '/api/v1/filings/2000001', 'postgresql', true],
    ['filing comparison', 'get', '/api/v1/filings/2000001/compare?from=0&to=1', 'postgresql', true],
    ['export job view', 'get', '/api/v1/exports/00000000-0000-0000-0000-000000000000', 'postgresql', true],
    ['search', 'get', '/api/v1/contributions?q=teacher', 'elasticsearch', true],
    ['CSV export', 'get', '/api/v1/contributions.csv?q=teacher', 'elasticsearch', true],
    ['XLSX export', 'get', '/api/v1/filers.xlsx', 'elasticsearch', true],
    ['filer page', 'get', '/filers/1234567', 'postgresql', false],
    ['search page', 'get', '/search?q=teacher', 'elasticsearch', false],
  ];
  for (const [what, method, url, store, json] of cases) {
    it(`${what}: 503 naming ${store}, within seconds`, async () => {
      const started = Date.now();
      const res = await request(app)[method](url);
      assert.ok(Date.now() - started < 8_000, `answered in ${Date.now() - started} ms`);
      assert.equal(res.status, 503, `${url}: ${res.status} ${String(res.text).slice(0, 300)}`);
      assert.equal(res.headers['retry-after'], '5');
      assert.equal(res.headers['cache-control'], 'no-store', 'an error is not cached');
      assert.equal(res.headers['content-disposition'], undefined, 'an error is not a download');
      if (json) {
        const body = res.body as { error: { code: string; store: string; message: string } };
        assert.deepEqual([body.error.code, body.error.store], ['store_unavailable', store]);
        assert.doesNotMatch(body.error.message, /ECONNREFUSED|127\.0\.0\.1/, 'the message is in words of the service');
      } else {
        assert.match(String(res.headers['content-type']), /text\/html/);
        assert.match(res.text, /Temporarily unavailable/);
        assert.doesNotMatch(res.text, /\bat \S+ \(|ECONNREFUSED/);
      }
    });
  }

  it('starting an export job: 503 naming the store it could not reach', async () => {
    const res = await request(app).post('/api/v1/exports').send({ kind: 'contributions', format: 'csv', params: {} });
    assert.equal(res.status, 503, String(res.text));
    assert.equal((res.body as { error: { store: string } }).error.store, 'postgresql');
  });
});
