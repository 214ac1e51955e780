// The columns of an export, per kind, in their documented order: a plain-language
// header, where the value is in a search document, and its type (amounts are numbers,
// dates are ISO dates in CSV and real date cells in XLSX). Declared with each field in its
// kind's registry (queries/fields/).
import type { KindName } from '../indexers/kinds.js';
import { FIELDS } from '../queries/fields/index.js';
import { exportColumns, type ExportColumn } from '../queries/fields/field.js';

export type { ColumnType, ExportColumn } from '../queries/fields/field.js';

export const EXPORT_COLUMNS: Readonly<Record<KindName, readonly ExportColumn[]>> = {
  contributions: exportColumns(FIELDS.contributions),
  expenditures: exportColumns(FIELDS.expenditures),
  lobbying: exportColumns(FIELDS.lobbying),
  filers: exportColumns(FIELDS.filers),
  filings: exportColumns(FIELDS.filings),
};

/** The columns asked for (`columns=a,b`), in the order asked; all when none. */
export function selectColumns(kind: KindName, keys: readonly string[] | null): ExportColumn[] {
  const all = EXPORT_COLUMNS[kind];
  if (!keys || keys.length === 0) return [...all];
  return keys.map((k) => {
    const col = all.find((x) => x.key === k);
    if (!col) throw new Error(`unknown column ${k}`);
    return col;
  });
}

// Paths are split once, not once per cell (an export reads tens of millions of cells).
const SEGMENTS = new Map<string, string[]>();

/** A document's value at a column's path (arrays joined with "; "). */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    segments = path.split('.');
    SEGMENTS.set(path, segments);
  }
  let v: unknown = doc;
  for (const k of segments) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[k];
  }
  if (Array.isArray(v)) return v.join('; ');
  return v ?? null;
}

/** A value as text: strings as they are, numbers and booleans printed, anything else as JSON. */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}
