import { Router, type Response } from 'express';
import { KIND_NAMES } from '../../indexers/kinds.js';
import { textLength } from '../../queries/param-rules.js';
import { parseSearchRequest } from '../../queries/search-request.js';
import { MAX_SUGGEST_LENGTH } from '../../queries/search-spec.js';
import { InvalidParameterError, JSON_TYPE } from '../errors.js';
import { CACHE_TTL_MS, type SearchService, type SerializedAnswer } from '../services/search-service.js';
import { boundedInt, onlyParams } from './query-params.js';

/** Answers may be cached as long as the service's own cache holds them. */
export const ANSWER_CACHE_CONTROL = `public, max-age=${CACHE_TTL_MS / 1000}`;

function cacheable(res: Response): void {
  res.setHeader('Cache-Control', ANSWER_CACHE_CONTROL);
}

/** A search's answer as the service keeps it: no serialising or hashing per request. */
function sendAnswer(res: Response, answer: SerializedAnswer): void {
  res.setHeader('ETag', `"${answer.version}"`);
  res.setHeader('Content-Type', JSON_TYPE);
  // With the ETag set, express answers 304 itself when If-None-Match matches.
  res.send(answer.json);
}

export function searchRoutes(search: SearchService): Router {
  const router = Router();

  router.get('/api/v1/search', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    onlyParams(query, ['q', 'page_size']);
    if (query['q'] !== undefined && typeof query['q'] !== 'string') throw new InvalidParameterError('q', 'q may be given once');
    const perKind = boundedInt(query, 'page_size', 5, 1, 20);
    cacheable(res);
    res.json(await search.searchAll(query, perKind));
  });

  router.get('/api/v1/filers/suggest', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    onlyParams(query, ['q', 'size']);
    const q = query['q'];
    if (typeof q !== 'string' || q.trim().length === 0 || textLength(q) > MAX_SUGGEST_LENGTH) {
      throw new InvalidParameterError('q', `q is required: the start of a filer name (at most ${MAX_SUGGEST_LENGTH} characters)`);
    }
    const size = boundedInt(query, 'size', 10, 1, 25);
    cacheable(res);
    res.json({ suggestions: await search.suggestFilers(q.trim(), size) });
  });

  for (const kind of KIND_NAMES) {
    router.get(`/api/v1/${kind}`, async (req, res) => {
      const request = parseSearchRequest(kind, req.query);
      cacheable(res);
      sendAnswer(res, await search.searchSerialized(request));
    });
  }
  return router;
}
