// The documents the indexer writes hold the same fields and values as those of the object
// builder they replaced (test/support/reference-documents.ts, kept as it was), for every
// row of the sample, of a generated export with dirt, and of rows made to reach the edges
// of each rule: a transaction document is written as JSON text (indexers/documents.ts; by
// PostgreSQL once, by Node now), and text's escapes, empty strings, dates, numbers, case and
// white space are not the object builder's unless made so. The sync's documents (docsFor)
// are the rebuild's (streamAll), byte for byte. Every kind's documents have exactly the
// fields its registry (queries/fields/) maps.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { KIND_NAMES, KINDS, TRANSACTION_SOURCES, type Doc, type KindName } from '../../indexers/kinds.js';
import { mappingProperties } from '../../queries/fields/field.js';
import { FIELDS } from '../../queries/fields/index.js';
import { createDb } from '../../src/db/database.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { sourceSql, type Row } from '../../src/repositories/index-source-repository.js';
import { contribution, cover, ExportBuilder, expenditure, SAMPLE_DIR, type Row as ExportRow } from '../builders/calaccess-export.js';
import * as reference from '../support/reference-documents.js';
import { stores, type Stores } from '../support/fixture.js';
import { documentPaths, mappingPaths } from '../support/mapping-paths.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

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
    contribution(990001, 0, 3, { CTRIB_NAML: 'Acme Widgets, Inc.', CTRIB_NAMF: '', ENTITY_CD: ' ind ', TRAN_TYPE: ' f ', CTRIB_ZIP4: '958', AMOUNT: '0.1', CUM_YTD: '1250.50' }),
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

/** Filing 990101.. : what Node must write as JSON itself (the documents are no longer
 *  PostgreSQL's JSON): strings that need escapes (quotes, backslashes, control characters
 *  the importer keeps, a bare LF, U+2028, characters beyond the BMP), amounts at the edges
 *  of a double's text, dates at the bounds of a date field, election years, memo codes, and
 *  lobbying rows (beneficiary, memo Y, dates from the period). Amounts no import can load
 *  (NaN, infinities) are written into the database after the import (see `before`). */
function jsonEdgeRows(): ExportBuilder {
  const b = new ExportBuilder();
  const covers = [
    cover(990101, 0, 'EDGE3', { FILER_NAML: 'Comité "Ünïcode" \\ 😀', THRU_DATE: '12/31/2015 12:00:00 AM', ELECT_DATE: '' }),
    cover(990102, 0, 'EDGE4', { FILER_NAML: 'Edge\u0001Four', FROM_DATE: '1/1/1900 12:00:00 AM', THRU_DATE: '12/31/1899 12:00:00 AM', ELECT_DATE: '12/31/2100 12:00:00 AM' }),
  ];
  const tricky = {
    CTRIB_NAML: 'Quote " back \\ slash \u0001\u0007\u000b\u000c\u001f',
    CTRIB_NAMF: 'Zoë 😀',
    CTRIB_EMP: 'Line\nbreak',
    CTRIB_OCC: 'para\u2028graph\u2029sep',
    CTRIB_CITY: 'São Paulo \u007f',
    CTRIB_DSCR: '\\"\\u0000 is not a NUL',
    MEMO_REFNO: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    TRAN_ID: 'T"1\\',
  };
  const rows = [
    contribution(990101, 0, 1, { ...tricky, AMOUNT: '100000000000000000000', RCPT_DATE: '1/1/1900 12:00:00 AM' }),
    contribution(990101, 0, 2, { AMOUNT: `1${'0'.repeat(400)}`, RCPT_DATE: '12/31/1899 12:00:00 AM', MEMO_CODE: 'XX' }),
    contribution(990101, 0, 3, { AMOUNT: '.5', RCPT_DATE: '6/1/2015 12:00:00 AM', MEMO_CODE: 'Y' }),
    contribution(990101, 0, 4, { AMOUNT: '5.', RCPT_DATE: '', CTRIB_ZIP4: '9581' }),
    contribution(990101, 0, 5, { AMOUNT: '-0.1', RCPT_DATE: '1/1/0200 12:00:00 AM', CTRIB_ZIP4: '95814x' }),
    contribution(990101, 0, 6, { AMOUNT: '0.000001', CTRIB_ST: 'ñy' }),
    contribution(990101, 0, 7, { AMOUNT: '0.0000001', CTRIB_NAMS: 'III' }),
    contribution(990101, 0, 8, { AMOUNT: '12345678901234567890.123456789' }),
    contribution(990101, 0, 9, { AMOUNT: '1000000000000000' }),
    contribution(990101, 0, 10, { AMOUNT: '999999999999999.9' }),
    contribution(990101, 0, 11, { AMOUNT: '250.00' }),
    contribution(990101, 0, 12, { AMOUNT: '250.00' }),
    contribution(990101, 0, 13, { AMOUNT: '250.00' }),
    contribution(990102, 0, 1, { ...tricky, CTRIB_NAML: 'Acme "Quoted", Inc.', CTRIB_NAMF: '', RCPT_DATE: '12/31/2100 12:00:00 AM' }),
    contribution(990102, 0, 2, { RCPT_DATE: '', CTRIB_CITY: 'C:\\new\\', CTRIB_EMP: 'back\\slash', CTRIB_OCC: 'tab\\t' }),
  ];
  const spending = [
    expenditure(990101, 0, 1, { CAND_NAML: 'Ñandú "Ray" \\', CAND_NAMF: '😀', PAYEE_NAML: 'Tab\u0001Print', EXPN_DSCR: 'a\nb', AMOUNT: '0.1' }),
    expenditure(990102, 0, 1, { CAND_NAML: '', CAND_NAMF: '', BAL_NAME: 'Prop "65" \u2028', AMOUNT: '1000.50' }),
  ];
  const lobbyCover = (filingId: number, extra: ExportRow = {}): ExportRow => ({
    FILING_ID: filingId,
    AMEND_ID: 0,
    REC_TYPE: 'CVR',
    FORM_TYPE: 'F625',
    FILER_ID: 'EDGEL',
    ENTITY_CD: 'FRM',
    FILER_NAML: 'Lobby "Firm" \\ 😀',
    RPT_DATE: '7/31/2016 12:00:00 AM',
    FROM_DATE: '4/1/2016 12:00:00 AM',
    THRU_DATE: '6/30/2016 12:00:00 AM',
    ...extra,
  });
  const lexp = (lineItem: number, extra: ExportRow = {}): ExportRow => ({
    FILING_ID: 990103,
    AMEND_ID: 0,
    LINE_ITEM: lineItem,
    REC_TYPE: 'LEXP',
    FORM_TYPE: 'F625P3A',
    TRAN_ID: `L${lineItem}`,
    ENTITY_CD: 'OTH',
    PAYEE_NAML: 'Frank Fat\u2019s',
    PAYEE_CITY: 'Sacramento',
    PAYEE_ST: 'CA',
    PAYEE_ZIP4: '95814',
    BENE_NAME: 'Jane "J" Doe \\ 😀',
    BENE_POSIT: 'Member\nAssembly',
    EXPN_DSCR: 'lunch',
    EXPN_DATE: '8/31/2016 12:00:00 AM',
    AMOUNT: '10.00',
    ...extra,
  });
  const lobbying = [
    lexp(1, { MEMO_CODE: 'y' }),
    lexp(2, { MEMO_CODE: 'Y', EXPN_DATE: '', BENE_NAME: '', BENE_POSIT: '' }),
    lexp(3, { MEMO_CODE: 'x', EXPN_DATE: '1/1/1899 12:00:00 AM', AMOUNT: '0.1' }),
    lexp(4, { MEMO_CODE: 'N', AMOUNT: '' }),
  ];
  const lpay = {
    FILING_ID: 990104,
    AMEND_ID: 0,
    LINE_ITEM: 1,
    REC_TYPE: 'LPAY',
    FORM_TYPE: 'F635P3B',
    TRAN_ID: 'P1',
    ENTITY_CD: 'OTH',
    EMPLR_NAML: 'Client "A" \\ Ünïcode',
    LBY_ACTVTY: 'bills\u0001 "AB 1"',
    FEES_AMT: '12.5',
    PER_TOTAL: '',
  };
  // In UTF-8: latin1 cannot carry an emoji or U+2028.
  return b
    .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', covers, 'utf8')
    .rows('RCPT_CD.TSV', rows, 'utf8')
    .rows('EXPN_CD.TSV', spending, 'utf8')
    .rows('CVR_LOBBY_DISCLOSURE_CD.TSV', [lobbyCover(990103), lobbyCover(990104, { FORM_TYPE: 'F635' })], 'utf8')
    .rows('LEXP_CD.TSV', lobbying, 'utf8')
    .rows('LPAY_CD.TSV', [lpay], 'utf8');
}

/** Amounts PostgreSQL's numeric holds that no export line can (the importer reads plain decimals only). */
const STORED_AMOUNTS: Record<number, string> = { 11: 'NaN', 12: 'Infinity', 13: '-Infinity' };

type Builder = (code: string, table: string, r: Row) => Record<string, unknown>;
const BUILDERS: Record<'contributions' | 'expenditures' | 'lobbying', { build: Builder; label: string }> = {
  contributions: { build: reference.contributionDoc, label: 'report_kind' },
  expenditures: { build: reference.expenditureDoc, label: 'report_kind' },
  lobbying: { build: reference.lobbyingDoc, label: 'activity' },
};

/** Every document of a kind as the rebuild reads it, by id. */
async function streamed(t: TestDatabase, kind: KindName): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>();
  for await (const page of KINDS[kind].streamAll(t.db)) for (const d of page) docs.set(d.id, d);
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
  let s: Stores;
  let t: TestDatabase;
  const dirs: string[] = [];

  before(async () => {
    const generated = tmp();
    dirs.push(generated);
    // Dirt at a high rate: padded, odd-year and C0-punctuated values among the rows.
    await generateCalaccess({ rows: 4_000, out: generated, sampleDir: SAMPLE_DIR, seed: 5, dirtyRate: 0.05 });
    s = await stores('index_documents', { index: false, imports: [generated, edgeRows(), jsonEdgeRows()] });
    ({ t } = s);
    for (const [line, amount] of Object.entries(STORED_AMOUNTS)) {
      await t.db.pool.query('UPDATE contributions SET amount = $1::numeric WHERE filing_id = 990101 AND line_item = $2', [amount, Number(line)]);
    }
  });
  after(async () => {
    await s?.close();
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

  it('a contribution carries its cumulative year-to-date amount as filed; a late contribution has none', async () => {
    const got = await streamed(t, 'contributions');
    const doc = (id: string): Record<string, unknown> => JSON.parse(got.get(id)!.source) as Record<string, unknown>;
    assert.equal(doc('rcpt:990001:0:3:RCPT:A')['cumulative_ytd'], 1250.5);
    assert.equal(doc('rcpt:990001:0:4:RCPT:A')['cumulative_ytd'], null, 'no CUM_YTD filed');
    const late = [...got.values()].filter((d) => d.id.startsWith('s497:'));
    assert.ok(late.length > 0);
    for (const d of late) assert.equal((JSON.parse(d.source) as Record<string, unknown>)['cumulative_ytd'], null, d.id);
  });

  it('the JSON edge rows were imported, so their documents were compared', async () => {
    const got = await streamed(t, 'contributions');
    assert.equal([...got.keys()].filter((id) => id.startsWith('rcpt:99010')).length, 15);
    const doc = (id: string): Record<string, unknown> => JSON.parse(got.get(id)!.source) as Record<string, unknown>;
    const tricky = doc('rcpt:990101:0:1:RCPT:A') as { contributor: Record<string, string>; recipient: { name: string }; amount: number; tran_id: string };
    assert.equal(tricky.contributor['first_name'], 'Zoë 😀');
    assert.equal(tricky.contributor['employer'], 'Line\nbreak');
    assert.equal(tricky.contributor['occupation'], 'para\u2028graph\u2029sep');
    assert.equal(tricky.contributor['last_name'], 'Quote " back \\ slash \u0001\u0007\u000b\u000c\u001f');
    assert.equal(tricky.recipient.name, 'Comité "Ünïcode" \\ 😀');
    assert.equal(tricky.tran_id, 'T"1\\');
    assert.equal(tricky.amount, 1e20);
    for (const line of Object.keys(STORED_AMOUNTS)) assert.equal(doc(`rcpt:990101:0:${line}:RCPT:A`)['amount'], null, `amount of line ${line}`);
    const lobbying = await streamed(t, 'lobbying');
    assert.equal([...lobbying.keys()].filter((id) => /^l(exp|pay):99010/.test(id)).length, 5);
  });

  it("writes every field its kind's registry maps, and no other", async () => {
    for (const kind of KIND_NAMES) {
      const mapped = mappingPaths(mappingProperties(FIELDS[kind]));
      const seen = new Set<string>();
      for (const d of (await streamed(t, kind)).values()) documentPaths(JSON.parse(d.source), mapped, '', seen);
      assert.deepEqual([...seen].filter((p) => !mapped.has(p)), [], `${kind}: written, not declared`);
      assert.deepEqual(FIELDS[kind].fields.filter((f) => f.mapping && !seen.has(f.path)).map((f) => f.path), [], `${kind}: declared, never written`);
    }
  });

  it("the sync's documents of a filing (docsFor) are the rebuild's, byte for byte", async () => {
    for (const kind of ['contributions', 'expenditures', 'lobbying', 'filings'] as const) {
      const all = await streamed(t, kind);
      const filings = [...new Set([...all.values()].map((d) => d.filingId!))].slice(0, 300);
      const some = await KINDS[kind].docsFor(t.db, filings);
      assert.ok(some.length > 0, kind);
      for (const d of some) {
        assert.equal(d.source, all.get(d.id)?.source, `${kind} ${d.id}`);
        assert.equal(d.filingId, all.get(d.id)?.filingId, `${kind} ${d.id}`);
      }
    }
  });
});

describe('indexer documents: dates as ISO text whatever the server DateStyle', function () {
  let t: TestDatabase;
  after(async () => {
    await t?.drop();
  });

  it('reads dates and timestamps as YYYY-MM-DD text where the database defaults to another DateStyle', async () => {
    t = await createTestDatabase('datestyle');
    const name = new URL(t.url).pathname.slice(1);
    await t.db.pool.query(`ALTER DATABASE "${name}" SET DateStyle = 'SQL, DMY'`);
    // New connections take the database's default; the pool's options must override it.
    const plain = new pg.Client({ connectionString: t.url });
    await plain.connect();
    const other = (await plain.query<{ d: string }>(`SELECT DATE '2016-02-29'::text AS d`)).rows[0]!.d;
    await plain.end();
    assert.equal(other, '29/02/2016', 'the database default really is another DateStyle');
    const db = createDb({ databaseUrl: t.url, pgPoolMax: 1 }, 'test-datestyle');
    try {
      const row = (await db.pool.query<{ d: unknown; ts: unknown }>(`SELECT DATE '2016-02-29' AS d, TIMESTAMP '2016-02-29 13:45:00' AS ts`)).rows[0]!;
      assert.equal(row.d, '2016-02-29');
      assert.equal(row.ts, '2016-02-29 13:45:00');
    } finally {
      await db.close();
    }
  });
});
