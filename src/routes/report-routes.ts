import { Router } from 'express';
import { InvalidParameterError } from '../errors.js';
import type { ReportService } from '../services/report-service.js';

function onlyParams(query: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(query)) {
    if (!allowed.includes(k)) throw new InvalidParameterError(k, `unknown parameter ${JSON.stringify(k.slice(0, 60))}; this endpoint takes ${allowed.length ? allowed.join(', ') : 'none'}`);
  }
}

export function reportRoutes(reports: ReportService): Router {
  const router = Router();
  router.get('/api/v1/filers/:id', async (req, res) => {
    onlyParams(req.query, []);
    res.setHeader('Cache-Control', 'public, max-age=30');
    res.json(await reports.filer(req.params.id));
  });
  router.get('/api/v1/filings/:id', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    onlyParams(q, ['amendment']);
    res.setHeader('Cache-Control', 'public, max-age=30');
    res.json(await reports.filing(req.params.id, q['amendment']));
  });
  router.get('/api/v1/filings/:id/compare', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    onlyParams(q, ['from', 'to']);
    res.setHeader('Cache-Control', 'public, max-age=30');
    res.json(await reports.compare(req.params.id, q['from'], q['to']));
  });
  return router;
}
