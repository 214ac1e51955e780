import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './commands.js';

export const dbMigrateCommand: Command = {
  summary: 'create or update the filing database schema, and its labels',
  async run({ config, log, args }) {
    parseCommandArgs(args, {}, false);
    const db = createDb(config, 'disclosure-migrate');
    try {
      const result = await migrateToLatest(db.kysely);
      const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
      log.info(applied.length ? 'migrations applied' : 'schema up to date', { applied, labels_changed: result.labelsChanged });
    } finally {
      await db.close();
    }
  },
};
