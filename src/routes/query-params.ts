// Checks of query-string parameters shared by the routes that take a few fixed ones.
import type { RequestHandler } from 'express';
import { checkParams } from '../../queries/param-rules.js';
import { InvalidParameterError } from '../errors.js';

/**
 * The rule of text for every route's query string (queries/param-rules.ts): a control
 * character in any parameter is a 400 naming it, before any route reads it. The export
 * jobs' JSON parameters go through the same check in parseSearchRequest; path parameters
 * through their routes' own parsers.
 */
export function paramsChecked(): RequestHandler {
  return (req, res, next) => {
    const qs = req.originalUrl.indexOf('?');
    // A person who pastes a tab or a line break into a portal form meant a space: the page
    // goes to the same address with spaces instead. The API keeps to its rule.
    if (qs >= 0 && req.method === 'GET' && !req.path.startsWith('/api/') && BREAKS.test(req.originalUrl.slice(qs))) {
      const params = new URLSearchParams(req.originalUrl.slice(qs + 1));
      const spaced = new URLSearchParams();
      for (const [k, v] of params) spaced.append(k.replace(BREAKS_ALL, ' '), v.replace(BREAKS_ALL, ' '));
      res.redirect(302, `${req.originalUrl.slice(0, qs)}?${spaced.toString()}`);
      return;
    }
    checkParams(req.query);
    next();
  };
}

/** Tabs and line breaks, as they arrive percent-encoded in a query string. */
const BREAKS = /%0[9ABCDabcd]/;
const BREAKS_ALL = /[\t\n\v\f\r]+/g;

/** An unknown parameter is a 400 naming it, never silently ignored. */
export function onlyParams(query: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(query)) {
    if (!allowed.includes(k)) {
      throw new InvalidParameterError(k, `unknown parameter ${JSON.stringify(k.slice(0, 60))}; this endpoint takes ${allowed.length ? allowed.join(', ') : 'none'}`);
    }
  }
}

export function boundedInt(query: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const v = query[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d{1,4}$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new InvalidParameterError(name, `${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(v);
}
