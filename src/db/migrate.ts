// `disclosure db migrate`: applies the migrations in order, then writes the built-in
// plain-language labels (idempotent). The export's own lookup tables (LOOKUP_CODES_CD,
// FILER_TYPES_CD) are loaded by the importer into lookup_codes and filer_type_codes.
import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { toError } from '../errors.js';
import { CODE_LABELS } from './labels.js';
import * as sourceTables from './migrations/20261124_01_source_tables.js';
import * as filingModel from './migrations/20261124_02_filing_model.js';
import * as searchIndexState from './migrations/20261124_03_search_index_state.js';
import * as exportJobs from './migrations/20261124_04_export_jobs.js';
import * as apiReader from './migrations/20261201_05_api_reader.js';
import type { Database } from './schema.js';

// A static list rather than a folder scan: the compiled folder also holds source maps,
// and an explicit list makes the order reviewable.
export const MIGRATIONS: Record<string, Migration> = {
  '20261124_01_source_tables': sourceTables,
  '20261124_02_filing_model': filingModel,
  '20261124_03_search_index_state': searchIndexState,
  '20261124_04_export_jobs': exportJobs,
  '20261201_05_api_reader': apiReader,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet & { labelsChanged: number }> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw toError(result.error);
  return { ...result, labelsChanged: await writeBuiltInLabels(db) };
}

/** Upserts src/db/labels.ts into code_labels; returns how many rows changed. */
export async function writeBuiltInLabels(db: Kysely<Database>): Promise<number> {
  const rows = Object.entries(CODE_LABELS).flatMap(([codeType, labels]) =>
    Object.entries(labels).map(([code, label]) => ({ code_type: codeType, code, label, source: 'built-in' })),
  );
  const res = await db
    .insertInto('code_labels')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['code_type', 'code'])
        .doUpdateSet({ label: (eb) => eb.ref('excluded.label'), source: (eb) => eb.ref('excluded.source') })
        .where(sql<boolean>`(code_labels.label, code_labels.source) IS DISTINCT FROM (excluded.label, excluded.source)`),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n);
}
