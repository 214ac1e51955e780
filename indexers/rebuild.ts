// `disclosure index rebuild [kind]`: a new versioned index built from the database by
// keyset pages and bulk requests, caught up from the change log, then the alias moved to
// it in one atomic _aliases call and the old index deleted. Searches keep answering from
// the old index until the move, and from the new one after.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { Db } from '../src/db/database.js';
import type { Logger } from '../src/logger.js';
import { getIndexStates, lastChangeSeq, readChanges, recordRebuild } from '../src/repositories/index-source-repository.js';
import { applyPlan, BulkBody, planChanges, writeBulk } from './apply-changes.js';
import { aliasName, indexName, KINDS, type KindName } from './kinds.js';

export interface RebuildResult {
  kind: KindName;
  index: string;
  docs: number;
  failed: number;
  caught_up_changes: number;
  seconds: number;
  docs_per_second: number;
}

export interface IndexDeps {
  es: Client;
  db: Db;
  prefix: string;
  log: Logger;
}

/**
 * Merges `index` into one segment and waits for the merge, however long it takes. It runs as
 * an Elasticsearch task, polled: one request held open for it would be cut at the client's
 * own timeout (ES_REQUEST_TIMEOUT_MS), which its HTTP pool enforces and a longer per-request
 * timeout does not extend, and on a large index or a busy machine a merge takes longer.
 */
export async function mergeToOneSegment(es: Client, index: string, pollMs = 250): Promise<void> {
  const { task } = await es.indices.forcemerge({ index, max_num_segments: 1, wait_for_completion: false });
  if (task === undefined) return; // answered in full: an Elasticsearch that ran it in the request
  for (;;) {
    const state = await es.tasks.get({ task_id: task });
    if (state.error) throw new Error(`merging ${index} into one segment failed: ${state.error.reason ?? state.error.type}`);
    if (state.completed) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Applies every change-log entry after `from` to `target` for one kind; returns the last seq seen. */
export async function catchUp(deps: IndexDeps, kind: KindName, target: string, from: string): Promise<{ seq: string; changes: number }> {
  let seq = from;
  let changes = 0;
  for (;;) {
    const entries = await readChanges(deps.db, seq, 5_000);
    if (entries.length === 0) return { seq, changes };
    const plan = (await planChanges(deps.db, entries, [kind])).get(kind)!;
    await applyPlan(deps.es, deps.db, kind, plan, target, { log: deps.log, seq: entries[entries.length - 1]!.seq });
    seq = entries[entries.length - 1]!.seq;
    changes += entries.length;
  }
}

/** The indices the alias points to now. */
async function aliasTargets(es: Client, alias: string): Promise<string[]> {
  const exists = await es.indices.existsAlias({ name: alias });
  if (!exists) return [];
  return Object.keys(await es.indices.getAlias({ name: alias }));
}

export async function createKindIndex(es: Client, kind: KindName, name: string, settings: estypes.IndicesIndexSettings = {}): Promise<void> {
  const m = KINDS[kind].mapping;
  await es.indices.create({
    index: name,
    settings: { ...m.settings, ...settings },
    mappings: { ...m.mappings, _meta: { kind, mapping_version: m.version } },
  });
}

/**
 * Settings of an index while it is bulk-loaded and not yet searched: no refreshes, and the
 * translog synced in the background rather than on every bulk request. A crash during the
 * load loses only the new index (the alias still points to the old one); both are set back
 * before the index goes live.
 */
export const BULK_LOAD_SETTINGS: estypes.IndicesIndexSettings = { refresh_interval: '-1', translog: { durability: 'async' } };

/** Keeps up to `depth` items of an async iterable requested ahead of the consumer. */
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  // An async generator queues next() calls: it runs ahead while requests are pending.
  const pending: Promise<IteratorResult<T>>[] = [];
  for (let i = 0; i < depth; i++) pending.push(it.next());
  try {
    for (;;) {
      const r = await pending.shift()!;
      if (r.done) return;
      pending.push(it.next());
      yield r.value;
    }
  } finally {
    // Settle what was requested ahead before closing the source.
    await Promise.allSettled(pending);
    await it.return?.();
  }
}

export async function rebuildKind(deps: IndexDeps, kind: KindName, opts: { bulkConcurrency?: number; flushBytes?: number } = {}): Promise<RebuildResult> {
  const started = performance.now();
  const { es, db, prefix, log } = deps;
  const alias = aliasName(prefix, kind);
  const state = (await getIndexStates(db)).get(kind);
  const previous = await aliasTargets(es, alias);
  // Next generation: above what the state says and above any index left by an earlier run.
  const existing = await es.indices.get({ index: `${alias}_v*`, allow_no_indices: true, expand_wildcards: 'all' });
  const gens = Object.keys(existing).map((n) => Number(n.slice(alias.length + 2))).filter(Number.isFinite);
  const generation = Math.max(state?.generation ?? 0, ...gens, 0) + 1;
  const target = indexName(prefix, kind, generation);

  const s0 = await lastChangeSeq(db);
  // No refreshes while bulk loading: one at the end.
  await createKindIndex(es, kind, target, BULK_LOAD_SETTINGS);
  log.info('rebuilding', { kind, index: target, from_change: s0 });

  let docs = 0;
  let failed = 0;
  // Pages are read ahead while the bulk requests are in flight: the database and
  // Elasticsearch work at the same time instead of taking turns.
  const concurrency = opts.bulkConcurrency ?? 2;
  const flushBytes = opts.flushBytes ?? 5_000_000;
  const inFlight = new Set<Promise<void>>();
  // The first failed request (after its own retries): no more are sent, and the rebuild fails.
  const failure: { error: Error | null } = { error: null };
  const send = async (body: BulkBody): Promise<void> => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure.error) throw failure.error;
    const p = writeBulk(es, db, kind, target, body, { log, maxAttempts: 10 })
      .then((r) => {
        failed += r.failed;
      })
      .catch((err: unknown) => {
        failure.error ??= err instanceof Error ? err : new Error(String(err));
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const newBody = (): BulkBody => new BulkBody(flushBytes + (flushBytes >> 2));
  try {
    let body = newBody();
    // One page ahead: more would keep more rows alive for the garbage collector to copy.
    for await (const page of readAhead(KINDS[kind].streamAll(db), 1)) {
      for (const d of page) {
        body.index(d.id, d.source);
        if (body.bytes >= flushBytes) {
          await send(body);
          body = newBody();
        }
      }
      docs += page.length;
    }
    if (body.items > 0) await send(body);
  } finally {
    await Promise.allSettled(inFlight);
  }
  if (failure.error) throw failure.error;

  // A bulk-loaded index is a dozen or more segments, and a search visits each: merged into one
  // before anyone searches it, a name search with facets on 1M documents costs Elasticsearch
  // half the CPU (11.3 -> 5.7 ms, test/bench/datasette-bench.ts) for ~7 s of merging. The
  // follower's later changes land in small segments that Elasticsearch merges as usual.
  const merging = performance.now();
  await es.indices.refresh({ index: target });
  await mergeToOneSegment(es, target);
  log.info('merged into one segment', { kind, index: target, seconds: Math.round((performance.now() - merging) / 100) / 10 });

  // Changes committed while the pages were read: applied to the new index before it goes live.
  const first = await catchUp(deps, kind, target, s0);
  await es.indices.putSettings({ index: target, settings: { refresh_interval: KINDS[kind].mapping.settings.refresh_interval ?? '1s', translog: { durability: 'request' } } });
  await es.indices.refresh({ index: target });

  // One request: the alias never points to nothing, nor to both.
  const actions: estypes.IndicesUpdateAliasesAction[] = [
    ...previous.map((index) => ({ remove: { index, alias } })),
    { add: { index: target, alias } },
  ];
  await es.indices.updateAliases({ actions });
  // A follower may have written a change to the old index between the catch-up and the
  // move: apply what came since once more, now through the alias.
  const second = await catchUp(deps, kind, alias, first.seq);
  for (const old of previous) if (old !== target) await es.indices.delete({ index: old, ignore_unavailable: true });
  await recordRebuild(db, kind, generation, target, second.seq);

  const seconds = (performance.now() - started) / 1000;
  const result: RebuildResult = {
    kind,
    index: target,
    docs: docs - failed,
    failed,
    caught_up_changes: first.changes + second.changes,
    seconds: Math.round(seconds * 10) / 10,
    docs_per_second: Math.round(docs / seconds),
  };
  log.info('rebuilt', { ...result });
  return result;
}
