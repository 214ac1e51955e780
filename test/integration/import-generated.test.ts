import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generateCalaccess, type GeneratorManifest } from '../../src/generator/index.js';
import { importCalaccess, type ImportReport } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { SAMPLE_DIR } from '../builders/calaccess-export.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

describe('import of a generated export (consistent filings, amendments, dirt)', function () {
  this.timeout(180_000);
  let t: TestDatabase;
  let out: string;
  let manifest: GeneratorManifest;
  let report: ImportReport;

  before(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    manifest = await generateCalaccess({ rows: 20_000, out: path.join(out, 'export'), sampleDir: SAMPLE_DIR, seed: 7, dirtyRate: 0.005 });
    t = await createTestDatabase('generated');
    report = await importCalaccess(t.db.pool, { source: path.join(out, 'export'), rejectsDir: path.join(out, 'rejects'), log: silentLogger });
  });
  after(async () => {
    await t.drop();
    rmSync(out, { recursive: true, force: true });
  });

  it('rejects exactly the lines the generator made unloadable, each for the reason it was made', () => {
    for (const f of report.files) {
      const m = manifest.files[f.file];
      assert.ok(m, `${f.file} in the manifest`);
      assert.equal(f.lines, m.lines, `${f.file}: lines`);
      assert.equal(f.loaded + f.rejected, f.lines, `${f.file}: loaded + rejected`);
      if (!m.generated) continue;
      const d = m.dirty;
      assert.equal(f.rejected_by_reason.field_count ?? 0, d.wrong_field_count + d.split_record_lines, `${f.file}: field_count`);
      assert.equal(f.rejected_by_reason.invalid_date ?? 0, d.bad_date, `${f.file}: invalid_date`);
      assert.equal(f.rejected, d.wrong_field_count + d.split_record_lines + d.bad_date, `${f.file}: nothing else rejected`);
    }
  });

  it('knows every generated filing with its amendments, the highest covered version current', async () => {
    const filings = await sql<{ n: number; amended: number }>`
      select count(*)::int as n, count(*) filter (where current_amend_id > 0)::int as amended
        from filings where filing_id >= 3000000 and has_cover`.execute(t.db.kysely);
    assert.equal(filings.rows[0]!.n, manifest.filings);
    assert.equal(filings.rows[0]!.amended, manifest.amended_filings);
    const superseded = await sql<{ n: number }>`
      select count(*)::int as n from filing_versions v join filings f using (filing_id)
       where v.superseded <> (v.amend_id <> f.current_amend_id)`.execute(t.db.kysely);
    assert.equal(superseded.rows[0]!.n, 0, 'exactly the non-current versions are superseded');
  });

  it('joins every current contribution to its filing and its filer', async () => {
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from contributions c
        join filings f on f.filing_id = c.filing_id and f.current_amend_id = c.amend_id
        left join filing_versions v on v.filing_id = c.filing_id and v.amend_id = c.amend_id
        left join filers fl on fl.filer_id = v.filer_id
       where fl.filer_id is null or fl.name is null`.execute(t.db.kysely);
    assert.equal(orphans.rows[0]!.n, 0);
  });
});
