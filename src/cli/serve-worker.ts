// The thread `disclosure serve` runs the API in, under the heap bound it was created with
// (serve-command.ts). Settings come from the same environment; the main thread sends
// {type: 'stop'} on SIGINT/SIGTERM, and the thread ends once the server has stopped. It
// says {type: 'listening'} once it serves.
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';

const config = loadConfig();
// The thread's stderr is relayed by the main thread: it says whether that is a terminal.
const stderrIsTTY = (workerData as { stderrIsTTY?: boolean } | null)?.stderrIsTTY === true;
const log = createLogger(config.logLevel, { cmd: 'serve' }, Object.assign(process.stderr, { isTTY: stderrIsTTY }));
const running = await startServer(config, log);
parentPort?.on('message', (m: { type?: string }) => {
  if (m.type === 'stop') void running.stop().finally(() => parentPort?.close());
});
parentPort?.postMessage({ type: 'listening' });
