import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { AbuseLimits } from '../../src/routes/abuse-limits.js';
import { searchFastPath } from '../../src/routes/search-fast-path.js';
import { createSearchClient } from '../../src/search/client.js';
import { SearchService } from '../../src/services/search-service.js';
import { contribution, cover, ExportBuilder } from '../builders/calaccess-export.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

describe('search fast path (the common case of the search endpoints, without express)', function () {
  this.timeout(120_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('fastpath');
  const dirs: string[] = [];

  before(async () => {
    t = await createTestDatabase('fastpath');
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9700001, 0, '1700001', { FILER_NAML: 'Fast Path Committee' })])
      .rows('RCPT_CD.TSV', [1, 2, 3].map((i) => contribution(9700001, 0, i, { CTRIB_NAML: `Quickly${i}`, CTRIB_CITY: 'Fresno', AMOUNT: `${i}00.00` })));
    dirs.push(b.dir);
    await importInto(t, b.write());
    await indexAll(es, t.db.pool, prefix);
  });
  after(async () => {
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('takes exactly the GETs of /api/v1/<kind> with valid parameters and no conditional headers', async () => {
    const config = testConfig({ ES_INDEX_PREFIX: prefix });
    const client = createSearchClient(config);
    const fast = searchFastPath(new SearchService(client, prefix, silentLogger), new AbuseLimits(config), silentLogger);
    // Only the fast path: what it leaves is a 418 here.
    const server = http.createServer((req, res) => {
      if (!fast(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const taken = await fetch(`${base}/api/v1/contributions?city=Fresno&sort=-amount`);
      assert.equal(taken.status, 200);
      assert.equal(taken.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(taken.headers.get('cache-control'), 'public, max-age=30');
      assert.match(String(taken.headers.get('etag')), /^"[^"]+"$/);
      const body = (await taken.json()) as { total: { value: number }; results: { amount: number; links: { filing: string } }[] };
      assert.equal(body.total.value, 3);
      assert.deepEqual(
        body.results.map((r) => r.amount),
        [300, 200, 100],
      );
      assert.equal(body.results[0]!.links.filing, '/api/v1/filings/9700001');
      for (const kind of ['expenditures', 'lobbying', 'filers', 'filings']) assert.equal((await fetch(`${base}/api/v1/${kind}`)).status, 200, kind);

      const left: [string, RequestInit][] = [
        ['/api/v1/contributions?city=Fresno', { method: 'HEAD' }],
        ['/api/v1/contributions?city=Fresno', { headers: { 'If-None-Match': '"x"' } }],
        ['/api/v1/contributions?city=Fresno', { headers: { 'If-Modified-Since': 'Tue, 24 Nov 2026 00:00:00 GMT' } }],
        ['/api/v1/contributions?bogus=1', {}],
        ['/api/v1/contributions?min_amount=lots', {}],
        ['/api/v1/contributions/', {}],
        ['/API/v1/contributions', {}],
        ['/api/v1/contributions.csv', {}],
        ['/api/v1/search?q=x', {}],
        ['/api/v1/filers/suggest?q=Fa', {}],
        ['/contributions', {}],
      ];
      for (const [url, init] of left) assert.equal((await fetch(`${base}${url}`, init)).status, 418, `${init.method ?? 'GET'} ${url} ${JSON.stringify(init.headers ?? {})}`);
    } finally {
      server.close();
      server.closeAllConnections();
      await client.close();
    }
  });

  it('answers as the express route does: same body, same headers', async () => {
    const config = testConfig({ ES_INDEX_PREFIX: prefix });
    const app = createApp({ config, db: t.db.kysely, pool: t.db.pool, es: createSearchClient(config), log: silentLogger });
    // Distinct requests (no cache between them): the first through the fast path, the
    // second through express (a conditional request that does not match).
    const viaFast = await request(app).get('/api/v1/contributions?q=quickly1&page_size=5').expect(200);
    const viaExpress = await request(app).get('/api/v1/contributions?q=quickly1&page_size=6').set('If-None-Match', '"none"').expect(200);
    const strip = (b: { page_size: number }): object => ({ ...b, page_size: 0 });
    assert.deepEqual(strip(viaFast.body as { page_size: number }), strip(viaExpress.body as { page_size: number }));
    for (const h of ['content-type', 'cache-control']) assert.equal(viaFast.headers[h], viaExpress.headers[h], h);
    assert.match(String(viaFast.headers['etag']), /^"[^"]+"$/);
    assert.match(String(viaExpress.headers['etag']), /^"[^"]+"$/);
    // The fast path's answer is the one cached: a conditional request on it is a 304 from express.
    await request(app).get('/api/v1/contributions?q=quickly1&page_size=5').set('If-None-Match', String(viaFast.headers['etag'])).expect(304);
    // And an invalid parameter still gets express's 400 naming it.
    const bad = await request(app).get('/api/v1/contributions?min_amount=lots').expect(400);
    assert.equal((bad.body as { error: { parameter: string } }).error.parameter, 'min_amount');
  });

  it('keeps to the budgets: past the burst a 429 with Retry-After and the JSON error', async () => {
    const config = testConfig({ ES_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' });
    const app = createApp({ config, db: t.db.kysely, pool: t.db.pool, es: createSearchClient(config), log: silentLogger });
    await request(app).get('/api/v1/contributions?q=quickly2').expect(200);
    await request(app).get('/api/v1/contributions?q=quickly3').expect(200);
    const refused = await request(app).get('/api/v1/contributions?q=quickly2');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(refused.headers['cache-control'], 'no-store');
    assert.equal((refused.body as { error: { code: string } }).error.code, 'too_many_requests');
  });

  it('a store that is down is a 503 naming it', async () => {
    const config = testConfig({ ES_INDEX_PREFIX: prefix, ELASTICSEARCH_URL: 'http://127.0.0.1:9' });
    const app = createApp({ config, db: t.db.kysely, pool: t.db.pool, es: createSearchClient(config), log: silentLogger });
    const res = await request(app).get('/api/v1/contributions?q=quickly1').expect(503);
    assert.equal((res.body as { error: { store: string } }).error.store, 'elasticsearch');
    assert.equal(res.headers['retry-after'], '5');
    assert.doesNotMatch(res.text, /\bat \S+ \(|node:internal/, 'no stack trace');
  });
});
