// `disclosure db migrate`: applies the migrations in order, then writes the built-in
// plain-language labels (idempotent; labels from the export's own lookup tables are
// read next to them at query time).
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as sourceTables from './migrations/20261124_01_source_tables.js';
import * as filingModel from './migrations/20261124_02_filing_model.js';
import type { Database } from './schema.js';

// A static list rather than a folder scan: the compiled folder also holds source maps,
// and an explicit list makes the order reviewable.
export const MIGRATIONS: Record<string, Migration> = {
  '20261124_01_source_tables': sourceTables,
  '20261124_02_filing_model': filingModel,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
