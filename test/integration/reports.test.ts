import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { sql } from 'kysely';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import type { ExportJobs } from '../../src/services/export-jobs.js';
import { contribution, cover, expenditure, ExportBuilder, SAMPLE_DIR, sampleHeader } from '../builders/calaccess-export.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

interface ScheduleView {
  code: string;
  table: string;
  row_count: number;
  total: number | null;
  rows: { line_item: number; transaction_id: string | null; amount: number | null; date: string | null; memo: boolean; schedule: string }[];
}
interface FilingView {
  filing_id: number;
  amendment: number;
  current_amendment: number;
  superseded: boolean;
  current_link?: string;
  schedules: ScheduleView[];
  versions: { amendment: number; current: boolean; link: string }[];
  reconciliation: { schedule: string; line: string; itemized_total: number; stated_total: number | null; difference: number | null; agrees: boolean }[];
  summary: { schedule: string; line: string; column_a: number | null }[];
}

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'rep-'));

/** The source lines of a sample file, as header-keyed records (well-formed lines only). */
function sourceRecords(file: string): Record<string, string>[] {
  const header = sampleHeader(file);
  return readFileSync(path.join(SAMPLE_DIR, file))
    .toString('latin1')
    .split('\r\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((f) => f.length === header.length)
    .map((f) => Object.fromEntries(header.map((h, i) => [h, f[i]!.trim()])));
}

const SCHEDULE_FILES: Record<string, string> = {
  'RCPT_CD.TSV': 'contributions',
  'EXPN_CD.TSV': 'expenditures',
  'LOAN_CD.TSV': 'loans',
  'DEBT_CD.TSV': 'debts',
  'S497_CD.TSV': 'late_contributions',
  'LPAY_CD.TSV': 'lobbying_payments',
  'LCCM_CD.TSV': 'lobbying_campaign_contributions',
};

describe('report views on the imported sample', function () {
  this.timeout(120_000);
  let t: TestDatabase;
  let app: Express;
  const dirs: string[] = [];

  before(async () => {
    t = await createTestDatabase('reports');
    const rejects = tmp();
    dirs.push(rejects);
    await importCalaccess(t.db.pool, { source: SAMPLE_DIR, rejectsDir: rejects, log: silentLogger });
    const config = testConfig({ EXPORT_DIR: tmp() });
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app.locals['jobs'] as ExportJobs).stop();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("shows, for filings of the sample, exactly the source lines of the filing's current amendment", async () => {
    let checked = 0;
    for (const [file, table] of Object.entries(SCHEDULE_FILES)) {
      const records = sourceRecords(file);
      // A few filings from each file, their rows as the source has them.
      const filingIds = [...new Set(records.map((r) => Number(r['FILING_ID'])))].slice(0, 5);
      for (const filingId of filingIds) {
        const cur = await sql<{ current_amend_id: number }>`select current_amend_id from filings where filing_id = ${filingId}`.execute(t.db.kysely);
        const current = cur.rows[0]!.current_amend_id;
        const expected = records
          .filter((r) => Number(r['FILING_ID']) === filingId && Number(r['AMEND_ID']) === current)
          .map((r) => `${r['FORM_TYPE']}|${Number(r['LINE_ITEM'])}|${r['TRAN_ID'] ?? ''}`)
          .sort();
        const view = (await request(app).get(`/api/v1/filings/${filingId}`).expect(200)).body as FilingView;
        assert.equal(view.amendment, current);
        const got = view.schedules
          .filter((s) => s.table === table)
          .flatMap((s) => s.rows.map((r) => `${r.schedule}|${r.line_item}|${r.transaction_id ?? ''}`))
          .sort();
        assert.deepEqual(got, expected, `filing ${filingId} (${file})`);
        checked++;
      }
    }
    assert.ok(checked >= 30);
  });

  it('answers unknown ids with a JSON 404, and bad ones with a 400', async () => {
    for (const url of ['/api/v1/filings/1', '/api/v1/filers/99999999', '/api/v1/filers/XNOPE']) {
      const res = await request(app).get(url).expect(404);
      assert.equal((res.body as { error: { code: string } }).error.code, 'not_found');
    }
    const someFiling = (await sql<{ filing_id: number }>`select filing_id from filings limit 1`.execute(t.db.kysely)).rows[0]!.filing_id;
    await request(app).get(`/api/v1/filings/${someFiling}?amendment=99`).expect(404);
    for (const [url, parameter] of [
      ['/api/v1/filings/abc', 'id'],
      [`/api/v1/filings/${someFiling}?amendment=x`, 'amendment'],
      [`/api/v1/filings/${someFiling}?bogus=1`, 'bogus'],
      [`/api/v1/filings/${someFiling}/compare?from=0`, 'to'],
      ['/api/v1/filers/a;b', 'id'],
    ] as const) {
      const res = await request(app).get(url).expect(400);
      assert.equal((res.body as { error: { parameter: string } }).error.parameter, parameter, url);
    }
  });

  describe('an amended filing', () => {
    const filingId = 9600001;
    before(async () => {
      const dir = new ExportBuilder()
        .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(filingId, 0, '1700001', { FILER_NAML: 'Amended Committee' })])
        .rows('RCPT_CD.TSV', [contribution(filingId, 0, 1, { TRAN_ID: 'T1', AMOUNT: '100.00' }), contribution(filingId, 0, 2, { TRAN_ID: 'T2', AMOUNT: '200.00' })])
        .rows('EXPN_CD.TSV', [expenditure(filingId, 0, 1, { TRAN_ID: 'E1' })])
        .rows('SMRY_CD.TSV', [{ FILING_ID: filingId, AMEND_ID: 0, LINE_ITEM: '1', REC_TYPE: 'SMRY', FORM_TYPE: 'A', AMOUNT_A: '300.00' }]);
      dirs.push(dir.dir);
      const rejects = tmp();
      dirs.push(rejects);
      await importCalaccess(t.db.pool, { source: dir.write(), rejectsDir: rejects, log: silentLogger });
      // Cache the original view: the amendment must replace it.
      const before = (await request(app).get(`/api/v1/filings/${filingId}`).expect(200)).body as FilingView;
      assert.equal(before.current_amendment, 0);
      const amended = new ExportBuilder()
        .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(filingId, 1, '1700001', { FILER_NAML: 'Amended Committee', AMENDEXP_1: 'Corrected an amount' })])
        .rows('RCPT_CD.TSV', [contribution(filingId, 1, 1, { TRAN_ID: 'T1', AMOUNT: '150.00' }), contribution(filingId, 1, 2, { TRAN_ID: 'T3', AMOUNT: '50.00' })])
        .rows('SMRY_CD.TSV', [{ FILING_ID: filingId, AMEND_ID: 1, LINE_ITEM: '1', REC_TYPE: 'SMRY', FORM_TYPE: 'A', AMOUNT_A: '250.00' }]);
      dirs.push(amended.dir);
      await importCalaccess(t.db.pool, { source: amended.write(), rejectsDir: rejects, log: silentLogger });
    });

    it('shows every version and the right current one; an older version is marked superseded', async () => {
      const view = (await request(app).get(`/api/v1/filings/${filingId}`).expect(200)).body as FilingView;
      assert.deepEqual([view.amendment, view.current_amendment, view.superseded], [1, 1, false]);
      assert.deepEqual(view.versions.map((v) => [v.amendment, v.current]), [[0, false], [1, true]]);
      assert.deepEqual(view.schedules.map((s) => s.code), ['A'], 'the amendment dropped Schedule E');
      assert.equal(view.schedules[0]!.total, 200);
      const old = (await request(app).get(`/api/v1/filings/${filingId}?amendment=0`).expect(200)).body as FilingView;
      assert.deepEqual([old.amendment, old.superseded, old.current_link], [0, true, `/api/v1/filings/${filingId}`]);
      assert.deepEqual(old.schedules.map((s) => s.code), ['A', 'E'], 'schedules in the order of the paper form');
    });

    it('compares two versions: rows added, removed and changed, totals that moved', async () => {
      const res = (await request(app).get(`/api/v1/filings/${filingId}/compare?from=0&to=1`).expect(200)).body as {
        rows: { added: { key: string }[]; removed: { key: string }[]; changed: { key: string; changes: Record<string, { from: unknown; to: unknown }> }[] };
        totals_moved: { line: string; from: number; to: number; change: number }[];
      };
      assert.deepEqual(res.rows.added.map((r) => r.key), ['A|T3']);
      assert.deepEqual(res.rows.removed.map((r) => r.key).sort(), ['A|T2', 'E|E1']);
      assert.deepEqual(res.rows.changed.map((r) => r.key), ['A|T1']);
      assert.deepEqual(res.rows.changed[0]!.changes['amount'], { from: 100, to: 150 });
      assert.deepEqual(res.totals_moved.map(({ line, from, to, change }) => ({ line, from, to, change })), [{ line: 'A line 1', from: 300, to: 250, change: -50 }]);
      // A field as filed is compared on its own, beside the row's own fields.
      assert.deepEqual(res.rows.changed[0]!.changes['fields.amount'], { from: '100.00', to: '150.00' });
    });

    it('answers a version the filing does not have with a 404 naming the versions it has, a version with itself with a 400', async () => {
      // A well-formed version that is not on file is not found, as the filing view of it is
      // (a contract tester counts a 400 for valid-looking input as the document's fault).
      for (const query of ['from=5&to=1', 'from=0&to=7']) {
        const res = await request(app).get(`/api/v1/filings/${filingId}/compare?${query}`).expect(404);
        assert.match((res.body as { error: { message: string } }).error.message, /has no amendment [57]; it has 0, 1/, query);
      }
      const same = await request(app).get(`/api/v1/filings/${filingId}/compare?from=1&to=1`).expect(400);
      assert.equal((same.body as { error: { parameter: string } }).error.parameter, 'to');
      await request(app).get('/api/v1/filings/999999999/compare?from=0&to=1').expect(404);
    });

    it('sets the itemized sums next to the totals the report states', async () => {
      const view = (await request(app).get(`/api/v1/filings/${filingId}`).expect(200)).body as FilingView;
      const a = view.reconciliation.find((r) => r.schedule === 'A')!;
      assert.deepEqual([a.itemized_total, a.stated_total, a.difference, a.agrees], [200, 250, 50, false]);
      const old = (await request(app).get(`/api/v1/filings/${filingId}?amendment=0`).expect(200)).body as FilingView;
      const a0 = old.reconciliation.find((r) => r.schedule === 'A')!;
      assert.deepEqual([a0.itemized_total, a0.stated_total, a0.difference, a0.agrees], [300, 300, 0, true]);
    });
  });
});

describe('filer views on a generated export', function () {
  this.timeout(180_000);
  let t: TestDatabase;
  let app: Express;
  const dir = tmp();

  before(async () => {
    t = await createTestDatabase('filer_views');
    await generateCalaccess({ rows: 8_000, out: path.join(dir, 'export'), sampleDir: SAMPLE_DIR, seed: 31, dirtyRate: 0 });
    await importCalaccess(t.db.pool, { source: path.join(dir, 'export'), rejectsDir: path.join(dir, 'rejects'), log: silentLogger });
    const config = testConfig({ EXPORT_DIR: dir });
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await (app.locals['jobs'] as ExportJobs).stop();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a filer's yearly totals equal the sum of its current itemized rows", async () => {
    const filers = await sql<{ filer_id: string }>`
      select v.filer_id from filing_versions v join contributions c on c.filing_id = v.filing_id
       where v.filer_id is not null group by v.filer_id order by count(*) desc limit 3`.execute(t.db.kysely);
    assert.equal(filers.rows.length, 3);
    for (const { filer_id: filerId } of filers.rows) {
      const view = (await request(app).get(`/api/v1/filers/${filerId}`).expect(200)).body as {
        filings: { total: number };
        money: { by_year: { year: number | null; raised: number; spent: number; search: { raised: string } | null }[]; top_contributors: { total: number }[] };
      };
      // The same sums, computed here from the rows themselves.
      const rows = await sql<{ rcpt_date: string | null; amount: string | null; memo_code: string | null }>`
        select c.rcpt_date, c.amount, c.memo_code from contributions c join filings f on f.filing_id = c.filing_id and f.current_amend_id = c.amend_id
         where c.filing_id in (select filing_id from filing_versions where filer_id = ${filerId})`.execute(t.db.kysely);
      const byYear = new Map<number | null, number>();
      for (const r of rows.rows) {
        if ((r.memo_code ?? '').toUpperCase() === 'X') continue;
        const y = r.rcpt_date ? Number(r.rcpt_date.slice(0, 4)) : null;
        byYear.set(y, Math.round(((byYear.get(y) ?? 0) + Number(r.amount ?? 0)) * 100) / 100);
      }
      const got = new Map(view.money.by_year.filter((y) => y.raised !== 0).map((y) => [y.year, y.raised]));
      assert.deepEqual(got, byYear, `filer ${filerId}`);
      assert.ok(view.filings.total > 0);
      assert.ok(view.money.by_year.every((y) => y.year === null || (y.search?.raised.includes(`year=${y.year}`) ?? false)), 'each figure links to its search');
      assert.ok(view.money.top_contributors.length > 0);
    }
  });

  it('reconciles generated reports: most agree with their summary page, the rest show the difference', async () => {
    const filings = await sql<{ filing_id: number }>`
      select f.filing_id from filings f join filing_versions v on v.filing_id = f.filing_id and v.amend_id = f.current_amend_id
       where v.form_type = 'F460' order by f.filing_id limit 40`.execute(t.db.kysely);
    let agree = 0;
    for (const { filing_id } of filings.rows) {
      const view = (await request(app).get(`/api/v1/filings/${filing_id}`).expect(200)).body as FilingView;
      for (const r of view.reconciliation) {
        if (r.stated_total === null) continue;
        assert.equal(r.difference, Math.round((r.stated_total - r.itemized_total) * 100) / 100);
        if (r.agrees) agree++;
      }
    }
    assert.ok(agree > 20, `${agree} reconciled lines agree`);
  });
});
