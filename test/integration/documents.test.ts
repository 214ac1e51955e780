// The documents the indexer writes hold the same fields and values as those of the object
// builder they replaced (test/support/reference-documents.ts, kept as it was), for every
// row of the sample, of a generated export with dirt, and of rows made to reach the edges
// of each rule: most of a transaction document is now written by PostgreSQL as JSON text
// (indexers/documents.ts), and SQL's empty strings, dates, numbers, case and white space
// are not JavaScript's unless made so. The sync's documents (docsFor) are the rebuild's
// (streamAll), byte for byte.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS, TRANSACTION_SOURCES, type Doc, type KindName } from '../../indexers/kinds.js';
import { generateCalaccess } from '../../src/import/generator.js';
import { sourceSql, type Row } from '../../src/repositories/index-source-repository.js';
import { contribution, cover, ExportBuilder, expenditure, SAMPLE_DIR } from '../builders/calaccess-export.js';
import * as reference from '../support/reference-documents.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'docs-'));


/** Filing 990001.. : rows at the edges of what the document rules do (names, case, white
 *  space, dates out of a date field's range, amounts, memo codes, quotes and backslashes). */
function edgeRows(): ExportBuilder {
  const nbsp = '\u00a0';
  const b = new ExportBuilder();
  const covers = [
    cover(990001, 0, 'EDGE1', { FILER_NAML: 'Friends of Doe, Inc.', FORM_TYPE: ' f460 ' }),
    cover(990001, 1, 'EDGE1', { FROM_DATE: '1/1/1899 12:00:00 AM', THRU_DATE: '12/31/2100 12:00:00 AM', ELECT_DATE: '11/8/2016 12:00:00 AM' }),
    cover(990002, 0, 'EDGE2', { FILER_NAML: '', FORM_TYPE: 'F450', THRU_DATE: '1/1/2101 12:00:00 AM', RPT_DATE: '' }),
  ];
  const rows = [
    contribution(990001, 0, 1, { CTRIB_NAML: 'DOE, JANE', CTRIB_NAMF: '', CTRIB_NAMT: 'Dr', CTRIB_NAMS: 'Jr.', CTRIB_ST: 'ca', MEMO_CODE: 'x' }),
    contribution(990001, 0, 2, { CTRIB_NAML: ` Muñoz${nbsp}`, CTRIB_NAMF: `${nbsp}José `, CTRIB_ST: 'ßa', CTRIB_ZIP4: `${nbsp}95814-1234`, MEMO_CODE: ' X' }),
    contribution(990001, 0, 3, { CTRIB_NAML: 'Acme Widgets, Inc.', CTRIB_NAMF: '', ENTITY_CD: ' ind ', TRAN_TYPE: ' f ', CTRIB_ZIP4: '958', AMOUNT: '0.1' }),
    contribution(990001, 0, 4, { CTRIB_NAML: 'Say "hi" \\ there', CTRIB_EMP: '', CTRIB_OCC: '', CTRIB_CITY: '', CTRIB_ZIP4: '', AMOUNT: '-0.00', RCPT_DATE: '1/1/1899 12:00:00 AM' }),
    contribution(990001, 0, 5, { CTRIB_NAML: '', CTRIB_NAMF: '', ENTITY_CD: '', AMOUNT: '123456789012345.678', RCPT_DATE: '12/31/2100 12:00:00 AM', MEMO_CODE: 'y' }),
    contribution(990001, 1, 1, { AMOUNT: '', RCPT_DATE: '', CTRIB_DSCR: 'In-kind: "food" & drinks', MEMO_REFNO: '' }),
    contribution(990002, 0, 1, { AMOUNT: '0.30000000000000004', RCPT_DATE: '2/29/2016 12:00:00 AM', TRAN_ID: '' }),
    contribution(990002, 0, 2, { RCPT_DATE: '1/1/2101 12:00:00 AM', CTRIB_ST: 'Ca ' }),
  ];
  const spending = [
    expenditure(990001, 0, 1, { CAND_NAML: '', CAND_NAMF: '', BAL_NAME: 'Prop 1', OFFICE_CD: 'gov', SUP_OPP_CD: 's', EXPN_CODE: ' lit', MEMO_CODE: 'X' }),
    expenditure(990001, 0, 2, { CAND_NAML: ` Newsom${nbsp}`, CAND_NAMF: 'Gavin', BAL_NAME: 'ignored', PAYEE_NAML: 'Print Shop, LLC', PAYEE_ZIP4: ' 90012' }),
    expenditure(990002, 0, 1, { PAYEE_NAML: '', EXPN_CODE: '', AMOUNT: '1e3', EXPN_DATE: '' }),
  ];
  return b.rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', covers).rows('RCPT_CD.TSV', rows).rows('EXPN_CD.TSV', spending);
}

type Builder = (code: string, table: string, r: Row) => Record<string, unknown>;
const BUILDERS: Record<'contributions' | 'expenditures' | 'lobbying', { build: Builder; label: string }> = {
  contributions: { build: reference.contributionDoc, label: 'report_kind' },
  expenditures: { build: reference.expenditureDoc, label: 'report_kind' },
  lobbying: { build: reference.lobbyingDoc, label: 'activity' },
};

/** Every document of a kind as the rebuild reads it, by id. */
async function streamed(t: TestDatabase, kind: KindName): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>();
  for await (const page of KINDS[kind].streamAll(t.db.pool)) for (const d of page) docs.set(d.id, d);
  return docs;
}

/** The reference builder's documents of every row of a transaction kind, as JSON would carry them. */
async function referenceTransactions(t: TestDatabase, kind: keyof typeof BUILDERS): Promise<Map<string, unknown>> {
  const want = new Map<string, unknown>();
  const { build, label } = BUILDERS[kind];
  for (const s of TRANSACTION_SOURCES[kind]) {
    const ids = (await t.db.pool.query<{ filing_id: number }>(`SELECT DISTINCT filing_id FROM ${s.table}`)).rows.map((r) => r.filing_id);
    // The rows the old builder read: the source's aliases as an object, and the row's kind.
    const rows = (await t.db.pool.query<Row>(sourceSql({ ...s, columns: 's.*' }, 'filings'), [ids])).rows;
    for (const r of rows) {
      const doc = build(s.code, s.table, { ...r, [label]: s.label });
      want.set(doc['id'] as string, JSON.parse(JSON.stringify(doc)));
    }
  }
  return want;
}

function assertSameDocuments(kind: string, got: Map<string, Doc>, want: Map<string, unknown>): void {
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), `${kind}: the same ids`);
  for (const [id, d] of got) assert.deepEqual(JSON.parse(d.source), want.get(id), `${kind} ${id}`);
}

describe('indexer documents: the same content as the object builder they replaced', function () {
  this.timeout(180_000);
  let t: TestDatabase;
  const dirs: string[] = [];

  before(async () => {
    t = await createTestDatabase('index_documents');
    await importInto(t, SAMPLE_DIR);
    const generated = tmp();
    dirs.push(generated);
    // Dirt at a high rate: padded, odd-year and C0-punctuated values among the rows.
    await generateCalaccess({ rows: 4_000, out: generated, sampleDir: SAMPLE_DIR, seed: 5, dirtyRate: 0.05 });
    await importInto(t, generated);
    const edges = edgeRows();
    dirs.push(edges.dir);
    await importInto(t, edges.write());
  });
  after(async () => {
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  for (const kind of ['contributions', 'expenditures', 'lobbying'] as const) {
    it(`${kind}: every document equals the reference builder's, field for field`, async () => {
      const got = await streamed(t, kind);
      assert.ok(got.size > 100, `${kind}: ${got.size} documents to compare`);
      assertSameDocuments(kind, got, await referenceTransactions(t, kind));
    });
  }

  it('the edge rows were imported, so their documents were compared', async () => {
    const got = await streamed(t, 'contributions');
    const edge = [...got.keys()].filter((id) => id.startsWith('rcpt:99000'));
    assert.equal(edge.length, 8);
    const odd = JSON.parse(got.get('rcpt:990001:0:2:RCPT:A')!.source) as { contributor: { name: string; state: string; zip5: string } };
    assert.deepEqual([odd.contributor.name, odd.contributor.state, odd.contributor.zip5], ['José Muñoz', 'SSA', '95814']);
  });

  it("the sync's documents of a filing (docsFor) are the rebuild's, byte for byte", async () => {
    for (const kind of ['contributions', 'expenditures', 'lobbying', 'filings'] as const) {
      const all = await streamed(t, kind);
      const filings = [...new Set([...all.values()].map((d) => d.filingId!))].slice(0, 300);
      const some = await KINDS[kind].docsFor(t.db.pool, filings);
      assert.ok(some.length > 0, kind);
      for (const d of some) {
        assert.equal(d.source, all.get(d.id)?.source, `${kind} ${d.id}`);
        assert.equal(d.filingId, all.get(d.id)?.filingId, `${kind} ${d.id}`);
      }
    }
  });
});
