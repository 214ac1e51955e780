// Builds the Express app from its dependencies: no listening, no globals, so tests can
// mount it with supertest against the real stores.
import type { Client } from '@elastic/elasticsearch';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/schema.js';
import { errorHandler, notFoundHandler } from './errors.js';
import type { Logger } from './logger.js';
import { AbuseLimits } from './routes/abuse-limits.js';
import { answerOptions, methodNotAllowed, type RouterStack } from './routes/allowed-methods.js';
import { healthRoutes } from './routes/health-routes.js';
import { exportJobRoutes } from './routes/export-job-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { openApiRoutes } from './routes/openapi.js';
import { portalErrorHandler, portalRoutes } from './routes/portal-routes.js';
import { paramsChecked } from './routes/query-params.js';
import { reportRoutes } from './routes/report-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { ExportJobs } from './services/export-jobs.js';
import { ExportService } from './services/export-service.js';
import { ReportService } from './services/report-service.js';
import { SearchService } from './services/search-service.js';

export interface AppDeps {
  config: Readonly<Config>;
  /** The app's one database handle: every service and view queries through it. */
  db: Kysely<Database>;
  es: Client;
  log: Logger;
  /** Shared so that its bound on concurrent exports holds across the app. */
  exports?: ExportService;
  /** Export jobs; created (and unfinished jobs resumed) when not given. */
  jobs?: ExportJobs;
}

const JOBS = 'jobs';

/** The export jobs an app runs (made by createApp, or given to it). */
export function exportJobsOf(app: Express): ExportJobs {
  const jobs: unknown = app.locals[JOBS];
  if (!(jobs instanceof ExportJobs)) throw new Error('not an app made by createApp: it has no export jobs');
  return jobs;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.set('query parser', 'simple');
  if (deps.config.trustProxy > 0) app.set('trust proxy', deps.config.trustProxy);
  const routes = (): RouterStack => (app as unknown as { router: RouterStack }).router;
  app.use(answerOptions(routes));
  app.use(healthRoutes(deps));
  // After /health (a monitor must always get an answer), before everything else.
  const limits = new AbuseLimits(deps.config);
  app.use(limits.middleware());
  // Then the rule of text for every parameter of every route (and page).
  app.use(paramsChecked());
  app.use(openApiRoutes());
  const exportService = deps.exports ?? new ExportService(deps.es, deps.config.esIndexPrefix, deps.config.maxConcurrentExports);
  const jobs =
    deps.jobs ??
    new ExportJobs(deps.db, exportService, deps.log, {
      dir: deps.config.exportDir,
      ttlHours: deps.config.exportJobTtlHours,
      maxConcurrent: deps.config.maxConcurrentExportJobs,
    });
  if (!deps.jobs) void jobs.start().catch((err: unknown) => deps.log.error('export jobs did not start', { error: String(err) }));
  app.locals[JOBS] = jobs;
  // Exports first: /api/v1/contributions.csv must not reach the search route.
  app.use(exportRoutes(exportService));
  const bulkDir = path.join(deps.config.exportDir, 'bulk');
  app.use(exportJobRoutes(jobs, bulkDir));
  // One of each service for the API and the pages: they share the caches.
  const search = new SearchService(deps.es, deps.config.esIndexPrefix, deps.log);
  const reports = new ReportService(deps.db);
  app.use(searchRoutes(search));
  // After search: /api/v1/filers/suggest is not a filer id.
  app.use(reportRoutes(reports));
  app.use(portalRoutes({ search, reports, jobs, bulkDir }));
  app.use(methodNotAllowed(routes));
  app.use(notFoundHandler());
  // Pages get their errors as pages; the API and /health keep the JSON mapper.
  app.use(portalErrorHandler(deps.log));
  app.use(errorHandler(deps.log));
  return app;
}
