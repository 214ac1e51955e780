// The portal's pages: server-rendered HTML from the same services and parameters as the
// JSON API (a search page's address minus `kind` is the API's query), so every page reads
// without script. Errors on these paths are HTML pages; the API keeps its JSON errors.
import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import { parseSearchRequest } from '../../queries/search-request.js';
import { InvalidParameterError, clearAnswerHeaders, describeError, toHttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SafeHtml } from '../portal/html.js';
import { ASSETS } from '../portal/layout.js';
import { apiDocsPage } from '../portal/pages/api-docs-page.js';
import { dataPage } from '../portal/pages/data-page.js';
import { errorPage } from '../portal/pages/error-page.js';
import { exportJobPage } from '../portal/pages/export-job-page.js';
import { comparePage, type CompareView } from '../portal/pages/compare-page.js';
import { filerPage, type FilerView } from '../portal/pages/filer-page.js';
import { filingPage, type FilingView } from '../portal/pages/filing-page.js';
import { homePage, searchPage } from '../portal/pages/search-page.js';
import { apiQuery, isKind, readSearchState } from '../portal/search-state.js';
import { readBulkManifest } from '../services/bulk-datasets.js';
import type { ExportJobs } from '../services/export-jobs.js';
import type { ReportService } from '../services/report-service.js';
import { CACHE_TTL_MS, type SearchService } from '../services/search-service.js';
import { buildOpenApi } from './openapi.js';
import { onlyParams } from './query-params.js';

export interface PortalDeps {
  search: SearchService;
  reports: ReportService;
  jobs: ExportJobs;
  bulkDir: string;
}

// Pages hold data typed by people: even if something slipped through escaping, no script
// but our own would run.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function sendPage(res: Response, status: number, body: SafeHtml, cache: string): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', cache);
  res.send(body.value);
}

const cacheFor = (seconds: number): string => `public, max-age=${seconds}`;

/** The API and the health check answer in JSON, whatever happens; everything else is a page. */
export const isApiPath = (path: string): boolean => path.startsWith('/api/') || path === '/health';

export function portalRoutes(d: PortalDeps): Router {
  const router = Router();
  const docs = apiDocsPage(buildOpenApi());

  for (const asset of Object.values(ASSETS)) {
    router.get(asset.path, (_req, res) => {
      res.setHeader('Content-Type', asset.type);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // The address carries the content's hash (?v=), so it can be kept for long.
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.send(asset.body);
    });
  }

  router.get('/', (req, res) => {
    // A search typed at the root (a bookmark, a browser's search engine) goes to /search.
    const q = new URLSearchParams(req.url.split('?')[1] ?? '').toString();
    if (q) {
      res.redirect(302, `/search?${q}`);
      return;
    }
    sendPage(res, 200, homePage(), cacheFor(300));
  });

  router.get('/search', async (req, res) => {
    const { state, canonical } = readSearchState(req.query);
    if (canonical) {
      res.redirect(302, canonical);
      return;
    }
    // Facets on every page, so the narrowing stays beside the results while paging.
    const query = { facets: 'true', ...apiQuery(state.params) };
    const request = parseSearchRequest(state.kind, query, { kindFromWords: state.kindFromWords });
    const response = await d.search.search(request);
    sendPage(res, 200, searchPage(state, request, response), cacheFor(CACHE_TTL_MS / 1000));
  });

  router.get('/filers/:id', async (req, res) => {
    onlyParams(req.query, []);
    const view = (await d.reports.filer(req.params.id)) as FilerView;
    sendPage(res, 200, filerPage(view), cacheFor(30));
  });

  router.get('/filings/:id', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    onlyParams(q, ['amendment']);
    const view = (await d.reports.filing(req.params.id, q['amendment'])) as FilingView;
    sendPage(res, 200, filingPage(view), cacheFor(30));
  });

  router.get('/filings/:id/compare', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    onlyParams(q, ['from', 'to']);
    const view = (await d.reports.compare(req.params.id, q['from'], q['to'])) as CompareView;
    sendPage(res, 200, comparePage(view), cacheFor(30));
  });

  router.get('/data', async (req, res) => {
    onlyParams(req.query, []);
    sendPage(res, 200, dataPage(await readBulkManifest(d.bulkDir)), cacheFor(300));
  });

  router.get('/docs/api', (req, res) => {
    onlyParams(req.query, []);
    sendPage(res, 200, docs, cacheFor(300));
  });

  // The download buttons of a large result: a form post starts an export job, and the
  // browser goes to the job's page (303, so reloading it does not start another).
  router.post('/exports', express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 20 }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const kind = body['kind'];
    if (!isKind(kind)) throw new InvalidParameterError('kind', 'kind must be one of contributions, expenditures, lobbying, filers, filings');
    const paramsText = typeof body['params'] === 'string' ? body['params'] : '';
    // The page's own parameters: an empty one is left out, as on /search.
    const params = apiQuery([...new URLSearchParams(paramsText)].filter(([, v]) => v.trim() !== ''));
    const job = await d.jobs.create({ kind, format: body['format'], params });
    const from = new URLSearchParams([['kind', kind], ...new URLSearchParams(paramsText)]).toString();
    res.redirect(303, `/exports/${encodeURIComponent(job.id)}?${new URLSearchParams({ from }).toString()}`);
  });

  router.get('/exports/:id', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    onlyParams(q, ['from']);
    const from = typeof q['from'] === 'string' ? q['from'] : null;
    const job = await d.jobs.view(req.params.id);
    sendPage(res, 200, exportJobPage(job, from ? `/search?${new URLSearchParams(from).toString()}` : null), 'no-store');
  });

  return router;
}

/** Errors of the portal's paths as HTML pages (the API's stay JSON: passed on). */
export function portalErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (isApiPath(req.path)) {
      next(err);
      return;
    }
    const mapped = toHttpError(err);
    if (mapped.status >= 500) log.error('page failed', { method: req.method, path: req.path, status: mapped.status, err: describeError(err) });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    clearAnswerHeaders(res);
    for (const [k, v] of Object.entries(mapped.headers ?? {})) res.setHeader(k, v);
    const e = mapped.body.error;
    sendPage(res, mapped.status, errorPage({ status: mapped.status, message: e.message, ...(e.parameter ? { parameter: e.parameter } : {}), ...(e.store ? { store: e.store } : {}) }), 'no-store');
  };
}
