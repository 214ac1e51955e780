import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import { sql } from 'kysely';
import request from 'supertest';
import { rebuildKind } from '../../indexers/rebuild.js';
import { createApp } from '../../src/app.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { scanDocuments } from '../../src/search/scan.js';
import { writeBulkDatasets } from '../../src/services/bulk-datasets.js';
import { ExportJobs } from '../../src/services/export-jobs.js';
import { ExportService, parseExportRequest } from '../../src/services/export-service.js';
import { contribution, cover, ExportBuilder, SAMPLE_DIR } from '../builders/calaccess-export.js';
import { parseCsv } from '../support/csv.js';
import { testConfig, waitFor } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, indexIds, testPrefix, testSearchClient } from '../support/test-search.js';

/** RFC 4180 parser for the tests (quoted fields with commas, quotes and line breaks; LF line ends accepted too). */

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'exp-'));

async function searchTotal(app: Express, url: string): Promise<number> {
  const res = await request(app).get(url).expect(200);
  return (res.body as { total: { value: number } }).total.value;
}

async function openContexts(es: Client): Promise<number> {
  const stats = await es.nodes.stats({ metric: 'indices', index_metric: 'search' });
  return Object.values(stats.nodes).reduce((n, node) => n + (node.indices?.search?.open_contexts ?? 0), 0);
}

describe('exports against the real stores', function () {
  this.timeout(240_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('exports');
  let app: Express;
  const dirs: string[] = [];
  const exportDir = tmp();
  dirs.push(exportDir);
  const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir });

  before(async () => {
    t = await createTestDatabase('exports');
    await importInto(t, SAMPLE_DIR);
    // Values a spreadsheet would run as formulas, and text CSV must quote.
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9900001, 0, '1600001', { FILER_NAML: 'Formula Test Committee' })])
      .rows('RCPT_CD.TSV', [
        contribution(9900001, 0, 1, { CTRIB_NAML: '=HYPERLINK("http://example.invalid","click")', CTRIB_NAMF: '', ENTITY_CD: 'OTH', CTRIB_EMP: '+1 555 0100', AMOUNT: '10.00' }),
        contribution(9900001, 0, 2, { CTRIB_NAML: '@SUM(A1:A9)', CTRIB_NAMF: '', ENTITY_CD: 'OTH', CTRIB_EMP: '-2+3', AMOUNT: '20.00' }),
        contribution(9900001, 0, 3, { CTRIB_NAML: 'Comma, "Quoted" Name', CTRIB_NAMF: 'Ann', AMOUNT: '30.50' }),
      ]);
    dirs.push(b.dir);
    await importInto(t, b.write());
    await indexAll(es, t.db, prefix);
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app.locals['jobs'] as ExportJobs).stop();
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('scans every document exactly once, in slices or in order, and closes its point in time', async () => {
    const index = `${prefix}contributions`;
    const expected = (await indexIds(es, index)).sort();
    const before = await openContexts(es);
    for (const slices of [1, 2, 3]) {
      const seen: string[] = [];
      for await (const page of scanDocuments(es, { index, query: { match_all: {} }, fields: ['id'], pageSize: 97, slices })) {
        assert.ok(page.length <= 97);
        for (const d of page) seen.push(String(d['id']));
      }
      assert.deepEqual(seen.sort(), expected, `${slices} slice(s): every id once`);
    }
    // An order asked for: one stream, in that order.
    let last = '';
    let n = 0;
    for await (const page of scanDocuments(es, { index, query: { match_all: {} }, fields: ['id'], pageSize: 97, slices: 3, sort: [{ id: 'asc' }] })) {
      for (const d of page) {
        assert.ok(String(d['id']) > last, 'ascending ids');
        last = String(d['id']);
        n++;
      }
    }
    assert.equal(n, expected.length);
    // A consumer that stops after the first page: nothing left open.
    for await (const page of scanDocuments(es, { index, query: { match_all: {} }, pageSize: 50, slices: 2 })) {
      assert.equal(page.length, 50);
      break;
    }
    await waitFor('the point in time to close', async () => (await openContexts(es)) <= before);
  });

  it('CSV holds as many rows as the search total, for several searches', async () => {
    for (const q of ['contributions?q=teacher', 'contributions?state=CA&min_amount=100', 'contributions?versions=all', 'expenditures?year=2008', 'filers?filer_type=RECIPIENT%20COMMITTEE', 'filings?form=F460', 'lobbying']) {
      const [kind, params] = q.split('?') as [string, string | undefined];
      const total = await searchTotal(app, `/api/v1/${q}`);
      const res = await request(app).get(`/api/v1/${kind}.csv${params ? `?${params}` : ''}`).buffer(true).parse((r, cb) => {
        let s = '';
        r.setEncoding('utf8');
        r.on('data', (d: string) => (s += d));
        r.on('end', () => cb(null, s));
      });
      assert.equal(res.status, 200, q);
      assert.match(String(res.headers['content-type']), /text\/csv/);
      assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="${kind}.*\\.csv"`));
      const text = res.body as string;
      assert.ok(text.startsWith('\ufeff'), 'UTF-8 BOM');
      const rows = parseCsv(text.slice(1));
      assert.equal(rows.length - 1, total, `${q}: rows = search total`);
      assert.ok(rows.every((r) => r.length === rows[0]!.length), `${q}: every row has every column`);
    }
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes per RFC 4180', async () => {
    const res = await request(app).get('/api/v1/contributions.csv?recipient=1600001&sort=amount&columns=contributor_name,employer,amount').expect(200);
    const rows = parseCsv(res.text.slice(1));
    assert.deepEqual(rows, [
      ['Contributor', 'Employer', 'Amount'],
      ["'=HYPERLINK(\"http://example.invalid\",\"click\")", "'+1 555 0100", '10'],
      ["'@SUM(A1:A9)", "'-2+3", '20'],
      ['Ann Comma, "Quoted" Name', 'Fresno Unified', '30.5'],
    ]);
    assert.match(res.text, /"'=HYPERLINK\(""http/, 'quotes doubled inside a quoted field');
  });

  it('XLSX opens, with a sheet describing the query and the same rows as CSV, dates as dates', async () => {
    const url = 'contributions.xlsx?q=teacher&sort=amount';
    const res = await request(app).get(`/api/v1/${url}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['About this data', 'Data']);
    const about = wb.getWorksheet('About this data')!;
    const aboutText = JSON.stringify(about.getSheetValues());
    assert.match(aboutText, /teacher/);
    assert.match(aboutText, /CAL-ACCESS/);
    const data = wb.getWorksheet('Data')!;
    const total = await searchTotal(app, '/api/v1/contributions?q=teacher');
    assert.equal(data.rowCount - 1, total);
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const dateCol = header.indexOf('Date received') + 1;
    const amountCol = header.indexOf('Amount') + 1;
    const second = data.getRow(2);
    assert.ok(second.getCell(dateCol).value instanceof Date, 'a real date cell');
    assert.equal(typeof second.getCell(amountCol).value, 'number');
    // The same rows as the CSV, in the same order.
    const csv = parseCsv((await request(app).get('/api/v1/contributions.csv?q=teacher&sort=amount')).text.slice(1));
    assert.equal(Number(csv[1]![csv[0]!.indexOf('Amount')]), second.getCell(amountCol).value);
  });

  it('starts a new sheet when a sheet is full', async () => {
    const service = new ExportService(es, prefix);
    const e = parseExportRequest('contributions', 'xlsx', { q: 'teacher' });
    const out = new (await import('node:stream')).PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (d: Buffer) => chunks.push(d));
    const done = new Promise((r) => out.on('end', r));
    const rows = await service.writeXlsx(e, out, undefined, undefined, 10);
    await done;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks).buffer);
    const dataSheets = wb.worksheets.filter((w) => w.name.startsWith('Data'));
    assert.equal(dataSheets.length, Math.ceil(rows / 10));
    assert.equal(dataSheets.reduce((n, w) => n + w.rowCount - 1, 0), rows);
  });

  it('answers 400 naming a bad export parameter', async () => {
    for (const [url, parameter] of [
      ['/api/v1/contributions.csv?columns=amount,bogus', 'columns'],
      ['/api/v1/contributions.csv?min_amount=x', 'min_amount'],
      ['/api/v1/contributions.xlsx?cursor=abc', 'cursor'],
    ] as const) {
      const res = await request(app).get(url).expect(400);
      assert.equal((res.body as { error: { parameter: string } }).error.parameter, parameter);
    }
  });

  it('runs a large export as a job: progress, the file with Range, a 400 for bad filters', async () => {
    const created = await request(app).post('/api/v1/exports').send({ kind: 'contributions', format: 'csv', params: { state: 'CA' } }).expect(202);
    const id = (created.body as { id: string }).id;
    const job = await waitFor('the job to finish', async () => {
      const v = (await request(app).get(`/api/v1/exports/${id}`).expect(200)).body as { state: string; rows_written: number; rows_expected: number; progress: number; sha256: string; links: { file: string } };
      return v.state === 'finished' ? v : undefined;
    });
    assert.equal(job.rows_written, job.rows_expected);
    assert.equal(job.rows_written, await searchTotal(app, '/api/v1/contributions?state=CA'));
    assert.equal(job.progress, 1);
    const binary = (r: request.Test): request.Test =>
      r.buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const file = Buffer.from((await binary(request(app).get(job.links.file)).expect(200)).body as Uint8Array);
    assert.equal(createHash('sha256').update(file).digest('hex'), job.sha256);
    const part = Buffer.from((await binary(request(app).get(job.links.file).set('Range', 'bytes=0-9')).expect(206)).body as Uint8Array);
    assert.deepEqual(part, file.subarray(0, 10));
    const bad = await request(app).post('/api/v1/exports').send({ kind: 'contributions', params: { min_amount: 'lots' } }).expect(400);
    assert.equal((bad.body as { error: { parameter: string } }).error.parameter, 'min_amount');
    await request(app).get('/api/v1/exports/00000000-0000-0000-0000-000000000000').expect(404);
  });

  it('a job survives a restart of the API: the next process finishes it', async () => {
    // A job accepted by an API that stopped before running it.
    const id = '11111111-2222-3333-4444-555555555555';
    await t.db.kysely.insertInto('export_jobs').values({ id, kind: 'contributions', format: 'xlsx', params: JSON.stringify({ q: 'teacher' }), state: 'running' }).execute();
    const restarted = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
    try {
      const v = await waitFor('the resumed job', async () => {
        const body = (await request(restarted).get(`/api/v1/exports/${id}`).expect(200)).body as { state: string; rows_written: number };
        return body.state === 'finished' ? body : undefined;
      });
      assert.equal(v.rows_written, await searchTotal(app, '/api/v1/contributions?q=teacher'));
    } finally {
      await (restarted.locals['jobs'] as ExportJobs).stop();
    }
  });

  it('deletes job files after their time', async () => {
    const jobs = app.locals['jobs'] as ExportJobs;
    const finished = await t.db.kysely.selectFrom('export_jobs').select(['id', 'format']).where('state', '=', 'finished').execute();
    assert.ok(finished.length > 0);
    const expired = await jobs.cleanup(new Date(Date.now() + 48 * 3_600_000));
    assert.equal(expired, finished.length);
    const f = finished[0]!;
    assert.throws(() => readFileSync(path.join(exportDir, 'jobs', `${f.id}.${f.format}`)));
    const v = (await request(app).get(`/api/v1/exports/${f.id}`).expect(200)).body as { state: string; links: { file: string | null } };
    assert.deepEqual([v.state, v.links.file], ['expired', null]);
  });

  it('writes bulk datasets whose manifest reconciles with the database, and serves them with Range', async () => {
    const dir = path.join(exportDir, 'bulk');
    const manifest = await writeBulkDatasets(t.db.pool, dir, silentLogger);
    const current = await sql<{ n: number }>`select count(*)::int as n from contributions c join filings f on f.filing_id = c.filing_id and f.current_amend_id = c.amend_id`.execute(t.db.kysely);
    const whole = manifest.files.find((f) => f.file === "contributions.csv")!;
    assert.equal(whole.rows, current.rows[0]!.n);
    const years = manifest.files.filter((f) => f.dataset === 'contributions' && f.year !== null);
    assert.equal(years.reduce((n, f) => n + f.rows, 0), whole.rows, 'the years add up to the whole');
    const bytes = readFileSync(path.join(dir, whole.file));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), whole.sha256);
    assert.equal(bytes.length, whole.bytes);
    assert.ok(bytes.toString('utf8').startsWith('\ufeff'), 'UTF-8 BOM');
    assert.equal(parseCsv(bytes.toString('utf8').slice(1)).length - 1, whole.rows);
    assert.match(bytes.toString('utf8'), /'=HYPERLINK/, 'formulas neutralised in bulk files too');
    const list = (await request(app).get('/api/v1/bulk').expect(200)).body as { files: { file: string; link: string; sha256: string }[] };
    assert.equal(list.files.length, manifest.files.length);
    const part = await request(app).get(`/api/v1/bulk/${whole.file}`).set('Range', 'bytes=100-199').expect(206);
    assert.equal(part.text, bytes.subarray(100, 200).toString('utf8'));
    await request(app).get('/api/v1/bulk/nope.csv').expect(404);
  });
});

describe('a 200,000-row export', function () {
  this.timeout(300_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('bigexport');
  let server: http.Server;
  let port: number;
  let app: Express;
  const dir = tmp();
  const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: dir });

  before(async () => {
    t = await createTestDatabase('bigexport');
    await generateCalaccess({ rows: 200_000, out: path.join(dir, 'export'), sampleDir: SAMPLE_DIR, seed: 21, dirtyRate: 0 });
    await importCalaccess(t.db.pool, { source: path.join(dir, 'export'), rejectsDir: path.join(dir, 'rejects'), log: silentLogger, only: ['FILERS_CD.TSV', 'FILERNAME_CD.TSV', 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV', 'FILER_FILINGS_CD.TSV', 'RCPT_CD.TSV'] });
    await rebuildKind({ es, db: t.db, prefix, log: silentLogger }, 'contributions');
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
    server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    server.close();
    await (app.locals['jobs'] as ExportJobs).stop();
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams every row with flat memory', async () => {
    const total = await searchTotal(app, '/api/v1/contributions?versions=all');
    assert.ok(total >= 190_000, `${total} rows`);
    // Heap in use after a full collection: what is held, not garbage not yet collected.
    const gc = (globalThis as { gc?: () => void }).gc;
    assert.ok(gc, 'mocha runs with --expose-gc (.mocharc.json)');
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 250);
    let lines = 0;
    let bytes = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${port}/api/v1/contributions.csv?versions=all`, (res) => {
            res.on('data', (d: Buffer) => {
              bytes += d.length;
              for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines++;
            });
            res.on('end', resolve);
            res.on('error', reject);
          })
          .on('error', reject);
      });
    } finally {
      clearInterval(sampler);
    }
    // Names carry no line breaks here, so lines = rows + header.
    assert.equal(lines - 1, total);
    const growthMb = (peak - base) / 1048576;
    // The file is ~70 MB and the documents several times that: holding them would show.
    assert.ok(growthMb < 48, `heap grew by ${growthMb.toFixed(0)} MB while streaming ${(bytes / 1048576).toFixed(0)} MB`);
  });

  // Here, not on the sample: an export the client does not read holds its slot only while
  // it cannot finish, and the sample's few hundred kB can fit in the loopback socket's
  // buffers (it did on a CI machine: the export ended and the second one got its slot).
  // This one is ~70 MB.
  it('bounds concurrent exports with a 429 and Retry-After', async () => {
    const limited = createApp({ config: testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: dir, MAX_CONCURRENT_EXPORTS: '1' }), db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
    const limitedServer = http.createServer(limited).listen(0, '127.0.0.1');
    await new Promise((r) => limitedServer.once('listening', r));
    const limitedPort = (limitedServer.address() as AddressInfo).port;
    try {
      // A client that reads nothing holds its export open.
      const held = await new Promise<http.IncomingMessage>((resolve) => http.get(`http://127.0.0.1:${limitedPort}/api/v1/contributions.csv?versions=all`, resolve));
      assert.equal(held.statusCode, 200);
      const second = await request(limited).get('/api/v1/contributions.csv?min_amount=100000000');
      assert.equal(second.status, 429);
      assert.ok(Number(second.headers['retry-after']) > 0, `Retry-After: ${second.headers['retry-after']}`);
      assert.match((second.body as { error?: { message?: string } }).error?.message ?? '', /export/i);
      held.destroy();
      await waitFor('the slot to free', async () => (await request(limited).get('/api/v1/contributions.csv?min_amount=100000000')).status === 200, { timeoutMs: 20_000, intervalMs: 200 });
    } finally {
      limitedServer.closeAllConnections();
      limitedServer.close();
      await (limited.locals['jobs'] as ExportJobs).stop();
    }
  });

  it('an aborted download stops the scan and releases its point in time', async () => {
    const before = await openContexts(es);
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`http://127.0.0.1:${port}/api/v1/contributions.csv?versions=all`, (res) => {
        let got = 0;
        res.on('data', (d: Buffer) => {
          got += d.length;
          if (got > 200_000) {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', (err) => (req.destroyed ? resolve() : reject(err)));
    });
    await waitFor('the point in time to be released', async () => (await openContexts(es)) <= before, { timeoutMs: 20_000, intervalMs: 200 });
    // The service has its slot back: another export runs.
    await request(app).get('/api/v1/contributions.csv?min_amount=100000000').expect(200);
  });
});
