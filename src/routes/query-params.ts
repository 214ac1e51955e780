// Checks of query-string parameters shared by the routes that take a few fixed ones.
import type { RequestHandler } from 'express';
import { checkParams } from '../../queries/param-rules.js';
import { InvalidParameterError } from '../errors.js';

/**
 * The rule of text for every route's query string (queries/param-rules.ts): a control
 * character in any parameter is a 400 naming it, before any route reads it. The search
 * endpoints' fast path and the export jobs' JSON parameters go through the same check in
 * parseSearchRequest; path parameters through their routes' own parsers.
 */
export function paramsChecked(): RequestHandler {
  return (req, _res, next) => {
    checkParams(req.query);
    next();
  };
}

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
