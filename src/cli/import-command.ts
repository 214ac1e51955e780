import path from 'node:path';
import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importCalaccess, type ImportReport } from '../import/importer.js';
import { createProgress } from '../import/progress.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './commands.js';

function printReport(report: ImportReport): void {
  const rows = report.files.map((f) => [
    f.file,
    String(f.lines),
    String(f.loaded),
    String(f.rejected),
    String(f.changed),
    Object.entries(f.rejected_by_reason)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  ]);
  const head = ['file', 'lines', 'loaded', 'rejected', 'changed', 'rejected by reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(fmt(head) + '\n' + rows.map(fmt).join('\n') + '\n');
  const t = report.totals;
  process.stdout.write(
    `\n${report.files.length} files: ${t.lines} lines, ${t.loaded} loaded, ${t.rejected} rejected, ${t.changed} rows changed in ${report.seconds} s` +
      (t.rejected > 0 ? `\nrejected lines, with line numbers and reasons: ${report.rejects_dir}\n` : '\n'),
  );
}

export const importCommand: Command = {
  summary: 'load a CAL-ACCESS export: <folder or .zip> [--rejects DIR] [--json]',
  async run({ config, log, args }) {
    const { values, positionals } = parseCommandArgs(args, {
      rejects: { type: 'string' },
      json: { type: 'boolean' },
      only: { type: 'string', multiple: true },
    });
    if (positionals.length !== 1) throw new UsageError('import calaccess takes one folder or .zip file');
    const source = path.resolve(positionals[0]!);
    const rejectsDir = path.resolve(values.rejects ?? 'rejects');
    const db = createDb({ ...config, pgPoolMax: 2 }, 'disclosure-import');
    try {
      await migrateToLatest(db.kysely);
      const report = await importCalaccess(db.pool, {
        source,
        rejectsDir,
        log,
        progress: createProgress(log),
        ...(values.only ? { only: values.only.map((f) => f.toUpperCase()) } : {}),
      });
      // maxRSS is in kilobytes: the peak memory of this whole process.
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      if (values.json === true) process.stdout.write(JSON.stringify({ ...report, peak_rss_mb: peakRssMb }) + '\n');
      else {
        printReport(report);
        process.stdout.write(`peak memory: ${peakRssMb} MB\n`);
      }
    } finally {
      await db.close();
    }
  },
};
