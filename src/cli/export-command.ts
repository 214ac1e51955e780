import path from 'node:path';
import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { writeBulkDatasets } from '../services/bulk-datasets.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './commands.js';

export const exportBulkCommand: Command = {
  summary: 'write whole datasets as CSV with a manifest [<out>] [--only NAME] [--json]',
  async run({ config, log, args }) {
    const { values, positionals } = parseCommandArgs(args, { only: { type: 'string', multiple: true }, json: { type: 'boolean' } });
    const out = path.resolve(positionals[0] ?? path.join(config.exportDir, 'bulk'));
    const db = createDb({ ...config, pgPoolMax: 2 }, 'disclosure-export-bulk');
    try {
      await migrateToLatest(db.kysely);
      const manifest = await writeBulkDatasets(db.pool, out, log, values.only);
      if (values.json === true) process.stdout.write(JSON.stringify(manifest) + '\n');
      else for (const f of manifest.files) process.stdout.write(`${f.file.padEnd(36)} ${String(f.rows).padStart(10)} rows ${String(f.bytes).padStart(12)} bytes  sha256 ${f.sha256}\n`);
    } finally {
      await db.close();
    }
  },
};
