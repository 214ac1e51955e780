// The process: config -> clients -> app -> listen -> graceful stop.
import type { Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { createDb } from './db/database.js';
import type { Logger } from './logger.js';
import { createSearchClient } from './search/client.js';

export interface RunningServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Readonly<Config>, log: Logger): Promise<RunningServer> {
  // The API's own role: it reads filing data and writes only export jobs (README,
  // "Database roles"); the importer and the indexer connect as the owner.
  const db = createDb({ databaseUrl: config.apiDatabaseUrl, pgPoolMax: config.pgPoolMax }, 'disclosure-api');
  const es = createSearchClient(config);
  const app = createApp({ config, db: db.kysely, pool: db.pool, es, log });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('listening', { url });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await (app.locals['jobs'] as { stop(): Promise<void> } | undefined)?.stop();
      await Promise.allSettled([db.close(), es.close()]);
      log.info('stopped');
    })());
  return { server, url, stop };
}
