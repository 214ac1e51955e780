// How a benchmark script runs: main, then its clean-up whatever happened (an error, or
// Ctrl-C), so no database or index of a benchmark is left behind; and the generated
// exports they share.
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { generateCalaccess } from '../../src/generator/index.js';

export function runBenchmark(main: () => Promise<void>, cleanUp: () => Promise<void>): void {
  process.once('SIGINT', () => {
    console.error('interrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  });
  void main()
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exitCode = 1;
    })
    .finally(() => cleanUp());
}

/**
 * A generated export of `rows` contributions, cached under `<cacheDir>/bench/` and shared by
 * the benchmarks that use the same seed. Written aside and moved into place complete, so no
 * run ever reads half an export; another run writing it right now is given a moment. When it
 * cannot be moved into place, it is used where it was written (`temporary`: the caller
 * removes it).
 */
export async function cachedExport(opts: { rows: number; cacheDir: string; seed: number; dirtyRate: number; sampleDir: string }): Promise<{ dir: string; temporary: boolean }> {
  const dir = path.join(opts.cacheDir, 'bench', `export-${opts.rows}-seed${opts.seed}`);
  const complete = (d: string): boolean => existsSync(path.join(d, 'generator-manifest.json'));
  for (let i = 0; i < 120 && existsSync(dir) && !complete(dir); i++) await new Promise((r) => setTimeout(r, 1_000));
  if (complete(dir)) return { dir, temporary: false };
  const tmp = `${dir}.tmp-${process.pid}`;
  const t = performance.now();
  await generateCalaccess({ rows: opts.rows, out: tmp, sampleDir: opts.sampleDir, seed: opts.seed, dirtyRate: opts.dirtyRate });
  console.log(`generated an export of ${opts.rows.toLocaleString('en-US')} contributions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  try {
    if (existsSync(dir)) throw new Error('exists');
    await rename(tmp, dir);
    return { dir, temporary: false };
  } catch {
    return { dir: tmp, temporary: true };
  }
}

/** A --reuse value (DATABASE/PREFIX, as a --keep run prints it); null when not given. */
export function parseReuse(value: string | undefined): { database: string; prefix: string } | null {
  if (value === undefined) return null;
  const m = /^([a-z0-9_]+)\/([a-z0-9-]+-)$/.exec(value);
  if (!m) throw new Error(`--reuse must be DATABASE/PREFIX as printed by a --keep run (got ${value})`);
  return { database: m[1]!, prefix: m[2]! };
}
