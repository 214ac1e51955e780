import { sleep } from '../../indexers/apply-changes.js';
import { KIND_NAMES, type KindName } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { indexStatus } from '../../indexers/status.js';
import { runSync } from '../../indexers/sync.js';
import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { unavailableStore } from '../errors.js';
import { createSearchClient } from '../search/client.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command, CommandContext } from './commands.js';

function kindsFrom(positionals: string[]): KindName[] {
  for (const p of positionals) {
    if (!(KIND_NAMES as readonly string[]).includes(p)) throw new UsageError(`unknown kind ${JSON.stringify(p)}; expected one of ${KIND_NAMES.join(', ')}`);
  }
  return positionals.length > 0 ? (positionals as KindName[]) : [...KIND_NAMES];
}

async function withStores<T>(ctx: CommandContext, name: string, fn: (d: { db: ReturnType<typeof createDb>; es: ReturnType<typeof createSearchClient> }) => Promise<T>): Promise<T> {
  const db = createDb({ ...ctx.config, pgPoolMax: 4 }, name);
  const es = createSearchClient(ctx.config);
  try {
    return await fn({ db, es });
  } finally {
    await Promise.allSettled([db.close(), es.close()]);
  }
}

export const indexRebuildCommand: Command = {
  summary: 'rebuild search indices from the database, switch aliases [kind...] [--json]',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' } });
    const kinds = kindsFrom(positionals);
    await withStores(ctx, 'disclosure-index-rebuild', async ({ db, es }) => {
      await migrateToLatest(db.kysely);
      const results = [];
      for (const kind of kinds) results.push(await rebuildKind({ es, db, prefix: ctx.config.esIndexPrefix, log: ctx.log }, kind));
      if (values.json === true) process.stdout.write(JSON.stringify({ rebuilt: results }) + '\n');
      else for (const r of results) process.stdout.write(`${r.kind.padEnd(14)} ${String(r.docs).padStart(9)} documents in ${r.seconds} s (${r.docs_per_second}/s) -> ${r.index}\n`);
    });
  },
};

export const indexSyncCommand: Command = {
  summary: 'follow the change log into Elasticsearch until stopped (SIGINT/SIGTERM)',
  async run(ctx) {
    parseCommandArgs(ctx.args, {}, false);
    const controller = new AbortController();
    const stop = (signal: NodeJS.Signals): void => {
      ctx.log.info('stopping', { signal });
      controller.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await withStores(ctx, 'disclosure-index-sync', async ({ db, es }) => {
      // A follower outlives a database that is down when it starts (a host booting, a
      // restart): it waits with backoff, as it does for a database lost later.
      for (let backoff = 500; ; backoff = Math.min(backoff * 2, 15_000)) {
        try {
          await migrateToLatest(db.kysely);
          break;
        } catch (err) {
          if (controller.signal.aborted) return;
          if (unavailableStore(err) !== 'postgresql') throw err;
          ctx.log.warn('database unavailable; waiting for it', { backoff_ms: backoff, error: err instanceof Error ? err.message : String(err) });
          await sleep(backoff, controller.signal);
        }
      }
      await runSync({ es, db, config: ctx.config, log: ctx.log }, { signal: controller.signal });
    });
  },
};

export const indexStatusCommand: Command = {
  summary: 'documents in each index against rows in the database, checkpoint, lag, mapping version [--json]',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' } });
    const kinds = kindsFrom(positionals);
    const status = await withStores(ctx, 'disclosure-index-status', ({ db, es }) => indexStatus(es, db, ctx.config.esIndexPrefix, kinds));
    if (values.json === true) {
      process.stdout.write(JSON.stringify({ kinds: Object.fromEntries(status.map((s) => [s.kind, s])) }, null, 2) + '\n');
    } else {
      process.stdout.write('kind            index docs (current)     db rows (current)   checkpoint  lag changes  lag s  mapping  in sync\n');
      for (const s of status) {
        process.stdout.write(
          `${s.kind.padEnd(14)} ${String(s.index_docs ?? '-').padStart(10)} (${String(s.index_current_docs ?? '-').padStart(8)}) ${String(s.db_rows).padStart(10)} (${String(s.db_current_rows).padStart(8)}) ${s.checkpoint.padStart(11)} ${String(s.lag_changes).padStart(12)} ${String(s.lag_seconds).padStart(6)}  ${`${s.mapping_version ?? '-'}/${s.expected_mapping_version}`.padStart(7)}  ${s.in_sync ? 'yes' : 'no'}\n`,
        );
      }
    }
    const stale = status.filter((s) => s.index !== null && s.mapping_version !== s.expected_mapping_version);
    if (stale.length > 0) {
      process.stderr.write(`mapping changed since ${stale.map((s) => s.kind).join(', ')} ${stale.length === 1 ? 'was' : 'were'} built: run \`disclosure index rebuild\`\n`);
    }
    return status.every((s) => s.in_sync) ? 0 : 1;
  },
};
