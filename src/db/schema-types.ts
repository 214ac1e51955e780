// `disclosure db types`: the `Database` types (src/db/generated-schema.ts) come from the
// migrations, never by hand. A scratch database is created, migrated and read back by
// kysely-codegen; the drift test runs the same function and compares with the committed
// file, so a migration that lands without new types fails the suite.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { GenerateOptions } from 'kysely-codegen';
import pg from 'pg';
import { createDb } from './database.js';
import { migrateToLatest } from './migrate.js';

/** The committed file, from the repository root. */
export const GENERATED_SCHEMA_PATH = 'src/db/generated-schema.ts';

/** The repository root, whether this module runs from src/ (tsx) or dist/src/ (tsc). */
export function repositoryRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const up = here.split(path.sep).includes('dist') ? '../../..' : '../..';
  return path.resolve(here, up);
}

// What the pool returns (database.ts): dates and timestamps as written, numerics and
// bigints as exact strings. kysely-codegen's defaults would say Date for both.
const TYPE_MAPPING: Record<string, string> = {
  date: 'string',
  timestamp: 'string',
  timestamptz: 'string',
};

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

async function onServer(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** The TypeScript source kysely-codegen writes for a migrated database. */
export async function typesOfDatabase(db: Kysely<unknown>): Promise<string> {
  // kysely-codegen is a devDependency: loaded only by this command and its test.
  const codegen = await import('kysely-codegen');
  return codegen.generate({
    // The same kysely at run time; its CommonJS and ESM declarations differ only nominally.
    db: db as unknown as GenerateOptions['db'],
    dialect: new codegen.PostgresDialect({ dateParser: 'string', numericParser: 'string' }),
    camelCase: false,
    typeMapping: TYPE_MAPPING,
    // The migrator's own bookkeeping is no table the code queries.
    excludePattern: 'public.kysely_migration*',
    outFile: null,
  });
}

/**
 * Migrates a scratch database on the server of `databaseUrl` (its role must be allowed to
 * create databases, as the test suite's role is), returns its types, and drops it.
 */
export async function typesFromMigrations(databaseUrl: string): Promise<string> {
  const name = `disclosure_types_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(databaseUrl, `CREATE DATABASE ${ident(name)}`);
  try {
    const db = createDb({ databaseUrl: withDatabase(databaseUrl, name), pgPoolMax: 2 }, 'disclosure-db-types');
    try {
      await migrateToLatest(db.kysely);
      return await typesOfDatabase(db.kysely as Kysely<unknown>);
    } finally {
      await db.close();
    }
  } finally {
    await onServer(databaseUrl, `DROP DATABASE IF EXISTS ${ident(name)}`);
  }
}

export async function writeSchemaTypes(source: string): Promise<string> {
  const file = path.join(repositoryRoot(), GENERATED_SCHEMA_PATH);
  await writeFile(file, source);
  return file;
}

export async function committedSchemaTypes(): Promise<string> {
  return readFile(path.join(repositoryRoot(), GENERATED_SCHEMA_PATH), 'utf8');
}
