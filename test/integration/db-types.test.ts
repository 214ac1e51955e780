// The committed Database types (src/db/generated-schema.ts) are what the migrations make:
// regenerated here exactly as `disclosure db types` does, they must match byte for byte.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { committedSchemaTypes, typesFromMigrations, typesOfDatabase, writeSchemaTypes } from '../../src/db/schema-types.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase } from '../support/test-db.js';

describe('generated database types', () => {
  it('match the migrations (run `disclosure db types` after changing one)', async () => {
    // A scratch database migrated from nothing, not the suite's template: the template is
    // keyed by migration names, so it would hide an edit inside an existing migration.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'db-types-'));
    try {
      const file = await writeSchemaTypes(await typesFromMigrations(testConfig().databaseUrl), path.join(dir, 'generated-schema.ts'));
      assert.equal(readFileSync(file, 'utf8'), await committedSchemaTypes(), 'src/db/generated-schema.ts is out of date: run `disclosure db types`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('change when a column is added, so drift is seen', async () => {
    const t = await createTestDatabase('db-types');
    try {
      await sql`ALTER TABLE filers ADD COLUMN drift_probe numeric`.execute(t.db.kysely);
      const types = await typesOfDatabase(t.db.kysely as Kysely<unknown>);
      assert.notEqual(types, await committedSchemaTypes());
      assert.match(types, /^ {2}drift_probe: Numeric \| null;$/m);
    } finally {
      await t.drop();
    }
  });
});
