import type { StoreName } from '../errors.js';
import { STORES, servicesDown, servicesStatus, servicesUp } from '../services/local-stores.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './commands.js';

function storesFrom(positionals: string[]): readonly StoreName[] {
  if (positionals.length === 0) return STORES;
  for (const p of positionals) {
    if (!(STORES as readonly string[]).includes(p)) throw new UsageError(`unknown store ${JSON.stringify(p)}; expected ${STORES.join(' or ')}`);
  }
  return positionals as StoreName[];
}

export const servicesUpCommand: Command = {
  summary: 'start PostgreSQL and Elasticsearch on 127.0.0.1 (idempotent) [store...]',
  async run({ config, log, args }) {
    const { positionals } = parseCommandArgs(args, {});
    await servicesUp(config, log, storesFrom(positionals));
  },
};

export const servicesDownCommand: Command = {
  summary: 'stop the stores that `services up` started [store...]',
  async run({ config, log, args }) {
    const { positionals } = parseCommandArgs(args, {});
    await servicesDown(config, log, storesFrom(positionals));
  },
};

export const servicesStatusCommand: Command = {
  summary: 'what runs where, which versions [--json]',
  async run({ config, args }) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, false);
    const status = await servicesStatus(config);
    if (values.json === true) {
      process.stdout.write(JSON.stringify({ stores: status }, null, 2) + '\n');
    } else {
      for (const s of status) {
        const where = s.managed_here ? `started here, data ${s.data_dir ?? '?'}` : 'external (not started here)';
        process.stdout.write(
          `${s.store.padEnd(14)} ${s.status.padEnd(5)} ${(s.version ?? '-').padEnd(10)} ${s.url}  ${where}` +
            `${s.jdk ? `, JDK ${s.jdk}` : ''}${s.status === 'down' && s.error ? `  (${s.error})` : ''}\n`,
        );
      }
    }
    return status.every((s) => s.status === 'up') ? 0 : 1;
  },
};
