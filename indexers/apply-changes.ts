// From change-log entries to documents in Elasticsearch. Documents are rebuilt from the
// database as it is now (never from the entry), so applying an entry twice, or late, is
// harmless: same ids, same content.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { Db } from '../src/db/database.js';
import type { Logger } from '../src/logger.js';
import { filingIdsOfFilers, recordIndexFailure, type ChangeEntry } from '../src/repositories/index-source-repository.js';
import { KIND_NAMES, KINDS, type Doc, type KindName } from './kinds.js';

export interface KindPlan {
  /** filing ids (filing kinds) or filer ids (filers) whose documents are re-read */
  ids: Set<number | string>;
  /** filings that had rows deleted: documents the database no longer has are removed */
  prune: Set<number>;
}

/** Which documents of which kind a batch of entries concerns. */
export async function planChanges(db: Db, entries: readonly ChangeEntry[], kinds: readonly KindName[] = KIND_NAMES): Promise<Map<KindName, KindPlan>> {
  const plan = new Map<KindName, KindPlan>(kinds.map((k) => [k, { ids: new Set(), prune: new Set() }]));
  const filerIds = new Set<string>();
  for (const e of entries) {
    // A row of a filer's name history shows only in the filer's own document: the name that
    // filing documents show is filers.name, whose change writes a 'filers' entry of its own.
    if (e.table_name === 'filer_names') {
      if (e.row_key) plan.get('filers')?.ids.add(e.row_key);
      continue;
    }
    if (e.table_name === 'filers') {
      if (e.row_key) filerIds.add(e.row_key);
      continue;
    }
    for (const k of kinds) {
      const kind = KINDS[k];
      if (kind.unit !== 'filing' || e.filing_id === null) continue;
      // A move of the current version changes the `current` flag of every document of the filing.
      if (e.op === 'current_changed' || kind.tables.includes(e.table_name)) {
        const p = plan.get(k)!;
        p.ids.add(e.filing_id);
        if (e.op === 'delete') p.prune.add(e.filing_id);
      }
    }
  }
  if (filerIds.size > 0) {
    for (const id of filerIds) plan.get('filers')?.ids.add(id);
    // Documents of the filings a filer filed show its name.
    const filings = await filingIdsOfFilers(db, [...filerIds]);
    for (const k of kinds) if (KINDS[k].unit === 'filing') for (const f of filings) plan.get(k)!.ids.add(f);
  }
  return plan;
}

export interface WriterOptions {
  log: Logger;
  signal?: AbortSignal;
  /** Recorded with failures, for tracing. */
  seq?: string | null;
  /** Largest pause between attempts while Elasticsearch refuses or is away. */
  maxBackoffMs?: number;
  /** applyPlan: make what it wrote searchable at once, with one refresh after its last write
   *  (the follower of a live index), instead of at the index's next scheduled refresh. */
  refresh?: boolean;
  /** Give up (throw, or count a document refused) after this many attempts in a row;
   *  default: never, for a follower whose checkpoint must not pass what is unwritten. */
  maxAttempts?: number;
}

/** Waits ms, or less if the signal aborts first; leaves no listener behind. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export class AbortedError extends Error {
  constructor() {
    super('aborted');
  }
}

/** Retryable: too many requests, server errors, and no answer at all. */
function retryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

/** What a bulk response says of each item, and only that (the rest is not read). */
const BULK_FILTER = 'errors,items.*.status,items.*.error';

/**
 * Bulk operations encoded into the bytes of a request body as they are added: a rebuild
 * holds no document as a string (or object) past the moment it was made, so what the
 * garbage collector finds alive is a few buffers, not a million strings. Item i is
 * bytes [ends[i-1], ends[i]); an item that must be sent again is copied out by range.
 */
export class BulkBody {
  private buf: Buffer;
  private used = 0;
  private readonly ends: number[] = [];

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get items(): number {
    return this.ends.length;
  }

  get bytes(): number {
    return this.used;
  }

  /** The action line of an index operation, then the document as it is (JSON text). */
  index(id: string, source: string): void {
    this.append(`{"index":{"_id":${JSON.stringify(id)}}}\n${source}\n`);
  }

  delete(id: string): void {
    this.append(`{"delete":{"_id":${JSON.stringify(id)}}}\n`);
  }

  /** The request body. */
  get body(): Buffer {
    return this.buf.subarray(0, this.used);
  }

  /** What item i is: its id, and whether it deletes (read back from its action line). */
  describe(i: number): { id: string; isDelete: boolean } {
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    const action = JSON.parse(this.buf.toString('utf8', start, this.buf.indexOf(10, start))) as Record<string, { _id: string }>;
    const op = Object.keys(action)[0]!;
    return { id: action[op]!._id, isDelete: op === 'delete' };
  }

  /** A body of the given items only. */
  subset(items: readonly number[]): BulkBody {
    let size = 0;
    for (const i of items) size += this.ends[i]! - (i === 0 ? 0 : this.ends[i - 1]!);
    const out = new BulkBody(Math.max(size, 1));
    for (const i of items) {
      const start = i === 0 ? 0 : this.ends[i - 1]!;
      out.used += this.buf.copy(out.buf, out.used, start, this.ends[i]);
      out.ends.push(out.used);
    }
    return out;
  }

  private append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + text.length * 3));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    this.used += this.buf.write(text, this.used);
    this.ends.push(this.used);
  }
}

/**
 * Sends a bulk body until Elasticsearch has acknowledged every item: rejections (429,
 * 5xx) and a server that is away are retried with backoff, without limit unless
 * `maxAttempts` says otherwise, so a caller that waits for this may then advance its
 * checkpoint. A document refused for good (a 4xx other than 429) is recorded in
 * search_index_failures and counted, not retried forever.
 */
export async function writeBulk(
  es: Client,
  db: Db,
  kind: KindName,
  target: string,
  body: BulkBody,
  opts: WriterOptions,
): Promise<{ failed: number }> {
  let pending = body;
  let failed = 0;
  let backoff = 250;
  let attempts = 0;
  const maxAttempts = opts.maxAttempts ?? Infinity;
  const maxBackoff = opts.maxBackoffMs ?? 15_000;
  const path = `/${encodeURIComponent(target)}/_bulk`;
  const retryLater = async (): Promise<void> => {
    await sleep(backoff, opts.signal);
    backoff = Math.min(backoff * 2, maxBackoff);
  };
  while (pending.items > 0) {
    if (opts.signal?.aborted) throw new AbortedError();
    let res: estypes.BulkResponse;
    attempts++;
    try {
      res = await es.transport.request<estypes.BulkResponse>(
        { method: 'POST', path, querystring: { filter_path: BULK_FILTER }, bulkBody: pending.body },
        { requestTimeout: 60_000, maxRetries: 0 },
      );
    } catch (err) {
      const status = (err as { meta?: { statusCode?: number } }).meta?.statusCode;
      if (!retryableStatus(status) || attempts >= maxAttempts) throw err;
      opts.log.warn('elasticsearch unavailable; retrying', { kind, backoff_ms: backoff, error: err instanceof Error ? err.message : String(err) });
      await retryLater();
      continue;
    }
    const retry: number[] = [];
    if (res.errors) {
      res.items.forEach((item, i) => {
        const r = item.index ?? item.delete;
        if (!r || !r.error) return;
        const op = pending.describe(i);
        // Deleting what is not there is success.
        if (op.isDelete && r.status === 404) return;
        if (retryableStatus(r.status) && attempts < maxAttempts) retry.push(i);
        else {
          failed++;
          const reason = `${r.error.type}: ${r.error.reason ?? ''}`;
          opts.log.error('document refused', { kind, id: op.id, error: reason });
          void recordIndexFailure(db, kind, op.id, opts.seq ?? null, reason).catch(() => {});
        }
      });
    }
    pending = pending.subset(retry);
    if (retry.length > 0) {
      opts.log.warn('elasticsearch rejected documents; retrying', { kind, count: retry.length, backoff_ms: backoff });
      await retryLater();
    } else {
      backoff = 250;
      attempts = 0;
    }
  }
  return { failed };
}

/** Writes (and deletes) documents, 2,000 to a request, as writeBulk does. */
export async function writeDocs(
  es: Client,
  db: Db,
  kind: KindName,
  target: string,
  docs: readonly Doc[],
  deletes: readonly string[],
  opts: WriterOptions,
): Promise<{ written: number; failed: number }> {
  const CHUNK = 2_000;
  let failed = 0;
  let body = new BulkBody();
  const flush = async (): Promise<void> => {
    if (body.items === 0) return;
    failed += (await writeBulk(es, db, kind, target, body, opts)).failed;
    body = new BulkBody();
  };
  for (const d of docs) {
    body.index(d.id, d.source);
    if (body.items >= CHUNK) await flush();
  }
  for (const id of deletes) {
    body.delete(id);
    if (body.items >= CHUNK) await flush();
  }
  await flush();
  return { written: docs.length - failed, failed };
}

/** Ids of a filing's documents in the index (for pruning what the database no longer has). */
async function indexedIdsOfFiling(es: Client, target: string, filingId: number): Promise<string[]> {
  const ids: string[] = [];
  let after: estypes.SortResults | undefined;
  for (;;) {
    const res = await es.search({
      index: target,
      size: 1000,
      _source: false,
      query: { term: { filing_id: filingId } },
      sort: [{ id: 'asc' }],
      ...(after ? { search_after: after } : {}),
    });
    const hits = res.hits.hits;
    for (const h of hits) if (h._id) ids.push(h._id);
    if (hits.length < 1000) return ids;
    after = hits[hits.length - 1]!.sort;
  }
}

/** Ids of a plan applied per slice: documents of this many filings (or filers) at a time. */
const APPLY_SLICE = 250;

/**
 * Applies a plan to the kind's alias (or to `target`, during a rebuild), a slice of ids at a
 * time, so memory holds one slice's documents however large the plan. With `refresh`, one
 * refresh after the last write makes the whole plan searchable (not one per bulk request).
 */
export async function applyPlan(
  es: Client,
  db: Db,
  kind: KindName,
  plan: KindPlan,
  target: string,
  opts: WriterOptions,
): Promise<{ written: number; deleted: number; failed: number }> {
  const total = { written: 0, deleted: 0, failed: 0 };
  if (plan.ids.size === 0) return total;
  const k = KINDS[kind];
  const ids = [...plan.ids];
  const slices: (number | string)[][] = [];
  for (let i = 0; i < ids.length; i += APPLY_SLICE) slices.push(ids.slice(i, i + APPLY_SLICE));
  // The next slice's documents are read while the current one is written.
  const read = (n: number): Promise<Doc[]> | null => {
    if (n >= slices.length) return null;
    const p = k.docsFor(db, slices[n]!);
    p.catch(() => {}); // awaited below; never an unhandled rejection if we stop first
    return p;
  };
  let nextDocs = read(0);
  for (let n = 0; n < slices.length; n++) {
    if (opts.signal?.aborted) throw new AbortedError();
    const slice = slices[n]!;
    const docs = await nextDocs!;
    nextDocs = read(n + 1);
    const deletes: string[] = [];
    if (k.unit === 'filer') {
      const found = new Set(docs.map((d) => d.id));
      for (const id of slice) if (!found.has(String(id))) deletes.push(String(id));
    }
    for (const id of slice) {
      const filingId = Number(id);
      if (k.unit !== 'filing' || !plan.prune.has(filingId)) continue;
      const keep = new Set(docs.filter((d) => d.filingId === filingId).map((d) => d.id));
      for (const docId of await indexedIdsOfFiling(es, target, filingId)) if (!keep.has(docId)) deletes.push(docId);
    }
    const r = await writeDocs(es, db, kind, target, docs, deletes, opts);
    total.written += r.written;
    total.failed += r.failed;
    total.deleted += deletes.length;
  }
  if (opts.refresh === true) await refreshUntilDone(es, target, opts);
  return total;
}

/** Refreshes the index, retried like the writes while Elasticsearch is away. */
async function refreshUntilDone(es: Client, target: string, opts: WriterOptions): Promise<void> {
  let backoff = 250;
  for (;;) {
    if (opts.signal?.aborted) throw new AbortedError();
    try {
      await es.indices.refresh({ index: target }, { requestTimeout: 60_000, maxRetries: 0 });
      return;
    } catch (err) {
      const status = (err as { meta?: { statusCode?: number } }).meta?.statusCode;
      if (!retryableStatus(status)) throw err;
      opts.log.warn('elasticsearch unavailable for a refresh; retrying', { index: target, backoff_ms: backoff, error: err instanceof Error ? err.message : String(err) });
      await sleep(backoff, opts.signal);
      backoff = Math.min(backoff * 2, opts.maxBackoffMs ?? 15_000);
    }
  }
}
