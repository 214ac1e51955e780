// The error types of the service and the one mapper from them to HTTP responses.
// Users get a JSON body with a code and a message, never a stack trace.
import type { ServerResponse } from 'node:http';
import { errors as esErrors } from '@elastic/elasticsearch';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from './logger.js';

export type StoreName = 'postgresql' | 'elasticsearch';

export class InvalidParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidParameterError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class StoreUnavailableError extends Error {
  constructor(
    readonly store: StoreName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

/** A method the route does not answer (TRACE or PUT on a GET route): a 405 naming the ones it does. */
export class MethodNotAllowedError extends Error {
  constructor(
    readonly allow: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'MethodNotAllowedError';
  }
}

/** A resource that exists but cannot give what was asked in its present state (an export
 *  job's file before the job finished): a 409 saying the state. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly state: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; parameter?: string; store?: StoreName; state?: string };
}

// How a store that is down (or restarting) shows in the errors of its client. pg gives a
// socket's code, a SQLSTATE of class 08 (connection) or 57P (shutdown, starting up), or
// one of its own messages; the Elasticsearch client its connection error classes.
const PG_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '53300']);
const PG_DOWN_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/;

/** The store an error says is unavailable, if it says so. */
export function unavailableStore(err: unknown): StoreName | null {
  if (err instanceof StoreUnavailableError) return err.store;
  if (err instanceof esErrors.ConnectionError || err instanceof esErrors.TimeoutError || err instanceof esErrors.NoLivingConnectionsError) return 'elasticsearch';
  if (err instanceof esErrors.ResponseError && (err.statusCode === 503 || err.statusCode === 429)) return 'elasticsearch';
  if (err instanceof esErrors.ElasticsearchClientError) return null;
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (PG_DOWN_CODES.has(code) || code.startsWith('08'))) return 'postgresql';
  if (PG_DOWN_MESSAGES.test(err.message)) return 'postgresql';
  return null;
}

const STORE_DOWN_MESSAGES: Record<StoreName, string> = {
  postgresql: 'the filing database is unavailable; try again shortly',
  elasticsearch: 'the search index is unavailable; try again shortly',
};

export function toHttpError(err: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  // A store's own error, not yet said in words of the domain (a view's query as
  // PostgreSQL restarts, an export as Elasticsearch goes away): a 503 naming the store.
  const down = err instanceof StoreUnavailableError ? null : unavailableStore(err);
  if (down) err = new StoreUnavailableError(down, STORE_DOWN_MESSAGES[down], { cause: err });
  if (err instanceof InvalidParameterError) {
    return { status: 400, body: { error: { code: 'invalid_parameter', message: err.message, parameter: err.parameter } } };
  }
  if (err instanceof NotFoundError) return { status: 404, body: { error: { code: 'not_found', message: err.message } } };
  if (err instanceof MethodNotAllowedError) {
    return { status: 405, body: { error: { code: 'method_not_allowed', message: err.message } }, headers: { Allow: err.allow.join(', ') } };
  }
  if (err instanceof ConflictError) {
    return {
      status: 409,
      body: { error: { code: 'conflict', message: err.message, state: err.state } },
      ...(err.retryAfterSeconds === undefined ? {} : { headers: { 'Retry-After': String(err.retryAfterSeconds) } }),
    };
  }
  if (err instanceof StoreUnavailableError) {
    return {
      status: 503,
      body: { error: { code: 'store_unavailable', message: err.message, store: err.store } },
      headers: { 'Retry-After': '5' },
    };
  }
  if (err instanceof TooManyRequestsError) {
    return {
      status: 429,
      body: { error: { code: 'too_many_requests', message: err.message } },
      headers: { 'Retry-After': String(err.retryAfterSeconds) },
    };
  }
  // body-parser and friends mark client errors with a status.
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { error: { code: 'bad_request', message: (err as Error).message } } };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'internal error; it has been logged' } } };
}

/**
 * Headers a route set for the answer it meant to give (a CSV's type and file name, a
 * view's max-age) that must not go out with an error instead: an error is never cached,
 * never a download.
 */
export function clearAnswerHeaders(res: { removeHeader(name: string): void; setHeader(name: string, value: string): unknown }): void {
  for (const h of ['Content-Type', 'Content-Disposition', 'Content-Length', 'ETag', 'Last-Modified']) res.removeHeader(h);
  res.setHeader('Cache-Control', 'no-store');
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new NotFoundError(`no route for ${req.method} ${req.path}`));
}

/** The Content-Type of every JSON answer of the API. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** An error as the API answers it: a JSON body with a code and a message, never a stack
 *  trace. A response already begun (a stream that failed midway) is cut instead. */
export function answerError(err: unknown, res: ServerResponse, log: Logger, where: { method: string; path: string }): void {
  const mapped = toHttpError(err);
  if (mapped.status >= 500) {
    log.error('request failed', { method: where.method, path: where.path, status: mapped.status, err: describeError(err) });
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  clearAnswerHeaders(res);
  for (const [k, v] of Object.entries(mapped.headers ?? {})) res.setHeader(k, v);
  const body = JSON.stringify(mapped.body);
  res.statusCode = mapped.status;
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => answerError(err, res, log, { method: req.method, path: req.path });
}

/** Whatever was thrown, as an Error (libraries sometimes reject with plain objects). */
export function toError(err: unknown): Error {
  if (err instanceof Error) return err;
  return new Error(typeof err === 'string' ? err : JSON.stringify(err));
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
