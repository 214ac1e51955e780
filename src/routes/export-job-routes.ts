import path from 'node:path';
import express, { Router } from 'express';
import { BULK_FILE_PATTERN, checkText } from '../../queries/param-rules.js';
import { InvalidParameterError, NotFoundError } from '../errors.js';
import { readBulkManifest } from '../services/bulk-datasets.js';
import type { ExportJobs } from '../services/export-jobs.js';
import { rfc3339OrNull } from '../timestamps.js';

const BULK_FILE = new RegExp(BULK_FILE_PATTERN);

export function exportJobRoutes(jobs: ExportJobs, bulkDir: string): Router {
  const router = Router();

  router.post('/api/v1/exports', express.json({ limit: '32kb' }), async (req, res) => {
    const view = await jobs.create(req.body);
    res.status(202).setHeader('Location', view.links.self).json(view);
  });

  router.get('/api/v1/exports/:id', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await jobs.view(req.params.id));
  });

  // Range requests, ETag and Last-Modified come with sendFile.
  router.get('/api/v1/exports/:id/file', async (req, res) => {
    const f = await jobs.file(req.params.id);
    res.attachment(f.name);
    await new Promise<void>((resolve, reject) => res.sendFile(f.path, { dotfiles: 'deny' }, (err) => (err ? reject(err) : resolve())));
  });

  router.get('/api/v1/bulk', async (_req, res) => {
    const manifest = await readBulkManifest(bulkDir);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({
      generated_at: rfc3339OrNull(manifest?.generated_at),
      source: manifest?.source ?? null,
      files: (manifest?.files ?? []).map((f) => ({ ...f, generated_at: rfc3339OrNull(f.generated_at), link: `/api/v1/bulk/${encodeURIComponent(f.file)}` })),
    });
  });

  router.get('/api/v1/bulk/:file', async (req, res) => {
    const name = req.params.file;
    checkText('file', name);
    if (!BULK_FILE.test(name)) throw new InvalidParameterError('file', `file must be a name listed by /api/v1/bulk: letters, digits, ".", "_" and "-" (got ${JSON.stringify(name.slice(0, 40))})`);
    const manifest = await readBulkManifest(bulkDir);
    const entry = manifest?.files.find((f) => f.file === name);
    if (!entry) throw new NotFoundError(`no bulk file ${name}; see /api/v1/bulk`);
    res.attachment(entry.file);
    res.setHeader('X-Content-SHA256', entry.sha256);
    await new Promise<void>((resolve, reject) => res.sendFile(path.join(bulkDir, entry.file), { dotfiles: 'deny' }, (err) => (err ? reject(err) : resolve())));
  });
  return router;
}
