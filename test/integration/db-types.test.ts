// The committed Database types (src/db/generated-schema.ts) are what the migrations make:
// regenerated here exactly as `disclosure db types` does, they must match byte for byte.
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { committedSchemaTypes, typesFromMigrations, typesOfDatabase } from '../../src/db/schema-types.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase } from '../support/test-db.js';

describe('generated database types', () => {
  it('match the migrations (run `disclosure db types` after changing one)', async () => {
    // A scratch database migrated from nothing, not the suite's template: the template is
    // keyed by migration names, so it would hide an edit inside an existing migration.
    assert.equal(await typesFromMigrations(testConfig().databaseUrl), await committedSchemaTypes(), 'src/db/generated-schema.ts is out of date: run `disclosure db types`');
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
