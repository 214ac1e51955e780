// The process: config -> clients -> app -> listen -> graceful stop.
import http, { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import v8 from 'node:v8';
import type { Express } from 'express';
import { createApp, exportJobsOf } from './app.js';
import type { Config } from './config.js';
import { createDb } from './db/database.js';
import type { Logger } from './logger.js';
import { createSearchClient } from './search/client.js';

export interface RunningServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/**
 * A request Node's HTTP parser refuses (an address or headers over 16 KB, a malformed
 * request line) never reaches the app; without this it would get an empty 400/431. It gets
 * the same JSON error as everything else, and the connection is closed.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request_too_large', 'the address or the headers are too large (at most 16 KB)']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request did not arrive in time']
        : [400, 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The HTTP server of an app, as `serve` runs it (tests and scripts use the same). */
export function createHttpServer(app: Express): Server {
  const server = http.createServer(app);
  server.on('clientError', answerClientError);
  return server;
}

export async function startServer(config: Readonly<Config>, log: Logger): Promise<RunningServer> {
  // The API's own role: it reads filing data and writes only export jobs (README,
  // "Database roles"); the importer and the indexer connect as the owner.
  const db = createDb({ databaseUrl: config.apiDatabaseUrl, pgPoolMax: config.pgPoolMax }, 'disclosure-api');
  const es = createSearchClient(config);
  const app = createApp({ config, db: db.kysely, es, log });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createHttpServer(app).listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // The heap this process may grow to (README, API_HEAP_MB): said once, so an operator
  // (and the tests) can see the bound `serve` runs under.
  log.info('listening', { url, heap_limit_mb: Math.round(v8.getHeapStatistics().heap_size_limit / 1048576) });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await exportJobsOf(app).stop();
      await Promise.allSettled([db.close(), es.close()]);
      log.info('stopped');
    })());
  return { server, url, stop };
}
