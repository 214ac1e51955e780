import assert from 'node:assert/strict';
import { CODE_LABELS } from '../../src/db/labels.js';
import { writeBuiltInLabels } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

describe('plain-language labels in the database', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase('labels');
  });
  after(async () => t.drop());

  it('holds every built-in label after migration, and writing them again changes nothing', async () => {
    const rows = await t.db.kysely.selectFrom('code_labels').select(['code_type', 'code', 'label']).execute();
    const expected = Object.values(CODE_LABELS).reduce((n, l) => n + Object.keys(l).length, 0);
    assert.equal(rows.length, expected);
    const a = rows.find((r) => r.code_type === 'schedule' && r.code === 'A');
    assert.match(a?.label ?? '', /monetary contributions/i);
    assert.equal(await writeBuiltInLabels(t.db.kysely), 0);
  });
});
