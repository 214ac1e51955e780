import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { createDb, type Db } from '../../src/db/database.js';
import { silentLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { isManagedHere, runServicesScript, servicesUp } from '../../src/services/local-stores.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testConfig, waitFor } from '../support/env.js';
import type { StoreName } from '../../src/errors.js';

interface HealthBody {
  status: string;
  stores: Record<StoreName, { status: string; version: string | null; latency_ms: number }>;
  error?: { code: string; stores: string[] };
}

describe('GET /health against the real stores', () => {
  const config = testConfig();
  let db: Db;
  const es = createSearchClient(config);
  let app: ReturnType<typeof createApp>;

  before(() => {
    db = createDb(config, 'test-health');
    app = createApp({ config, db: db.kysely, es, log: silentLogger });
  });
  after(async () => {
    await db.close();
    await es.close();
  });

  it('is 200 with each store up, its version and latency', async () => {
    const res = await request(app).get('/health').expect(200).expect('content-type', /json/);
    const body = res.body as HealthBody;
    assert.equal(body.status, 'ok');
    assert.equal(body.stores.postgresql.status, 'up');
    assert.match(body.stores.postgresql.version ?? '', /^\d+\.\d+/);
    assert.equal(body.stores.elasticsearch.status, 'up');
    assert.match(body.stores.elasticsearch.version ?? '', /^8\.19\./);
    assert.ok(body.stores.elasticsearch.latency_ms >= 0 && body.stores.elasticsearch.latency_ms < 2_000);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  for (const store of ['elasticsearch', 'postgresql'] as const) {
    describe(`with ${store} stopped for real`, function () {
      this.timeout(180_000);
      before(function () {
        // Only a store this project started can be stopped by the test.
        if (!isManagedHere(config, store)) this.skip();
      });
      after(async () => {
        await servicesUp(config, silentLogger, [store]);
        await waitFor(`${store} back up`, async () => (await request(app).get('/health')).status === 200, { timeoutMs: 60_000 });
      });

      it(`answers 503 naming ${store}, quickly, and 200 again once it is back`, async () => {
        await runServicesScript(config, 'down', store);
        const started = Date.now();
        const res = await request(app).get('/health').expect(503);
        assert.ok(Date.now() - started < 5_000, 'a down store is reported, not waited on');
        const body = res.body as HealthBody;
        assert.equal(body.status, 'unavailable');
        assert.equal(body.stores[store].status, 'down');
        assert.deepEqual(body.error?.stores, [store]);
        assert.equal(body.error?.code, 'store_unavailable');
        const other = store === 'elasticsearch' ? 'postgresql' : 'elasticsearch';
        assert.equal(body.stores[other].status, 'up');
        assert.doesNotMatch(JSON.stringify(body), /\n\s+at /, 'no stack trace');

        await servicesUp(config, silentLogger, [store]);
        await waitFor(`${store} healthy again`, async () => (await request(app).get('/health')).status === 200, { timeoutMs: 60_000 });
      });
    });
  }
});

describe('disclosure serve (the real listener)', () => {
  let running: RunningServer;
  before(async () => {
    running = await startServer(testConfig({ PORT: '0' }), silentLogger);
  });
  after(async () => running.stop());

  it('listens on 127.0.0.1 and serves /health', async () => {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${running.url}/health`);
    assert.equal(res.status, 200);
  });

  it('answers an unknown API path with a JSON 404 and an unknown page with an HTML 404, no stack trace', async () => {
    const api = await fetch(`${running.url}/api/v1/no/such/thing`);
    assert.equal(api.status, 404);
    const body = (await api.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'not_found');
    const page = await fetch(`${running.url}/no/such/page`);
    assert.equal(page.status, 404);
    assert.match(String(page.headers.get('content-type')), /text\/html/);
    assert.doesNotMatch(await page.text(), /\n\s+at /, 'no stack trace');
  });
});
