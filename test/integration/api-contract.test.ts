// The API against its OpenAPI document, as an outside contract tester (Schemathesis, see
// scripts/contract.sh) checks it: methods a route does not take, an export job's file
// asked for too early, timestamps, the statuses every operation can give, and the
// document's examples (valid, and answered 2xx on the sample).
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
import { writeBulkDatasets } from '../../src/services/bulk-datasets.js';
import { ExportJobs } from '../../src/services/export-jobs.js';
import { ExportService } from '../../src/services/export-service.js';
import { SAMPLE_DIR } from '../builders/calaccess-export.js';
import { testConfig, waitFor } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path';
  schema: Schema;
  example?: unknown;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, Schema>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Schema>; headers: Record<string, Schema>; schemas: Record<string, Schema> };
}

/** RFC 3339 as the API writes it: UTC, to the second. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('API contract: methods, statuses, timestamps and examples', function () {
  this.timeout(240_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('contract');
  const exportDir = mkdtempSync(path.join(os.tmpdir(), 'contract-'));
  const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir, RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000', RATE_LIMIT_EXPENSIVE_BURST: '100000' });
  let app: Express;
  const doc = buildOpenApi() as unknown as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
  const operations = Object.entries(doc.paths).flatMap(([route, item]) => Object.entries(item).map(([method, op]) => ({ route, method: method.toUpperCase(), op })));

  /** A response object, its $ref to a shared one followed. */
  function response(op: Operation, status: number): Schema | undefined {
    const r = op.responses[String(status)];
    const name = typeof r?.['$ref'] === 'string' ? r['$ref'].split('/').pop()! : null;
    return name ? doc.components.responses[name] : r;
  }

  function validate(schema: Schema, value: unknown, what: string): void {
    const v = typeof schema['$ref'] === 'string' ? ajv.compile({ $ref: `openapi${schema['$ref']}` }) : ajv.compile(schema);
    assert.ok(v(value), `${what}: ${ajv.errorsText(v.errors)} in ${JSON.stringify(value).slice(0, 300)}`);
  }

  /** Checks a JSON answer against what the operation documents for its status. */
  function conforms(op: Operation, res: request.Response, what: string): void {
    const r = response(op, res.status);
    assert.ok(r, `${what}: ${op.operationId} documents ${res.status}`);
    const schema = (r['content'] as Record<string, { schema?: Schema }> | undefined)?.['application/json']?.schema;
    if (schema) validate(schema, res.body, `${what}: ${res.status} matches the document`);
  }

  /** The address of an operation with its examples (or the values given). */
  function exampleUrl(route: string, op: Operation, values: Record<string, unknown> = {}): string {
    let p = route;
    const q = new URLSearchParams();
    for (const param of op.parameters ?? []) {
      const v = values[param.name] ?? param.example;
      if (param.in === 'path') p = p.replace(`{${param.name}}`, encodeURIComponent(String(v)));
      else for (const one of Array.isArray(v) ? v : [v]) q.append(param.name, String(one));
    }
    const qs = q.toString();
    return qs ? `${p}?${qs}` : p;
  }

  before(async () => {
    t = await createTestDatabase('api_contract');
    await importInto(t, SAMPLE_DIR);
    await indexAll(es, t.db, prefix);
    await writeBulkDatasets(t.db.pool, path.join(exportDir, 'bulk'), silentLogger, ['contributions']);
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app.locals['jobs'] as ExportJobs).stop();
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  describe('methods a route does not take', () => {
    it('are a 405 with Allow and a JSON error, on every path of the document', async () => {
      for (const [route, item] of Object.entries(doc.paths)) {
        const op = Object.values(item)[0]!;
        const url = exampleUrl(route, op);
        const declared = Object.keys(item).map((m) => m.toUpperCase());
        for (const method of ['TRACE', 'PUT', 'DELETE', 'POST', 'PATCH', 'GET'].filter((m) => !declared.includes(m))) {
          const res = await request(app)[method.toLowerCase() as 'get'](url);
          assert.equal(res.status, 405, `${method} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          const allow = String(res.headers['allow']).split(/,\s*/);
          for (const m of declared) assert.ok(allow.includes(m), `${method} ${url}: Allow (${allow.join(', ')}) names ${m}`);
          assert.ok(!allow.includes(method), `${method} ${url}: Allow does not name ${method}`);
          assert.match(String(res.headers['content-type']), /^application\/json/);
          validate({ $ref: '#/components/schemas/Error' }, res.body, `${method} ${url}`);
          assert.equal((res.body as { error: { code: string } }).error.code, 'method_not_allowed');
        }
        const options = await request(app).options(url);
        assert.equal(options.status, 204, `OPTIONS ${url}`);
        assert.deepEqual(String(options.headers['allow']).split(/,\s*/), [...new Set([...declared, ...(declared.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort());
      }
    });

    it('are a 405 page with Allow on the portal; a path no route has stays a 404', async () => {
      const page = await request(app).put('/search?q=water');
      assert.equal(page.status, 405);
      assert.equal(page.headers['allow'], 'GET, HEAD, OPTIONS');
      assert.match(String(page.headers['content-type']), /^text\/html/);
      const form = await request(app).get('/exports');
      assert.equal(form.status, 405);
      assert.equal(form.headers['allow'], 'OPTIONS, POST');
      assert.equal((await request(app).put('/api/v1/no-such-thing')).status, 404);
      assert.equal((await request(app).head('/api/v1/bulk')).status, 200, 'HEAD where GET is');
    });
  });

  describe('export jobs', () => {
    it("answer a file asked for before the job finished with 409 and the job's state, documented; timestamps in RFC 3339", async () => {
      // Jobs that never start: the file is asked for while the job waits, every time.
      const exportService = new ExportService(es, prefix, 1);
      const jobs = new ExportJobs(t.db.kysely, exportService, silentLogger, { dir: exportDir, ttlHours: 1, maxConcurrent: 0 });
      const waiting = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger, exports: exportService, jobs });
      try {
        const create = doc.paths['/api/v1/exports']!['post']!;
        const made = await request(waiting).post('/api/v1/exports').send({ kind: 'filers', format: 'csv' });
        assert.equal(made.status, 202);
        conforms(create, made, 'POST /api/v1/exports');
        const job = made.body as { id: string; created_at: string; finished_at: null; state: string };
        assert.match(job.created_at, RFC3339);
        assert.ok(Math.abs(Date.parse(job.created_at) - Date.now()) < 60_000, `created_at ${job.created_at} is now`);

        const file = await request(waiting).get(`/api/v1/exports/${job.id}/file`);
        assert.equal(file.status, 409, JSON.stringify(file.body));
        conforms(doc.paths['/api/v1/exports/{id}/file']!['get']!, file, 'the file of a queued job');
        assert.equal((file.body as { error: { state: string } }).error.state, 'queued');
        assert.ok(Number(file.headers['retry-after']) > 0, 'Retry-After while it waits');
        assert.equal((await request(waiting).get('/api/v1/exports/00000000-0000-4000-8000-000000000000/file')).status, 404, 'no such job is still a 404');
        const latin1 = await request(waiting).post('/api/v1/exports').set('Content-Type', 'application/json; charset=latin1').send('{"kind":"filers"}');
        assert.equal(latin1.status, 415);
        conforms(create, latin1, 'a body in latin1');
      } finally {
        await jobs.stop();
      }
    });

    it('write every timestamp of a finished job in RFC 3339', async () => {
      const made = await request(app).post('/api/v1/exports').send({ kind: 'filers', format: 'csv', params: { q: 'committee' } }).expect(202);
      const id = (made.body as { id: string }).id;
      const done = await waitFor('the job to finish', async () => {
        const v = (await request(app).get(`/api/v1/exports/${id}`)).body as Record<string, string>;
        return v['state'] === 'finished' ? v : undefined;
      });
      for (const k of ['created_at', 'finished_at', 'expires_at']) assert.match(String(done[k]), RFC3339, `${k}: ${done[k]}`);
      const view = await request(app).get(`/api/v1/exports/${id}`);
      conforms(doc.paths['/api/v1/exports/{id}']!['get']!, view, 'a finished job');
    });
  });

  it('writes the bulk manifest and filer links with RFC 3339 timestamps and plain days', async () => {
    const list = await request(app).get('/api/v1/bulk').expect(200);
    const body = list.body as { generated_at: string; files: { generated_at: string }[] };
    assert.match(body.generated_at, RFC3339);
    for (const f of body.files) assert.match(f.generated_at, RFC3339);
    // The file's conditional and partial answers, as documented.
    const fileOp = doc.paths['/api/v1/bulk/{file}']!['get']!;
    for (const [header, value, status] of [['If-Match', '"not-this-one"', 412], ['Range', 'bytes=999999999-', 416]] as const) {
      const res = await request(app).get('/api/v1/bulk/contributions.csv').set(header, value);
      assert.equal(res.status, status, `${header}: ${value}`);
      assert.ok(response(fileOp, status), `bulk file documents ${status}`);
    }
    // A lobbying firm of the sample whose clients' links hold a timestamp column.
    const filer = (await request(app).get('/api/v1/filers/1147635').expect(200)).body as { linked_filers: { since: string | null; until: string | null }[]; names_over_time: { since: string | null }[] };
    assert.ok(filer.linked_filers.length > 0);
    const days = [...filer.linked_filers.flatMap((l) => [l.since, l.until]), ...filer.names_over_time.map((n) => n.since)];
    for (const d of days) if (d !== null) assert.match(d, DAY);
  });

  describe('the document', () => {
    it('lists 431 on every operation and 429 with Retry-After on every one behind the budgets', () => {
      for (const { route, method, op } of operations) {
        assert.deepEqual(op.responses['431'], { $ref: '#/components/responses/RequestTooLarge' }, `${method} ${route}: 431`);
        if (route === '/health') continue; // before the budgets: a monitor always gets an answer
        const tooMany = response(op, 429);
        assert.ok(tooMany, `${method} ${route}: 429`);
        assert.deepEqual((tooMany['headers'] as Schema)['Retry-After'], { $ref: '#/components/headers/RetryAfter' }, `${method} ${route}: 429 declares Retry-After`);
      }
      assert.ok(response(doc.paths['/api/v1/bulk/{file}']!['get']!, 400), 'bulk file: 400');
      for (const status of [412, 416]) assert.ok(response(doc.paths['/api/v1/bulk/{file}']!['get']!, status), `bulk file: ${status}`);
      assert.ok(response(doc.paths['/api/v1/exports']!['post']!, 415), 'a job body in a charset the API does not read: 415');
      assert.ok(response(doc.paths['/api/v1/exports/{id}/file']!['get']!, 409), 'job file: 409');
      const job = doc.components.schemas['ExportJob'] as { properties: Record<string, Schema> };
      assert.equal(job.properties['created_at']!['format'], 'date-time');
    });

    it('gives every parameter and request body an example valid under its schema', () => {
      for (const { route, method, op } of operations) {
        for (const p of op.parameters ?? []) {
          assert.ok(p.example !== undefined, `${method} ${route}: ${p.name} has an example`);
          validate(p.schema, p.example, `${method} ${route}: example of ${p.name}`);
        }
        const body = op.requestBody?.content['application/json'];
        if (body) {
          assert.ok(body.example !== undefined, `${method} ${route}: the body has an example`);
          validate(body.schema, body.example, `${method} ${route}: example body`);
        }
      }
    });

    it("keeps the export job example's params good for every kind (a contract tester varies kind, not params)", async () => {
      const create = doc.paths['/api/v1/exports']!['post']!;
      const example = create.requestBody!.content['application/json']!.example as { params: object };
      // One body shape per kind (each with that kind's own params).
      const shapes = create.requestBody!.content['application/json']!.schema['oneOf'] as Schema[];
      const kinds = shapes.map((shape) => (shape['properties'] as Record<string, Schema>)['kind']!['const'] as string);
      assert.equal(kinds.length, 5);
      for (const kind of kinds) {
        const res = await request(app).post('/api/v1/exports').send({ ...example, kind });
        assert.equal(res.status, 202, `${kind}: ${JSON.stringify(res.body)}`);
      }
    });

    it("answers every operation's examples, sent together, with 2xx on the sample", async () => {
      // An export job's id is one the API made: the example body's job.
      const create = doc.paths['/api/v1/exports']!['post']!;
      const made = await request(app).post('/api/v1/exports').send(create.requestBody!.content['application/json']!.example as object);
      assert.equal(made.status, 202, JSON.stringify(made.body));
      const id = (made.body as { id: string }).id;
      await waitFor('the example job to finish', async () => ((await request(app).get(`/api/v1/exports/${id}`)).body as { state: string }).state === 'finished');
      for (const { route, method, op } of operations) {
        if (method !== 'GET') continue;
        const url = exampleUrl(route, op, route.startsWith('/api/v1/exports/') ? { id } : {});
        const res = await request(app).get(url);
        assert.ok(res.status >= 200 && res.status < 300, `${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        if (/json/.test(String(res.headers['content-type']))) conforms(op, res, url);
      }
    });
  });
});
