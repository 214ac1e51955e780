// A search whose answer is read as bytes and parsed once. The client's own reading decodes
// the answer chunk by chunk into a growing string (an async iterator per chunk) and parses
// it with secure-json-parse, which scans the whole text again for "__proto__" and
// "constructor" after JSON.parse; for the ~30 kB answer of a search with facets that was
// more than a tenth of the API's own time per search. These answers come from our own
// indices and are read as plain data (never merged into another object), so JSON.parse
// alone is safe.
import type { Readable } from 'node:stream';
import { errors, type Client, type estypes, type TransportRequestOptions, type TransportResult } from '@elastic/elasticsearch';

/** Statuses the client itself would retry (a proxy or a node restarting). */
const RETRIED = new Set([502, 503, 504]);

function readAll(body: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    body.once('error', reject);
  });
}

/**
 * es.search with the same outcomes as the client gives (a ResponseError for a status of
 * 400 or more, after as many retries of a 502/503/504 as maxRetries allows; connection
 * errors and timeouts thrown by the client as they are), without its reading of the body.
 */
export async function searchParsedOnce<T>(
  es: Client,
  request: estypes.SearchRequest,
  options: TransportRequestOptions & { maxRetries: number },
): Promise<estypes.SearchResponse<T>> {
  for (let attempt = 0; ; attempt++) {
    const res = (await es.search(request, { ...options, asStream: true, meta: true })) as unknown as TransportResult<Readable>;
    const bytes = await readAll(res.body);
    const isJson = /json/.test(String(res.headers['content-type'] ?? ''));
    const body: unknown = isJson && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : bytes.toString('utf8');
    if (res.statusCode < 400) return body as estypes.SearchResponse<T>;
    if (RETRIED.has(res.statusCode) && attempt < options.maxRetries) continue;
    throw new errors.ResponseError({ ...res, body });
  }
}
