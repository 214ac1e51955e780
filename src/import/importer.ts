// `disclosure import calaccess <folder or .zip>`: streams every file of the export,
// cleans and checks every line, COPYs the good ones into a staging table and merges each
// file into the filing database in one transaction. Every data line ends up loaded or
// rejected (with its line number, reason and raw bytes in the reject file); the run ends
// with a report per file. Memory stays at about one chunk of one file.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type pg from 'pg';
import { toError } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  copyIntoStaging,
  describeSourceTable,
  finishImportRun,
  keyColumns,
  mergeStaged,
  prepareStaging,
  startImportRun,
  type TableColumn,
} from '../repositories/import-repository.js';
import { openExport, type ExportEntry } from './export-source.js';
import { cleanFields, emptyFixCounts, type FixCounts } from './field-cleaner.js';
import { splitCrlf } from './line-splitter.js';
import { silentProgress, type Progress } from './progress.js';
import { RejectWriter } from './reject-writer.js';
import { SOURCE_TABLES, specForFile } from './source-tables.js';
import { copyEscape, parseAmount, parseDate, parseInteger, ValueError } from './value-parsers.js';

export type RejectReason =
  | 'field_count'
  | 'truncated'
  | 'header_mismatch'
  | 'unknown_file'
  | 'missing_key'
  | 'invalid_integer'
  | 'invalid_amount'
  | 'invalid_date';

export interface FileReport {
  file: string;
  table: string | null;
  /** data records: CRLF-terminated lines after the header, plus a final unterminated one */
  lines: number;
  loaded: number;
  rejected: number;
  rejected_by_reason: Partial<Record<RejectReason, number>>;
  /** rows the merge inserted or changed; 0 when the same export is loaded again */
  changed: number;
  /** loaded lines whose key repeats a later line of the same file (the later one is kept) */
  duplicate_keys: number;
  /** filings whose current amendment this file moved */
  current_version_changes: number;
  /** repairs made to values (not rejects): see field-cleaner.ts */
  fixes: FixCounts & { time_dropped: number };
  /** dates kept but flagged: year outside 1970-2030 */
  odd_dates: number;
  /** header columns the table does not have (their values are not loaded) */
  unknown_columns: string[];
  rejects_file: string | null;
  seconds: number;
}

export interface ImportReport {
  source: string;
  run_id: string;
  files: FileReport[];
  totals: { lines: number; loaded: number; rejected: number; changed: number };
  rejects_dir: string;
  seconds: number;
}

export interface ImportOptions {
  source: string;
  rejectsDir: string;
  log: Logger;
  progress?: Progress;
  /** Load only these files (upper-case names); all when absent. */
  only?: readonly string[];
}

const CHUNK_CHARS = 1 << 18;

/** Files in load order: lookups and filers, covers, the filing index, then rows. */
function orderEntries(entries: ExportEntry[]): ExportEntry[] {
  const rank = (name: string): number => {
    const i = SOURCE_TABLES.findIndex((s) => s.file === name);
    return i === -1 ? SOURCE_TABLES.length : i;
  };
  return [...entries].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export async function importCalaccess(pool: pg.Pool, opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const source = await openExport(opts.source);
  const rejects = new RejectWriter(opts.rejectsDir);
  const client = await pool.connect();
  let runId = '';
  const files: FileReport[] = [];
  try {
    runId = await startImportRun(client, opts.source);
    for (const entry of orderEntries(source.entries)) {
      if (opts.only && !opts.only.includes(entry.name)) continue;
      const report = await loadFile(client, entry, rejects, opts.progress ?? silentProgress);
      files.push(report);
      opts.log.info('file loaded', {
        file: report.file,
        lines: report.lines,
        loaded: report.loaded,
        rejected: report.rejected,
        changed: report.changed,
        seconds: report.seconds,
      });
    }
    await rejects.close();
    const report = buildReport(opts, runId, files, started);
    await finishImportRun(client, runId, 'finished', report);
    return report;
  } catch (err) {
    await rejects.close().catch(() => {});
    if (runId) await finishImportRun(client, runId, 'failed', buildReport(opts, runId, files, started)).catch(() => {});
    throw err;
  } finally {
    client.release();
    source.close();
  }
}

function buildReport(opts: ImportOptions, runId: string, files: FileReport[], started: number): ImportReport {
  const sum = (k: 'lines' | 'loaded' | 'rejected' | 'changed'): number => files.reduce((n, f) => n + f[k], 0);
  return {
    source: opts.source,
    run_id: runId,
    files,
    totals: { lines: sum('lines'), loaded: sum('loaded'), rejected: sum('rejected'), changed: sum('changed') },
    rejects_dir: opts.rejectsDir,
    seconds: round(performance.now() - started),
  };
}

const round = (ms: number): number => Math.round(ms / 100) / 10;

interface ColumnPlan {
  column: TableColumn;
  /** position in the file's header */
  index: number;
  isKey: boolean;
}

async function loadFile(client: pg.PoolClient, entry: ExportEntry, rejects: RejectWriter, progress: Progress): Promise<FileReport> {
  const started = performance.now();
  const spec = specForFile(entry.name);
  const report: FileReport = {
    file: entry.name,
    table: spec?.table ?? null,
    lines: 0,
    loaded: 0,
    rejected: 0,
    rejected_by_reason: {},
    changed: 0,
    duplicate_keys: 0,
    current_version_changes: 0,
    fixes: { ...emptyFixCounts(), time_dropped: 0 },
    odd_dates: 0,
    unknown_columns: [],
    rejects_file: null,
    seconds: 0,
  };
  const reject = async (lineNo: number, reason: RejectReason, message: string, bytes: Buffer): Promise<void> => {
    report.rejected++;
    report.rejected_by_reason[reason] = (report.rejected_by_reason[reason] ?? 0) + 1;
    report.rejects_file = rejects.fileFor(entry.name);
    await rejects.write(entry.name, lineNo, reason, message, bytes);
  };

  const columns = spec ? await describeSourceTable(client, spec.table) : [];
  if (spec) await prepareStaging(client, spec.table);
  const keys = spec ? keyColumns(spec) : [];
  const hashed = spec !== undefined && spec.key.length === 0;

  let plan: ColumnPlan[] = [];
  let headerWidth = 0;
  // Set when the whole file cannot be loaded: every data line is rejected with it.
  let fileError: { reason: RejectReason; message: string } | null = spec
    ? null
    : { reason: 'unknown_file', message: `unknown_file: ${entry.name} has no table in this database` };

  const copy = spec ? copyIntoStaging(client, spec.table, [...columns.map((c) => c.name), ...(hashed ? ['row_hash'] : []), 'odd_dates', 'source_line']) : null;
  let copyError: unknown = null;
  copy?.on('error', (err) => (copyError = err));
  let chunk = '';
  const flush = async (): Promise<void> => {
    if (!copy || chunk.length === 0) return;
    const ok = copy.write(chunk);
    chunk = '';
    if (!ok) await Promise.race([once(copy, 'drain'), once(copy, 'error')]);
    if (copyError) throw toError(copyError);
  };

  const input = await entry.open();
  let bytesRead = 0;
  input.on('data', (b: Buffer) => (bytesRead += b.length));
  progress.start(entry.name, entry.size);
  const fixes = report.fixes;
  const values: string[] = [];
  const oddCols: string[] = [];

  for await (const batch of splitCrlf(input)) {
    for (const line of batch) {
      if (line.lineNo === 1) {
        const header = line.bytes.toString('latin1').split('\t').map((h) => h.trim().toUpperCase());
        headerWidth = header.length;
        if (spec) {
          const positions = new Map(header.map((h, i) => [h.toLowerCase(), i]));
          const missing = columns.filter((c) => !positions.has(c.name)).map((c) => c.name.toUpperCase());
          report.unknown_columns = header.filter((h) => !columns.some((c) => c.name === h.toLowerCase()));
          if (missing.length > 0) {
            fileError = { reason: 'header_mismatch', message: `header_mismatch: ${entry.name} lacks ${missing.join(', ')}` };
          }
          plan = columns.map((column) => ({ column, index: positions.get(column.name) ?? -1, isKey: keys.includes(column.name) }));
        }
        continue;
      }
      report.lines++;
      if (fileError) {
        await reject(line.lineNo, fileError.reason, fileError.message, line.bytes);
        continue;
      }
      if (!line.terminated) {
        await reject(line.lineNo, 'truncated', 'truncated: the file ends inside this record (no CRLF)', line.bytes);
        continue;
      }
      const fields = cleanFields(line.bytes, fixes);
      if (fields.length !== headerWidth) {
        await reject(line.lineNo, 'field_count', `field_count: got ${fields.length}, want ${headerWidth}`, line.bytes);
        continue;
      }
      values.length = 0;
      oddCols.length = 0;
      let problem: { reason: RejectReason; message: string } | null = null;
      for (const p of plan) {
        const v = fields[p.index] ?? null;
        if (v === null) {
          if (p.isKey) {
            problem = { reason: 'missing_key', message: `missing_key: ${p.column.name.toUpperCase()} is empty` };
            break;
          }
          values.push('\\N');
          continue;
        }
        try {
          switch (p.column.kind) {
            case 'text':
              values.push(copyEscape(v));
              break;
            case 'integer':
              values.push(parseInteger(v, p.column.name.toUpperCase()));
              break;
            case 'numeric':
              values.push(parseAmount(v, p.column.name.toUpperCase()));
              break;
            case 'date':
            case 'timestamp': {
              const d = parseDate(v, p.column.name.toUpperCase(), p.column.kind === 'timestamp');
              if (d.oddYear) oddCols.push(p.column.name);
              if (d.timeDropped) fixes.time_dropped++;
              values.push(d.value);
              break;
            }
          }
        } catch (err) {
          if (!(err instanceof ValueError)) throw err;
          problem = { reason: err.reason, message: err.message };
          break;
        }
      }
      if (problem) {
        await reject(line.lineNo, problem.reason, problem.message, line.bytes);
        continue;
      }
      let row = values.join('\t');
      if (hashed) row += '\t' + toUuid(createHash('md5').update(row).digest());
      if (oddCols.length > 0) report.odd_dates++;
      row += `\t${oddCols.length > 0 ? `{${oddCols.join(',')}}` : '\\N'}\t${line.lineNo}\n`;
      chunk += row;
      report.loaded++;
      if (chunk.length >= CHUNK_CHARS) await flush();
    }
    progress.update(report.lines, bytesRead);
  }
  await flush();
  if (copy) {
    const done = once(copy, 'finish');
    copy.end();
    await done;
    if (copyError) throw toError(copyError);
  }
  progress.done();
  if (spec && report.loaded > 0) {
    const merged = await mergeStaged(client, spec, columns);
    report.changed = merged.changed;
    report.duplicate_keys = merged.duplicates;
    report.current_version_changes = merged.currentChanged;
  }
  report.seconds = round(performance.now() - started);
  return report;
}

function toUuid(md5: Buffer): string {
  const h = md5.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
