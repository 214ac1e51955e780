// The whole state of a portal search lives in its URL: the kind, exactly the API's search
// parameters (so a page and /api/v1/<kind> with the same parameters show the same rows),
// and the page position. Pure: query object in, state and links out.
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { parsePlainLanguage } from '../../queries/plain-language.js';
import { InvalidParameterError } from '../errors.js';

/** Parameters of the portal itself; every other one goes to the search as it is. */
const PORTAL_PARAMS = ['kind', 'page', 'prev'] as const;
/** Paging parameters that mean nothing for an export of every row. */
const NOT_EXPORTED = new Set(['cursor', 'page_size', 'facets', 'facet_size', 'exact_total']);
/** How many earlier pages "Previous" can go back through (the URL stays short). */
const MAX_PREV = 30;
const FIRST_PAGE = '~';

export interface SearchState {
  kind: KindName;
  /** the kind was read from the words of q, not chosen */
  kindFromWords: boolean;
  /** the search parameters, in the order given, one entry per value */
  params: [string, string][];
  /** 1-based page number, for display */
  page: number;
  /** cursors of the earlier pages kept for "Previous" ('~' is the first page) */
  prev: string[];
}

export function isKind(v: unknown): v is KindName {
  return typeof v === 'string' && (KIND_NAMES as readonly string[]).includes(v);
}

function entries(query: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const x of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (typeof x !== 'string') throw new InvalidParameterError(k, `${k} must be a plain value`);
      out.push([k, x]);
    }
  }
  return out;
}

/**
 * Reads a search page's query. `canonical` is the same URL without empty values (a form
 * submits every field, filled or not), to redirect to, so shared addresses stay short.
 */
export function readSearchState(query: Record<string, unknown>): { state: SearchState; canonical: string | null } {
  const all = entries(query);
  const nonEmpty = all.filter(([, v]) => v.trim() !== '');
  const one = (name: string): string | undefined => {
    const vs = nonEmpty.filter(([k]) => k === name);
    if (vs.length > 1) throw new InvalidParameterError(name, `${name} may be given once`);
    return vs[0]?.[1];
  };
  const kindRaw = one('kind');
  if (kindRaw !== undefined && !isKind(kindRaw)) throw new InvalidParameterError('kind', `kind must be one of ${KIND_NAMES.join(', ')}`);
  const pageRaw = one('page');
  if (pageRaw !== undefined && !/^[1-9]\d{0,5}$/.test(pageRaw)) throw new InvalidParameterError('page', 'page must be a whole number from 1');
  const prevRaw = one('prev');
  const prev = prevRaw === undefined ? [] : prevRaw.split('.');
  if (prev.length > MAX_PREV || prev.some((c) => c !== FIRST_PAGE && !/^[A-Za-z0-9_-]{1,400}$/.test(c))) {
    throw new InvalidParameterError('prev', 'prev is not one this site gave out; start again from the first page');
  }
  const params = nonEmpty.filter(([k]) => !(PORTAL_PARAMS as readonly string[]).includes(k));
  const q = params.find(([k]) => k === 'q')?.[1];
  const named = q ? parsePlainLanguage(q).understood.kind : undefined;
  const kind: KindName = kindRaw ?? named ?? 'contributions';
  const state: SearchState = { kind, kindFromWords: kindRaw === undefined && named !== undefined, params, page: pageRaw === undefined ? 1 : Number(pageRaw), prev };
  const canonical = nonEmpty.length !== all.length ? searchHref(state) : null;
  return { state, canonical };
}

/** The parameters for parseSearchRequest: repeated names as arrays, as Express gives them. */
export function apiQuery(params: readonly [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

const encode = (pairs: readonly [string, string][]): string => new URLSearchParams(pairs as [string, string][]).toString();

/** The address of a search state. */
export function searchHref(s: SearchState): string {
  // A kind read from the words stays so: with `kind` in the address, the word would be
  // searched as text (a chosen kind reads every word of q as words).
  const pairs: [string, string][] = [...(s.kindFromWords ? [] : [['kind', s.kind] as [string, string]]), ...s.params];
  if (s.page > 1) pairs.push(['page', String(s.page)]);
  if (s.prev.length > 0) pairs.push(['prev', s.prev.join('.')]);
  return `/search?${encode(pairs)}`;
}

/**
 * The same search with some parameters replaced (null removes them), back on the first
 * page: any change of the question starts the paging again.
 */
export function hrefWith(s: SearchState, changes: Record<string, readonly string[] | string | null>, kind: KindName = s.kind): string {
  const params = s.params.filter(([k]) => k !== 'cursor' && !(k in changes));
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) continue;
    for (const x of typeof v === 'string' ? [v] : v) params.push([k, x]);
  }
  // The same words and kind: the kind is still the words'.
  const fromWords = s.kindFromWords && kind === s.kind && !('q' in changes);
  return searchHref({ kind, kindFromWords: fromWords, params, page: 1, prev: [] });
}

function current(s: SearchState): string | undefined {
  return s.params.find(([k]) => k === 'cursor')?.[1];
}

export function nextHref(s: SearchState, nextCursor: string): string {
  const prev = [...s.prev, current(s) ?? FIRST_PAGE].slice(-MAX_PREV);
  return searchHref({ ...s, params: [...s.params.filter(([k]) => k !== 'cursor'), ['cursor', nextCursor]], page: s.page + 1, prev });
}

/** The page before, when it is still known (null on the first page or past MAX_PREV). */
export function prevHref(s: SearchState): string | null {
  if (s.page <= 1 || s.prev.length === 0) return null;
  const cursor = s.prev[s.prev.length - 1]!;
  const params = s.params.filter(([k]) => k !== 'cursor');
  if (cursor !== FIRST_PAGE) params.push(['cursor', cursor]);
  return searchHref({ ...s, params, page: s.page - 1, prev: s.prev.slice(0, -1) });
}

export function firstHref(s: SearchState): string {
  return searchHref({ ...s, params: s.params.filter(([k]) => k !== 'cursor'), page: 1, prev: [] });
}

/** The parameters of an export of the whole result: the search's, without paging. */
export function exportQuery(s: SearchState): string {
  const params = s.params.filter(([k]) => !NOT_EXPORTED.has(k));
  if (!s.kindFromWords) return encode(params);
  // The export's endpoint has its kind: q goes without the word that named it.
  return encode(params.flatMap(([k, v]): [string, string][] => (k !== 'q' ? [[k, v]] : parsePlainLanguage(v).rest ? [[k, parsePlainLanguage(v).rest]] : [])));
}

export function exportHref(s: SearchState, format: 'csv' | 'xlsx'): string {
  const q = exportQuery(s);
  return `/api/v1/${s.kind}.${format}${q ? `?${q}` : ''}`;
}

export function paramValues(s: SearchState, name: string): string[] {
  return s.params.filter(([k]) => k === name).map(([, v]) => v);
}

/**
 * A link of the API (as the views and results give them) as the page that shows the same:
 * /api/v1/filings/1 -> /filings/1, /api/v1/contributions?x -> /search?kind=contributions&x.
 * Links with no page (downloads) stay as they are.
 */
export function portalHref(apiLink: string | null | undefined): string | null {
  if (!apiLink) return null;
  const m = /^\/api\/v1\/([a-z]+)(\/[^?]*)?(?:\?(.*))?$/.exec(apiLink);
  if (!m) return apiLink;
  const [, first, rest, query] = m;
  if ((first === 'filers' || first === 'filings') && rest && /^\/[^/]+$/.test(rest)) return `/${first}${rest}${query ? `?${query}` : ''}`;
  if (first === 'filings' && rest && /^\/\d+\/compare$/.test(rest)) return `/filings${rest}${query ? `?${query}` : ''}`;
  if (!rest && isKind(first)) return `/search?kind=${first}${query ? `&${query}` : ''}`;
  return apiLink;
}
