// Documents in, an XLSX workbook out, with exceljs's streaming writer: a first sheet
// saying what the data is, then the rows, a new sheet each time a sheet is full
// (1,048,576 rows with the header). exceljs does not wait for its output to drain, so
// this does: without it a large sheet grows in memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ExportColumn } from './columns.js';
import { scalarText, valueAt } from './columns.js';
import { neutralize } from './csv.js';

export const XLSX_MAX_ROWS_PER_SHEET = 1_048_575; // plus the header row

export interface XlsxOptions {
  /** What the first sheet says: the query, the time, the source. */
  about: [string, string][];
  maxRowsPerSheet?: number;
  onRows?: (rows: number) => void;
  signal?: AbortSignal;
}

function cellValue(col: ExportColumn, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (col.type) {
    case 'number':
    case 'integer':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return v === true;
    case 'date':
      // Midnight UTC: exceljs turns a Date into a serial day number from its UTC time.
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : null;
    default:
      // Cells are written as strings, never formulas; the apostrophe still protects a
      // value copied out of the sheet into another.
      return neutralize(scalarText(v));
  }
}

/** Whether a write to the stream waits for 'drain' (also for the readable-stream v2 copies archiver uses, which lack writableNeedDrain). */
function needsDrain(w: Writable): boolean {
  if (typeof w.writableNeedDrain === 'boolean') return w.writableNeedDrain;
  const state = (w as unknown as { _writableState?: { needDrain?: boolean } })._writableState;
  return state?.needDrain === true;
}

async function drained(out: Writable, signal?: AbortSignal): Promise<void> {
  if (!needsDrain(out)) return;
  // The listener that did not fire is removed (no listeners pile up on a long export).
  const done = new AbortController();
  const stop = signal ? AbortSignal.any([signal, done.signal]) : done.signal;
  try {
    await Promise.race([once(out, 'drain', { signal: stop }), once(out, 'close', { signal: stop })]);
  } finally {
    done.abort();
  }
}

/**
 * The streams a sheet's rows are written into inside the zip (its deflate stage). exceljs's
 * sheet buffer writes to them without looking at their answer, so when rows come faster
 * than they are compressed the backlog grows there, out of sight of the output's own
 * backpressure (1.4 GB for a million rows read from a fast scan). Read from exceljs's
 * internals (`stream.pipes`), so a version that changes them leaves only the output check.
 */
function sheetPipes(sheet: ExcelJS.Worksheet): Writable[] {
  const stream = (sheet as unknown as { stream?: { pipes?: unknown } }).stream;
  const pipes = stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((p): p is Writable => typeof (p as Writable | null)?.write === 'function' && typeof (p as Writable).once === 'function') : [];
}

export async function writeXlsx(
  docs: AsyncIterable<Record<string, unknown>[]> | Iterable<Record<string, unknown>[]>,
  columns: readonly ExportColumn[],
  out: Writable,
  opts: XlsxOptions,
): Promise<number> {
  // Loaded with the first workbook: exceljs and its dependencies are ~27 MB of memory that
  // an API which never writes XLSX does not need.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'CAL-ACCESS disclosure search';
  const about = workbook.addWorksheet('About this data');
  about.columns = [
    { header: 'Field', key: 'field', width: 28 },
    { header: 'Value', key: 'value', width: 100 },
  ];
  for (const [field, value] of opts.about) about.addRow({ field, value: neutralize(value) }).commit();
  about.commit();

  const maxRows = opts.maxRowsPerSheet ?? XLSX_MAX_ROWS_PER_SHEET;
  let sheet: ExcelJS.Worksheet | null = null;
  let inSheet = 0;
  let sheets = 0;
  let rows = 0;
  const newSheet = (): ExcelJS.Worksheet => {
    sheets++;
    const s = workbook.addWorksheet(sheets === 1 ? 'Data' : `Data ${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.min(Math.max(c.header.length + 2, c.type === 'date' ? 12 : 10), 40),
      ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : c.type === 'number' ? { style: { numFmt: '#,##0.00' } } : {}),
    }));
    return s;
  };
  for await (const page of docs) {
    for (const d of page) {
      if (!sheet || inSheet >= maxRows) {
        sheet?.commit();
        sheet = newSheet();
        inSheet = 0;
      }
      const values: Record<string, ExcelJS.CellValue> = {};
      for (const c of columns) values[c.key] = cellValue(c, valueAt(d, c.path));
      sheet.addRow(values).commit();
      inSheet++;
      rows++;
    }
    opts.onRows?.(rows);
    if (sheet) for (const p of sheetPipes(sheet)) await drained(p, opts.signal);
    await drained(out, opts.signal);
    if (opts.signal?.aborted) throw new Error('aborted');
  }
  (sheet ?? newSheet()).commit();
  await unlessAborted(workbook.commit(), opts.signal);
  return rows;
}

/**
 * A workbook's commit waits for its output to finish, which an output destroyed under it
 * (the client went away after the last rows) never does: without this the export would
 * wait for ever, holding its slot. The abandoned commit's own end is ignored.
 */
async function unlessAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  p.catch(() => {});
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        onAbort = () => reject(new Error('aborted'));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
