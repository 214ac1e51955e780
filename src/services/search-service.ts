// Runs searches against the aliases, with a cache of recent answers. A cached answer is
// keyed by the normalised request and by the index behind the alias (a rebuild makes a
// new one), and lives at most CACHE_TTL_MS: a change applied by the sync is visible to
// everyone within that bound (plus the index refresh, 1 s).
// The cache keeps each answer as its JSON bytes, not as objects (a thousand answers of
// ~30 kB as object graphs are hundreds of thousands of objects that every young-generation
// GC copies and promotes), and keeps them in one ring buffer (answer-cache.ts): answers
// pushed out of the cache leave no garbage for V8's full collections.
import { randomBytes } from 'node:crypto';
import type { Client, estypes } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { LRUCache } from 'lru-cache';
import { KIND_NAMES, aliasName, type KindName } from '../../indexers/kinds.js';
import { buildSearch } from '../../queries/build-search.js';
import { parsePlainLanguage } from '../../queries/plain-language.js';
import { toSearchResponse, type SearchResponseBody } from '../../queries/search-response.js';
import { parseSearchRequest, requestKey, type SearchRequest } from '../../queries/search-request.js';
import { InvalidParameterError, StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { normalizeName } from '../search/names.js';
import { AnswerCache, type CachedAnswer } from './answer-cache.js';

export const CACHE_TTL_MS = 30_000;
/** The memory the cached answers may take: ~1,000 typical answers of a page of 25 with facets. */
export const CACHE_BYTES = 32 * 1024 * 1024;
const GENERATION_TTL_MS = 5_000;

export interface Suggestion {
  filer_id: string;
  name: string;
  type: string | null;
  link: string;
}

/** An answer as it is sent: its JSON, and a name for this build of it (an ETag's value). */
export type SerializedAnswer = CachedAnswer;

const BOOT = randomBytes(6).toString('base64url');

export class SearchService {
  private readonly cache = new AnswerCache({ bytes: CACHE_BYTES, ttlMs: CACHE_TTL_MS });
  private builds = 0;
  private readonly generations = new LRUCache<string, string>({ max: 20, ttl: GENERATION_TTL_MS });

  constructor(
    private readonly es: Client,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  /** The index an alias points to now: part of every cache key. */
  private async generation(kind: KindName): Promise<string> {
    const alias = aliasName(this.prefix, kind);
    const hit = this.generations.get(alias);
    if (hit) return hit;
    const res = await this.es.indices.getAlias({ name: alias }, { requestTimeout: 5_000, maxRetries: 0 });
    const index = Object.keys(res)[0] ?? alias;
    this.generations.set(alias, index);
    return index;
  }

  /** The answer to a search as objects (pages, the search of every kind). */
  async search(r: SearchRequest): Promise<SearchResponseBody> {
    const found = await this.run(r);
    return 'body' in found ? found.body : (JSON.parse(found.json.toString('utf8')) as SearchResponseBody);
  }

  /** The answer to a search as JSON, ready to send (the API). */
  async searchSerialized(r: SearchRequest): Promise<SerializedAnswer> {
    const found = await this.run(r);
    return 'body' in found ? found.answer : found;
  }

  /** A cached answer, or a new one (as objects too, so a page need not parse it back). */
  private async run(r: SearchRequest): Promise<SerializedAnswer | { body: SearchResponseBody; answer: SerializedAnswer }> {
    try {
      const key = `${await this.generation(r.kind)}|${requestKey(r)}|${JSON.stringify([r.after, r.facets, r.facetNames, r.facetSize, r.exactTotal])}`;
      const cached = this.cache.get(key);
      if (cached) return cached;
      const res = await this.es.search<Record<string, unknown>>(buildSearch(r, aliasName(this.prefix, r.kind)), { requestTimeout: 15_000, maxRetries: 1 });
      const body = toSearchResponse(r, res);
      const answer: SerializedAnswer = { json: Buffer.from(JSON.stringify(body)), version: `${BOOT}-${(++this.builds).toString(36)}` };
      this.cache.set(key, answer.json, answer.version);
      return { body, answer };
    } catch (err) {
      throw this.mapError(err, r);
    }
  }

  /**
   * One text, every kind: the best few hits of each. A leading word that names a kind
   * ("committees in Fresno") is a filter here, where the request has no kind of its own:
   * the results are that kind's, read without the word; the other kinds are counted as
   * their own endpoints would answer the same q (the word searched as text), so each
   * count is what its link gives.
   */
  async searchAll(query: Record<string, unknown>, perKind: number): Promise<SearchResponseBody & { kinds: Record<string, { total: { value: number; exact: boolean }; link: string }> }> {
    const q = typeof query['q'] === 'string' ? query['q'] : '';
    const parsed = parsePlainLanguage(q);
    const named = parsed.understood.kind ?? null;
    const requests = KIND_NAMES.map((kind) =>
      kind === named
        ? parseSearchRequest(kind, { q, page_size: String(perKind), facets: 'false' }, { kindFromWords: true })
        : parseSearchRequest(kind, { q, page_size: String(perKind), facets: 'false' }),
    );
    const answers = await Promise.all(requests.map((r) => this.search(r)));
    const kinds: Record<string, { total: { value: number; exact: boolean }; link: string }> = {};
    const results: Record<string, unknown>[] = [];
    let total = 0;
    let exact = true;
    answers.forEach((a, i) => {
      const kind = KIND_NAMES[i]!;
      // The named kind's own endpoint reads q without the word that named it.
      const linkQ = kind === named ? parsed.rest : q;
      kinds[kind] = { total: a.total, link: `/api/v1/${kind}${linkQ ? `?q=${encodeURIComponent(linkQ)}` : ''}` };
      if (named !== null && kind !== named) return;
      total += a.total.value;
      exact &&= a.total.exact;
      results.push(...a.results);
    });
    const namedAnswer = named === null ? null : answers[KIND_NAMES.indexOf(named)]!;
    return {
      kind: named ?? 'contributions',
      total: { value: total, exact },
      results,
      // Buckets add up to the total: with a kind named, that kind's alone (`kinds` has all).
      facets: { kind: { label: 'Kind', filter: 'kind', buckets: KIND_NAMES.filter((k) => named === null || k === named).map((k) => ({ value: k, label: k, count: kinds[k]!.total.value })), other_count: 0, missing_count: 0 } },
      next_cursor: null,
      understood: namedAnswer ? namedAnswer.understood : { filters: {}, text: q || null, kind: null },
      sort: namedAnswer ? namedAnswer.sort : (answers[0]?.sort ?? 'relevance'),
      page_size: perKind,
      amount_sum: null,
      amount_sum_rule: null,
      kinds,
    };
  }

  /** Type-ahead over filer names (as written and in their matching form). */
  async suggestFilers(text: string, size: number): Promise<Suggestion[]> {
    const alias = aliasName(this.prefix, 'filers');
    try {
      const res = await this.es.search<Record<string, unknown>>(
        {
          index: alias,
          size: 0,
          _source: false,
          suggest: {
            by_name: { prefix: text, completion: { field: 'suggest', size, skip_duplicates: true, fuzzy: { fuzziness: text.length > 3 ? 1 : 0 } } },
            by_normalized: { prefix: normalizeName(text) || text, completion: { field: 'suggest', size, skip_duplicates: true } },
          },
          timeout: '5s',
        },
        { requestTimeout: 10_000, maxRetries: 1 },
      );
      const seen = new Map<string, Suggestion>();
      for (const group of Object.values(res.suggest ?? {})) {
        for (const entry of group) {
          const options = (entry as { options: estypes.SearchCompletionSuggestOption<Record<string, unknown>>[] }).options;
          for (const o of options) {
            const id = o._id ?? '';
            if (!id || seen.has(id)) continue;
            seen.set(id, { filer_id: id, name: o.text, type: null, link: `/api/v1/filers/${encodeURIComponent(id)}` });
          }
        }
      }
      const ids = [...seen.keys()].slice(0, size);
      if (ids.length === 0) return [];
      // The display name and type come from the documents themselves.
      const docs = await this.es.mget<Record<string, unknown>>({ index: alias, ids, _source_includes: ['name', 'type'] }, { requestTimeout: 10_000 });
      return docs.docs.map((d) => {
        const s = ('_source' in d ? d._source : undefined) ?? {};
        const base = seen.get(d._id)!;
        const type = s['type'] as { label?: string } | null | undefined;
        return { ...base, name: typeof s['name'] === 'string' ? s['name'] : base.name, type: type?.label ?? null };
      });
    } catch (err) {
      throw this.mapError(err, null);
    }
  }

  private mapError(err: unknown, r: SearchRequest | null): Error {
    if (err instanceof InvalidParameterError) return err;
    if (err instanceof errors.ConnectionError || err instanceof errors.TimeoutError || err instanceof errors.NoLivingConnectionsError) {
      return new StoreUnavailableError('elasticsearch', 'the search index is unavailable; try again shortly', { cause: err });
    }
    if (err instanceof errors.ResponseError) {
      const status = err.statusCode ?? 0;
      const body = err.body as { error?: { type?: string } | string } | undefined;
      const type = typeof body?.error === 'object' ? body.error.type : undefined;
      // A missing alias (the first thing each search reads) answers with a bare message:
      // {"error": "alias [x] missing", "status": 404}.
      const aliasMissing = typeof body?.error === 'string' && /^alias \[.*\] missing$/.test(body.error);
      if (status === 404 && (type === 'index_not_found_exception' || aliasMissing)) {
        return new StoreUnavailableError('elasticsearch', 'the search index has not been built yet (disclosure index rebuild)', { cause: err });
      }
      if (status === 429 || status >= 500) return new StoreUnavailableError('elasticsearch', 'the search index is busy; try again shortly', { cause: err });
      if (status === 400 && r?.after) return new InvalidParameterError('cursor', 'cursor does not fit this search; start again without it');
    }
    this.log.error('search failed', { kind: r?.kind, error: err instanceof Error ? err.message : String(err) });
    return err instanceof Error ? err : new Error(String(err));
  }
}
