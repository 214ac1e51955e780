import { Router } from 'express';
import type { ReportService } from '../services/report-service.js';
import { onlyParams } from './query-params.js';

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
