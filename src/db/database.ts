// The one PostgreSQL pool and kysely instance of a process, created from config. Queries go
// through `kysely` (the app and its services get only that); `pool` is for the few raw
// paths that say why beside them: COPY in the importer and bulk exports, and the
// indexer's prepared source-row pages.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export interface Db {
  kysely: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

// Dates stay 'YYYY-MM-DD' strings (a JS Date would move California dates across the
// UTC day line), timestamps stay as written, numerics stay exact decimal strings.
const RAW_TEXT = (v: string): string => v;
const RAW_TEXT_OIDS: ReadonlySet<number> = new Set([1082, 1114, 1184]); // date, timestamp, timestamptz
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW_TEXT_OIDS.has(oid) ? RAW_TEXT : (pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown)) as pg.CustomTypesConfig['getTypeParser'],
};

export function poolConfig(config: Pick<Config, 'databaseUrl' | 'pgPoolMax'>, applicationName: string): pg.PoolConfig {
  return {
    connectionString: config.databaseUrl,
    max: config.pgPoolMax,
    // A store that is down must answer quickly with a 503, not hang a request.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: applicationName,
    // Dates and timestamps are read as text (above) and written into documents and exports
    // as they come: in ISO form whatever the server's or database's default DateStyle.
    options: '-c DateStyle=ISO',
    types,
  };
}

export function createDb(config: Pick<Config, 'databaseUrl' | 'pgPoolMax'>, applicationName = 'disclosure'): Db {
  const pool = new pg.Pool(poolConfig(config, applicationName));
  // An idle client that loses its server (PostgreSQL restarted) emits 'error' on the pool;
  // unhandled, that would kill the process. The next query reconnects.
  pool.on('error', () => {});
  // A client that is checked out but between queries (a migration, a transaction) when its
  // server goes away emits 'error' on itself, where the pool no longer listens: the owner
  // sees the failure on its next query, and the pool drops the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    pool,
    // kysely ends only a pool it has used; code that queried the pool directly (COPY,
    // views) would otherwise leave its idle connections open.
    close: async () => {
      await kysely.destroy();
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
}
