// Per-suite index names on the real Elasticsearch: every index and alias a suite makes
// starts with its own prefix, and is deleted after.
import type { Client } from '@elastic/elasticsearch';
import type { Db } from '../../src/db/database.js';
import { KIND_NAMES, KINDS, type KindName } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { silentLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { testConfig } from './env.js';

let counter = 0;

export function testPrefix(label: string): string {
  return `t${process.pid}-${++counter}-${label.toLowerCase().replace(/[^a-z0-9]/g, '')}-`;
}

export function testSearchClient(): Client {
  return createSearchClient(testConfig());
}

export async function deleteIndices(es: Client, prefix: string): Promise<void> {
  await es.indices.delete({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'all' }).catch(() => {});
}

/** Every document id in an index (search_after over the id field). */
export async function indexIds(es: Client, index: string, query: object = { match_all: {} }): Promise<string[]> {
  await es.indices.refresh({ index });
  const ids: string[] = [];
  let after: (string | number)[] | undefined;
  for (;;) {
    const res = await es.search({ index, size: 5000, _source: false, query, sort: [{ id: 'asc' }], ...(after ? { search_after: after } : {}) });
    for (const h of res.hits.hits) ids.push(h._id!);
    if (res.hits.hits.length < 5000) return ids;
    after = res.hits.hits[res.hits.hits.length - 1]!.sort as (string | number)[];
  }
}

/** The ids the database says the kind's index must hold: all versions, or current only. */
export async function databaseIds(db: Db, kind: KindName, currentOnly = false): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of KINDS[kind].streamAll(db)) {
    for (const d of page) if (!currentOnly || (JSON.parse(d.source) as { current?: boolean }).current !== false) ids.push(d.id);
  }
  return ids;
}

/** Builds every kind's index under the prefix from the database, as `index rebuild` does. */
export async function indexAll(es: Client, db: Db, prefix: string): Promise<void> {
  for (const kind of KIND_NAMES) await rebuildKind({ es, db, prefix, log: silentLogger }, kind);
}
