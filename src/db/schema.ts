// The `Database` interface that every kysely query compiles against. Its tables come from
// generated-schema.ts, which `disclosure db types` writes from the migrations (a test
// fails when the two drift apart); never edit that file by hand. Dates, timestamps,
// numerics and bigints are strings, as the pool returns them (see database.ts).
//
// The only changes made here are narrowings the database enforces but codegen cannot see:
// CHECK (... IN (...)) columns as string unions, and the JSON of an export job's params.
import type { ColumnType } from 'kysely';
import type { ChangeLog, DB, ExportJobs, Filers, ImportRuns } from './generated-schema.js';

/** `T` with the columns of `N` replaced. */
type Narrowed<T, N extends Partial<Record<keyof T, unknown>>> = Omit<T, keyof N> & N;

export type FilersTable = Narrowed<Filers, { name_source: 'filer_names' | 'cover' | 'none' }>;

export type ChangeLogTable = Narrowed<ChangeLog, { op: 'upsert' | 'delete' | 'current_changed' }>;

export type ImportRunsTable = Narrowed<ImportRuns, { status: 'running' | 'finished' | 'failed' }>;

export type ExportJobsTable = Narrowed<
  ExportJobs,
  {
    format: 'csv' | 'xlsx';
    state: 'queued' | 'running' | 'finished' | 'failed' | 'expired';
    // Written as JSON text, read back parsed (jsonb).
    params: ColumnType<Record<string, unknown>, string, string>;
  }
>;

export type Database = Narrowed<
  DB,
  {
    filers: FilersTable;
    change_log: ChangeLogTable;
    import_runs: ImportRunsTable;
    export_jobs: ExportJobsTable;
  }
>;

/** The tables the service builds over the source tables; every other table is one
 *  CAL-ACCESS export file as filed. */
export type ModelTableName =
  | 'export_jobs'
  | 'search_index_state'
  | 'search_index_failures'
  | 'filing_versions'
  | 'filings'
  | 'filers'
  | 'code_labels'
  | 'change_log'
  | 'import_runs';

export type SourceTableName = Exclude<keyof Database, ModelTableName>;
