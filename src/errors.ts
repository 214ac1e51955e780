// The error types of the service and the one mapper from them to HTTP responses.
// Users get a JSON body with a code and a message, never a stack trace.
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

export interface ErrorBody {
  error: { code: string; message: string; parameter?: string; store?: StoreName };
}

export function toHttpError(err: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (err instanceof InvalidParameterError) {
    return { status: 400, body: { error: { code: 'invalid_parameter', message: err.message, parameter: err.parameter } } };
  }
  if (err instanceof NotFoundError) return { status: 404, body: { error: { code: 'not_found', message: err.message } } };
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

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new NotFoundError(`no route for ${req.method} ${req.path}`));
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const mapped = toHttpError(err);
    if (mapped.status >= 500) {
      log.error('request failed', { method: req.method, path: req.path, status: mapped.status, err: describeError(err) });
    }
    // A stream that fails midway cannot be turned into an error response: end it.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [k, v] of Object.entries(mapped.headers ?? {})) res.setHeader(k, v);
    res.status(mapped.status).json(mapped.body);
  };
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
