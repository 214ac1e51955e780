// `disclosure index status`: per kind, documents in the index against rows in the
// database, the checkpoint, how far behind the change log it is, and whether the index
// was built with the mapping this code queries (a mapping version bump, in
// indexers/mappings/*.ts, needs `disclosure index rebuild`: old documents lack new fields).
import type { Client } from '@elastic/elasticsearch';
import type { Db } from '../src/db/database.js';
import { changeLag, getIndexStates } from '../src/repositories/index-source-repository.js';
import { aliasName, KIND_NAMES, KINDS, type KindName } from './kinds.js';

export interface KindStatus {
  kind: KindName;
  alias: string;
  index: string | null;
  /** all documents, superseded versions included */
  index_docs: number | null;
  /** documents of current versions (what default search shows) */
  index_current_docs: number | null;
  db_rows: number;
  db_current_rows: number;
  checkpoint: string;
  lag_changes: number;
  lag_seconds: number;
  /** The mapping version the index was built with (its `_meta`), and the one this code expects. */
  mapping_version: number | null;
  expected_mapping_version: number;
  in_sync: boolean;
}

export async function indexStatus(es: Client, db: Db, prefix: string, kinds: readonly KindName[] = KIND_NAMES): Promise<KindStatus[]> {
  const states = await getIndexStates(db);
  return Promise.all(
    kinds.map(async (kind) => {
      const alias = aliasName(prefix, kind);
      const checkpoint = states.get(kind)?.checkpoint ?? '0';
      const [rows, lag] = await Promise.all([KINDS[kind].countRows(db), changeLag(db, checkpoint)]);
      let index: string | null = null;
      let docs: number | null = null;
      let current: number | null = null;
      let mappingVersion: number | null = null;
      if (await es.indices.existsAlias({ name: alias })) {
        index = Object.keys(await es.indices.getAlias({ name: alias }))[0] ?? null;
        if (index !== null) {
          const meta = (await es.indices.getMapping({ index }))[index]?.mappings._meta;
          mappingVersion = typeof meta?.['mapping_version'] === 'number' ? meta['mapping_version'] : null;
        }
        docs = (await es.count({ index: alias })).count;
        current = KINDS[kind].unit === 'filing' ? (await es.count({ index: alias, query: { term: { current: true } } })).count : docs;
      }
      return {
        kind,
        alias,
        index,
        index_docs: docs,
        index_current_docs: current,
        db_rows: rows.rows,
        db_current_rows: rows.current,
        checkpoint,
        lag_changes: lag.changes,
        lag_seconds: lag.seconds,
        mapping_version: mappingVersion,
        expected_mapping_version: KINDS[kind].mapping.version,
        in_sync: docs === rows.rows && current === rows.current && lag.changes === 0 && mappingVersion === KINDS[kind].mapping.version,
      };
    }),
  );
}
