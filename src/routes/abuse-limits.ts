// The per-client budgets in front of every route but /health and the static assets: a
// token bucket for all requests, a stricter one for expensive requests (exports, export
// jobs, deep facets, exact totals), and a bound on expensive searches running at once.
// A request over budget is a 429 with Retry-After, as JSON on the API and a page on the
// portal (the error handlers do that).
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { TooManyRequestsError } from '../errors.js';
import { ConcurrencyLimit, TokenBuckets, clientKey } from '../services/rate-limits.js';

type Expensive = 'export' | 'search' | null;

const EXPORT_FILE = /^\/api\/v1\/[a-z_]+\.(csv|xlsx)$/;
const SEARCH = /^\/(api\/v1\/(contributions|expenditures|lobbying|filers|filings)|search)$/;

function firstValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.find((x): x is string => typeof x === 'string');
  return undefined;
}

/** What a request costs: an export, an expensive search, or an ordinary request. */
function costOf(method: string | undefined, path: string, query: Record<string, unknown>, facetSizeThreshold: number): Expensive {
  if (method === 'POST') return path === '/api/v1/exports' || path === '/exports' ? 'export' : null;
  if (EXPORT_FILE.test(path)) return 'export';
  if (!SEARCH.test(path)) return null;
  const facetSize = Number(firstValue(query['facet_size']));
  if (Number.isFinite(facetSize) && facetSize > facetSizeThreshold) return 'search';
  if (firstValue(query['exact_total']) === 'true') return 'search';
  return null;
}

type LimitSettings = Pick<Config, 'rateLimit' | 'expensiveRateLimit' | 'expensiveFacetSize' | 'maxConcurrentExpensiveSearches' | 'trustProxy'>;

/** The budgets of one app. */
export class AbuseLimits {
  private readonly all: TokenBuckets;
  private readonly expensive: TokenBuckets;
  private readonly searches: ConcurrencyLimit;

  constructor(readonly config: LimitSettings) {
    this.all = new TokenBuckets(config.rateLimit);
    this.expensive = new TokenBuckets(config.expensiveRateLimit);
    this.searches = new ConcurrencyLimit(config.maxConcurrentExpensiveSearches, 'expensive searches');
  }

  /**
   * Takes a request's share of the budgets. Null when it may go on (a place among the
   * expensive searches is given back when the response closes); else the error to answer.
   */
  private admit(clientAddress: string | undefined, kind: Expensive, res: ServerResponse): Error | null {
    const client = clientKey(clientAddress);
    let wait = this.all.take(client);
    if (wait > 0) return this.over('requests', this.config.rateLimit, wait);
    if (kind === null) return null;
    wait = this.expensive.take(client);
    if (wait > 0) {
      this.all.refund(client);
      return this.over(kind === 'export' ? 'exports' : 'expensive searches', this.config.expensiveRateLimit, wait);
    }
    if (kind === 'search') {
      let release: () => void;
      try {
        release = this.searches.acquire();
      } catch (err) {
        this.expensive.refund(client);
        this.all.refund(client);
        return err instanceof Error ? err : new Error(String(err));
      }
      // 'close' comes after 'finish', and also when the client goes away first.
      res.once('close', release);
    }
    return null;
  }

  /** The middleware in front of every route but /health and the static assets. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if (req.path === '/health' || req.path.startsWith('/assets/')) {
        next();
        return;
      }
      // Behind no proxy (the default) the socket's address is the client; X-Forwarded-For is
      // believed only for the hops TRUST_PROXY names (express's 'trust proxy' sets req.ip).
      const refused = this.admit(this.config.trustProxy > 0 ? req.ip : req.socket.remoteAddress, costOf(req.method, req.path, req.query, this.config.expensiveFacetSize), res);
      next(refused ?? undefined);
    };
  }

  private over(what: string, limit: { perMinute: number; burst: number }, wait: number): TooManyRequestsError {
    return new TooManyRequestsError(`too many ${what} from this client (at most ${limit.perMinute} a minute, ${limit.burst} at once); try again in ${wait} s`, wait);
  }
}
