// A search request as the API receives it (query-string parameters) -> a validated,
// typed request. Every parameter is checked; a bad one is an InvalidParameterError that
// names it and says what is allowed. Free text is never an error: what the plain-
// language reader does not understand is searched as text.
import { createHash } from 'node:crypto';
import type { KindName } from '../indexers/kinds.js';
import { InvalidParameterError } from '../src/errors.js';
import { checkParams, textLength } from './param-rules.js';
import { parsePlainLanguage, type Understood } from './plain-language.js';
import { COMMON_PARAMS, DEFAULT_PAGE_SIZE, MAX_AMOUNT, MAX_INTEGER, MAX_PAGE_SIZE, MAX_TEXT_LENGTH, MIN_AMOUNT, REPEATABLE_TYPES, SEARCH_SPECS, type FilterDef, type SortName } from './search-spec.js';

export type FilterValue = string | number | boolean | (string | number)[];

export interface SearchRequest {
  kind: KindName;
  /** The text as given. */
  q: string | null;
  /** What the text was read as, and what was left to search as text. */
  understood: { filters: Record<string, string | number>; text: string | null; kind: Understood['kind'] | null };
  /** Filters to apply: given explicitly, or read from q (an explicit one wins). */
  filters: Record<string, FilterValue>;
  sort: SortName;
  pageSize: number;
  /** search_after values decoded from the cursor */
  after: (string | number | null)[] | null;
  exactTotal: boolean;
  facets: boolean;
  /** The facets asked for by name (facets=year,state), in the kind's order; null: all of them. */
  facetNames: readonly string[] | null;
  facetSize: number;
  versions: 'current' | 'all';
}

type RawQuery = Record<string, unknown>;

/** A parameter given once, or undefined. Given, it has a value (q aside: no text is no text). */
function single(query: RawQuery, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw new InvalidParameterError(name, `${name} may be given once`);
  if (typeof v !== 'string') throw new InvalidParameterError(name, `${name} must be a plain value`);
  if (textLength(v) > MAX_TEXT_LENGTH) throw new InvalidParameterError(name, `${name} is longer than ${MAX_TEXT_LENGTH} characters`);
  if (name !== 'q' && v.trim() === '') throw emptyError(name);
  return v;
}

/** An empty parameter is an error, not a filter left out: date_from= must not mean every row. */
function emptyError(name: string): InvalidParameterError {
  return new InvalidParameterError(name, `${name} is empty: give it a value, or leave ${name} out`);
}

function many(query: RawQuery, name: string): string[] {
  const v = query[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  if (list.length > 50) throw new InvalidParameterError(name, `${name} may be given at most 50 times`);
  const values = list.flatMap((x) => {
    if (typeof x !== 'string') throw new InvalidParameterError(name, `${name} must be a plain value`);
    if (textLength(x) > MAX_TEXT_LENGTH) throw new InvalidParameterError(name, `${name} is longer than ${MAX_TEXT_LENGTH} characters`);
    // "a,b" is the same as repeating the parameter.
    return x.split(',').map((s) => s.trim()).filter(Boolean);
  });
  if (values.length === 0) throw emptyError(name);
  return values;
}

/** Text as searched: the control characters are refused already (checkParams), spacing is tidied. */
function cleanText(v: string): string {
  return v.replace(/\s+/g, ' ').trim();
}

/** A number as people and programs write it: 1500, 1,500.00, $1500, -20, 1.5e3 (a JSON number). */
function parseNumber(name: string, v: string, min: number, max: number): number {
  const s = v.trim().replace(/[$,]/g, '');
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) throw new InvalidParameterError(name, `${name} must be a number (got ${JSON.stringify(v.slice(0, 40))})`);
  const n = Number(s);
  if (!(n >= min && n <= max)) throw new InvalidParameterError(name, `${name} must be from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got ${JSON.stringify(v.slice(0, 40))})`);
  return n;
}

function parseInt10(name: string, v: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(v.trim())) throw new InvalidParameterError(name, `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`);
  const n = Number(v.trim());
  if (n < min || n > max) throw new InvalidParameterError(name, `${name} must be from ${min} to ${max}`);
  return n;
}

function parseDay(name: string, v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1 || Number(m[1]) < 1900 || Number(m[1]) > 2100) {
    throw new InvalidParameterError(name, `${name} must be a date YYYY-MM-DD from 1900 to 2100 (got ${JSON.stringify(v)})`);
  }
  return m[0];
}

function parseBool(name: string, v: string): boolean {
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(s)) return true;
  if (['false', '0', 'no'].includes(s)) return false;
  throw new InvalidParameterError(name, `${name} must be true or false`);
}

function parseFilter(def: FilterDef, query: RawQuery): FilterValue | undefined {
  const p = def.param;
  if (REPEATABLE_TYPES.has(def.type)) {
    const values = many(query, p);
    if (values.length === 0) return undefined;
    switch (def.type) {
      case 'code': {
        const codes = values.map((v) => cleanText(v).toUpperCase());
        if (def.values) for (const c of codes) if (!def.values.includes(c)) throw new InvalidParameterError(p, `${p} must be one of ${def.values.join(', ')}`);
        return codes;
      }
      case 'state':
        return values.map((v) => {
          if (!/^[A-Za-z]{2}$/.test(v)) throw new InvalidParameterError(p, `${p} must be a two-letter state code (got ${JSON.stringify(v)})`);
          return v.toUpperCase();
        });
      case 'year':
        return values.map((v) => parseInt10(p, v, 1900, 2100));
      default:
        return values.map((v) => parseInt10(p, v, 0, MAX_INTEGER));
    }
  }
  const v = single(query, p);
  if (v === undefined) return undefined;
  switch (def.type) {
    case 'name':
    case 'filer':
    case 'text':
    case 'facet':
      return cleanText(v);
    case 'zip':
      if (!/^\d{5}(-\d{4})?$/.test(v.trim())) throw new InvalidParameterError(p, `${p} must be a five-digit ZIP code`);
      return v.trim().slice(0, 5);
    case 'min_amount':
    case 'max_amount':
      return parseNumber(p, v, MIN_AMOUNT, MAX_AMOUNT);
    case 'date_from':
    case 'date_to':
      return parseDay(p, v);
    case 'boolean':
      return parseBool(p, v);
    default:
      return cleanText(v);
  }
}

/**
 * The bounds of a range given as two parameters hold together: a minimum above the maximum
 * is a mistake to say, not a search that finds nothing. Only explicit parameters: what q
 * reads as filters is never an error, and an explicit one replaces it.
 */
function checkRanges(filters: Record<string, FilterValue>): void {
  const min = filters['min_amount'];
  const max = filters['max_amount'];
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    throw new InvalidParameterError('min_amount', `min_amount (${min}) is above max_amount (${max}): the amount range is empty`);
  }
  const from = filters['date_from'];
  const to = filters['date_to'];
  if (typeof from === 'string' && typeof to === 'string' && from > to) {
    throw new InvalidParameterError('date_from', `date_from (${from}) is after date_to (${to}): the date range is empty`);
  }
}

export interface ParseRequestOptions {
  /**
   * The request has no kind of its own (/api/v1/search, the portal's /search without
   * `kind`): a leading word of q that names a kind is read as the kind, not searched.
   * Otherwise (an endpoint of a kind, or a chosen kind) every word of q stays words.
   */
  kindFromWords?: boolean;
}

export function parseSearchRequest(kind: KindName, query: RawQuery, opts: ParseRequestOptions = {}): SearchRequest {
  checkParams(query);
  const spec = SEARCH_SPECS[kind];
  const known = new Set<string>([...COMMON_PARAMS, ...spec.filters.map((f) => f.param)]);
  for (const name of Object.keys(query)) {
    if (!known.has(name)) {
      throw new InvalidParameterError(name, `unknown parameter ${JSON.stringify(name.slice(0, 60))}; this endpoint takes ${[...known].join(', ')}`);
    }
  }
  const filters: Record<string, FilterValue> = {};
  for (const def of spec.filters) {
    const v = parseFilter(def, query);
    if (v !== undefined) filters[def.param] = v;
  }
  checkRanges(filters);
  const qRaw = single(query, 'q');
  const q = qRaw === undefined ? null : cleanText(qRaw);
  let understood: SearchRequest['understood'] = { filters: {}, text: q && q.length > 0 ? q : null, kind: null };
  if (q && q.length > 0) {
    const parsed = parsePlainLanguage(q, { readKind: opts.kindFromWords === true });
    const read = spec.fromText(parsed.understood);
    // What the text says for a filter the kind does not have stays text.
    const extra = Object.entries(parsed.understood)
      .filter(([k]) => k !== 'kind' && !Object.values(read).includes(parsed.understood[k as keyof Understood] as string | number))
      .map(([, v]) => String(v));
    understood = { filters: read, text: [parsed.text, ...extra].filter(Boolean).join(' ') || null, kind: parsed.understood.kind ?? null };
    for (const [k, v] of Object.entries(read)) {
      if (filters[k] !== undefined) continue; // an explicit filter wins
      const def = spec.filters.find((f) => f.param === k)!;
      filters[k] = REPEATABLE_TYPES.has(def.type) ? [typeof v === 'string' && def.type !== 'year' && def.type !== 'integer' ? v.toUpperCase() : v] : v;
    }
  }
  const sortRaw = single(query, 'sort') ?? 'relevance';
  if (!(spec.sorts as readonly string[]).includes(sortRaw)) throw new InvalidParameterError('sort', `sort must be one of ${spec.sorts.join(', ')}`);
  const pageSizeRaw = single(query, 'page_size');
  const pageSize = pageSizeRaw === undefined ? DEFAULT_PAGE_SIZE : parseInt10('page_size', pageSizeRaw, 1, MAX_PAGE_SIZE);
  const versionsRaw = single(query, 'versions') ?? 'current';
  if (versionsRaw !== 'current' && versionsRaw !== 'all') throw new InvalidParameterError('versions', 'versions must be current or all');
  if (!spec.versioned && versionsRaw === 'all') throw new InvalidParameterError('versions', `${kind} have no versions; leave versions out`);
  const exactRaw = single(query, 'exact_total');
  const facetsRaw = single(query, 'facets');
  const facetChoice = facetsRaw === undefined ? undefined : parseFacets(kind, facetsRaw);
  const facetSizeRaw = single(query, 'facet_size');
  const cursorRaw = single(query, 'cursor');
  const request: SearchRequest = {
    kind,
    q,
    understood,
    filters,
    sort: sortRaw as SortName,
    pageSize,
    after: null,
    exactTotal: exactRaw === undefined ? false : parseBool('exact_total', exactRaw),
    // Facets come with the first page; later pages (cursor) skip them unless asked.
    facets: facetChoice === undefined ? cursorRaw === undefined : facetChoice !== false,
    facetNames: Array.isArray(facetChoice) ? facetChoice : null,
    facetSize: facetSizeRaw === undefined ? 10 : parseInt10('facet_size', facetSizeRaw, 1, 50),
    versions: versionsRaw,
  };
  if (cursorRaw !== undefined) request.after = decodeCursor(cursorRaw, requestKey(request));
  return request;
}

/** facets=true|false, or a comma list of the kind's facet names (only those are computed):
 *  false, true (all), or the names in the kind's order, each once. */
export function parseFacets(kind: KindName, raw: string): boolean | string[] {
  const s = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(s)) return true;
  if (['false', '0', 'no'].includes(s)) return false;
  const allowed = SEARCH_SPECS[kind].facets.map((f) => f.name);
  const asked = s.split(',').map((x) => x.trim()).filter(Boolean);
  const unknown = asked.filter((x) => !allowed.includes(x));
  if (asked.length === 0 || unknown.length > 0) {
    const what = asked.length === 0 ? `got ${JSON.stringify(raw.slice(0, 60))}` : `unknown facet ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).slice(0, 3).join(', ')}`;
    throw new InvalidParameterError('facets', `facets must be true, false or a comma-separated list of ${kind} facets: ${allowed.join(', ')} (${what})`);
  }
  return allowed.filter((name) => asked.includes(name));
}

/** What identifies the search a cursor belongs to (everything but the page position). */
export function requestKey(r: SearchRequest): string {
  const stable = { kind: r.kind, q: r.q, filters: sortKeys(r.filters), sort: r.sort, pageSize: r.pageSize, versions: r.versions };
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 16);
}

function sortKeys(o: Record<string, FilterValue>): Record<string, FilterValue> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** Opaque to callers: the sort values of the last row, bound to the search they came from. */
export function encodeCursor(after: (string | number | null)[], key: string): string {
  return Buffer.from(JSON.stringify({ k: key, a: after })).toString('base64url');
}

export function decodeCursor(cursor: string, key: string): (string | number | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidParameterError('cursor', 'cursor is not one this API gave out; use next_cursor of a previous page as it is');
  }
  const c = parsed as { k?: unknown; a?: unknown };
  if (typeof c !== 'object' || c === null || typeof c.k !== 'string' || !Array.isArray(c.a) || c.a.length > 4 || !c.a.every((x) => x === null || typeof x === 'string' || typeof x === 'number')) {
    throw new InvalidParameterError('cursor', 'cursor is not one this API gave out; use next_cursor of a previous page as it is');
  }
  if (c.k !== key) throw new InvalidParameterError('cursor', 'cursor belongs to another search: keep the same q, filters, sort and page_size while paging');
  return c.a as (string | number | null)[];
}
