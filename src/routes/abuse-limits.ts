// The per-client budgets in front of every route but /health and the static assets: a
// token bucket for all requests, a stricter one for expensive requests (exports, export
// jobs, deep facets, exact totals), and a bound on expensive searches running at once.
// A request over budget is a 429 with Retry-After, as JSON on the API and a page on the
// portal (the error handlers do that).
import type { Request, RequestHandler } from 'express';
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
export function expensiveKind(req: Request, facetSizeThreshold: number): Expensive {
  if (req.method === 'POST') return req.path === '/api/v1/exports' || req.path === '/exports' ? 'export' : null;
  if (EXPORT_FILE.test(req.path)) return 'export';
  if (!SEARCH.test(req.path)) return null;
  const q = req.query as Record<string, unknown>;
  const facetSize = Number(firstValue(q['facet_size']));
  if (Number.isFinite(facetSize) && facetSize > facetSizeThreshold) return 'search';
  if (firstValue(q['exact_total']) === 'true') return 'search';
  return null;
}

type LimitSettings = Pick<Config, 'rateLimit' | 'expensiveRateLimit' | 'expensiveFacetSize' | 'maxConcurrentExpensiveSearches' | 'trustProxy'>;

export function abuseLimits(config: LimitSettings): RequestHandler {
  const all = new TokenBuckets(config.rateLimit);
  const expensive = new TokenBuckets(config.expensiveRateLimit);
  const searches = new ConcurrencyLimit(config.maxConcurrentExpensiveSearches, 'expensive searches');
  const over = (what: string, limit: { perMinute: number; burst: number }, wait: number): TooManyRequestsError =>
    new TooManyRequestsError(`too many ${what} from this client (at most ${limit.perMinute} a minute, ${limit.burst} at once); try again in ${wait} s`, wait);

  return (req, res, next) => {
    if (req.path === '/health' || req.path.startsWith('/assets/')) {
      next();
      return;
    }
    // Behind no proxy (the default) the socket's address is the client; X-Forwarded-For is
    // believed only for the hops TRUST_PROXY names (express's 'trust proxy' sets req.ip).
    const client = clientKey(config.trustProxy > 0 ? req.ip : req.socket.remoteAddress);
    let wait = all.take(client);
    if (wait > 0) {
      next(over('requests', config.rateLimit, wait));
      return;
    }
    const kind = expensiveKind(req, config.expensiveFacetSize);
    if (kind === null) {
      next();
      return;
    }
    wait = expensive.take(client);
    if (wait > 0) {
      all.refund(client);
      next(over(kind === 'export' ? 'exports' : 'expensive searches', config.expensiveRateLimit, wait));
      return;
    }
    if (kind === 'search') {
      let release: () => void;
      try {
        release = searches.acquire();
      } catch (err) {
        expensive.refund(client);
        all.refund(client);
        next(err);
        return;
      }
      // 'close' comes after 'finish', and also when the client goes away first.
      res.once('close', release);
    }
    next();
  };
}
