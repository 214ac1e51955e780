// The rebuild's merge into one segment waits for Elasticsearch's merge task, not for one
// long request: a client whose own timeout is far shorter than the merge still sees it end.
import assert from 'node:assert/strict';
import { mergeToOneSegment } from '../../indexers/rebuild.js';
import { createSearchClient } from '../../src/search/client.js';
import { testConfig } from '../support/env.js';
import { deleteIndices, testPrefix, testSearchClient } from '../support/test-search.js';

describe('merging a rebuilt index into one segment', function () {
  this.timeout(60_000);
  const es = testSearchClient();
  const prefix = testPrefix('merge');
  const index = `${prefix}segments`;

  const segmentCount = async (): Promise<number> => (await es.cat.segments({ index, format: 'json' })).length;

  before(async () => {
    await es.indices.create({ index, settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: -1 } });
    // One segment per refreshed batch.
    for (let batch = 0; batch < 8; batch++) {
      const operations = Array.from({ length: 250 }, (_, i) => [{ index: { _id: `${batch}-${i}` } }, { n: batch * 250 + i, text: `row ${batch} ${i}` }]).flat();
      await es.bulk({ index, operations, refresh: true });
    }
  });
  after(async () => {
    await deleteIndices(es, prefix);
    await es.close();
  });

  it('ends with one segment holding every document, through a client with a 100 ms timeout', async () => {
    assert.ok((await segmentCount()) >= 2, 'several segments before');
    const impatient = createSearchClient({ ...testConfig(), esRequestTimeoutMs: 100 });
    // A merge this small ends within any timeout: what shows the merge is not one request
    // held open is that it was started as a task and the task was asked after.
    const paths: string[] = [];
    impatient.diagnostic.on('request', (_err, event) => {
      if (event) paths.push(`${event.meta.request.params.method} ${event.meta.request.params.path}`);
    });
    try {
      await mergeToOneSegment(impatient, index, 20);
    } finally {
      await impatient.close();
    }
    assert.ok(paths.some((p) => p.startsWith('POST ') && p.includes('/_forcemerge')), paths.join(', '));
    assert.ok(paths.some((p) => p.startsWith('GET /_tasks/')), `waited on the merge task: ${paths.join(', ')}`);
    await es.indices.refresh({ index });
    assert.equal(await segmentCount(), 1);
    assert.equal((await es.count({ index })).count, 2_000);
  });

  it('fails with the reason when the index does not exist', async () => {
    await assert.rejects(mergeToOneSegment(es, `${prefix}absent`), /no such index|index_not_found_exception/);
  });
});
