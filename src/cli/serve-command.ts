// `disclosure serve`: the API under a heap bound of its own (API_HEAP_MB), so it stays
// within its memory as users start it, with no Node flag to know about.
//
// V8 takes its heap limit only at start-up (v8.setFlagsFromString after that does not
// bound anything), so the API runs in a worker thread created with that limit
// (resourceLimits) rather than in a second process started with --max-old-space-size:
// one process, signals and exit codes stay this process's own, stdin/stdout/stderr are
// untouched, and the thread costs a few MB where a supervising Node process costs ~40.
// The main thread only starts the worker, passes on SIGINT/SIGTERM and exits with its
// code. A --max-old-space-size given to Node (on the command line or in NODE_OPTIONS)
// wins: the API then runs in the main thread under that flag, as does API_HEAP_MB=0.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './commands.js';

const HEAP_FLAG = /^--max[-_](old[-_]space|heap)[-_]size\b/;

/** Whether the user bounded Node's heap themselves (their flag wins over API_HEAP_MB). */
export function heapFlagGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env['NODE_OPTIONS'] ?? ''): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => HEAP_FLAG.test(a));
}

/**
 * The young generation of the worker (MB). Left to V8 it is 48 MB whatever the heap
 * limit, all of it resident once an export has run: with four exports at once that was
 * ~20 MB of the peak (2026-12-02). 16 MB still holds several pages of a scan (1,000
 * documents, ~1 MB parsed), so a page dies young rather than in the old generation.
 */
export function youngGenerationMb(heapMb: number): number {
  return Math.min(48, Math.max(16, Math.round(heapMb / 10)));
}

function onStopSignal(log: Logger, stop: () => void): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    log.info('stopping', { signal });
    stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** The API in this thread, under whatever heap Node was given. */
async function serveHere(config: Readonly<Config>, log: Logger): Promise<number> {
  // Loaded here: with the worker, the main thread never loads the app.
  const { startServer } = await import('../server.js');
  const running = await startServer(config, log);
  await new Promise<void>((resolve) => onStopSignal(log, () => void running.stop().then(resolve, resolve)));
  return 0;
}

/** The API in a worker thread bounded to config.apiHeapMb; its exit code is the command's. */
async function serveInWorker(config: Readonly<Config>, log: Logger): Promise<number> {
  const worker = new Worker(new URL('./serve-worker.js', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: config.apiHeapMb, maxYoungGenerationSizeMb: youngGenerationMb(config.apiHeapMb) },
    workerData: { stderrIsTTY: process.stderr.isTTY === true },
  });
  let failure: Error | undefined;
  worker.on('error', (err: Error & { code?: string }) => {
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      log.error('the API ran out of its heap and stopped; raise API_HEAP_MB', { heap_mb: config.apiHeapMb });
    } else {
      failure = err;
    }
  });
  onStopSignal(log, () => worker.postMessage({ type: 'stop' }));
  const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
  // A failure to start (a port in use) is this command's error, said as any other.
  if (failure) throw failure;
  return code;
}

export const serveCommand: Command = {
  summary: 'run the API and portal (HOST, PORT, API_HEAP_MB)',
  async run({ config, log, args }) {
    parseCommandArgs(args, {}, false);
    if (config.apiHeapMb === 0 || heapFlagGiven()) return serveHere(config, log);
    return serveInWorker(config, log);
  },
};
