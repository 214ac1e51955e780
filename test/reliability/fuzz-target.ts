// What the fuzz runs against when it is not given a running API: the real sample in a
// database of its own (cloned from the test template), indexed under its own prefix, with
// the bulk datasets written, served by the app on 127.0.0.1 as `serve` serves it.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KIND_NAMES } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { createApp } from '../../src/app.js';
import { importCalaccess } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { createSearchClient } from '../../src/search/client.js';
import { createHttpServer } from '../../src/server.js';
import { writeBulkDatasets } from '../../src/services/bulk-datasets.js';
import type { ExportJobs } from '../../src/services/export-jobs.js';
import { SAMPLE_DIR } from '../builders/calaccess-export.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase } from '../support/test-db.js';
import { deleteIndices, testPrefix, testSearchClient } from '../support/test-search.js';

export interface FuzzTarget {
  url: URL;
  /** The timeout the API runs with: no answer may take longer. */
  timeoutMs: number;
  close(): Promise<void>;
}

export async function startFuzzTarget(label: string, env: Record<string, string> = {}): Promise<FuzzTarget> {
  const es = testSearchClient();
  const prefix = testPrefix(label);
  const work = mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  const t = await createTestDatabase(label);
  const cleanups: (() => Promise<void>)[] = [
    async () => {
      await deleteIndices(es, prefix);
      await es.close();
    },
    () => t.drop(),
    () => Promise.resolve(rmSync(work, { recursive: true, force: true })),
  ];
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  };
  try {
    await importCalaccess(t.db.pool, { source: SAMPLE_DIR, rejectsDir: path.join(work, 'rejects'), log: silentLogger });
    for (const kind of KIND_NAMES) await rebuildKind({ es, db: t.db, prefix, log: silentLogger }, kind);
    await writeBulkDatasets(t.db.pool, path.join(work, 'exports', 'bulk'), silentLogger, ['filers']);
    // The per-client limits are off: the fuzz is one client, and it tests input, not budgets.
    const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: path.join(work, 'exports'), RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env });
    const apiEs = createSearchClient(config);
    const app = createApp({ config, db: t.db.kysely, es: apiEs, log: silentLogger });
    const server = createHttpServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    cleanups.push(async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await (app.locals['jobs'] as ExportJobs).stop();
      await apiEs.close();
    });
    return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), timeoutMs: config.esRequestTimeoutMs, close };
  } catch (err) {
    await close();
    throw err;
  }
}
