// Writes small CAL-ACCESS exports for tests: the real header of each file (read from the
// sample), rows given as column -> value, CRLF line ends, no quoting. Columns a row does
// not name are empty. `raw` lines are written byte for byte (dirty-line tests).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/calaccess-sample');

export function sampleHeader(file: string): string[] {
  const buf = readFileSync(path.join(SAMPLE_DIR, file));
  const end = buf.indexOf('\r\n');
  return buf.subarray(0, end).toString('latin1').split('\t');
}

export type Row = Record<string, string | number>;

/** A row as a line of the file, in the export's encoding (latin1) or another (utf8 carries
 *  what latin1 cannot: emoji, U+2028). */
export function tsvLine(file: string, row: Row, encoding: BufferEncoding = 'latin1'): Buffer {
  const header = sampleHeader(file);
  for (const k of Object.keys(row)) if (!header.includes(k)) throw new Error(`${file} has no column ${k}`);
  return Buffer.from(header.map((h) => (row[h] === undefined ? '' : String(row[h]))).join('\t') + '\r\n', encoding);
}

export class ExportBuilder {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'calaccess-export-'));
  private readonly files = new Map<string, Buffer[]>();

  rows(file: string, rows: Row[], encoding: BufferEncoding = 'latin1'): this {
    const list = this.files.get(file) ?? [];
    for (const r of rows) list.push(tsvLine(file, r, encoding));
    this.files.set(file, list);
    return this;
  }

  raw(file: string, bytes: Buffer): this {
    const list = this.files.get(file) ?? [];
    list.push(bytes);
    this.files.set(file, list);
    return this;
  }

  /** Writes the files with the sample's header line; returns the folder. */
  write(opts: { header?: (file: string) => string } = {}): string {
    for (const [file, lines] of this.files) {
      const header = opts.header ? opts.header(file) : sampleHeader(file).join('\t');
      writeFileSync(path.join(this.dir, file), Buffer.concat([Buffer.from(header + '\r\n', 'latin1'), ...lines]));
    }
    return this.dir;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A campaign cover (F460) row for a filing version. */
export function cover(filingId: number, amendId: number, filerId: string, extra: Row = {}): Row {
  return {
    FILING_ID: filingId,
    AMEND_ID: amendId,
    REC_TYPE: 'CVR',
    FORM_TYPE: 'F460',
    FILER_ID: filerId,
    ENTITY_CD: 'RCP',
    FILER_NAML: 'Committee for Tests',
    RPT_DATE: '7/31/2016 12:00:00 AM',
    FROM_DATE: '1/1/2016 12:00:00 AM',
    THRU_DATE: '6/30/2016 12:00:00 AM',
    ...extra,
  };
}

/** A Schedule A contribution row. */
export function contribution(filingId: number, amendId: number, lineItem: number, extra: Row = {}): Row {
  return {
    FILING_ID: filingId,
    AMEND_ID: amendId,
    LINE_ITEM: lineItem,
    REC_TYPE: 'RCPT',
    FORM_TYPE: 'A',
    TRAN_ID: `INC${lineItem}`,
    ENTITY_CD: 'IND',
    CTRIB_NAML: 'Doe',
    CTRIB_NAMF: 'Jane',
    CTRIB_CITY: 'Fresno',
    CTRIB_ST: 'CA',
    CTRIB_ZIP4: '93721',
    CTRIB_EMP: 'Fresno Unified',
    CTRIB_OCC: 'Teacher',
    RCPT_DATE: '3/15/2016 12:00:00 AM',
    AMOUNT: '250.00',
    ...extra,
  };
}

/** A Schedule E payment row. */
export function expenditure(filingId: number, amendId: number, lineItem: number, extra: Row = {}): Row {
  return {
    FILING_ID: filingId,
    AMEND_ID: amendId,
    LINE_ITEM: lineItem,
    REC_TYPE: 'EXPN',
    FORM_TYPE: 'E',
    TRAN_ID: `EXP${lineItem}`,
    ENTITY_CD: 'OTH',
    PAYEE_NAML: 'Print Shop Inc.',
    EXPN_DATE: '4/1/2016 12:00:00 AM',
    AMOUNT: '1200.00',
    EXPN_CODE: 'LIT',
    ...extra,
  };
}
