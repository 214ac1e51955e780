// The table of `disclosure` subcommands. Later capabilities add their entries here.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { dbMigrateCommand } from './db-command.js';
import { exportBulkCommand } from './export-command.js';
import { generateCommand } from './generate-command.js';
import { importCommand } from './import-command.js';
import { indexRebuildCommand, indexStatusCommand, indexSyncCommand } from './index-command.js';
import { serveCommand } from './serve-command.js';
import { servicesDownCommand, servicesStatusCommand, servicesUpCommand } from './services-command.js';

export interface CommandContext {
  config: Readonly<Config>;
  log: Logger;
  args: string[];
}

export interface Command {
  summary: string;
  run(ctx: CommandContext): Promise<number | void>;
}

export const commands: Record<string, Command> = {
  'services up': servicesUpCommand,
  'services down': servicesDownCommand,
  'services status': servicesStatusCommand,
  'db migrate': dbMigrateCommand,
  'import calaccess': importCommand,
  'generate calaccess': generateCommand,
  'index rebuild': indexRebuildCommand,
  'index sync': indexSyncCommand,
  'index status': indexStatusCommand,
  'export bulk': exportBulkCommand,
  serve: serveCommand,
};
