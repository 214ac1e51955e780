// `disclosure index sync`: follows the change log from each kind's checkpoint, woken by
// LISTEN/NOTIFY and polling as a fallback. Each batch is written to Elasticsearch and
// acknowledged before the checkpoint moves, so a crash at any moment replays at most one
// batch (same ids, same content) and loses nothing.
import pg from 'pg';
import type { Client } from '@elastic/elasticsearch';
import { poolConfig, type Db } from '../src/db/database.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { advanceCheckpoint, getIndexStates, readChanges } from '../src/repositories/index-source-repository.js';
import { AbortedError, applyPlan, planChanges, sleep } from './apply-changes.js';
import { aliasName, indexName, KIND_NAMES, type KindName } from './kinds.js';
import { createKindIndex } from './rebuild.js';

export interface SyncOptions {
  signal: AbortSignal;
  batchSize?: number;
  /** The largest batch, read while the follower is behind. */
  maxBatchSize?: number;
  /** Poll even without a notification, in case one was missed. */
  pollMs?: number;
  /** Called after each batch is acknowledged (tests and progress). */
  onBatch?: (info: { seq: string; entries: number; written: number; seconds: number }) => void;
}

export interface SyncDeps {
  es: Client;
  db: Db;
  config: Readonly<Config>;
  log: Logger;
}

/** Every kind has its alias: a kind never built gets an empty first index. */
export async function ensureAliases(es: Client, prefix: string, kinds: readonly KindName[] = KIND_NAMES): Promise<void> {
  for (const kind of kinds) {
    const alias = aliasName(prefix, kind);
    if (await es.indices.existsAlias({ name: alias })) continue;
    const name = indexName(prefix, kind, 1);
    if (!(await es.indices.exists({ index: name }))) await createKindIndex(es, kind, name);
    await es.indices.putAlias({ index: name, name: alias });
  }
}

/** A LISTEN connection that reconnects by itself; `wait` resolves on a notification or timeout. */
function changeListener(config: Readonly<Config>, log: Logger, signal: AbortSignal): { wait(ms: number): Promise<void>; close(): Promise<void> } {
  let client: pg.Client | null = null;
  let wake: (() => void) | null = null;
  let connecting = false;
  const connect = async (): Promise<void> => {
    if (connecting || signal.aborted) return;
    connecting = true;
    try {
      const c = new pg.Client(poolConfig(config, 'disclosure-index-sync-listen'));
      c.on('notification', () => wake?.());
      c.on('error', () => {
        client = null;
      });
      await c.connect();
      await c.query('LISTEN change_log');
      client = c;
    } catch (err) {
      log.debug('listen connection failed; polling until it is back', { error: err instanceof Error ? err.message : String(err) });
    } finally {
      connecting = false;
    }
  };
  void connect();
  return {
    async wait(ms) {
      if (!client) void connect();
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
        function done(): void {
          clearTimeout(t);
          signal.removeEventListener('abort', done);
          wake = null;
          resolve();
        }
      });
    },
    async close() {
      await client?.end().catch(() => {});
    },
  };
}

/** Entries older than this at the end of a full batch: the follower is catching up. */
const CATCH_UP_AGE_S = 10;

export async function runSync(deps: SyncDeps, opts: SyncOptions): Promise<void> {
  const { es, db, config, log } = deps;
  const prefix = config.esIndexPrefix;
  // Small batches at the head of the log: a new change waits behind at most one of them.
  // Far behind, batches grow up to maxBatch: the entries of one import touch the same
  // filings from many tables, and a larger batch writes each of those filings' documents
  // once instead of once per small batch.
  const batchSize = opts.batchSize ?? 500;
  const maxBatch = Math.max(batchSize, opts.maxBatchSize ?? 20_000);
  let size = batchSize;
  const pollMs = opts.pollMs ?? 2_000;
  const listener = changeListener(config, log, opts.signal);
  let backoff = 500;
  try {
    let ready = false;
    while (!opts.signal.aborted) {
      try {
        if (!ready) {
          await ensureAliases(es, prefix);
          ready = true;
        }
        const states = await getIndexStates(db);
        const checkpoint = (k: KindName): bigint => BigInt(states.get(k)?.checkpoint ?? '0');
        const from = KIND_NAMES.map(checkpoint).reduce((a, b) => (b < a ? b : a));
        const entries = await readChanges(db, from.toString(), size);
        if (entries.length === 0) {
          size = batchSize;
          await listener.wait(pollMs);
          continue;
        }
        const started = performance.now();
        const last = entries[entries.length - 1]!.seq;
        // The kinds are independent: applied at the same time, each checkpoint moved after
        // its own acknowledgement.
        // Every kind settles before the batch counts as done or is tried again: a failed kind
        // must not leave the others still writing behind the retry.
        const results = await Promise.allSettled(
          KIND_NAMES.map(async (kind) => {
            const mine = entries.filter((e) => BigInt(e.seq) > checkpoint(kind));
            if (mine.length === 0) return 0;
            const plan = (await planChanges(db, mine, [kind])).get(kind)!;
            const r = await applyPlan(es, db, kind, plan, aliasName(prefix, kind), { log, signal: opts.signal, seq: last, refresh: true });
            // Only now, with Elasticsearch's acknowledgement, does the checkpoint move.
            await advanceCheckpoint(db, kind, last);
            log.debug('kind synced', { kind, from_change: checkpoint(kind).toString(), to_change: last, entries: mine.length, planned: plan.ids.size, written: r.written, deleted: r.deleted });
            return r.written + r.deleted;
          }),
        );
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
        const written = results.reduce((a, r) => a + (r.status === 'fulfilled' ? r.value : 0), 0);
        const seconds = (performance.now() - started) / 1000;
        // Far behind (a full batch whose newest entry is already CATCH_UP_AGE_S old), a quick
        // batch makes the next one larger and a slow one (many documents per entry) smaller.
        // Near the head, batches stay small: a new change waits behind one small batch.
        if (entries.length === size && entries[entries.length - 1]!.age_seconds > CATCH_UP_AGE_S) {
          size = seconds < 5 ? Math.min(size * 4, maxBatch) : seconds > 20 ? Math.max(batchSize, Math.floor(size / 4)) : size;
        } else {
          size = batchSize;
        }
        log.info('synced', { to_change: last, entries: entries.length, documents: written, seconds: Math.round(seconds * 100) / 100 });
        opts.onBatch?.({ seq: last, entries: entries.length, written, seconds });
        backoff = 500;
      } catch (err) {
        if (err instanceof AbortedError || opts.signal.aborted) break;
        // PostgreSQL away, or Elasticsearch refusing something other than documents:
        // wait and try the same batch again (the checkpoints did not move).
        log.warn('sync paused; retrying', { backoff_ms: backoff, error: err instanceof Error ? err.message : String(err) });
        ready = false;
        await sleep(backoff, opts.signal);
        backoff = Math.min(backoff * 2, 15_000);
      }
    }
  } finally {
    await listener.close();
  }
}
