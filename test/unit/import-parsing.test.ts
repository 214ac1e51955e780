import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { cleanFields, emptyFixCounts } from '../../src/import/field-cleaner.js';
import { splitCrlf, type RawLine } from '../../src/import/line-splitter.js';
import { RowEncoder } from '../../src/import/row-encoder.js';
import { copyEscape, parseAmount, parseDate, parseInteger, ValueError } from '../../src/import/value-parsers.js';

async function lines(chunks: string[]): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const batch of splitCrlf(Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))))) out.push(...batch);
  return out;
}

describe('splitting records on CRLF only', () => {
  it('keeps a lone CR and a lone LF inside the record, and numbers lines from the header', async () => {
    const got = await lines(['H1\tH2\r\na\rb\tc\r\nd\ne\tf\r\n']);
    assert.deepEqual(
      got.map((l) => [l.lineNo, l.bytes.toString('latin1'), l.terminated]),
      [
        [1, 'H1\tH2', true],
        [2, 'a\rb\tc', true],
        [3, 'd\ne\tf', true],
      ],
    );
  });

  it('joins records and CRLFs cut by chunk boundaries', async () => {
    const got = await lines(['H\r', '\nab', 'c\r', '\n', 'x\r\r', '\n']);
    assert.deepEqual(got.map((l) => l.bytes.toString('latin1')), ['H', 'abc', 'x\r']);
  });

  it('reports a last record without CRLF as unterminated', async () => {
    const got = await lines(['H\r\nfull\r\ncut']);
    assert.deepEqual(got.map((l) => [l.bytes.toString('latin1'), l.terminated]), [
      ['H', true],
      ['full', true],
      ['cut', false],
    ]);
  });
});

describe('cleaning field values', () => {
  const clean = (s: string): { values: (string | null)[]; fixes: ReturnType<typeof emptyFixCounts> } => {
    const fixes = emptyFixCounts();
    return { values: cleanFields(Buffer.from(s, 'latin1'), fixes), fixes };
  };

  it('splits on TAB with no quote handling, trims, and reads blank as null', () => {
    assert.deepEqual(clean('WILLIAM L. "BILL\t  94124    \t   \t\t"None of the Above" Vote').values, ['WILLIAM L. "BILL', '94124', null, null, '"None of the Above" Vote']);
  });

  it('maps 0x12-0x16 back to curly punctuation and counts it', () => {
    const r = clean('Governor\x12s Office\tMeasure \x13C\x14 2016\t\x15 item \x16 x');
    assert.deepEqual(r.values, ['Governor’s Office', 'Measure “C” 2016', '• item – x']);
    assert.equal(r.fixes.c0_punctuation, 5);
  });

  it('drops NUL and SUB, strips a stray CR at the end, and counts each', () => {
    const r = clean('Governorb\x00\x19s\t\x1a\tX\r');
    assert.deepEqual(r.values, ['Governorb\x19s', null, 'X']);
    assert.deepEqual([r.fixes.nul_removed, r.fixes.sub_removed, r.fixes.stray_cr, r.fixes.other_control], [1, 1, 1, 1]);
  });

  it('decodes UTF-8, and Windows-1252 where a value is not UTF-8', () => {
    const r = clean('SAN JOS\xc2\xbf\tO\x92REILLY \x80100');
    assert.deepEqual(r.values, ['SAN JOS¿', 'O’REILLY €100']);
    assert.equal(r.fixes.windows_1252, 1);
  });
});

describe('typed values', () => {
  it('reads both date layouts, with and without time', () => {
    assert.deepEqual(parseDate('3/5/2016 12:00:00 AM', 'D', false), { value: '2016-03-05', oddYear: false, timeDropped: false });
    assert.deepEqual(parseDate('01/25/2011', 'D', false), { value: '2011-01-25', oddYear: false, timeDropped: false });
    assert.equal(parseDate('2/24/2000 5:14:26 PM', 'D', true).value, '2000-02-24 17:14:26');
    assert.equal(parseDate('2/24/2000 12:30:00 AM', 'D', true).value, '2000-02-24 00:30:00');
    assert.equal(parseDate('2/24/2000 12:30:00 PM', 'D', true).value, '2000-02-24 12:30:00');
    assert.equal(parseDate('2/24/2000 5:14:26 PM', 'D', false).timeDropped, true);
  });

  it('keeps placeholder and typo years, flagged', () => {
    for (const v of ['1/1/1900 12:00:00 AM', '12/30/1899 12:00:00 AM', '5/1/0200 12:00:00 AM', '1/1/2999 12:00:00 AM']) {
      assert.equal(parseDate(v, 'D', false).oddYear, true, v);
    }
    assert.equal(parseDate('5/1/0200 12:00:00 AM', 'D', false).value, '0200-05-01');
  });

  it('rejects dates that do not exist', () => {
    for (const v of ['2/30/2010', '2/29/2015', '13/1/2010', '1/1/0', 'yesterday', '1/1/2010 13:00:00 PM']) {
      assert.throws(() => parseDate(v, 'RCPT_DATE', false), (e: unknown) => e instanceof ValueError && e.reason === 'invalid_date', v);
    }
    assert.equal(parseDate('2/29/2016', 'D', false).value, '2016-02-29');
  });

  it('reads amounts exactly, negatives included, and rejects anything else', () => {
    assert.equal(parseAmount('-1250.50', 'AMOUNT'), '-1250.50');
    assert.equal(parseAmount('100', 'AMOUNT'), '100');
    for (const v of ['$100', '1,000', '12O', '']) assert.throws(() => parseAmount(v, 'AMOUNT'), ValueError, v);
  });

  it('reads integers within range only', () => {
    assert.equal(parseInteger('007', 'LINE_ITEM'), '7');
    assert.throws(() => parseInteger('22A', 'LINE_ITEM'), ValueError);
    assert.throws(() => parseInteger('99999999999', 'FILING_ID'), ValueError);
  });

  it('escapes what COPY text format treats specially', () => {
    assert.equal(copyEscape('a\\b\tc\rd\ne'), 'a\\\\b\\tc\\rd\\ne');
    assert.equal(copyEscape('plain'), 'plain');
  });
});

describe('encoding a record for COPY', () => {
  const header = ['FILING_ID', 'AMEND_ID', 'NAME', 'RCPT_DATE', 'AMOUNT'];
  const columns = [
    { name: 'filing_id', kind: 'integer' as const },
    { name: 'amend_id', kind: 'integer' as const },
    { name: 'name', kind: 'text' as const },
    { name: 'rcpt_date', kind: 'date' as const },
    { name: 'amount', kind: 'numeric' as const },
  ];
  const encoder = (): RowEncoder => new RowEncoder(header, columns, ['filing_id', 'amend_id'], false, { ...emptyFixCounts(), time_dropped: 0 });
  const enc = (line: string) => encoder().encode(Buffer.from(line, 'latin1'), 7);

  it('passes a clean line through with only typed fields converted; empty is NULL', () => {
    assert.deepEqual(enc('12\t0\tDoe, Jane\t3/5/2016 12:00:00 AM\t'), { ok: true, row: '12\t0\tDoe, Jane\t2016-03-05\t\t\t7\n', oddDates: false });
  });

  it('repairs a dirty line the same way it would be read clean', () => {
    assert.deepEqual(enc(' 12 \t0\tDoe\\Jane\x12s\t1/1/1900 12:00:00 AM\t5'), { ok: true, row: '12\t0\tDoe\\\\Jane’s\t1900-01-01\t5\t{rcpt_date}\t7\n', oddDates: true });
  });

  it('rejects a shifted line for its field count, not for what landed in a typed column', () => {
    // The tail of a record cut in two: its first field is text where FILING_ID should be.
    assert.deepEqual(enc('st\t0\tx\t1/1/2000'), { ok: false, reason: 'field_count', message: 'field_count: got 4, want 5' });
    assert.deepEqual(enc('12\t0\tDoe\tJane\t3/5/2016\t100'), { ok: false, reason: 'field_count', message: 'field_count: got 6, want 5' });
  });

  it('rejects an empty key and unreadable typed values with their reason', () => {
    assert.equal((enc('12\t\tx\t\t') as { reason: string }).reason, 'missing_key');
    assert.equal((enc('12\t0\tx\t2/30/2010\t') as { reason: string }).reason, 'invalid_date');
    assert.equal((enc('12\t0\tx\t\t1O0') as { reason: string }).reason, 'invalid_amount');
  });
});
