import { Router, type Request, type Response } from 'express';
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { exportFileName, parseExportRequest, type ExportFormat, type ExportService } from '../services/export-service.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Streams the whole result of a search; a client that goes away stops the work. */
async function streamExport(exports: ExportService, kind: KindName, format: ExportFormat, req: Request, res: Response): Promise<void> {
  const e = parseExportRequest(kind, format, req.query);
  const release = exports.acquire();
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  try {
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(e, new Date())}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') await exports.writeCsv(e, res, controller.signal);
    else await exports.writeXlsx(e, res, controller.signal);
  } catch (err) {
    // A download the client abandoned is not a server error.
    if (controller.signal.aborted) return;
    throw err;
  } finally {
    release();
  }
}

export function exportRoutes(exports: ExportService): Router {
  const router = Router();
  for (const kind of KIND_NAMES) {
    for (const format of ['csv', 'xlsx'] as const) {
      router.get(`/api/v1/${kind}.${format}`, (req, res) => streamExport(exports, kind, format, req, res));
    }
  }
  return router;
}
