// The table of `disclosure` subcommands. Later capabilities add their entries here.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

export interface CommandContext {
  config: Readonly<Config>;
  log: Logger;
  args: string[];
}

export interface Command {
  summary: string;
  run(ctx: CommandContext): Promise<number | void>;
}

// Each command's module is loaded only when that command runs: `serve` keeps its main
// thread small (the API runs in a worker that loads the app), and no command pays for
// the modules of the others.
export const commands: Record<string, () => Promise<Command>> = {
  'services up': async () => (await import('./services-command.js')).servicesUpCommand,
  'services down': async () => (await import('./services-command.js')).servicesDownCommand,
  'services status': async () => (await import('./services-command.js')).servicesStatusCommand,
  'db migrate': async () => (await import('./db-command.js')).dbMigrateCommand,
  'db types': async () => (await import('./db-types-command.js')).dbTypesCommand,
  'import calaccess': async () => (await import('./import-command.js')).importCommand,
  'generate calaccess': async () => (await import('./generate-command.js')).generateCommand,
  'index rebuild': async () => (await import('./index-command.js')).indexRebuildCommand,
  'index sync': async () => (await import('./index-command.js')).indexSyncCommand,
  'index status': async () => (await import('./index-command.js')).indexStatusCommand,
  'export bulk': async () => (await import('./export-command.js')).exportBulkCommand,
  serve: async () => (await import('./serve-command.js')).serveCommand,
};
