// The `Database` interface that every kysely query compiles against, in step with the
// migrations in ./migrations. Dates, timestamps, numerics and bigints arrive as strings:
// the pool keeps them exact (see database.ts).
import type { ColumnType, Generated } from 'kysely';
import type { SourceTables } from './source-tables-schema.js';

export interface FilingVersionsTable {
  filing_id: number;
  amend_id: number;
  has_cover: Generated<boolean>;
  cover_table: string | null;
  form_type: string | null;
  filer_id: string | null;
  superseded: Generated<boolean>;
}

export interface FilingsTable {
  filing_id: number;
  current_amend_id: number;
  has_cover: boolean;
  version_count: number;
}

export interface FilersTable {
  filer_id: string;
  xref_filer_id: string | null;
  name: string | null;
  name_source: 'filer_names' | 'cover' | 'none';
  filer_type: string | null;
  status: string | null;
  city: string | null;
  st: string | null;
  zip4: string | null;
  effect_dt: string | null;
}

export interface CodeLabelsTable {
  code_type: string;
  code: string;
  label: string;
  source: string;
}

export interface ChangeLogTable {
  seq: Generated<string>;
  changed_at: ColumnType<string, string | undefined, never>;
  table_name: string;
  op: 'upsert' | 'delete' | 'current_changed';
  filing_id: number | null;
  amend_id: number | null;
  row_key: string | null;
}

export interface ImportRunsTable {
  id: Generated<string>;
  source: string;
  started_at: ColumnType<string, string | undefined, never>;
  finished_at: string | null;
  status: 'running' | 'finished' | 'failed';
  report: unknown;
}

export interface SearchIndexStateTable {
  kind: string;
  generation: Generated<number>;
  index_name: string | null;
  checkpoint: ColumnType<string, string | number | undefined, string | number>;
  rebuilt_at: string | null;
  updated_at: ColumnType<string, string | undefined, string>;
}

export interface SearchIndexFailuresTable {
  id: Generated<string>;
  kind: string;
  doc_id: string;
  seq: string | null;
  error: string;
  failed_at: ColumnType<string, string | undefined, never>;
}

export interface ExportJobsTable {
  id: string;
  kind: string;
  format: 'csv' | 'xlsx';
  params: ColumnType<Record<string, unknown>, string, string>;
  state: 'queued' | 'running' | 'finished' | 'failed' | 'expired';
  rows_expected: ColumnType<string | null, number | null | undefined, number | null>;
  rows_written: ColumnType<string, number | undefined, number>;
  file_name: string | null;
  bytes: ColumnType<string | null, number | null | undefined, number | null>;
  sha256: string | null;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<string, string | undefined, never>;
  started_at: string | null;
  finished_at: string | null;
  expires_at: string | null;
}

export interface ModelTables {
  export_jobs: ExportJobsTable;
  search_index_state: SearchIndexStateTable;
  search_index_failures: SearchIndexFailuresTable;
  filing_versions: FilingVersionsTable;
  filings: FilingsTable;
  filers: FilersTable;
  code_labels: CodeLabelsTable;
  change_log: ChangeLogTable;
  import_runs: ImportRunsTable;
}

export interface Database extends SourceTables, ModelTables {}
