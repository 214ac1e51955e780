// The search endpoints of each kind (GET /api/v1/contributions, ...), answered without
// express in their common case.
//
// Why: these are the requests that carry the load, and at 1 client express's own work per
// request (its request and response prototypes, the router's walk, res.send) was 0.2-0.5 ms
// of the ~1.4 ms the API added to Elasticsearch's time (search bench, and the service
// served with and without express, same requests, same run).
//
// What it takes: a GET of exactly /api/v1/<kind> whose parameters are valid, with no
// conditional headers (If-None-Match, If-Modified-Since) and no proxy to trust. It answers
// as the express route does: the same parse of the query string (node's querystring, as
// express's 'simple' parser), the same budgets (AbuseLimits), the same service, headers
// and error bodies. Anything else goes to express untouched: HEAD, conditional requests,
// other paths and spellings, and invalid parameters (express answers the 400; nothing has
// been taken from the budgets by then).
import type { IncomingMessage, ServerResponse } from 'node:http';
import querystring from 'node:querystring';
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { parseSearchRequest, type SearchRequest } from '../../queries/search-request.js';
import { answerError, JSON_TYPE } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SearchService } from '../services/search-service.js';
import { costOf, type AbuseLimits } from './abuse-limits.js';
import { ANSWER_CACHE_CONTROL } from './search-routes.js';

/** Takes a request and answers it, or says false and leaves it alone. */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export function searchFastPath(search: SearchService, limits: AbuseLimits, log: Logger): FastPath {
  const kinds = new Map<string, KindName>(KIND_NAMES.map((k) => [`/api/v1/${k}`, k]));
  const trustsProxy = limits.config.trustProxy > 0;
  return (req, res) => {
    if (req.method !== 'GET' || trustsProxy) return false;
    if (req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) return false;
    const url = req.url ?? '';
    const qi = url.indexOf('?');
    const path = qi < 0 ? url : url.slice(0, qi);
    const kind = kinds.get(path);
    if (!kind) return false;
    const query = qi < 0 ? {} : (querystring.parse(url.slice(qi + 1)) as Record<string, unknown>);
    let request: SearchRequest;
    try {
      request = parseSearchRequest(kind, query);
    } catch {
      return false;
    }
    const refused = limits.admit(req.socket.remoteAddress, costOf(req.method, path, query, limits.config.expensiveFacetSize), res);
    if (refused) {
      answerError(refused, res, log, { method: 'GET', path });
      return true;
    }
    search.searchSerialized(request).then(
      (answer) => {
        res.writeHead(200, {
          'Cache-Control': ANSWER_CACHE_CONTROL,
          ETag: `"${answer.version}"`,
          'Content-Type': JSON_TYPE,
          'Content-Length': answer.json.length,
        });
        res.end(answer.json);
      },
      (err: unknown) => answerError(err, res, log, { method: 'GET', path }),
    );
    return true;
  };
}
