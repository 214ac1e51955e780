// What Elasticsearch makes of each kind's mapping, as the field registry (queries/fields/)
// derives it: every declared field at its path with its type, nothing added, nothing
// dropped, and unknown fields refused.
import assert from 'node:assert/strict';
import type { estypes } from '@elastic/elasticsearch';
import { KIND_NAMES, KINDS } from '../../indexers/kinds.js';
import { mappingProperties } from '../../queries/fields/field.js';
import { FIELDS } from '../../queries/fields/index.js';
import { mappingPaths } from '../support/mapping-paths.js';
import { deleteIndices, testPrefix, testSearchClient } from '../support/test-search.js';

describe('field registries: the live index mappings', function () {
  this.timeout(60_000);
  const es = testSearchClient();
  const prefix = testPrefix('fieldregistry');

  after(async () => {
    await deleteIndices(es, prefix);
    await es.close();
  });

  for (const kind of KIND_NAMES) {
    it(`${kind}: the index holds exactly the registry's fields, with their types`, async () => {
      const index = `${prefix}${kind}`;
      const { settings, mappings } = KINDS[kind].mapping;
      await es.indices.create({ index, settings, mappings });
      const live = (await es.indices.getMapping({ index }))[index]!.mappings;
      assert.equal(live.dynamic, 'strict');
      const declared = mappingPaths(mappingProperties(FIELDS[kind]));
      assert.deepEqual(mappingPaths(live.properties as Record<string, estypes.MappingProperty>), declared);
      assert.ok(declared.size > 10, `${kind}: ${declared.size} paths`);
    });
  }
});
