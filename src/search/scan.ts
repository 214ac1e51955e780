// Every document a search matches, a page at a time, from a point in time (a consistent
// view while the index changes) with search_after. The point in time is closed when the
// scan ends, fails, or its consumer stops early (an aborted download): no runaway
// contexts on the server.
import type { Client, estypes } from '@elastic/elasticsearch';

export interface ScanOptions {
  index: string;
  query: estypes.QueryDslQueryContainer;
  /** The order to export in; _shard_doc (the cheapest) breaks ties. */
  sort?: estypes.SortCombinations[];
  /** Only these source fields. */
  fields?: string[];
  pageSize?: number;
  signal?: AbortSignal;
}

export const PIT_KEEP_ALIVE = '2m';

export async function* scanDocuments(es: Client, opts: ScanOptions): AsyncGenerator<Record<string, unknown>[]> {
  const pageSize = opts.pageSize ?? 5_000;
  const opened = await es.openPointInTime({ index: opts.index, keep_alive: PIT_KEEP_ALIVE }, opts.signal ? { signal: opts.signal } : {});
  let pit = opened.id;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      if (opts.signal?.aborted) return;
      const res: estypes.SearchResponse<Record<string, unknown>> = await es.search<Record<string, unknown>>(
        {
          pit: { id: pit, keep_alive: PIT_KEEP_ALIVE },
          size: pageSize,
          query: opts.query,
          sort: [...(opts.sort ?? []), { _shard_doc: 'asc' }],
          track_total_hits: false,
          ...(opts.fields ? { _source: { includes: opts.fields } } : {}),
          ...(after ? { search_after: after } : {}),
        },
        { requestTimeout: 60_000, ...(opts.signal ? { signal: opts.signal } : {}) },
      );
      pit = res.pit_id ?? pit;
      const hits = res.hits.hits;
      if (hits.length === 0) return;
      yield hits.map((h) => h._source ?? {});
      after = hits[hits.length - 1]!.sort;
      if (hits.length < pageSize) return;
    }
  } finally {
    await es.closePointInTime({ id: pit }).catch(() => {});
  }
}
