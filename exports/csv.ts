// CSV per RFC 4180 (comma, CRLF, double quotes doubled, UTF-8 with a BOM so Excel reads
// the accents), with every cell a spreadsheet would run as a formula neutralised.
import type { ExportColumn } from './columns.js';
import { scalarText, valueAt } from './columns.js';

/** UTF-8 byte order mark: Excel otherwise reads a CSV as the system code page. */
export const CSV_BOM = '\ufeff';

// A cell starting with = + - @ (or TAB / CR, which some spreadsheets skip before one)
// would be run as a formula when the file is opened: it gets a leading apostrophe,
// which spreadsheets show as text and do not display. Numbers are written by us and
// never pass through here.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Most cells need neither quoting nor neutralising: one test lets them through.
const PLAIN = /^(?![=+\-@\t\r])[^",\r\n]*$/;

export function csvCell(text: string): string {
  if (PLAIN.test(text)) return text;
  const safe = neutralize(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((c) => csvCell(c.header)).join(',') + '\r\n';
}

function cell(col: ExportColumn, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (col.type) {
    case 'number':
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : csvCell(scalarText(v));
    case 'boolean':
      return v === true ? 'true' : v === false ? 'false' : '';
    case 'date':
      return typeof v === 'string' ? csvCell(v.slice(0, 10)) : '';
    default:
      return csvCell(scalarText(v));
  }
}

export function csvRow(columns: readonly ExportColumn[], doc: Record<string, unknown>): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    if (i > 0) line += ',';
    line += cell(col, valueAt(doc, col.path));
  }
  return line + '\r\n';
}
