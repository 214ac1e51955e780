// What input the API takes, against the real stores: the same rules at every route (text,
// empty values, bounds, ranges, ids) and the OpenAPI document saying the same as the
// server, value by value (issue 17, found by the contract run, scripts/contract.sh).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { buildOpenApi } from '../../src/routes/openapi.js';
import { createSearchClient } from '../../src/search/client.js';
import type { ExportJobs } from '../../src/services/export-jobs.js';
import { contribution, cover, ExportBuilder } from '../builders/calaccess-export.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

interface ErrorBody {
  error: { code: string; message: string; parameter?: string };
}

type Op = { parameters?: { name: string; in: string; schema: object }[] };

describe('API input: one set of rules at every route, as the OpenAPI document says', function () {
  this.timeout(180_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('inputs');
  let app: Express;
  const dirs: string[] = [];
  const exportDir = mkdtempSync(path.join(os.tmpdir(), 'inputs-'));
  dirs.push(exportDir);
  const openapi = buildOpenApi() as { paths: Record<string, Record<string, Op>> };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as { default: (a: Ajv2020) => void }).default(ajv);

  before(async () => {
    t = await createTestDatabase('inputs');
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9700001, 0, '1700001', { FILER_NAML: 'Inputs Test Committee' }), cover(9700001, 1, '1700001', { FILER_NAML: 'Inputs Test Committee' })])
      .rows('RCPT_CD.TSV', [
        contribution(9700001, 0, 1, { CTRIB_NAML: 'Lindqvist', AMOUNT: '100.00', RCPT_DATE: '3/15/2016 12:00:00 AM' }),
        contribution(9700001, 1, 1, { CTRIB_NAML: 'Lindqvist', AMOUNT: '100.00', RCPT_DATE: '3/15/2016 12:00:00 AM' }),
        contribution(9700001, 1, 2, { CTRIB_NAML: 'Okonkwo', AMOUNT: '700.00', RCPT_DATE: '4/20/2016 12:00:00 AM' }),
      ]);
    dirs.push(b.dir);
    await importInto(t, b.write());
    await indexAll(es, t.db, prefix);
    const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' });
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app?.locals['jobs'] as ExportJobs | undefined)?.stop();
    await deleteIndices(es, prefix);
    await es.close();
    await t?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A 400 naming the parameter, as JSON. */
  async function refused(url: string, parameter: string, message?: RegExp): Promise<ErrorBody> {
    const res = await request(app).get(url);
    assert.equal(res.status, 400, `${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    const body = res.body as ErrorBody;
    assert.equal(body.error.code, 'invalid_parameter', url);
    assert.equal(body.error.parameter, parameter, `${url}: ${body.error.message}`);
    if (message) assert.match(body.error.message, message, url);
    return body;
  }

  async function post(body: unknown): Promise<{ status: number; body: ErrorBody & { id?: string } }> {
    const res = await request(app).post('/api/v1/exports').set('Content-Type', 'application/json').send(JSON.stringify(body));
    return { status: res.status, body: res.body as ErrorBody & { id?: string } };
  }

  describe('control characters: a 400 naming the parameter, at every route', () => {
    const cases: [string, string][] = [
      // Elasticsearch's completion suggester refused these two: a 500 before.
      ['/api/v1/filers/suggest?q=%1F', 'q'],
      ['/api/v1/filers/suggest?q=ab%1E', 'q'],
      // ...and took these: a 200.
      ['/api/v1/filers/suggest?q=a%01', 'q'],
      ['/api/v1/filers/suggest?q=a%09b', 'q'],
      ['/api/v1/search?q=tax%0Apayers', 'q'],
      ['/api/v1/search?q=%C2%85', 'q'],
      ['/api/v1/contributions?q=%C2%9Fx', 'q'],
      ['/api/v1/contributions?exact_total=%09true', 'exact_total'],
      ['/api/v1/contributions?employer=a%0Db', 'employer'],
      ['/api/v1/filers?name=x%7F', 'name'],
      ['/api/v1/filings?form=F460%00', 'form'],
      ['/api/v1/contributions.csv?q=x%1F', 'q'],
      ['/api/v1/contributions.csv?columns=date%01', 'columns'],
      ['/api/v1/filings/9700001?amendment=1%0A', 'amendment'],
      ['/api/v1/filings/9700001/compare?from=0&to=1%09', 'to'],
      ['/api/v1/filers/17%01', 'id'],
      ['/api/v1/filings/97%1F', 'id'],
      ['/api/v1/bulk/a%01b.csv', 'file'],
      ['/api/v1/exports/%01', 'id'],
    ];
    for (const [url, parameter] of cases) {
      it(`${url}`, async () => {
        await refused(url, parameter, /control character \(U\+00[0-9A-F]{2}\)/);
      });
    }

    it('the same answer to GET and to HEAD', async () => {
      const url = '/api/v1/contributions?q=a%1Fb';
      const get = await request(app).get(url);
      const head = await request(app).head(url);
      assert.equal(get.status, 400);
      assert.equal(head.status, 400);
      assert.equal((get.body as ErrorBody).error.message, 'q contains a control character (U+001F); parameters are printable text');
    });

    it('on a portal page, a pasted tab or line break is read as a space; other control characters are a 400 page', async () => {
      const spaced = await request(app).get('/search?q=teachers%09in%0D%0AFresno&kind=contributions').expect(302);
      assert.equal(spaced.headers['location'], '/search?q=teachers+in+Fresno&kind=contributions');
      const page = await request(app).get('/search?q=teachers%01Fresno');
      assert.equal(page.status, 400);
      assert.match(String(page.headers['content-type']), /html/);
      assert.match(page.text, /control character/);
      // The API keeps to its rule: a tab is a 400 there.
      await refused('/api/v1/contributions?q=a%09b', 'q', /control character \(U\+0009\)/);
    });

    it('in the params of an export job, and lone surrogates too', async () => {
      let r = await post({ kind: 'contributions', params: { q: 'a\u0001' } });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.parameter, 'q');
      r = await post({ kind: 'contributions', params: { employer: 'x\ud800y' } });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.parameter, 'employer');
      assert.match(r.body.error.message, /not valid Unicode/);
    });

    it('printable text of any script is taken', async () => {
      for (const q of ['Muñoz', 'Nguyễn', '李', 'café 😀']) {
        const res = await request(app).get(`/api/v1/filers/suggest?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q);
      }
    });

    it('a portal page says so too, as a page', async () => {
      const res = await request(app).get('/search?q=a%01');
      assert.equal(res.status, 400);
      assert.match(String(res.headers['content-type']), /text\/html/);
    });
  });

  describe('empty values: a 400 naming the parameter, not a filter left out', () => {
    for (const [url, parameter] of [
      ['/api/v1/contributions?date_from=', 'date_from'],
      ['/api/v1/contributions?date_to=', 'date_to'],
      ['/api/v1/contributions?zip=', 'zip'],
      ['/api/v1/filers?zip=', 'zip'],
      ['/api/v1/contributions?min_amount=', 'min_amount'],
      ['/api/v1/contributions?memo=', 'memo'],
      ['/api/v1/contributions?year=', 'year'],
      ['/api/v1/contributions?state=,', 'state'],
      ['/api/v1/contributions?employer=%20', 'employer'],
      ['/api/v1/filings?date_from=', 'date_from'],
      ['/api/v1/contributions?cursor=', 'cursor'],
      ['/api/v1/contributions.csv?date_from=', 'date_from'],
      ['/api/v1/contributions.csv?columns=', 'columns'],
    ] as const) {
      it(url, async () => {
        await refused(url, parameter, /empty|columns must be/);
      });
    }

    it('an empty q is no text: every row', async () => {
      const res = await request(app).get('/api/v1/contributions?q=');
      assert.equal(res.status, 200);
      assert.equal((res.body as { total: { value: number } }).total.value, 2);
    });

    it('the portal, with or without script, drops the empty fields of its form', async () => {
      const res = await request(app).get('/search?kind=contributions&q=Okonkwo&date_from=&date_to=&zip=');
      assert.equal(res.status, 302);
      assert.equal(res.headers['location'], '/search?kind=contributions&q=Okonkwo');
      const page = await request(app).get(String(res.headers['location']));
      assert.equal(page.status, 200);
      const job = await request(app).post('/exports').type('form').send({ kind: 'contributions', format: 'csv', params: 'q=Okonkwo&date_from=&zip=' });
      assert.equal(job.status, 303, JSON.stringify(job.text).slice(0, 300));
    });
  });

  describe('ranges: a minimum above the maximum is a 400 naming it', () => {
    it('min_amount above max_amount, at the search and the export', async () => {
      await refused('/api/v1/contributions?min_amount=500&max_amount=100', 'min_amount', /min_amount \(500\) is above max_amount \(100\)/);
      await refused('/api/v1/expenditures?min_amount=1&max_amount=0', 'min_amount');
      await refused('/api/v1/lobbying.csv?min_amount=10&max_amount=-10', 'min_amount');
    });

    it('date_from after date_to', async () => {
      await refused('/api/v1/contributions?date_from=2016-05-01&date_to=2016-04-30', 'date_from', /after date_to/);
      await refused('/api/v1/filings?date_from=2020-01-02&date_to=2020-01-01', 'date_from');
    });

    it('and in the params of an export job', async () => {
      const r = await post({ kind: 'contributions', params: { date_from: '2016-05-01', date_to: '2016-01-01' } });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.parameter, 'date_from');
    });

    it('equal bounds are one value; what q reads is never an error', async () => {
      const one = await request(app).get('/api/v1/contributions?min_amount=700&max_amount=700&date_from=2016-04-20&date_to=2016-04-20');
      assert.equal(one.status, 200);
      assert.equal((one.body as { total: { value: number } }).total.value, 1);
      // "over $500" read from q, an explicit max_amount below it: nothing found, no error.
      const q = await request(app).get(`/api/v1/contributions?q=${encodeURIComponent('over $500')}&max_amount=100`);
      assert.equal(q.status, 200);
    });
  });

  describe('amounts: numbers as JSON writes them, within declared bounds', () => {
    it('takes 9.3e3, 1e+2 and -0.5; 9.3e306 is out of range, saying the range', async () => {
      for (const v of ['9.3e3', '1e%2B2', '-0.5', '1000000000000']) {
        const res = await request(app).get(`/api/v1/contributions?max_amount=${v}`);
        assert.equal(res.status, 200, `${v}: ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      await refused('/api/v1/contributions?max_amount=9.3e306', 'max_amount', /from -1,000,000,000,000 to 1,000,000,000,000/);
    });
  });

  describe('ids: out of range or malformed says what is wrong', () => {
    it('a filing id past the integer range', async () => {
      await refused('/api/v1/filings/99999999999999999999999', 'id', /out of range: a filing id is from 0 to 2147483647/);
      await refused('/api/v1/filings/2147483648/compare?from=0&to=1', 'id', /out of range/);
      await refused('/api/v1/filings/-1', 'id', /whole number from 0 to 2147483647/);
      const top = await request(app).get('/api/v1/filings/2147483647');
      assert.equal(top.status, 404);
    });

    it('an amendment past 999', async () => {
      await refused('/api/v1/filings/9700001?amendment=1000', 'amendment', /from 0 to 999/);
    });

    it('an export job id that is not a UUID is a 400, never a database error', async () => {
      // 36 hyphens passed the old check and reached PostgreSQL's uuid type: a 500.
      await refused(`/api/v1/exports/${'-'.repeat(36)}`, 'id', /UUID/);
      await refused('/api/v1/exports/abc/file', 'id', /UUID/);
      const none = await request(app).get('/api/v1/exports/00000000-0000-4000-8000-000000000000');
      assert.equal(none.status, 404);
    });
  });

  describe('export jobs: the body as the document says', () => {
    it('params: null, format: null, an unknown field or a body that is not an object: a 400 naming it', async () => {
      for (const [body, parameter] of [
        [{ kind: 'filers', params: null }, 'params'],
        [{ kind: 'filers', format: null }, 'format'],
        [{ kind: 'filers', colums: 'name' }, 'colums'],
        [['filers'], 'body'],
      ] as const) {
        const r = await post(body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.body.error.parameter, parameter, JSON.stringify(r.body));
      }
    });

    it('params as JSON values: numbers, booleans, arrays', async () => {
      const r = await post({ kind: 'contributions', format: 'csv', params: { min_amount: 50, max_amount: 1000, year: [2016], memo: false, columns: 'date,amount' } });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      // A repeatable filter takes one value as well as an array, in the document as on the server.
      const one = await post({ kind: 'contributions', params: { state: 'CA', year: 2016 } });
      assert.equal(one.status, 202, JSON.stringify(one.body));
      const shapes = ((openapi.paths['/api/v1/exports'] as unknown as { post: { requestBody: { content: { 'application/json': { schema: { oneOf: { properties: { params: { properties: Record<string, unknown> } } }[] } } } } } }).post.requestBody.content['application/json'].schema.oneOf);
      const state = shapes[0]!.properties.params.properties['state'];
      assert.ok(ajv.compile(state as object)('CA') && ajv.compile(state as object)(['CA', 'NV']), 'state: one value or an array');
      // Only where the document declares a number or a boolean: a form is text, so is q.
      for (const [params, parameter] of [
        [{ form: [false] }, 'form'],
        [{ q: 5 }, 'q'],
        [{ state: [true] }, 'state'],
        [{ memo: 1 }, 'memo'],
      ] as const) {
        const bad = await post({ kind: 'contributions', params });
        assert.equal(bad.status, 400, JSON.stringify(params));
        assert.equal(bad.body.error.parameter, parameter);
      }
    });
  });

  describe('the document and the server agree, value by value', () => {
    /** Whether the document takes the value for the parameter of the operation. */
    function documentTakes(route: string, name: string, value: string | number): boolean {
      const op = openapi.paths[route]!['get']!;
      const param = op.parameters!.find((p) => p.name === name);
      assert.ok(param, `${route} documents ${name}`);
      const schema = param.schema as { type?: string; items?: object };
      const validate = ajv.compile(schema);
      // A query string carries text: the document's type says what the text must read as.
      const typed = (s: { type?: string }, v: string | number): unknown => (s.type === 'number' || s.type === 'integer') && /^-?[0-9.eE+]+$/.test(String(v)) ? Number(v) : v;
      return validate(schema.type === 'array' ? [typed(schema.items as object, value)] : typed(schema, value));
    }

    const cases: [string, string, string, string | number][] = [
      // route, URL (with the value in place of {v}), parameter, value
      ['/api/v1/contributions', '/api/v1/contributions?q={v}', 'q', '\u001f'],
      ['/api/v1/contributions', '/api/v1/contributions?q={v}', 'q', 'Okonkwo'],
      ['/api/v1/contributions', '/api/v1/contributions?q={v}', 'q', ''],
      ['/api/v1/contributions', '/api/v1/contributions?employer={v}', 'employer', ' '],
      ['/api/v1/contributions', '/api/v1/contributions?employer={v}', 'employer', 'Acme\u0085'],
      ['/api/v1/contributions', '/api/v1/contributions?cursor={v}', 'cursor', ''],
      ['/api/v1/contributions', '/api/v1/contributions?cursor={v}', 'cursor', 'a b'],
      ['/api/v1/contributions', '/api/v1/contributions?date_from={v}', 'date_from', ''],
      ['/api/v1/contributions', '/api/v1/contributions?date_from={v}', 'date_from', '2024-02-29'],
      ['/api/v1/contributions', '/api/v1/contributions?date_from={v}', 'date_from', '2023-02-29'],
      ['/api/v1/contributions', '/api/v1/contributions?date_from={v}', 'date_from', '1899-12-31'],
      ['/api/v1/contributions', '/api/v1/contributions?date_to={v}', 'date_to', '2100-12-31'],
      ['/api/v1/contributions', '/api/v1/contributions?zip={v}', 'zip', ''],
      ['/api/v1/contributions', '/api/v1/contributions?zip={v}', 'zip', '93721-1234'],
      ['/api/v1/contributions', '/api/v1/contributions?max_amount={v}', 'max_amount', 9.3e306],
      ['/api/v1/contributions', '/api/v1/contributions?max_amount={v}', 'max_amount', 9300],
      ['/api/v1/contributions', '/api/v1/contributions?max_amount={v}', 'max_amount', -1e12],
      ['/api/v1/filings', '/api/v1/filings?filing_id={v}', 'filing_id', 2147483648],
      ['/api/v1/filings', '/api/v1/filings?filing_id={v}', 'filing_id', 2147483647],
      ['/api/v1/filers/suggest', '/api/v1/filers/suggest?q={v}', 'q', '\u001e'],
      ['/api/v1/filers/suggest', '/api/v1/filers/suggest?q={v}', 'q', '  '],
      ['/api/v1/filers/suggest', '/api/v1/filers/suggest?q={v}', 'q', 'Inp'],
      ['/api/v1/contributions.csv', '/api/v1/contributions.csv?columns={v}', 'columns', ''],
      ['/api/v1/contributions.csv', '/api/v1/contributions.csv?columns={v}', 'columns', 'date,amount'],
      ['/api/v1/contributions.csv', '/api/v1/contributions.csv?columns={v}', 'columns', 'date,nope'],
      ['/api/v1/filers/{id}', '/api/v1/filers/{v}', 'id', '1700-001'],
      ['/api/v1/filers/{id}', '/api/v1/filers/{v}', 'id', 'C00800'],
      ['/api/v1/filings/{id}', '/api/v1/filings/{v}', 'id', '99999999999999999999999'],
      ['/api/v1/filings/{id}', '/api/v1/filings/{v}', 'id', 9700001],
      ['/api/v1/filings/{id}', '/api/v1/filings/9700001?amendment={v}', 'amendment', 1000],
      ['/api/v1/bulk/{file}', '/api/v1/bulk/{v}', 'file', 'filers-2016.csv'],
      ['/api/v1/bulk/{file}', '/api/v1/bulk/{v}', 'file', 'é.csv'],
      ['/api/v1/exports/{id}', '/api/v1/exports/{v}', 'id', 'abc'],
      ['/api/v1/exports/{id}', '/api/v1/exports/{v}', 'id', '00000000-0000-4000-8000-000000000000'],
    ];
    for (const [route, url, name, value] of cases) {
      it(`${route} ${name}=${JSON.stringify(value)}`, async () => {
        const takes = documentTakes(route, name, value);
        const res = await request(app).get(url.replace('{v}', encodeURIComponent(String(value))));
        if (takes) {
          assert.notEqual(res.status, 400, `the document takes it, the server said: ${JSON.stringify(res.body).slice(0, 300)}`);
          assert.ok(res.status < 500, `${res.status}`);
        } else {
          assert.equal(res.status, 400, `the document refuses it, the server said ${res.status}`);
          assert.equal((res.body as ErrorBody).error.parameter, name);
        }
      });
    }
  });
});
