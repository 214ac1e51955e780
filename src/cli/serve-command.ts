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

interface WorkerEnd {
  code: number;
  outOfMemory: boolean;
  /** It had been listening: a failure then is not a failure to start. */
  listened: boolean;
  failure?: Error;
}

function runWorker(config: Readonly<Config>, onStart: (w: Worker) => void): Promise<WorkerEnd> {
  const worker = new Worker(new URL('./serve-worker.js', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: config.apiHeapMb, maxYoungGenerationSizeMb: youngGenerationMb(config.apiHeapMb) },
    workerData: { stderrIsTTY: process.stderr.isTTY === true },
  });
  onStart(worker);
  const end: WorkerEnd = { code: 0, outOfMemory: false, listened: false };
  worker.on('message', (m: { type?: string }) => {
    if (m.type === 'listening') end.listened = true;
  });
  worker.on('error', (err: Error & { code?: string }) => {
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') end.outOfMemory = true;
    else end.failure = err;
  });
  return new Promise((resolve) => worker.once('exit', (code) => resolve({ ...end, code })));
}

/**
 * The API in a worker thread bounded to config.apiHeapMb; its exit code is the command's.
 * A worker that runs out of its heap after it was serving is replaced by a new one (the
 * requests it held fail; the service comes back in about a second), as a process
 * supervisor would restart a process that crashed.
 */
async function serveInWorker(config: Readonly<Config>, log: Logger): Promise<number> {
  let current: Worker | undefined;
  let stopping = false;
  onStopSignal(log, () => {
    stopping = true;
    current?.postMessage({ type: 'stop' });
  });
  for (;;) {
    const end = await runWorker(config, (w) => {
      current = w;
      if (stopping) w.postMessage({ type: 'stop' });
    });
    // A failure to start (a port in use) is this command's error, said as any other.
    if (end.failure) throw end.failure;
    if (!end.outOfMemory) return end.code;
    log.error('the API ran out of its heap (API_HEAP_MB)', { heap_mb: config.apiHeapMb, restarting: end.listened && !stopping });
    if (!end.listened || stopping) return 1;
  }
}

export const serveCommand: Command = {
  summary: 'run the API and portal (HOST, PORT, API_HEAP_MB)',
  async run({ config, log, args }) {
    parseCommandArgs(args, {}, false);
    if (config.apiHeapMb === 0 || heapFlagGiven()) return serveHere(config, log);
    return serveInWorker(config, log);
  },
};
