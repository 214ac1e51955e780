// `disclosure db types`: regenerates src/db/generated-schema.ts from the migrations (see
// src/db/schema-types.ts). Run after adding a migration; the drift test says when it is due.
import { typesFromMigrations, writeSchemaTypes } from '../db/schema-types.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './commands.js';

export const dbTypesCommand: Command = {
  summary: 'write src/db/generated-schema.ts from a freshly migrated scratch database',
  async run({ config, log, args }) {
    parseCommandArgs(args, {}, false);
    const file = await writeSchemaTypes(await typesFromMigrations(config.databaseUrl));
    log.info('schema types written', { file });
  },
};
