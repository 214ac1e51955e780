// A real, isolated PostgreSQL database per suite: cloned from a template that is migrated
// once per set of migrations (CREATE DATABASE ... TEMPLATE is a file copy: fast).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/database.js';
import { CODE_LABELS } from '../../src/db/labels.js';
import { MIGRATIONS, migrateToLatest } from '../../src/db/migrate.js';
import { importCalaccess, type ImportReport } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { testConfig } from './env.js';

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: testConfig().databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let templateReady: Promise<string> | undefined;

function ensureTemplate(): Promise<string> {
  templateReady ??= (async () => {
    const hash = createHash('sha256').update(Object.keys(MIGRATIONS).join(',')).update(JSON.stringify(CODE_LABELS)).digest('hex').slice(0, 10);
    const name = `disclosure_tpl_${hash}`;
    const exists = await admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
    if (!exists) {
      const building = `${name}_building_${process.pid}`;
      await admin((c) => c.query(`CREATE DATABASE ${ident(building)}`));
      const db = createDb({ databaseUrl: withDatabase(testConfig().databaseUrl, building), pgPoolMax: 2 });
      try {
        await migrateToLatest(db.kysely);
      } finally {
        await db.close();
      }
      // Renamed only when complete, so an interrupted run never leaves a half template.
      await admin((c) => c.query(`ALTER DATABASE ${ident(building)} RENAME TO ${ident(name)}`));
    }
    return name;
  })();
  return templateReady;
}

/**
 * Plain DROP DATABASE: it makes autovacuum workers on the database exit by itself, which
 * WITH (FORCE) would refuse to signal for a non-superuser. Retried while the server still
 * sees a session that is closing.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)}`));
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

let counter = 0;

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${++counter}`;
  await admin((c) => c.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`));
  return openTestDatabase(name, label);
}

/** A test database by name: one just made, or one an earlier run kept (a benchmark's --keep). */
export function openTestDatabase(name: string, label = 'reused'): TestDatabase {
  const url = withDatabase(testConfig().databaseUrl, name);
  const db = createDb({ databaseUrl: url, pgPoolMax: 4 }, `test-${label}`);
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.close();
      await dropDatabase(name);
    },
  };
}

/** Imports an export folder into a test database; its rejects go to a temporary folder,
 *  removed after. */
export async function importInto(t: TestDatabase, source: string): Promise<ImportReport> {
  const rejects = mkdtempSync(path.join(os.tmpdir(), 'rej-'));
  try {
    return await importCalaccess(t.db.pool, { source, rejectsDir: rejects, log: silentLogger });
  } finally {
    rmSync(rejects, { recursive: true, force: true });
  }
}
