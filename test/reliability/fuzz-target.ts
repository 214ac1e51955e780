// What the fuzz runs against when it is not given a running API: a copy of the real sample
// and its indices (test/support/fixture.ts), with the bulk datasets written, served by the
// app on 127.0.0.1 as `serve` serves it.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { silentLogger } from '../../src/logger.js';
import { createHttpServer } from '../../src/server.js';
import { writeBulkDatasets } from '../../src/services/bulk-datasets.js';
import { stores } from '../support/fixture.js';

export interface FuzzTarget {
  url: URL;
  /** The timeout the API runs with: no answer may take longer. */
  timeoutMs: number;
  close(): Promise<void>;
}

export async function startFuzzTarget(label: string, env: Record<string, string> = {}): Promise<FuzzTarget> {
  const s = await stores(label);
  const cleanups: (() => Promise<void>)[] = [() => s.close()];
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  };
  try {
    await writeBulkDatasets(s.t.db.pool, path.join(s.exportDir, 'bulk'), silentLogger, ['filers']);
    // The per-client limits are off: the fuzz is one client, and it tests input, not budgets.
    const { app, config } = s.app({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env });
    const server = createHttpServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    // Closed before the stores (cleanups run last first), as the app's jobs and client are by s.close().
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), timeoutMs: config.esRequestTimeoutMs, close };
  } catch (err) {
    await close();
    throw err;
  }
}
