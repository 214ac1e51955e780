// `disclosure services up|down|status`: brings up the real stores the configuration
// points to. A URL that already answers is used as it is and nothing is started; a
// loopback URL that does not answer gets a local server from scripts/services.sh.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { createDb } from '../db/database.js';
import type { StoreName } from '../errors.js';
import type { Logger } from '../logger.js';
import { createSearchClient } from '../search/client.js';
import { probeElasticsearch, probePostgres, type StoreHealth } from './health-service.js';

/**
 * The Elasticsearch that `services up` runs: the official integration-test zip from Maven
 * Central. 8.19 is the newest line published as integ-test-zip there (no 9.x artifact
 * exists under org.elasticsearch.distribution.integ-test-zip); it runs on Temurin 25.
 */
export const ELASTICSEARCH_DISTRIBUTION = Object.freeze({
  version: '8.19.21',
  sha256: '215d5f3dbf0609a149f6218a9e47b6ae2df34ebbff3c5754e35f15a5e5393c8a',
});

export const STORES: readonly StoreName[] = ['postgresql', 'elasticsearch'];

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/services.sh');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The API's login role, when it is another user on the same server as the owner's. */
function readerRole(config: Readonly<Config>): { PG_READER_USER: string; PG_READER_PASSWORD: string } | Record<string, never> {
  const owner = new URL(config.databaseUrl);
  const api = new URL(config.apiDatabaseUrl);
  const user = decodeURIComponent(api.username);
  if (!user || user === decodeURIComponent(owner.username) || api.host !== owner.host) return {};
  return { PG_READER_USER: user, PG_READER_PASSWORD: decodeURIComponent(api.password) };
}

function scriptEnv(config: Readonly<Config>): NodeJS.ProcessEnv {
  const db = new URL(config.databaseUrl);
  const es = new URL(config.elasticsearchUrl);
  return {
    ...process.env,
    ...readerRole(config),
    DISCLOSURE_CACHE_DIR: config.cacheDir,
    PG_PORT: db.port || '5432',
    PG_USER: decodeURIComponent(db.username || 'disclosure'),
    PG_PASSWORD: decodeURIComponent(db.password || 'disclosure'),
    PG_DATABASE: decodeURIComponent(db.pathname.replace(/^\//, '') || 'disclosure'),
    ES_PORT: es.port || (es.protocol === 'https:' ? '443' : '80'),
    ES_VERSION: ELASTICSEARCH_DISTRIBUTION.version,
    ES_SHA256: ELASTICSEARCH_DISTRIBUTION.sha256,
    ES_HEAP: config.esHeap,
    ES_JAVA_HOME: config.esJavaHome,
  };
}

export function runServicesScript(config: Readonly<Config>, action: 'up' | 'down', store: StoreName): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, action, store], { env: scriptEnv(config), stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`scripts/services.sh ${action} ${store} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function probeStore(config: Readonly<Config>, store: StoreName): Promise<StoreHealth> {
  if (store === 'postgresql') {
    const db = createDb({ ...config, pgPoolMax: 1 }, 'disclosure-services');
    try {
      return await probePostgres(db.kysely);
    } finally {
      await db.close();
    }
  }
  const es = createSearchClient(config);
  try {
    return await probeElasticsearch(es);
  } finally {
    await es.close();
  }
}

function urlOf(config: Readonly<Config>, store: StoreName): URL {
  return new URL(store === 'postgresql' ? config.databaseUrl : config.elasticsearchUrl);
}

/** The store is run by this project's script (its data folder and pid are in the cache). */
export function isManagedHere(config: Readonly<Config>, store: StoreName): boolean {
  return store === 'postgresql'
    ? existsSync(path.join(config.cacheDir, 'postgresql/data/postmaster.pid'))
    : existsSync(path.join(config.cacheDir, 'elasticsearch/elasticsearch.pid'));
}

export async function servicesUp(config: Readonly<Config>, log: Logger, stores: readonly StoreName[] = STORES): Promise<void> {
  for (const store of stores) {
    const started = performance.now();
    const before = await probeStore(config, store);
    if (before.status === 'up' && !isManagedHere(config, store)) {
      log.info('store already answers; using it and starting nothing', { store, version: before.version });
      continue;
    }
    const url = urlOf(config, store);
    if (before.status === 'down' && !LOOPBACK.has(url.hostname)) {
      throw new Error(`${store} at ${url.host} does not answer (${before.error ?? 'down'}), and only loopback servers are started here`);
    }
    // Also for a store already run here: the script is idempotent and keeps the role,
    // database and configuration in step.
    await runServicesScript(config, 'up', store);
    const after = await probeStore(config, store);
    if (after.status !== 'up') throw new Error(`${store} was started but does not answer: ${after.error ?? 'unknown error'}`);
    log.info('store up', { store, version: after.version, seconds: Math.round(performance.now() - started) / 1000 });
  }
}

export async function servicesDown(config: Readonly<Config>, log: Logger, stores: readonly StoreName[] = STORES): Promise<void> {
  for (const store of [...stores].reverse()) {
    if (!isManagedHere(config, store)) {
      log.info('not started here; leaving it alone', { store });
      continue;
    }
    await runServicesScript(config, 'down', store);
  }
}

export interface StoreStatus extends StoreHealth {
  store: StoreName;
  url: string;
  managed_here: boolean;
  data_dir: string | null;
  jdk?: string;
}

function redact(u: URL): string {
  const copy = new URL(u.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

export async function servicesStatus(config: Readonly<Config>): Promise<StoreStatus[]> {
  return Promise.all(
    STORES.map(async (store) => {
      const health = await probeStore(config, store);
      const managed = isManagedHere(config, store);
      const status: StoreStatus = {
        store,
        url: redact(urlOf(config, store)),
        ...health,
        managed_here: managed,
        data_dir: managed ? path.join(config.cacheDir, store === 'postgresql' ? 'postgresql/data' : 'elasticsearch/data') : null,
      };
      const jdkFile = path.join(config.cacheDir, 'elasticsearch/jdk');
      if (store === 'elasticsearch' && managed && existsSync(jdkFile)) status.jdk = readFileSync(jdkFile, 'utf8').trim();
      return status;
    }),
  );
}
