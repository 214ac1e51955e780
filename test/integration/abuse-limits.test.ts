// The per-client budgets on the real app: a client over its budget gets 429 with
// Retry-After and the JSON error (a page on the portal), other clients do not notice, and
// the budget comes back by itself. Clients are told apart by X-Forwarded-For with
// TRUST_PROXY=1, the way a deployment behind one proxy would; without it the header is
// ignored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express, { type Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { errorHandler } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { AbuseLimits } from '../../src/routes/abuse-limits.js';
import { createSearchClient } from '../../src/search/client.js';
import { contribution, cover, ExportBuilder } from '../builders/calaccess-export.js';
import { testConfig, waitFor } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

function assertTooMany(res: request.Response, json = true): void {
  assert.equal(res.status, 429, `${res.status} ${String(res.text).slice(0, 200)}`);
  const retry = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 60, `Retry-After ${String(res.headers['retry-after'])}`);
  if (json) {
    assert.match(String(res.headers['content-type']), /application\/json/);
    const body = res.body as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'too_many_requests');
    assert.match(body.error.message, /try again in \d+ s/);
  } else {
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.text, /Too busy right now/);
    assert.doesNotMatch(res.text, /\bat \S+ \(|node:internal|TooManyRequestsError/, 'no stack trace');
  }
}

describe('abuse limits against the real app', function () {
  this.timeout(120_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('limits');
  const dirs: string[] = [];
  const exportDir = mkdtempSync(path.join(os.tmpdir(), 'limits-'));
  dirs.push(exportDir);
  const appWith = (env: Record<string, string>): Express => {
    const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir, ...env });
    return createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  };
  const from = (ip: string): [string, string] => ['X-Forwarded-For', ip];

  before(async () => {
    t = await createTestDatabase('limits');
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9900001, 0, '1900001', { FILER_NAML: 'Limits Committee' })])
      .rows('RCPT_CD.TSV', [1, 2, 3].map((i) => contribution(9900001, 0, i, { CTRIB_NAML: `Budget${i}`, AMOUNT: '100.00' })));
    dirs.push(b.dir);
    await importInto(t, b.write());
    await indexAll(es, t.db, prefix);
  });
  after(async () => {
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('trips at the budget with 429, Retry-After and the JSON error; others unaffected; recovers by itself', async () => {
    // One token a second, five at once.
    const app = appWith({ TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '5' });
    for (let i = 0; i < 5; i++) await request(app).get('/api/v1/contributions?q=budget1').set(...from('203.0.113.1')).expect(200);
    const refused = await request(app).get('/api/v1/contributions?q=budget1').set(...from('203.0.113.1'));
    assertTooMany(refused);
    // Every path but /health is behind the budget: the pages answer a page.
    assertTooMany(await request(app).get('/search?q=budget1').set(...from('203.0.113.1')), false);
    assertTooMany(await request(app).get('/api/v1/openapi.json').set(...from('203.0.113.1')));
    const health = await request(app).get('/health').set(...from('203.0.113.1'));
    assert.equal(health.status, 200, '/health is never limited');
    // Another client has a full budget.
    await request(app).get('/api/v1/contributions?q=budget1').set(...from('203.0.113.2')).expect(200);
    await request(app).get('/search?q=budget1').set(...from('203.0.113.2')).expect(200);
    // Back within Retry-After, without anyone resetting anything.
    const started = Date.now();
    await waitFor('the budget to come back', async () => (await request(app).get('/api/v1/contributions?q=budget1').set(...from('203.0.113.1'))).status === 200, {
      timeoutMs: 3_000,
      intervalMs: 100,
    });
    assert.ok(Date.now() - started <= Number(refused.headers['retry-after']) * 1000 + 500, `recovered in ${Date.now() - started} ms`);
  });

  it('believes X-Forwarded-For only when TRUST_PROXY says so', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '3' });
    for (let i = 0; i < 3; i++) await request(app).get('/api/v1/openapi.json').set(...from(`198.51.100.${i}`)).expect(200);
    // A fresh header every time does not make a fresh client.
    assertTooMany(await request(app).get('/api/v1/openapi.json').set(...from('198.51.100.99')));
  });

  it('gives exports and deep facets a stricter budget of their own', async () => {
    const app = appWith({ TRUST_PROXY: '1', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '6', RATE_LIMIT_EXPENSIVE_BURST: '2', EXPENSIVE_FACET_SIZE: '20' });
    const c = from('192.0.2.10');
    await request(app).get('/api/v1/contributions.csv?q=budget1').set(...c).expect(200);
    await request(app).get('/api/v1/contributions?facet_size=30').set(...c).expect(200);
    assertTooMany(await request(app).get('/api/v1/contributions.xlsx').set(...c));
    assertTooMany(await request(app).post('/api/v1/exports').set(...c).send({ kind: 'contributions', format: 'csv', params: {} }));
    assertTooMany(await request(app).get('/api/v1/filings?exact_total=true').set(...c));
    assertTooMany(await request(app).post('/exports').set(...c).type('form').send({ kind: 'contributions', format: 'csv', params: '' }), false);
    // Ordinary requests of the same client still pass: a different budget.
    for (let i = 0; i < 10; i++) await request(app).get('/api/v1/contributions?facet_size=20').set(...c).expect(200);
    // And another client's exports too.
    await request(app).get('/api/v1/contributions.csv').set(...from('192.0.2.11')).expect(200);
  });

  it('the OpenAPI document lists the 429 of every route but /health', async () => {
    const app = appWith({});
    const doc = (await request(app).get('/api/v1/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [route, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (route === '/health') assert.equal(op.responses['429'], undefined);
        else assert.ok(op.responses['429'], `${method.toUpperCase()} ${route} documents 429`);
      }
    }
  });
});

describe('bounded concurrency of expensive searches', () => {
  // The real middleware in front of a route that holds its answer until released, so
  // "running at once" is exact rather than a race against Elasticsearch.
  const held: (() => void)[] = [];
  const app = express();
  app.set('query parser', 'simple');
  app.use(new AbuseLimits(testConfig({ MAX_CONCURRENT_EXPENSIVE_SEARCHES: '2', EXPENSIVE_FACET_SIZE: '20' })).middleware());
  app.get('/api/v1/contributions', (_req, res) => {
    held.push(() => res.json({ ok: true }));
  });
  app.use(errorHandler(silentLogger));

  it('answers 429 with Retry-After past the bound, and takes more once one finishes', async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const agent = request(server);
    try {
      const deep = (): Promise<request.Response> => agent.get('/api/v1/contributions?facet_size=50').then((r) => r);
      const first = [deep(), deep()];
      await waitFor('two searches held', () => Promise.resolve(held.length === 2));
      const third = await deep();
      assertTooMany(third);
      assert.match((third.body as { error: { message: string } }).error.message, /2 expensive searches are already running/);
      // A cheap search is not bounded.
      const cheap = agent.get('/api/v1/contributions?facet_size=10').then((r) => r);
      await waitFor('the cheap search held', () => Promise.resolve(held.length === 3));
      held.shift()!();
      assert.equal((await first[0]!).status, 200);
      const fourth = deep();
      await waitFor('a slot to be taken again', () => Promise.resolve(held.length === 3));
      while (held.length > 0) held.shift()!();
      assert.deepEqual([(await first[1]!).status, (await cheap).status, (await fourth).status], [200, 200, 200]);
    } finally {
      while (held.length > 0) held.shift()!();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
