// A real, isolated PostgreSQL database per suite: cloned from a template (CREATE DATABASE
// ... TEMPLATE is a file copy: fast). The templates (the migrated schema; the data sets of
// fixture.ts) are made once and kept across runs, named by a hash of the code that fills
// them, so a change to a migration or a label makes a new one.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { importCalaccess, type ImportReport } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { codeAndDataHash } from './code-hash.js';
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

/** Whether a database of that name exists. */
async function databaseExists(name: string): Promise<boolean> {
  return admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** Whether a process of this machine is alive (runs share the stores, not only this one). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Half-built copies of a template left by runs that were killed while building it. */
async function dropAbandonedBuilds(name: string): Promise<void> {
  const prefix = `${name}_building_`;
  const rows = await admin(async (c) => (await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])).rows);
  for (const { datname } of rows) {
    const pid = Number(datname.slice(prefix.length));
    if (pid === process.pid || !processAlive(pid)) await dropDatabase(datname);
  }
}

const TEMPLATE_NAMES = ['disclosure_tpl_%', 'disclosure_fx_%'];
const USED = 'test template, last used ';
/** A template no run has used for this long was made by code that is gone. */
const UNUSED_DAYS = 7;

/** When a run last used a template, in its comment: old ones are dropped by dropUnusedTemplates. */
async function markUsed(name: string): Promise<void> {
  await admin((c) => c.query(`COMMENT ON DATABASE ${ident(name)} IS '${USED}${new Date().toISOString()}'`));
}

/** Every template (each change to the code that fills one makes another) that no run has
 *  used for UNUSED_DAYS; one in use by a run just now is left (DROP refuses it). Called
 *  when a template is built, that is when code changed. */
async function dropUnusedTemplates(): Promise<void> {
  const rows = await admin(
    async (c) =>
      (
        await c.query<{ datname: string; used: string | null }>(
          `SELECT datname, shobj_description(oid, 'pg_database') AS used FROM pg_database
            WHERE (datname LIKE $1 OR datname LIKE $2) AND strpos(datname, '_building_') = 0`,
          TEMPLATE_NAMES,
        )
      ).rows,
  );
  const cutoff = Date.now() - UNUSED_DAYS * 86_400_000;
  for (const { datname, used } of rows) {
    const at = used?.startsWith(USED) ? Date.parse(used.slice(USED.length)) : NaN;
    // Templates from before these comments (none of this file's) are left as they are.
    if (at < cutoff) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(datname)}`)).catch(() => {});
  }
}

/** The data-set templates there are now (their names end with the data set's hash). */
export async function templateNames(): Promise<string[]> {
  return admin(async (c) => (await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2', TEMPLATE_NAMES)).rows.map((r) => r.datname));
}

const templates = new Map<string, Promise<string>>();

/**
 * A template database, made once by `fill` on a copy of `parent` (or an empty database)
 * and kept across runs under its name: the name carries the hash of what fills it. Built
 * under a name of its own and renamed only when complete, so an interrupted run never
 * leaves a half template; where another run finished the same template first, its copy
 * is used and this one dropped.
 */
export function databaseTemplate(name: string, fill: (t: TestDatabase) => Promise<void>, parent?: string): Promise<string> {
  let ready = templates.get(name);
  if (!ready) {
    ready = (async () => {
      if (await databaseExists(name)) {
        await markUsed(name);
        return name;
      }
      await dropAbandonedBuilds(name);
      const building = `${name}_building_${process.pid}`;
      await admin((c) => c.query(`CREATE DATABASE ${ident(building)}${parent ? ` TEMPLATE ${ident(parent)}` : ''}`));
      const t = openTestDatabase(building, 'template', 2);
      try {
        await fill(t);
      } finally {
        await t.db.close();
      }
      try {
        await admin((c) => c.query(`ALTER DATABASE ${ident(building)} RENAME TO ${ident(name)}`));
      } catch (err) {
        if ((err as { code?: string }).code !== '42P04') throw err;
        await dropDatabase(building);
      }
      await markUsed(name);
      await dropUnusedTemplates();
      return name;
    })();
    templates.set(name, ready);
    // A failed build (a store restarting, say) is tried again by the next suite.
    ready.catch(() => templates.delete(name));
  }
  return ready;
}

/** The migrated schema with its labels: the template of every test database. */
export function migratedTemplate(): Promise<string> {
  const hash = codeAndDataHash([new URL('../../src/db/migrate.js', import.meta.url)]);
  return databaseTemplate(`disclosure_tpl_${hash}`, async (t) => {
    await migrateToLatest(t.db.kysely);
  });
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

/** A new database for a suite: a copy of the template given (one databaseTemplate made),
 *  or of the migrated schema. */
export async function createTestDatabase(label: string, template?: string): Promise<TestDatabase> {
  template ??= await migratedTemplate();
  const name = `test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${++counter}`;
  await admin((c) => c.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`));
  return openTestDatabase(name, label);
}

/** A test database by name: one just made, or one an earlier run kept (a benchmark's --keep). */
export function openTestDatabase(name: string, label = 'reused', pgPoolMax = 4): TestDatabase {
  const url = withDatabase(testConfig().databaseUrl, name);
  const db = createDb({ databaseUrl: url, pgPoolMax }, `test-${label}`);
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
