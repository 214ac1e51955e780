// One way for an integration suite to get its stores: a fresh copy of a prepared data set
// (a database cloned from a template, its search indices cloned from template indices),
// exports of the suite's own imported on top and indexed as `index sync` would, and the
// app over them. A suite's setup is two lines:
//
//   before(async () => (s = await stores('exports', { imports: [builder] })));
//   after(() => s.close());
//
// The data sets (the real sample, an empty database, generated exports) are imported and
// indexed once, then kept across runs, named by a hash of the code that builds them and of
// the files they read (code-hash.ts): a change to the importer, a migration or a mapping
// builds them again, a change elsewhere does not. A copy costs a CREATE DATABASE ...
// TEMPLATE and one `_clone` per index (hard links), instead of an import and a rebuild.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Express } from 'express';
import { aliasName, indexName, KIND_NAMES, KINDS, type KindName } from '../../indexers/kinds.js';
import { catchUp, mergeToOneSegment, rebuildKind } from '../../indexers/rebuild.js';
import { createApp, exportJobsOf } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { importCalaccess } from '../../src/import/importer.js';
import { silentLogger } from '../../src/logger.js';
import { advanceCheckpoint, lastChangeSeq, recordRebuild } from '../../src/repositories/index-source-repository.js';
import { createSearchClient } from '../../src/search/client.js';
import type { ExportJobs } from '../../src/services/export-jobs.js';
import type { ExportService } from '../../src/services/export-service.js';
import { ExportBuilder, SAMPLE_DIR } from '../builders/calaccess-export.js';
import { codeAndDataHash } from './code-hash.js';
import { testConfig } from './env.js';
import { createTestDatabase, databaseTemplate, importInto, migratedTemplate, processAlive, templateNames, type TestDatabase } from './test-db.js';
import { deleteIndices, testPrefix, testSearchClient } from './test-search.js';

/** An export made by the generator from the sample, imported whole or only some files. */
export interface GeneratedData {
  rows: number;
  seed: number;
  dirtyRate: number;
  /** Import only these files (upper-case names); all when absent. */
  only?: readonly string[];
}

/** The files contributions are indexed from: a generated export imported for its contributions only. */
export const CONTRIBUTION_FILES: readonly string[] = ['FILERS_CD.TSV', 'FILERNAME_CD.TSV', 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV', 'FILER_FILINGS_CD.TSV', 'RCPT_CD.TSV'];

/** What a copy starts with: the migrated schema only, the real sample, or a generated export. */
export type DataSet = 'empty' | 'sample' | GeneratedData;

export interface StoreOptions {
  /** The data set copied: the real sample when not given. */
  data?: DataSet;
  /** Exports imported on top of the copy, in order (folders, or builders: written, then removed). */
  imports?: readonly (string | ExportBuilder)[];
  /** Search indices: every kind (the default), only these kinds, or none. */
  index?: boolean | readonly KindName[];
}

/** An app over test stores, with what suites need of it typed. */
export interface TestApp {
  app: Express;
  /** The app's export jobs (started by the app unless given to it). */
  jobs: ExportJobs;
  config: Readonly<Config>;
  /** Stops what the app made for itself: its export jobs and its search client (not what it was given). */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Another handle on the database (another role, say); the suite's own when not given. */
  db?: Db;
  /** The app's search client; one made from the configuration when not given. */
  es?: Client;
  exports?: ExportService;
  jobs?: ExportJobs;
}

/** The one place tests make the app: the test configuration with `env` over it. */
export function testApp(db: Db, env: Record<string, string> = {}, opts: AppOptions = {}): TestApp {
  const config = testConfig(env);
  const es = opts.es ?? createSearchClient(config);
  const app = createApp({
    config,
    db: db.kysely,
    es,
    log: silentLogger,
    ...(opts.exports ? { exports: opts.exports } : {}),
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
  });
  const jobs = exportJobsOf(app);
  return {
    app,
    jobs,
    config,
    async close() {
      if (!opts.jobs) await jobs.stop();
      if (!opts.es) await es.close();
    },
  };
}

export interface Stores {
  /** The suite's own database, a copy of the data set with its imports. */
  t: TestDatabase;
  /** A search client of the suite's, closed by close(). */
  es: Client;
  /** The prefix of the suite's indices and aliases (ES_INDEX_PREFIX of its apps). */
  prefix: string;
  /** A temporary folder of the suite's, removed by close(). */
  dir: string;
  /** EXPORT_DIR of the suite's apps, inside dir. */
  exportDir: string;
  /** An app over these stores: ES_INDEX_PREFIX and EXPORT_DIR set, `env` over them. */
  app(env?: Record<string, string>, opts?: AppOptions): TestApp;
  /** Stops the apps' jobs, deletes the indices, drops the database, removes the folder. */
  close(): Promise<void>;
}

/** A fresh copy of a data set for one suite (see the top of this file). */
export async function stores(label: string, opts: StoreOptions = {}): Promise<Stores> {
  const data = opts.data ?? 'sample';
  const kinds = opts.index === false ? [] : opts.index === true || opts.index === undefined ? KIND_NAMES : opts.index;
  const es = testSearchClient();
  const prefix = testPrefix(label);
  const dir = mkdtempSync(path.join(os.tmpdir(), `fx-${label}-`));
  const exportDir = path.join(dir, 'exports');
  const apps: TestApp[] = [];
  let t: TestDatabase | undefined;
  const close = async (): Promise<void> => {
    for (const a of apps.splice(0)) await a.close();
    await deleteIndices(es, prefix);
    await es.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    t = await createTestDatabase(label, await dataTemplate(data));
    const db = t;
    const checkpoint = await copyIndices(es, db, data, kinds, prefix);
    for (const source of opts.imports ?? []) await importSource(db, source);
    if (opts.imports?.length && kinds.length > 0) await indexImports(es, db, kinds, prefix, checkpoint);
    return {
      t: db,
      es,
      prefix,
      dir,
      exportDir,
      app(env = {}, appOpts = {}) {
        const made = testApp(appOpts.db ?? db.db, { ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir, ...env }, appOpts);
        apps.push(made);
        return made;
      },
      close,
    };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

async function importSource(t: TestDatabase, source: string | ExportBuilder): Promise<void> {
  if (typeof source === 'string') {
    await importInto(t, source);
    return;
  }
  try {
    await importInto(t, source.write());
  } finally {
    source.remove();
  }
}

// ---- The data sets: database templates and index templates ----

const MIGRATE = new URL('../../src/db/migrate.js', import.meta.url);
const IMPORTER = new URL('../../src/import/importer.js', import.meta.url);
const GENERATOR = new URL('../../src/generator/index.js', import.meta.url);
const REBUILD = new URL('../../indexers/rebuild.js', import.meta.url);

function dataKey(data: DataSet): string {
  if (data === 'empty') return codeAndDataHash([MIGRATE]);
  if (data === 'sample') return codeAndDataHash([MIGRATE, IMPORTER], [SAMPLE_DIR]);
  return codeAndDataHash([MIGRATE, IMPORTER, GENERATOR], [SAMPLE_DIR], JSON.stringify(data));
}

/** The database template of a data set, made when missing. */
async function dataTemplate(data: DataSet): Promise<string> {
  const migrated = await migratedTemplate();
  if (data === 'empty') return migrated;
  return databaseTemplate(`disclosure_fx_${dataKey(data)}`, (t) => fillDataSet(t, data), migrated);
}

async function fillDataSet(t: TestDatabase, data: GeneratedData | 'sample'): Promise<void> {
  if (data === 'sample') {
    await importInto(t, SAMPLE_DIR);
    return;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'fx-gen-'));
  try {
    await generateCalaccess({ rows: data.rows, out: path.join(work, 'export'), sampleDir: SAMPLE_DIR, seed: data.seed, dirtyRate: data.dirtyRate });
    await importCalaccess(t.db.pool, { source: path.join(work, 'export'), rejectsDir: path.join(work, 'rejects'), log: silentLogger, ...(data.only ? { only: data.only } : {}) });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Template indices are named by the data set and the indexer code; never written to. */
function indexTemplateName(data: DataSet, kind: KindName): string {
  const key = dataKey(data);
  return `fxtpl-${key}-${codeAndDataHash([REBUILD], [], key)}-${kind}`;
}

/** Template indices of data sets whose database template is gone (dropped when unused, test-db.ts). */
async function deleteOrphanTemplates(es: Client): Promise<void> {
  const keys = new Set((await templateNames()).map((n) => n.slice(n.lastIndexOf('_') + 1)));
  const names = Object.keys(await es.indices.get({ index: 'fxtpl-*', allow_no_indices: true, expand_wildcards: 'all', features: ['settings'] }));
  const orphans = names.filter((n) => !keys.has(n.split('-')[1]!));
  if (orphans.length > 0) await es.indices.delete({ index: orphans, ignore_unavailable: true });
}

const indexTemplates = new Map<string, Promise<void>>();

/** The template index of each kind of a data set, built from a copy of its database when missing. */
async function ensureIndexTemplates(es: Client, data: DataSet, kinds: readonly KindName[]): Promise<void> {
  const missing = kinds.filter((k) => !indexTemplates.has(indexTemplateName(data, k)));
  if (missing.length > 0) {
    const building = buildIndexTemplates(es, data, missing);
    for (const k of missing) indexTemplates.set(indexTemplateName(data, k), building);
    // A failed build (a store restarting, say) is tried again by the next suite.
    building.catch(() => {
      for (const k of missing) indexTemplates.delete(indexTemplateName(data, k));
    });
  }
  await Promise.all(kinds.map((k) => indexTemplates.get(indexTemplateName(data, k)) ?? Promise.resolve()));
}

let builds = 0;

/** Indices a killed run left half-built (fxbuild-<pid>-...): its process is gone. */
async function deleteAbandonedBuilds(es: Client): Promise<void> {
  const names = Object.keys(await es.indices.get({ index: 'fxbuild-*', allow_no_indices: true, expand_wildcards: 'all', features: ['settings'] }));
  const pids = new Set(names.map((n) => Number(n.split('-')[1])).filter((pid) => pid !== process.pid && !processAlive(pid)));
  for (const pid of pids) await deleteIndices(es, `fxbuild-${pid}-`);
}

async function buildIndexTemplates(es: Client, data: DataSet, kinds: readonly KindName[]): Promise<void> {
  const absent: KindName[] = [];
  for (const kind of kinds) {
    const name = indexTemplateName(data, kind);
    if (await es.indices.exists({ index: name })) await es.cluster.health({ index: name, wait_for_status: 'green', timeout: '60s' });
    else absent.push(kind);
  }
  if (absent.length === 0) return;
  await deleteAbandonedBuilds(es);
  await deleteOrphanTemplates(es);
  const copy = await createTestDatabase('fx_index_build', await dataTemplate(data));
  const prefix = `fxbuild-${process.pid}-${++builds}-`;
  try {
    for (const kind of absent) {
      // Built exactly as `index rebuild` builds it, then frozen (a clone's source must
      // refuse writes) and given its lasting name by a clone of its own: the name appears
      // only once the index is whole, and a run that built the same one first wins.
      const built = await rebuildKind({ es, db: copy.db, prefix, log: silentLogger }, kind);
      await es.indices.putSettings({ index: built.index, settings: { 'index.blocks.write': true } });
      await es.indices
        .clone({ index: built.index, target: indexTemplateName(data, kind), settings: { number_of_replicas: KINDS[kind].mapping.settings.number_of_replicas ?? 0 } })
        .catch((err: unknown) => {
          if (!String((err as { message?: string }).message).includes('resource_already_exists_exception')) throw err;
        });
    }
  } finally {
    await deleteIndices(es, prefix);
    await copy.drop();
  }
}

/**
 * The suite's indices: a clone of each kind's template under the suite's prefix, with its
 * alias, and the database's index state saying so (as after `index rebuild`). Returns the
 * change-log position the indices are at.
 */
async function copyIndices(es: Client, t: TestDatabase, data: DataSet, kinds: readonly KindName[], prefix: string): Promise<string> {
  const checkpoint = await lastChangeSeq(t.db);
  if (kinds.length === 0) return checkpoint;
  await ensureIndexTemplates(es, data, kinds);
  await Promise.all(
    kinds.map(async (kind) => {
      const index = indexName(prefix, kind, 1);
      await es.indices.clone({
        index: indexTemplateName(data, kind),
        target: index,
        settings: { 'index.blocks.write': false, number_of_replicas: KINDS[kind].mapping.settings.number_of_replicas ?? 0 },
        aliases: { [aliasName(prefix, kind)]: {} },
      });
      await recordRebuild(t.db, kind, 1, index, checkpoint);
    }),
  );
  return checkpoint;
}

/**
 * The suite's imports into its indices, as the follower (`index sync`) writes them, then
 * merged into one segment as a rebuild leaves an index: the same documents and the same
 * scoring statistics as `index rebuild` would give.
 */
async function indexImports(es: Client, t: TestDatabase, kinds: readonly KindName[], prefix: string, from: string): Promise<void> {
  for (const kind of kinds) {
    const { seq, changes } = await catchUp({ es, db: t.db, prefix, log: silentLogger }, kind, aliasName(prefix, kind), from);
    await advanceCheckpoint(t.db, kind, seq);
    if (changes === 0) continue;
    await es.indices.refresh({ index: aliasName(prefix, kind) });
    await mergeToOneSegment(es, aliasName(prefix, kind));
    await es.indices.refresh({ index: aliasName(prefix, kind) });
  }
}
