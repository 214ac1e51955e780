// Bad input, generated: query strings and parameter combinations a crawler, a careless
// script or an attacker would send, against every route of the OpenAPI document and every
// portal page, deterministic by seed. Each answer is checked: no 5xx, nothing slower than
// the timeout, every 4xx an error a client can read (JSON with a code and a message on
// the API, an HTML page on the portal), never a stack trace.
// Used by test/reliability/fuzz.ts (the script, thousands of requests) and by
// test/integration/fuzz.test.ts (the quick version in the test suite).
import http from 'node:http';
import { buildOpenApi } from '../../src/routes/openapi.js';
import { isApiPath } from '../../src/routes/portal-routes.js';

// ------------------------------------------------------------------ randomness

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ------------------------------------------------------------------ the values

/** Values that are not what any parameter wants, by family. Raw ones are sent unencoded. */
const HOSTILE: Record<string, readonly string[]> = {
  huge_numbers: ['9'.repeat(400), '1e309', '-1e309', '9007199254740993', '18446744073709551616', 'Infinity', '-Infinity', 'NaN', '1e-400', '0x7fffffff', '1_000', '٣', '１２３'],
  negative: ['-1', '-0', '-50', '-2147483649', '-0.0001', '−5'],
  odd_numbers: ['0', '1.5', ' 5', '5 ', '+5', '05', '5e1', '1,000', '$500', '5.', '.5', '100000000000000000000000000000.00'],
  unicode: [
    '😀😀😀',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    'مرحبا بالعالم',
    'abc\u202Edcba',
    '\u202Bשלום\u202C',
    'e\u0301\u0301\u0301\u0301\u0301\u0301',
    'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
    '\u200B\u200C\u200D\uFEFF',
    'ﬁancé Ǆ ß İ ı',
    '𠜎𠜱𠝹𠱓',
    '\uFFFD\uFFFF',
    'Ⓐⓑⓒ ①②③',
    'Newsom\u00A0Gavin',
  ],
  control: ['\0', 'a\0b', '\x01\x02\x03', '\x1b[31mred\x1b[0m', '\r\nSet-Cookie: x=1', '\t\t', '\x7f', '\b\f\v', 'line1\nline2'],
  query_syntax: [
    '*',
    '?',
    'name:*',
    'a AND (b OR',
    '"unterminated',
    '\\',
    '/regex[/',
    'a~10',
    'a^1000',
    '[1 TO *]',
    '{!lucene}x',
    '_exists_:amount',
    'a && b || !c',
    '+-&&||!(){}[]^"~*?:\\/',
    'amount:>1000000',
    '*:*',
    'q=*&size=10000',
    '((((((((((((((((((((a))))))))))))))))))))',
    'a'.repeat(50) + '~' + '9'.repeat(20),
    '"a" OR "b" OR "c" OR "d" OR "e" OR "f" OR "g" OR "h" OR "i" OR "j" OR "k" OR "l" OR "m"',
  ],
  json: ['{"a":1}', '[', ']', '{"$where":"1"}', 'null', 'true', '[1,2,3]', '{"__proto__":{"x":1}}', '{"query":{"match_all":{}}}', '"\\u0000"'],
  sql: ["' OR 1=1 --", "1; DROP TABLE filings; --", "%' AND pg_sleep(10) --", '$1', "E'\\x00'", "1' UNION SELECT * FROM pg_user --", '; COPY filings TO PROGRAM \'id\'', "'||(SELECT version())||'"],
  markup: ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)", '{{7*7}}', '${7*7}', '%00', '../../../etc/passwd', '..%2f..%2f', 'C:\\Windows\\win.ini'],
  dates: ['2018-02-30', '0000-00-00', '9999-12-31', '2018-13-01', '1899-12-31', '2018/01/01', '01/01/2018', '2018-1-1', 'yesterday', '2018-01-01T00:00:00Z'],
  booleans: ['TRUE', 'yes', '1', '0', 'on', 'off', 'True', 'null', 'undefined'],
  empty: ['', ' ', '   ', '+', '%20'],
};

/** Percent-sequences that are not UTF-8 or not percent-encoding at all: sent as they are. */
const RAW: readonly string[] = ['%', '%zz', '%C0%AF', '%FF%FE', '%ED%A0%80', '%E2%82', '%%', '%u0041', '%00%00', 'a%2', '%F0%9F%98'];

const UNKNOWN_NAMES: readonly string[] = ['zzz', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'q[]', 'q[a]', 'a.b', 'PAGE_SIZE', 'Q', 'size', 'from', 'limit', 'offset', 'page', '', '=', '😀', 'format', 'kind', 'callback', 'sort[]'];

function longString(rng: Rng): string {
  // Half short enough in bytes to pass the HTTP parser's 16 KB and reach a route; the rest
  // up to 100k characters (the server answers those 431 itself).
  if (rng.chance(0.5)) return rng.pick(['a', 'teacher ', 'Z9']).repeat(8_000).slice(0, rng.int(10_000, 14_000));
  const n = rng.int(10_000, 100_000);
  const unit = rng.pick(['a', 'é', '😀', 'teacher ', '%', '"(', ' OR a', '\\']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

interface Schema {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
}

export interface Param {
  name: string;
  in: string;
  schema?: Schema & { items?: Schema };
}

/** A value the parameter could legitimately take (so that combinations get past the first check). */
function plausible(rng: Rng, p: Param, known: KnownValues): string {
  const s = p.schema?.type === 'array' ? p.schema.items ?? {} : p.schema ?? {};
  if (p.name === 'cursor' && known.cursors.length > 0) return rng.pick(known.cursors);
  if ('enum' in s && s.enum && s.enum.length > 0) return rng.pick(s.enum);
  switch (s.type) {
    case 'integer':
      return String(rng.int(s.minimum ?? 0, Math.min(s.maximum ?? 3000, 3000)));
    case 'number':
      return String(rng.pick([0, 1, 100, 500, 1000.5, 250000]));
    case 'boolean':
      return rng.pick(['true', 'false']);
    default:
      if (s.format === 'date') return rng.pick(['2018-01-01', '2020-06-30', '2001-09-11']);
      if (p.name.includes('state')) return rng.pick(['CA', 'ny', 'ZZ']);
      if (p.name.includes('zip')) return rng.pick(['94110', '90210-1234', '00000']);
      return rng.pick(['teacher', 'Smith', 'Newsom', 'Fresno', 'contributions from teachers in Fresno over $500 in 2018', 'Los Angeles', 'a', 'Inc', ...known.words]);
  }
}

function hostile(rng: Rng, known: KnownValues): { value: string; raw: boolean } {
  const r = rng.next();
  if (r < 0.06) return { value: longString(rng), raw: false };
  if (r < 0.14) return { value: rng.pick(RAW), raw: true };
  if (r < 0.2) return { value: badCursor(rng, known), raw: false };
  if (r < 0.23) return { value: '\uD800x\uDFFF', raw: false }; // lone surrogates: not UTF-8 encodable
  const family = rng.pick(Object.keys(HOSTILE));
  return { value: rng.pick(HOSTILE[family]!), raw: false };
}

function badCursor(rng: Rng, known: KnownValues): string {
  const base = known.cursors.length > 0 ? rng.pick(known.cursors) : 'eyJhIjoxfQ';
  switch (rng.int(0, 6)) {
    case 0:
      return base.slice(0, Math.max(1, Math.floor(base.length / 2)));
    case 1:
      return base + 'A';
    case 2:
      return base.split('').reverse().join('');
    case 3:
      return Buffer.from(JSON.stringify(rng.pick([[1e308, 'x'], { after: ['\u0000'] }, [null], ['a'.repeat(5000)], 'nope', { sort: [[[[]]]] }]))).toString('base64url');
    case 4:
      return Buffer.from(rng.pick(['not json', '[', '{"k":"contributions","a":[1,2,3,4,5,6,7,8,9]}'])).toString('base64');
    case 5:
      return '!!!not-base64!!!';
    default:
      return base.replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A'));
  }
}

const BAD_IDS: readonly string[] = ['0', '-1', '99999999999999999999', '1e5', 'abc', ' ', '..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%00', '😀', 'a;b', "1'--", '<x>', '1.0', '0x1F', 'C00800', 'x'.repeat(300), '%E2%80%AE1', 'null', 'undefined', '__proto__'];

// ------------------------------------------------------------------ the requests

export interface KnownValues {
  filerIds: string[];
  filingIds: string[];
  jobIds: string[];
  bulkFiles: string[];
  cursors: string[];
  words: string[];
}

export interface Endpoint {
  /** As documented: /api/v1/filers/{id}. */
  template: string;
  method: 'GET' | 'POST';
  params: Param[];
  /** An HTML page of the portal (errors as pages), or the JSON API. */
  page: boolean;
}

/** Every route: the OpenAPI document's paths, and the portal's pages. */
export function endpoints(): Endpoint[] {
  const doc = buildOpenApi() as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
  const list: Endpoint[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method !== 'get' && method !== 'post') continue;
      list.push({ template, method: method.toUpperCase() as 'GET' | 'POST', params: (op.parameters ?? []).filter((p) => p.in === 'query'), page: false });
    }
  }
  // The portal's pages take the API's search parameters plus kind (see src/portal/search-state.ts).
  const searchParams = list.find((e) => e.template === '/api/v1/contributions')?.params ?? [];
  const kind: Param = { name: 'kind', in: 'query', schema: { type: 'string', enum: ['contributions', 'expenditures', 'lobbying', 'filers', 'filings'] } };
  const pages: [string, 'GET' | 'POST', Param[]][] = [
    ['/', 'GET', [{ name: 'q', in: 'query', schema: { type: 'string' } }]],
    ['/search', 'GET', [kind, ...searchParams]],
    ['/filers/{id}', 'GET', []],
    ['/filings/{id}', 'GET', [{ name: 'amendment', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 20 } }]],
    ['/data', 'GET', []],
    ['/docs/api', 'GET', []],
    ['/exports/{id}', 'GET', [{ name: 'from', in: 'query', schema: { type: 'string' } }]],
    ['/exports', 'POST', []],
  ];
  for (const [template, method, params] of pages) list.push({ template, method, params, page: true });
  return list;
}

export interface FuzzRequest {
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  /** Path and query, encoded as sent. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function enc(value: string, raw: boolean, rng: Rng): string {
  // Raw only where an HTTP client would send it at all: printable ASCII, no space.
  if (raw && /^[\x21-\x7e]*$/.test(value)) return value;
  try {
    const e = encodeURIComponent(value);
    return rng.chance(0.1) ? e.replace(/%20/g, '+') : e;
  } catch {
    // A lone surrogate cannot be UTF-8: send the bytes a careless client would.
    return '%ED%A0%80x%ED%BF%BF';
  }
}

function idFor(rng: Rng, template: string, known: KnownValues): { value: string; raw: boolean } {
  if (rng.chance(0.45)) {
    const pool = template.includes('/filers/') ? known.filerIds : template.includes('/filings/') ? known.filingIds : template.includes('/bulk/') ? known.bulkFiles : known.jobIds;
    if (pool.length > 0) return { value: rng.pick(pool), raw: false };
  }
  if (rng.chance(0.15)) return { value: rng.pick(RAW), raw: true };
  if (rng.chance(0.1)) return { value: '00000000-0000-0000-0000-000000000000', raw: false };
  return { value: rng.pick(BAD_IDS), raw: rng.chance(0.3) };
}

function postBody(rng: Rng, e: Endpoint, known: KnownValues): { body: Buffer; type: string } {
  if (e.page) {
    // The portal's export form: kind, format, params (a query string).
    const fields: [string, string][] = [];
    if (rng.chance(0.8)) fields.push(['kind', rng.chance(0.6) ? rng.pick(['contributions', 'filers', 'lobbying']) : hostile(rng, known).value]);
    if (rng.chance(0.7)) fields.push(['format', rng.chance(0.6) ? rng.pick(['csv', 'xlsx']) : hostile(rng, known).value]);
    if (rng.chance(0.7)) fields.push(['params', rng.chance(0.5) ? `q=${rng.pick(['teacher', '%', 'a'.repeat(400)])}&min_amount=${rng.pick(['5', '-1', 'x'])}` : hostile(rng, known).value]);
    if (rng.chance(0.2)) for (let i = 0; i < rng.int(1, 40); i++) fields.push([rng.pick(UNKNOWN_NAMES) || 'x', 'y']);
    let text = fields.map(([k, v]) => `${enc(k, false, rng)}=${enc(v, false, rng)}`).join('&');
    if (rng.chance(0.05)) text = 'x='.padEnd(40_000, 'y');
    if (rng.chance(0.05)) text = rng.pick(RAW);
    return { body: Buffer.from(text), type: rng.chance(0.9) ? 'application/x-www-form-urlencoded' : rng.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x']) };
  }
  const r = rng.next();
  let text: string;
  if (r < 0.15) text = rng.pick(['{', '[', '{"kind":', 'null', '"str"', '42', '{"kind":"contributions",}', '\u0000', '']);
  else if (r < 0.2) text = JSON.stringify({ kind: 'contributions', params: { q: 'a'.repeat(40_000) } });
  else if (r < 0.25) text = '['.repeat(5000) + ']'.repeat(5000);
  else {
    const body: Record<string, unknown> = {};
    if (rng.chance(0.8)) body['kind'] = rng.chance(0.6) ? rng.pick(['contributions', 'expenditures', 'filings']) : rng.pick([hostile(rng, known).value, 5, null, ['contributions'], { a: 1 }]);
    if (rng.chance(0.6)) body['format'] = rng.chance(0.6) ? rng.pick(['csv', 'xlsx']) : rng.pick([hostile(rng, known).value, 1, true, null]);
    if (rng.chance(0.7)) {
      const params: Record<string, unknown> = {};
      const searchParams = endpoints().find((x) => x.template === '/api/v1/contributions')!.params;
      for (let i = rng.int(0, 5); i > 0; i--) {
        const p = rng.pick(searchParams);
        params[rng.chance(0.1) ? rng.pick(UNKNOWN_NAMES) : p.name] = rng.pick<unknown>([plausible(rng, p, known), hostile(rng, known).value, -1, 1e308, null, [1, 2], { $gt: 1 }, ['a', 'b']]);
      }
      body['params'] = rng.chance(0.9) ? params : rng.pick<unknown>(['q=x', [params], 7]);
    }
    if (rng.chance(0.1)) body[rng.pick(UNKNOWN_NAMES)] = 'x';
    text = JSON.stringify(body);
  }
  return { body: Buffer.from(text), type: rng.chance(0.9) ? 'application/json' : rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml']) };
}

/** The request number i of a run: the same seed gives the same requests. */
export function generateRequests(seed: number, count: number, known: KnownValues): FuzzRequest[] {
  const rng = new Rng(seed);
  const all = endpoints();
  const out: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const endpoint = rng.pick(all);
    let path = endpoint.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const id = idFor(rng, endpoint.template, known);
      return name === 'file' && !id.raw ? enc(id.value, false, rng) : enc(id.value, id.raw, rng);
    });
    if (rng.chance(0.02)) path += rng.pick(['/', '//', '/extra', '.json', '%2F', '/..']);
    const pairs: string[] = [];
    const n = rng.chance(0.15) ? 0 : rng.int(1, 7);
    for (let j = 0; j < n; j++) {
      const documented = endpoint.params.length > 0 && rng.chance(0.8);
      const p: Param = documented ? rng.pick(endpoint.params) : { name: rng.pick(UNKNOWN_NAMES), in: 'query' };
      const v = rng.chance(0.35) ? { value: plausible(rng, p, known), raw: false } : hostile(rng, known);
      const name = rng.chance(0.03) ? p.name + '[]' : p.name;
      const repeats = rng.chance(0.12) ? rng.int(2, rng.chance(0.2) ? 300 : 4) : 1;
      for (let k = 0; k < repeats; k++) pairs.push(`${enc(name, false, rng)}=${enc(k === 0 ? v.value : plausible(rng, p, known), v.raw, rng)}`);
    }
    if (rng.chance(0.03)) pairs.push(rng.pick(['&&&', '=', 'q', 'q=', '=x', '&q=a=b=c']));
    const url = pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
    const headers: Record<string, string> = {};
    if (rng.chance(0.1)) headers['Accept'] = rng.pick(['application/xml', 'text/csv', '*/*', 'image/png', '']);
    if (rng.chance(0.05)) headers['Range'] = rng.pick(['bytes=0-10', 'bytes=-5', 'bytes=999999999-', 'bytes=a-b', 'bytes=0-1,2-3,4-5,6-7']);
    if (rng.chance(0.05)) headers['If-None-Match'] = rng.pick(['*', '"x"', 'W/"y"']);
    const req: FuzzRequest = { endpoint, method: endpoint.method, url, headers };
    if (endpoint.method === 'POST') {
      const { body, type } = postBody(rng, endpoint, known);
      req.body = body;
      req.headers['Content-Type'] = type;
    }
    out.push(req);
  }
  return out;
}

// ------------------------------------------------------------------ sending and checking

export interface FuzzResult {
  request: FuzzRequest;
  status: number;
  ms: number;
  contentType: string;
  body: string;
  retryAfter: string | undefined;
  /** The request could not be completed (reset, timeout): a violation. */
  failure?: string;
}

const MAX_BODY = 256 * 1024;

/** One request, over a fresh connection; a response body is read up to MAX_BODY. */
export function send(base: URL, r: FuzzRequest, timeoutMs: number): Promise<FuzzResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (res: Omit<FuzzResult, 'request' | 'ms'>): void => {
      if (done) return;
      done = true;
      resolve({ request: r, ms: performance.now() - started, ...res });
    };
    const req = http.request(
      { host: base.hostname, port: base.port, method: r.method, path: r.url, headers: { ...r.headers, ...(r.body ? { 'Content-Length': String(r.body.length) } : {}) }, agent: false, insecureHTTPParser: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const end = (): void =>
          finish({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            retryAfter: res.headers['retry-after'],
          });
        res.on('data', (c: Buffer) => {
          if (size < MAX_BODY) chunks.push(c);
          size += c.length;
          // A download the fuzz does not need in full: the status and the start are enough.
          if (size >= MAX_BODY) {
            end();
            res.destroy();
          }
        });
        res.on('end', end);
        res.on('error', end);
        res.on('close', end);
      },
    );
    req.setTimeout(timeoutMs, () => {
      finish({ status: 0, contentType: '', body: '', retryAfter: undefined, failure: `no answer within ${timeoutMs} ms` });
      req.destroy();
    });
    req.on('error', (err) => finish({ status: 0, contentType: '', body: '', retryAfter: undefined, failure: `request failed: ${err.message}` }));
    req.end(r.body);
  });
}

/** What a stack trace or a leaked source path looks like in an answer. */
const STACK = /\n\s+at [^\n]+[(\s][^\n]*:\d+:\d+|node:internal|\/dist\/(src|test)\/|file:\/\/\//;

export function violations(res: FuzzResult, timeoutMs: number): string[] {
  const v: string[] = [];
  // JSON or a page by the path as sent (/health.json is a page's 404, as isApiPath says).
  const api = isApiPath(res.request.url.split('?')[0]!);
  if (res.failure) return [res.failure];
  if (res.status >= 500) v.push(`status ${res.status}`);
  if (res.ms > timeoutMs) v.push(`answered in ${Math.round(res.ms)} ms, over the ${timeoutMs} ms timeout`);
  if (STACK.test(res.body)) v.push('a stack trace or source path in the answer');
  if (res.status >= 400 && res.status < 500) {
    // A request the HTTP parser refused (headers too large) never reached a route: its
    // answer is JSON whatever the path.
    const json = api || res.status === 431;
    if (json) {
      if (!/application\/json/.test(res.contentType)) v.push(`${res.status} with Content-Type ${JSON.stringify(res.contentType)}, not JSON`);
      else {
        try {
          const b = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
          if (typeof b.error?.code !== 'string' || typeof b.error.message !== 'string') v.push(`${res.status} body without error.code and error.message`);
        } catch {
          v.push(`${res.status} body is not JSON`);
        }
      }
    } else if (!/text\/html/.test(res.contentType)) v.push(`${res.status} page with Content-Type ${JSON.stringify(res.contentType)}, not HTML`);
    else if (!/<html/i.test(res.body)) v.push(`${res.status} page without an HTML document`);
    if (res.status === 429 && !/^\d+$/.test(res.retryAfter ?? '')) v.push('429 without Retry-After');
  }
  if (api && res.status >= 200 && res.status < 300 && /json/.test(res.contentType) && res.body.length < MAX_BODY) {
    try {
      JSON.parse(res.body);
    } catch {
      v.push('2xx JSON answer that does not parse');
    }
  }
  return v;
}

export interface FuzzReport {
  requests: number;
  byStatus: Map<number, number>;
  byEndpoint: Map<string, Map<number, number>>;
  slowest: FuzzResult[];
  failures: { result: FuzzResult; problems: string[] }[];
  seconds: number;
}

/** Sends the requests with a few at a time and checks every answer. */
export async function runFuzz(base: URL, requests: FuzzRequest[], opts: { timeoutMs: number; concurrency: number; onProgress?: (done: number) => void }): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = { requests: requests.length, byStatus: new Map(), byEndpoint: new Map(), slowest: [], failures: [], seconds: 0 };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const r = requests[i]!;
      // The client waits a little longer than the server's own timeout, so a hang shows as one.
      const res = await send(base, r, opts.timeoutMs + 5_000);
      report.byStatus.set(res.status, (report.byStatus.get(res.status) ?? 0) + 1);
      const key = `${r.method} ${r.endpoint.template}`;
      const m = report.byEndpoint.get(key) ?? new Map<number, number>();
      m.set(res.status, (m.get(res.status) ?? 0) + 1);
      report.byEndpoint.set(key, m);
      report.slowest.push(res);
      report.slowest.sort((a, b) => b.ms - a.ms);
      report.slowest.length = Math.min(report.slowest.length, 5);
      const problems = violations(res, opts.timeoutMs);
      if (problems.length > 0) report.failures.push({ result: { ...res, body: res.body.slice(0, 500) }, problems });
      done++;
      opts.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export const shortUrl = (r: FuzzRequest): string => {
  const u = `${r.method} ${r.url}`;
  return u.length > 160 ? `${u.slice(0, 160)}... (${u.length} chars)` : u;
};

export function formatReport(report: FuzzReport): string {
  const lines: string[] = [];
  lines.push(`${report.requests} requests in ${report.seconds.toFixed(1)} s`);
  lines.push(`by status: ${[...report.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s === 0 ? 'no answer' : s}: ${n}`).join(', ')}`);
  lines.push('by endpoint:');
  for (const [k, m] of [...report.byEndpoint.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${k.padEnd(40)} ${[...m.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`).join(' ')}`);
  }
  lines.push('slowest:');
  for (const s of report.slowest) lines.push(`  ${Math.round(s.ms)} ms  ${s.status}  ${shortUrl(s.request)}`);
  lines.push(`violations: ${report.failures.length}`);
  for (const f of report.failures.slice(0, 40)) lines.push(`  ${f.problems.join('; ')}: ${f.result.status} ${shortUrl(f.result.request)}\n    ${f.result.body.slice(0, 200).replace(/\s+/g, ' ')}`);
  return lines.join('\n');
}

/** Ids, a cursor and words the fuzz can use to get past the first checks, read from the API. */
export async function discoverKnownValues(base: URL): Promise<KnownValues> {
  const known: KnownValues = { filerIds: [], filingIds: [], jobIds: [], bulkFiles: [], cursors: [], words: [] };
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(new URL(path, base));
    return res.ok ? res.json() : null;
  };
  for (const kind of ['contributions', 'filers', 'filings']) {
    const b = (await get(`/api/v1/${kind}?page_size=25`)) as { results?: { links?: Record<string, string | null> }[]; next_cursor?: string | null } | null;
    for (const r of b?.results ?? []) {
      const filer = r.links?.['filer'];
      const filing = r.links?.['filing'];
      if (filer) known.filerIds.push(decodeURIComponent(filer.split('/').pop()!.split('?')[0]!));
      if (filing) known.filingIds.push(filing.split('/').pop()!.split('?')[0]!);
    }
    if (b?.next_cursor) known.cursors.push(b.next_cursor);
  }
  const bulk = (await get('/api/v1/bulk')) as { files?: { file: string }[] } | null;
  known.bulkFiles.push(...(bulk?.files ?? []).map((f) => f.file));
  known.filerIds = [...new Set(known.filerIds)].slice(0, 30);
  known.filingIds = [...new Set(known.filingIds)].slice(0, 30);
  return known;
}

/**
 * After the run, every export slot is free again (the 429s of the run were the bound at
 * work, not slots lost to abandoned downloads): a small export answers 200 within 15 s.
 */
export async function exportSlotsFree(base: URL): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await fetch(new URL('/api/v1/filers.csv?state=ZZ', base));
    await res.arrayBuffer();
    if (res.status === 200) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
