// `disclosure import calaccess <folder or .zip>`: streams every file of the export,
// cleans and checks every line, COPYs the good ones into a staging table and merges each
// file into the filing database in one transaction. Every data line ends up loaded or
// rejected (with its line number, reason and raw bytes in the reject file); the run ends
// with a report per file. Memory stays at about one chunk of one file.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { toError } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  beginDirectLoad,
  configureImportSession,
  copyInto,
  finishDirectLoad,
  stagingName,
  describeSourceTable,
  finishImportRun,
  keyColumns,
  mergeStaged,
  prepareStaging,
  startImportRun,
} from '../repositories/import-repository.js';
import { openExport, type ExportEntry } from './export-source.js';
import { emptyFixCounts, type FixCounts } from './field-cleaner.js';
import { splitCrlf } from './line-splitter.js';
import { silentProgress, type Progress } from './progress.js';
import { RejectWriter } from './reject-writer.js';
import { SOURCE_TABLES, specForFile } from './source-tables.js';
import { RowEncoder } from './row-encoder.js';

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
  // A raw client for the whole run: COPY, temp staging tables and per-file transactions
  // need one connection (see import-repository.ts).
  const client = await pool.connect();
  let runId = '';
  const files: FileReport[] = [];
  try {
    await configureImportSession(client);
    runId = await startImportRun(client, opts.source);
    for (const entry of orderEntries(source.entries)) {
      if (opts.only && !opts.only.includes(entry.name)) continue;
      const report = await loadFile(client, entry, rejects, opts.progress ?? silentProgress, opts.log);
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

/** Files at least this large load straight into an empty table (see beginDirectLoad). */
const DIRECT_LOAD_MIN_BYTES = 16 << 20;

async function loadFile(client: pg.PoolClient, entry: ExportEntry, rejects: RejectWriter, progress: Progress, log: Logger): Promise<FileReport> {
  const spec = specForFile(entry.name);
  // Tables keyed by a row hash often hold exact duplicate lines, which a direct load
  // would only find at the end; they always go through staging.
  if (spec && spec.key.length > 0 && entry.size >= DIRECT_LOAD_MIN_BYTES && (await beginDirectLoad(client, spec))) {
    try {
      return await streamFile(client, entry, rejects, progress, log, 'direct');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      if ((err as { code?: string }).code !== '23505') throw err;
      log.info('a key repeats in the file: loading it again through staging', { file: entry.name });
      await rejects.discard(entry.name);
    }
  }
  return streamFile(client, entry, rejects, progress, log, 'staging');
}

async function streamFile(
  client: pg.PoolClient,
  entry: ExportEntry,
  rejects: RejectWriter,
  progress: Progress,
  log: Logger,
  mode: 'direct' | 'staging',
): Promise<FileReport> {
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
  if (spec && mode === 'staging') await prepareStaging(client, spec.table);

  let encoder: RowEncoder | null = null;
  // Set when the whole file cannot be loaded: every data line is rejected with it.
  let fileError: { reason: RejectReason; message: string } | null = spec
    ? null
    : { reason: 'unknown_file', message: `unknown_file: ${entry.name} has no table in this database` };

  let copy: Writable | null = null;
  let copyError: unknown = null;
  let chunk = '';
  const flush = async (): Promise<void> => {
    if (!copy || chunk.length === 0) return;
    const ok = copy.write(chunk);
    chunk = '';
    // once() rejects if 'error' comes first, and leaves no listener behind either way.
    if (!ok) await once(copy, 'drain');
    if (copyError) throw toError(copyError);
  };

  const input = await entry.open();
  let bytesRead = 0;
  // Counted as they are pulled: a 'data' listener would switch the stream to flowing
  // mode and let reading run ahead of the COPY, buffering without bound.
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const b of input) {
      bytesRead += (b as Buffer).length;
      yield b as Buffer;
    }
  }
  progress.start(entry.name, entry.size);

  for await (const batch of splitCrlf(counted())) {
    for (const line of batch) {
      if (line.lineNo === 1) {
        if (spec) {
          const header = line.bytes.toString('latin1').split('\t');
          encoder = new RowEncoder(header, columns, keyColumns(spec), spec.key.length === 0, report.fixes);
          report.unknown_columns = encoder.unknownColumns;
          if (encoder.missingColumns.length > 0) {
            fileError = { reason: 'header_mismatch', message: `header_mismatch: ${entry.name} lacks ${encoder.missingColumns.join(', ')}` };
          } else {
            copy = copyInto(client, mode === 'direct' ? spec.table : stagingName(spec.table), encoder.copyColumns);
            copy.on('error', (err) => (copyError = err));
          }
        }
        continue;
      }
      report.lines++;
      if (fileError || !encoder) {
        const e = fileError ?? { reason: 'header_mismatch' as const, message: 'header_mismatch: no header line' };
        await reject(line.lineNo, e.reason, e.message, line.bytes);
        continue;
      }
      if (!line.terminated) {
        await reject(line.lineNo, 'truncated', 'truncated: the file ends inside this record (no CRLF)', line.bytes);
        continue;
      }
      const r = encoder.encode(line.bytes, line.lineNo);
      if (!r.ok) {
        await reject(line.lineNo, r.reason, r.message, line.bytes);
        continue;
      }
      if (r.oddDates) report.odd_dates++;
      chunk += r.row;
      report.loaded++;
      if (chunk.length >= CHUNK_CHARS) await flush();
    }
    progress.update(report.lines, bytesRead);
  }
  await flush();
  if (copy) {
    const c: Writable = copy;
    const done = once(c, 'finish');
    c.end();
    await done;
    if (copyError) throw toError(copyError);
  }
  progress.done();
  const timings: Record<string, number> = { read_and_copy: Math.round(performance.now() - started) };
  if (spec && mode === 'direct') {
    const merged = await finishDirectLoad(client, spec, columns, report.loaded, timings);
    report.changed = merged.changed;
    report.current_version_changes = merged.currentChanged;
  } else if (spec && report.loaded > 0) {
    const merged = await mergeStaged(client, spec, columns, timings);
    report.changed = merged.changed;
    report.duplicate_keys = merged.duplicates;
    report.current_version_changes = merged.currentChanged;
  }
  log.debug('load timings (ms)', { file: entry.name, mode, ...timings });
  report.seconds = round(performance.now() - started);
  return report;
}
