// A request whose path has routes, but none for its method (TRACE, PUT or POST on a GET
// route): a 405 with Allow naming the methods that path answers, instead of "no route".
// The methods come from the app's own router, so they cannot drift from the routes.
import type { RequestHandler } from 'express';
import { MethodNotAllowedError } from '../errors.js';

// The parts of express 5's router (the `router` package) this reads: its layers, each a
// route (with the methods it handles) or a mounted router (with layers of its own).
interface Layer {
  match(path: string): false | { path: string };
  route?: { _methods(): string[] };
  handle?: { stack?: Layer[] };
}

function collect(stack: readonly Layer[], path: string, into: Set<string>): void {
  for (const layer of stack) {
    const m = layer.match(path);
    if (!m) continue;
    if (layer.route) {
      for (const method of layer.route._methods()) into.add(method);
    } else if (Array.isArray(layer.handle?.stack)) {
      collect(layer.handle.stack, path.slice(m.path.length) || '/', into);
    }
  }
}

/** The methods the router answers at a path (with HEAD where GET is, and OPTIONS, which
 *  express answers for any routed path); empty when no route matches it. */
export interface RouterStack {
  stack: readonly Layer[];
}

export function allowedMethods(router: RouterStack, path: string): string[] {
  const methods = new Set<string>();
  collect(router.stack, path, methods);
  if (methods.size > 0) methods.add('OPTIONS');
  return [...methods].sort();
}

/** In front of the 404: a path some route answers, asked with another method, is a 405. */
export function methodNotAllowed(router: () => RouterStack): RequestHandler {
  return (req, _res, next) => {
    const allow = allowedMethods(router(), req.path);
    if (allow.length === 0 || allow.includes(req.method)) {
      next();
      return;
    }
    next(new MethodNotAllowedError(allow, `${req.path} does not answer ${req.method}; it answers ${allow.join(', ')}`));
  };
}

/** In front of every route: OPTIONS on a routed path is a 204 naming all its methods (each
 *  of express's routers would answer it with only its own, and without OPTIONS). */
export function answerOptions(router: () => RouterStack): RequestHandler {
  return (req, res, next) => {
    const allow = req.method === 'OPTIONS' ? allowedMethods(router(), req.path) : [];
    if (allow.length === 0) {
      next();
      return;
    }
    res.setHeader('Allow', allow.join(', '));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.status(204).end();
  };
}
