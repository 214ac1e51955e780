// Turns one source record into one line of COPY text (columns in the file's own order,
// so a clean line passes through nearly untouched), or says why it cannot be loaded.
// COPY reads an empty field as NULL (the export's meaning of an empty value).
import { createHash } from 'node:crypto';
import { cleanFields, type FixCounts } from './field-cleaner.js';
import type { RejectReason } from './importer.js';
import { copyEscape, parseAmount, parseDate, parseInteger, ValueError, type ColumnKind } from './value-parsers.js';

export interface EncoderColumn {
  name: string;
  kind: ColumnKind;
}

export type Encoded = { ok: true; row: string; oddDates: boolean } | { ok: false; reason: RejectReason; message: string };

interface Slot {
  /** position in the file's header */
  index: number;
  name: string;
  upper: string;
  kind: ColumnKind;
  isKey: boolean;
}

// A line that needs no repair: printable ASCII and TABs only, no backslash (COPY's
// escape), no space next to a TAB or at either end (padding to trim).
// eslint-disable-next-line no-control-regex -- control bytes are what it looks for
const NEEDS_WORK = /[^\x09\x20-\x5b\x5d-\x7e]|^ | $| \t|\t /;

export class RowEncoder {
  /** Table columns in the order of the file's header: the COPY column list. */
  readonly copyColumns: string[];
  /** Header columns the table does not have. */
  readonly unknownColumns: string[];
  /** Table columns the header lacks (the file cannot be loaded). */
  readonly missingColumns: string[];
  private readonly slots: Slot[];
  private readonly checked: Slot[];
  private readonly width: number;
  /** TAB positions of the line being encoded (reused: no allocation per line). */
  private readonly tabs: Int32Array;

  constructor(
    header: readonly string[],
    columns: readonly EncoderColumn[],
    keys: readonly string[],
    private readonly hashRows: boolean,
    private readonly fixes: FixCounts & { time_dropped: number },
  ) {
    this.width = header.length;
    this.tabs = new Int32Array(Math.max(header.length - 1, 1));
    const byName = new Map(columns.map((c) => [c.name, c]));
    const lower = header.map((h) => h.trim().toLowerCase());
    this.slots = [];
    this.unknownColumns = [];
    lower.forEach((name, index) => {
      const col = byName.get(name);
      if (col) this.slots.push({ index, name, upper: name.toUpperCase(), kind: col.kind, isKey: keys.includes(name) });
      else this.unknownColumns.push(name.toUpperCase());
    });
    this.missingColumns = columns.filter((c) => !lower.includes(c.name)).map((c) => c.name.toUpperCase());
    this.copyColumns = [...this.slots.map((s) => s.name), ...(hashRows ? ['row_hash'] : []), 'odd_dates', 'source_line'];
    // Only these need looking at on a clean line.
    this.checked = this.slots.filter((s) => s.kind !== 'text' || s.isKey);
  }

  encode(bytes: Buffer, lineNo: number): Encoded {
    const line = bytes.toString('latin1');
    if (this.unknownColumns.length === 0 && !NEEDS_WORK.test(line)) return this.encodeClean(line, lineNo);
    const fields = cleanFields(bytes, this.fixes);
    if (fields.length !== this.width) {
      return { ok: false, reason: 'field_count', message: `field_count: got ${fields.length}, want ${this.width}` };
    }
    const odd: string[] = [];
    const out = new Array<string>(this.slots.length);
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      const v = fields[s.index] ?? null;
      const value = this.convert(s, v === null ? '' : v, odd);
      if (typeof value !== 'string') return value;
      out[i] = s.kind === 'text' ? copyEscape(value) : value;
    }
    return this.finish(out.join('\t'), odd, lineNo);
  }

  /**
   * A line that needs no repair: find the typed and key fields by their TABs, convert
   * them, and splice the results into the line; text fields pass through untouched.
   */
  private encodeClean(line: string, lineNo: number): Encoded {
    // One pass over the TABs: the field count is checked before any value, so a shifted
    // line is rejected for its field count, not for whatever landed in a typed column.
    const tabs = this.tabs;
    let n = 0;
    for (let tab = line.indexOf('\t'); tab !== -1; tab = line.indexOf('\t', tab + 1)) {
      if (n < tabs.length) tabs[n] = tab;
      n++;
    }
    if (n + 1 !== this.width) return this.fieldCount(n + 1);
    const odd: string[] = [];
    let out = '';
    let copied = 0; // line[0, copied) is already in out
    for (const s of this.checked) {
      const start = s.index === 0 ? 0 : tabs[s.index - 1]! + 1;
      const end = s.index === this.width - 1 ? line.length : tabs[s.index]!;
      const v = line.slice(start, end);
      const value = this.convert(s, v, odd);
      if (typeof value !== 'string') return value;
      if (value !== v) {
        out += line.slice(copied, start) + value;
        copied = end;
      }
    }
    return this.finish(copied === 0 ? line : out + line.slice(copied), odd, lineNo);
  }

  private fieldCount(got: number): Encoded {
    return { ok: false, reason: 'field_count', message: `field_count: got ${got}, want ${this.width}` };
  }

  /** The COPY text of one value ('' is NULL), or why the line cannot be loaded. */
  private convert(s: Slot, v: string, odd: string[]): string | Encoded {
    if (v === '') {
      if (s.isKey) return { ok: false, reason: 'missing_key', message: `missing_key: ${s.upper} is empty` };
      return '';
    }
    try {
      switch (s.kind) {
        case 'text':
          return v;
        case 'integer':
          return parseInteger(v, s.upper);
        case 'numeric':
          return parseAmount(v, s.upper);
        case 'date':
        case 'timestamp': {
          const d = parseDate(v, s.upper, s.kind === 'timestamp');
          if (d.oddYear) odd.push(s.name);
          if (d.timeDropped) this.fixes.time_dropped++;
          return d.value;
        }
      }
    } catch (err) {
      if (err instanceof ValueError) return { ok: false, reason: err.reason, message: err.message };
      throw err;
    }
  }

  private finish(row: string, odd: string[], lineNo: number): Encoded {
    let out = row;
    if (this.hashRows) out += '\t' + toUuid(createHash('md5').update(row).digest());
    out += `\t${odd.length > 0 ? `{${odd.join(',')}}` : ''}\t${lineNo}\n`;
    return { ok: true, row: out, oddDates: odd.length > 0 };
  }
}

function toUuid(md5: Buffer): string {
  const h = md5.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
