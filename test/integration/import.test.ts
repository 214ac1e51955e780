import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { sql } from 'kysely';
import yazl from 'yazl';
import { importCalaccess, type FileReport, type ImportReport } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { SOURCE_TABLES } from '../../src/import/source-tables.js';
import type { RejectRecord } from '../../src/import/reject-writer.js';
import { contribution, cover, expenditure, ExportBuilder, SAMPLE_DIR, sampleHeader } from '../builders/calaccess-export.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const tmpRejects = (): string => mkdtempSync(path.join(os.tmpdir(), 'rejects-'));

function readRejects(file: string | null): RejectRecord[] {
  if (!file) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RejectRecord);
}

/** Data records counted straight from the bytes: CRLFs after the header. */
function crlfRecords(file: string): number {
  const buf = readFileSync(path.join(SAMPLE_DIR, file));
  if (buf.length === 0) return 0;
  let n = 0;
  for (let i = buf.indexOf('\r\n'); i !== -1; i = buf.indexOf('\r\n', i + 2)) n++;
  return n - 1;
}

function byFile(report: ImportReport): Map<string, FileReport> {
  return new Map(report.files.map((f) => [f.file, f]));
}

async function count(t: TestDatabase, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.kysely);
  return r.rows[0]!.n;
}

describe('import of the real CAL-ACCESS sample', function () {
  this.timeout(120_000);
  let t: TestDatabase;
  let first: ImportReport;
  let rejectsDir: string;

  before(async () => {
    t = await createTestDatabase('import_sample');
    rejectsDir = tmpRejects();
    first = await importCalaccess(t.db.pool, { source: SAMPLE_DIR, rejectsDir, log: silentLogger });
  });
  after(async () => {
    await t.drop();
    rmSync(rejectsDir, { recursive: true, force: true });
  });

  it('reads every file of the export', () => {
    const files = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.TSV'));
    assert.equal(files.length, 80);
    assert.deepEqual(first.files.map((f) => f.file).sort(), files.sort());
  });

  it('accounts for every data record of every file: loaded + rejected = records in the file', () => {
    for (const f of first.files) {
      assert.equal(f.lines, crlfRecords(f.file), `${f.file}: lines`);
      assert.equal(f.loaded + f.rejected, f.lines, `${f.file}: loaded + rejected`);
    }
    assert.equal(first.totals.lines, first.totals.loaded + first.totals.rejected);
  });

  it('rejects exactly the four lines whose field count is wrong, each with line number, reason and raw bytes', () => {
    const rejected = first.files.filter((f) => f.rejected > 0);
    const got = rejected.flatMap((f) => readRejects(f.rejects_file).map((r) => `${r.file}:${r.line}:${r.reason}`)).sort();
    // Format notes §2, kind 1.
    assert.deepEqual(got, ['LEMP_CD.TSV:240:field_count', 'LEXP_CD.TSV:888:field_count', 'NAMES_CD.TSV:719:field_count', 'S496_CD.TSV:304:field_count']);
    for (const f of rejected) {
      const records = readRejects(f.rejects_file);
      assert.equal(records.length, f.rejected, `${f.file}: one reject record per rejected line`);
      for (const r of records) {
        assert.match(r.message, /^field_count: got \d+, want \d+$/);
        // The raw bytes are the source line exactly.
        const src = readFileSync(path.join(SAMPLE_DIR, r.file)).toString('latin1').split('\r\n')[r.line - 1];
        assert.equal(r.raw, src);
      }
    }
    const s496 = readRejects(byFile(first).get('S496_CD.TSV')!.rejects_file)[0]!;
    assert.equal(s496.message, 'field_count: got 13, want 12');
  });

  it('stores every loaded row (exact duplicate lines once) in its table', async () => {
    for (const f of first.files) {
      if (!f.table) continue;
      assert.equal(await count(t, f.table), f.loaded - f.duplicate_keys, `${f.table}`);
    }
    assert.equal(byFile(first).get('FILERNAME_CD.TSV')!.duplicate_keys, 1, 'FILERNAME_CD has one exact duplicate line');
  });

  it('repairs the dirty values the format notes list, and counts each repair', async () => {
    const f = byFile(first);
    assert.equal(f.get('S497_CD.TSV')!.fixes.sub_removed, 11);
    assert.equal(f.get('EXPN_CD.TSV')!.fixes.stray_cr, 1);
    assert.equal(f.get('RCPT_CD.TSV')!.fixes.stray_cr, 1);
    assert.equal(f.get('LPAY_CD.TSV')!.fixes.nul_removed, 1);
    assert.equal(f.get('LEMP_CD.TSV')!.fixes.c0_punctuation, 8);
    // RCPT_CD line 135 ended "\r\r\n" in INTR_CMTEID: stored without the CR.
    const stray = await sql<{ v: string | null }>`select intr_cmteid as v from contributions where source_line = 135`.execute(t.db.kysely);
    assert.equal(stray.rows.length, 1);
    assert.doesNotMatch(stray.rows[0]!.v ?? '', /\r/);
    // No value anywhere keeps a NUL, SUB or a high-bit-stripped quote.
    const lobby = await sql<{ n: number }>`select count(*)::int as n from lobbying_payments where lby_actvty ~ '[\x12-\x16\x1a]'`.execute(t.db.kysely);
    assert.equal(lobby.rows[0]!.n, 0);
    const quoted = await sql<{ n: number }>`select count(*)::int as n from lobbying_firm_clients where agencylist like '%’%' or agencylist like '%“%' or descrip like '%’%'`.execute(t.db.kysely);
    assert.ok(quoted.rows[0]!.n > 0, 'curly punctuation restored');
  });

  it('keeps placeholder dates and flags them instead of rejecting the row', async () => {
    const ff = byFile(first).get('FILER_FILINGS_CD.TSV')!;
    assert.equal(ff.rejected, 0);
    assert.equal(ff.odd_dates, 39, 'the 39 rows with 1/1/1900 report periods (format notes §2)');
    const r = await sql<{ rpt_start: string; odd_dates: string[] }>`select rpt_start, odd_dates from filer_filings where rpt_start = '1900-01-01' limit 1`.execute(t.db.kysely);
    assert.equal(r.rows[0]!.rpt_start, '1900-01-01');
    assert.ok(r.rows[0]!.odd_dates.includes('rpt_start'));
  });

  it('keeps the source key of every row and the line it came from', async () => {
    const row = await sql<{ filing_id: number; amend_id: number; line_item: number; rec_type: string; form_type: string; tran_id: string; source_line: number }>`
      select filing_id, amend_id, line_item, rec_type, form_type, tran_id, source_line from contributions order by source_line limit 1`.execute(t.db.kysely);
    const r = row.rows[0]!;
    assert.equal(r.source_line, 2);
    const line = readFileSync(path.join(SAMPLE_DIR, 'RCPT_CD.TSV')).toString('latin1').split('\r\n')[1]!.split('\t');
    const h = sampleHeader('RCPT_CD.TSV');
    assert.deepEqual(
      [r.filing_id, r.amend_id, r.line_item, r.rec_type, r.form_type, r.tran_id],
      [Number(line[h.indexOf('FILING_ID')]), Number(line[h.indexOf('AMEND_ID')]), Number(line[h.indexOf('LINE_ITEM')]), line[h.indexOf('REC_TYPE')], line[h.indexOf('FORM_TYPE')], line[h.indexOf('TRAN_ID')]!.trim()],
    );
  });

  it('knows every filing version seen and marks filings without a cover', async () => {
    const rcpt = await sql<{ n: number }>`select count(distinct filing_id)::int as n from contributions`.execute(t.db.kysely);
    const known = await sql<{ n: number }>`select count(*)::int as n from filings f where exists (select 1 from contributions c where c.filing_id = f.filing_id)`.execute(t.db.kysely);
    assert.equal(known.rows[0]!.n, rcpt.rows[0]!.n);
    const covered = await sql<{ n: number }>`select count(*)::int as n from filings where has_cover`.execute(t.db.kysely);
    const noCover = await sql<{ n: number }>`select count(*)::int as n from filings where not has_cover`.execute(t.db.kysely);
    assert.ok(covered.rows[0]!.n > 0 && noCover.rows[0]!.n > 0, 'the sample has both');
    // The current version of a filing without a cover is the highest AMEND_ID seen.
    const wrong = await sql<{ n: number }>`
      select count(*)::int as n from filings f
       where not f.has_cover and f.current_amend_id <> (select max(amend_id) from filing_versions v where v.filing_id = f.filing_id)`.execute(t.db.kysely);
    assert.equal(wrong.rows[0]!.n, 0);
  });

  it('a second import of the same export changes nothing', async () => {
    const seqBefore = await sql<{ s: string | null }>`select max(seq)::text as s from change_log`.execute(t.db.kysely);
    const dir = tmpRejects();
    try {
      const again = await importCalaccess(t.db.pool, { source: SAMPLE_DIR, rejectsDir: dir, log: silentLogger });
      for (const f of again.files) {
        assert.equal(f.changed, 0, `${f.file} changed`);
        assert.equal(f.current_version_changes, 0);
      }
      assert.equal(again.totals.loaded, first.totals.loaded);
      assert.equal(again.totals.rejected, first.totals.rejected);
      const seqAfter = await sql<{ s: string | null }>`select max(seq)::text as s from change_log`.execute(t.db.kysely);
      assert.equal(seqAfter.rows[0]!.s, seqBefore.rows[0]!.s, 'no change-log entry written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('wrote a change-log entry for every changed filing version on the first import', async () => {
    const versions = await sql<{ n: number }>`select count(*)::int as n from (select distinct filing_id, amend_id from contributions) x`.execute(t.db.kysely);
    const logged = await sql<{ n: number }>`select count(*)::int as n from change_log where table_name = 'contributions' and op = 'upsert'`.execute(t.db.kysely);
    assert.equal(logged.rows[0]!.n, versions.rows[0]!.n);
  });

  it('records the run with its report', async () => {
    const runs = await sql<{ status: string; report: ImportReport }>`select status, report from import_runs order by id limit 1`.execute(t.db.kysely);
    assert.equal(runs.rows[0]!.status, 'finished');
    assert.equal(runs.rows[0]!.report.totals.lines, first.totals.lines);
  });
});

describe('amendments', function () {
  this.timeout(60_000);
  let t: TestDatabase;
  const builders: ExportBuilder[] = [];
  const load = async (b: ExportBuilder): Promise<ImportReport> => {
    builders.push(b);
    return importCalaccess(t.db.pool, { source: b.write(), rejectsDir: tmpRejects(), log: silentLogger });
  };
  before(async () => {
    t = await createTestDatabase('amendments');
  });
  after(async () => {
    await t.drop();
    for (const b of builders) b.remove();
  });

  it('a newer export with an amendment supersedes the earlier version, keeps its rows, and logs the move', async () => {
    await load(
      new ExportBuilder()
        .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9000001, 0, '1400001')])
        .rows('RCPT_CD.TSV', [contribution(9000001, 0, 1), contribution(9000001, 0, 2), contribution(9000001, 0, 3)])
        .rows('EXPN_CD.TSV', [expenditure(9000001, 0, 1)]),
    );
    let f = await t.db.kysely.selectFrom('filings').selectAll().where('filing_id', '=', 9000001).executeTakeFirstOrThrow();
    assert.equal(f.current_amend_id, 0);
    const seq = await sql<{ s: string }>`select coalesce(max(seq), 0)::text as s from change_log`.execute(t.db.kysely);

    // The amendment restates the filing: two contributions, and no Schedule E at all.
    const report = await load(
      new ExportBuilder()
        .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9000001, 0, '1400001'), cover(9000001, 1, '1400001')])
        .rows('RCPT_CD.TSV', [contribution(9000001, 1, 1, { AMOUNT: '300.00' }), contribution(9000001, 1, 2)]),
    );
    assert.equal(report.files.find((x) => x.file === 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV')!.current_version_changes, 1);
    f = await t.db.kysely.selectFrom('filings').selectAll().where('filing_id', '=', 9000001).executeTakeFirstOrThrow();
    assert.equal(f.current_amend_id, 1);
    assert.equal(f.has_cover, true);
    assert.equal(f.version_count, 2);
    const versions = await t.db.kysely.selectFrom('filing_versions').select(['amend_id', 'superseded']).where('filing_id', '=', 9000001).orderBy('amend_id').execute();
    assert.deepEqual(versions, [
      { amend_id: 0, superseded: true },
      { amend_id: 1, superseded: false },
    ]);
    // Nothing is deleted: the old version's rows are all still there, schedule E included.
    const old = await t.db.kysely.selectFrom('contributions').select(sql<number>`count(*)::int`.as('n')).where('filing_id', '=', 9000001).where('amend_id', '=', 0).executeTakeFirstOrThrow();
    assert.equal(old.n, 3);
    // Current rows are those of the current version only: the dropped schedule E is gone.
    const currentExpn = await sql<{ n: number }>`
      select count(*)::int as n from expenditures e join filings f using (filing_id) where e.amend_id = f.current_amend_id and f.filing_id = 9000001`.execute(t.db.kysely);
    assert.equal(currentExpn.rows[0]!.n, 0);
    const log = await sql<{ table_name: string; op: string; amend_id: number }>`
      select table_name, op, amend_id from change_log where seq > ${seq.rows[0]!.s}::bigint and filing_id = 9000001 order by seq`.execute(t.db.kysely);
    assert.ok(log.rows.some((r) => r.table_name === 'filings' && r.op === 'current_changed' && r.amend_id === 1));
    assert.ok(log.rows.some((r) => r.table_name === 'contributions' && r.op === 'upsert' && r.amend_id === 1));
  });

  it('decides the current version from the covers, not from the highest AMEND_ID of one schedule', async () => {
    // Rows of version 2 arrive but its cover does not (yet): version 1, the highest with
    // a cover, stays current.
    await load(
      new ExportBuilder()
        .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9000002, 0, '1400002'), cover(9000002, 1, '1400002')])
        .rows('RCPT_CD.TSV', [contribution(9000002, 1, 1), contribution(9000002, 2, 1)]),
    );
    const f = await t.db.kysely.selectFrom('filings').selectAll().where('filing_id', '=', 9000002).executeTakeFirstOrThrow();
    assert.equal(f.current_amend_id, 1);
  });

  it('without any cover, the highest AMEND_ID seen is current and the filing is marked as having none', async () => {
    await load(new ExportBuilder().rows('RCPT_CD.TSV', [contribution(9000003, 0, 1), contribution(9000003, 2, 1)]));
    const f = await t.db.kysely.selectFrom('filings').selectAll().where('filing_id', '=', 9000003).executeTakeFirstOrThrow();
    assert.deepEqual([f.current_amend_id, f.has_cover], [2, false]);
    const sup = await t.db.kysely.selectFrom('filing_versions').select(['amend_id', 'superseded']).where('filing_id', '=', 9000003).orderBy('amend_id').execute();
    assert.deepEqual(sup, [
      { amend_id: 0, superseded: true },
      { amend_id: 2, superseded: false },
    ]);
  });

  it('names a filer known only from its covers with the cover name, and FILERNAME_CD wins once it arrives', async () => {
    let filer = await t.db.kysely.selectFrom('filers').selectAll().where('filer_id', '=', '1400001').executeTakeFirstOrThrow();
    assert.deepEqual([filer.name, filer.name_source], ['Committee for Tests', 'cover']);
    await load(
      new ExportBuilder().rows('FILERNAME_CD.TSV', [
        { XREF_FILER_ID: '1400001', FILER_ID: '1400001', FILER_TYPE: 'RECIPIENT COMMITTEE', STATUS: 'ACTIVE', EFFECT_DT: '01/25/2011', NAML: 'OLD NAME COMMITTEE', CITY: 'FRESNO' },
        { XREF_FILER_ID: '1400001', FILER_ID: '1400001', FILER_TYPE: 'RECIPIENT COMMITTEE', STATUS: 'ACTIVE', EFFECT_DT: '03/01/2015', NAML: 'FRIENDS OF TESTING', CITY: 'FRESNO' },
      ]),
    );
    filer = await t.db.kysely.selectFrom('filers').selectAll().where('filer_id', '=', '1400001').executeTakeFirstOrThrow();
    assert.deepEqual([filer.name, filer.name_source, filer.effect_dt], ['FRIENDS OF TESTING', 'filer_names', '2015-03-01']);
    const names = await t.db.kysely.selectFrom('filer_names').select('naml').where('filer_id', '=', '1400001').orderBy('effect_dt').execute();
    assert.deepEqual(names.map((n) => n.naml), ['OLD NAME COMMITTEE', 'FRIENDS OF TESTING'], 'names over time are kept');
  });
});

describe('dirty and broken files', function () {
  this.timeout(60_000);
  let t: TestDatabase;
  const cleanup: (() => void)[] = [];
  before(async () => {
    t = await createTestDatabase('dirty');
  });
  after(async () => {
    await t.drop();
    for (const c of cleanup) c();
  });

  const importDir = async (dir: string): Promise<ImportReport> => {
    const rej = tmpRejects();
    cleanup.push(() => rmSync(rej, { recursive: true, force: true }));
    return importCalaccess(t.db.pool, { source: dir, rejectsDir: rej, log: silentLogger });
  };

  it('a truncated file: the cut record is rejected as truncated, the rest loads, no crash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trunc-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const full = readFileSync(path.join(SAMPLE_DIR, 'RCPT_CD.TSV'));
    writeFileSync(path.join(dir, 'RCPT_CD.TSV'), full.subarray(0, full.length - 40));
    const r = (await importDir(dir)).files[0]!;
    assert.equal(r.lines, 1000);
    assert.equal(r.rejected, 1);
    assert.deepEqual(r.rejected_by_reason, { truncated: 1 });
    assert.equal(r.loaded, 999);
    const rec = readRejects(r.rejects_file)[0]!;
    assert.equal(rec.line, 1001);
  });

  it('a file with the wrong header: every line rejected with header_mismatch, naming the missing column', async () => {
    const b = new ExportBuilder().rows('EXPN_CD.TSV', [expenditure(9100001, 0, 1), expenditure(9100001, 0, 2)]);
    cleanup.push(() => b.remove());
    const dir = b.write({ header: (file) => sampleHeader(file).map((h) => (h === 'AMOUNT' ? 'AMOUNT_X' : h)).join('\t') });
    const r = (await importDir(dir)).files[0]!;
    assert.deepEqual([r.lines, r.loaded, r.rejected], [2, 0, 2]);
    assert.deepEqual(r.rejected_by_reason, { header_mismatch: 2 });
    assert.match(readRejects(r.rejects_file)[0]!.message, /lacks AMOUNT/);
    assert.deepEqual(r.unknown_columns, ['AMOUNT_X']);
  });

  it('a line with an invalid date is rejected with its reason; an odd but real date is kept and flagged', async () => {
    const b = new ExportBuilder().rows('RCPT_CD.TSV', [
      contribution(9200001, 0, 1),
      contribution(9200001, 0, 2, { RCPT_DATE: '2/30/2010 12:00:00 AM' }),
      contribution(9200001, 0, 3, { RCPT_DATE: '1/1/1900 12:00:00 AM' }),
      contribution(9200001, 0, 4, { AMOUNT: '12O.00' }),
      contribution(9200001, 0, 5, { FILING_ID: '' }),
    ]);
    cleanup.push(() => b.remove());
    const r = (await importDir(b.write())).files[0]!;
    assert.deepEqual([r.lines, r.loaded, r.rejected], [5, 2, 3]);
    assert.deepEqual(r.rejected_by_reason, { invalid_date: 1, invalid_amount: 1, missing_key: 1 });
    const recs = readRejects(r.rejects_file);
    assert.deepEqual(
      recs.map((x) => [x.line, x.message]),
      [
        [3, 'invalid_date: RCPT_DATE "2/30/2010 12:00:00 AM"'],
        [5, 'invalid_amount: AMOUNT "12O.00"'],
        [6, 'missing_key: FILING_ID is empty'],
      ],
    );
    const odd = await sql<{ rcpt_date: string; odd_dates: string[] }>`select rcpt_date, odd_dates from contributions where filing_id = 9200001 and line_item = 3`.execute(t.db.kysely);
    assert.deepEqual(odd.rows[0], { rcpt_date: '1900-01-01', odd_dates: ['rcpt_date'] });
  });

  it('decodes bytes that are not UTF-8 as Windows-1252 and keeps valid UTF-8, losing nothing', async () => {
    const b = new ExportBuilder().rows('RCPT_CD.TSV', [contribution(9300001, 0, 1, { CTRIB_NAML: 'O@REILLY' }), contribution(9300001, 0, 2, { CTRIB_NAML: 'SAN JOS#' })]);
    cleanup.push(() => b.remove());
    const dir = b.write();
    // Patch the placeholders into real bytes: 0x92 (cp1252 ’) and UTF-8 C2 BF (¿).
    const file = path.join(dir, 'RCPT_CD.TSV');
    const bytes = readFileSync(file);
    const patched = Buffer.from(
      bytes
        .toString('latin1')
        .replace('O@REILLY', 'O\x92REILLY')
        .replace('SAN JOS#', 'SAN JOS\xc2\xbf'),
      'latin1',
    );
    writeFileSync(file, patched);
    const r = (await importDir(dir)).files[0]!;
    assert.equal(r.loaded, 2);
    assert.equal(r.fixes.windows_1252, 1);
    const names = await sql<{ ctrib_naml: string }>`select ctrib_naml from contributions where filing_id = 9300001 order by line_item`.execute(t.db.kysely);
    assert.deepEqual(names.rows.map((x) => x.ctrib_naml), ['O’REILLY', 'SAN JOS¿']);
  });

  it('an unknown file is read and its lines rejected as unknown_file, not dropped', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'unknown-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'CVR_F470_CD.TSV'), 'FILING_ID\tAMEND_ID\r\n1\t0\r\n2\t0\r\n');
    const r = (await importDir(dir)).files[0]!;
    assert.deepEqual([r.lines, r.loaded, r.rejected, r.rejected_by_reason], [2, 0, 2, { unknown_file: 2 }]);
  });
});

describe('import from the published zip', function () {
  this.timeout(60_000);
  let t: TestDatabase;
  const zipPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'zip-')), 'dbwebexport.zip');
  before(async () => {
    t = await createTestDatabase('zip');
    // Same layout as the state's zip: CalAccess/DATA/<TABLE>_CD.TSV
    const zip = new yazl.ZipFile();
    for (const f of ['FILERNAME_CD.TSV', 'RCPT_CD.TSV', 'S496_CD.TSV']) zip.addFile(path.join(SAMPLE_DIR, f), `CalAccess/DATA/${f}`);
    zip.end();
    const out = createWriteStream(zipPath);
    zip.outputStream.pipe(out);
    await once(out, 'close');
  });
  after(async () => {
    await t.drop();
    rmSync(path.dirname(zipPath), { recursive: true, force: true });
  });

  it('streams the files out of the zip with the same results as the folder', async () => {
    const rej = tmpRejects();
    try {
      const r = await importCalaccess(t.db.pool, { source: zipPath, rejectsDir: rej, log: silentLogger });
      assert.deepEqual(
        r.files.map((f) => [f.file, f.lines, f.loaded, f.rejected]),
        [
          ['FILERNAME_CD.TSV', 1000, 1000, 0],
          ['RCPT_CD.TSV', 1000, 1000, 0],
          ['S496_CD.TSV', 1000, 999, 1],
        ],
      );
      assert.equal(await count(t, 'contributions'), 1000);
    } finally {
      rmSync(rej, { recursive: true, force: true });
    }
  });
});

describe('source table spec', () => {
  it('maps every non-empty sample file to a table', () => {
    const files = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.TSV') && readFileSync(path.join(SAMPLE_DIR, f)).length > 0);
    const mapped = new Set(SOURCE_TABLES.map((s) => s.file));
    assert.deepEqual(files.filter((f) => !mapped.has(f)), []);
  });
});
