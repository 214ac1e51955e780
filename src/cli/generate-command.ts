// `disclosure generate calaccess --rows N <out>`: a synthetic CAL-ACCESS bulk export of any
// size, for benchmarks and tests (the generator is src/generator/).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCalaccess } from '../generator/index.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './commands.js';

const MAX_ROWS = 100_000_000;

/** The sample next to the repository: this file runs from <repo>/dist/src/cli/. */
export const DEFAULT_SAMPLE_DIR = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)), 'data/calaccess-sample');

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const digits = raw.replace(/_/g, '');
  if (!/^\d+$/.test(digits)) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  const n = Number(digits);
  if (n < min || n > max) throw new UsageError(`--${name} must be from ${min} to ${max} (got ${n})`);
  return n;
}

function rate(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 0.5) {
    throw new UsageError(`--dirty-rate must be a number from 0 to 0.5 (got ${JSON.stringify(raw)})`);
  }
  return n;
}

export const generateCommand: Command = {
  summary: 'write a synthetic CAL-ACCESS export: --rows N [--seed S] [--dirty-rate R] [--sample DIR] <out>',
  async run({ log, args }) {
    const { values, positionals } = parseCommandArgs(args, {
      rows: { type: 'string' },
      seed: { type: 'string' },
      'dirty-rate': { type: 'string' },
      sample: { type: 'string' },
    });
    if (values.rows === undefined) throw new UsageError('--rows N is required (RCPT_CD data lines, 1 to 100,000,000)');
    if (positionals.length !== 1) throw new UsageError('expected exactly one output folder, e.g. `generate calaccess --rows 1000000 /tmp/gen`');
    const rows = wholeNumber('rows', values.rows, 1, MAX_ROWS);
    const seed = values.seed === undefined ? 1 : wholeNumber('seed', values.seed, 0, 0xffffffff);
    const dirtyRate = values['dirty-rate'] === undefined ? 0.002 : rate(values['dirty-rate']);
    const sampleDir = path.resolve(values.sample ?? DEFAULT_SAMPLE_DIR);
    const out = path.resolve(positionals[0]!);
    const isDir = await stat(sampleDir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new UsageError(`--sample ${sampleDir} is not a folder (the CAL-ACCESS sample with the 80 *_CD.TSV files)`);

    log.info('generating', { rows, seed, dirty_rate: dirtyRate, sample: sampleDir, out });
    const started = performance.now();
    const manifest = await generateCalaccess({
      rows,
      out,
      sampleDir,
      seed,
      dirtyRate,
      onProgress: (p) => log.info('progress', { file: p.file, rows: p.rows, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }),
    });
    const seconds = (performance.now() - started) / 1000;
    const files = Object.values(manifest.files);
    const lines = files.reduce((n, f) => n + f.lines, 0);
    const bytes = files.reduce((n, f) => n + f.bytes, 0);
    const rejects = files.reduce((n, f) => n + f.dirty.wrong_field_count + f.dirty.split_record_lines + f.dirty.bad_date, 0);
    process.stdout.write(
      `wrote ${files.length} files to ${out}: ${lines.toLocaleString('en-US')} data lines, ` +
        `${bytes.toLocaleString('en-US')} bytes (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s\n` +
        `  ${manifest.filers.toLocaleString('en-US')} filers, ${manifest.filings.toLocaleString('en-US')} filings ` +
        `(${manifest.amended_filings.toLocaleString('en-US')} amended), ${rejects.toLocaleString('en-US')} lines a loader must reject\n` +
        `  manifest: ${path.join(out, 'generator-manifest.json')}\n`,
    );
    log.info('generated', { files: files.length, lines, bytes, seconds: Number(seconds.toFixed(1)) });
  },
};
