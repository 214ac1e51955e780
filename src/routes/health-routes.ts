import { Router } from 'express';
import type { AppDeps } from '../app.js';
import { checkHealth } from '../services/health-service.js';

/** GET /health: each store up or down, its version and latency; 503 when one is down. */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await checkHealth(deps.db, deps.es);
    const down = Object.entries(report.stores)
      .filter(([, s]) => s.status === 'down')
      .map(([name]) => name);
    res.setHeader('Cache-Control', 'no-store');
    res.status(down.length === 0 ? 200 : 503).json(
      down.length === 0 ? report : { ...report, error: { code: 'store_unavailable', message: `${down.join(' and ')} unavailable`, stores: down } },
    );
  });
  return router;
}
