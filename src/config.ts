// Every setting of the service, read once from the environment, validated, frozen.
// A bad value stops start-up with a ConfigError that names the variable and says what
// is allowed; nothing downstream re-reads process.env.
import os from 'node:os';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  /** PostgreSQL, the source of truth: the owner role (migrations, importer, indexer). */
  databaseUrl: string;
  /**
   * PostgreSQL for `disclosure serve`: a role that may read the filing tables and write
   * only export_jobs (see the migration 20261201_05_api_reader). Defaults to DATABASE_URL
   * with the user and password disclosure_reader.
   */
  apiDatabaseUrl: string;
  pgPoolMax: number;
  /** Elasticsearch, the derived search view. */
  elasticsearchUrl: string;
  esRequestTimeoutMs: number;
  /** Prefix of every index and alias name, so tests and benchmarks can share a server. */
  esIndexPrefix: string;
  /** Java heap of the Elasticsearch that `disclosure services up` starts, e.g. 1g, 512m. */
  esHeap: string;
  /** JDK for that Elasticsearch; empty means the newest suitable JDK under /usr/lib/jvm. */
  esJavaHome: string;
  /** HTTP listener of the API. */
  host: string;
  port: number;
  /** Downloads, the unpacked Elasticsearch and the data folders of the local services. */
  cacheDir: string;
  /** Files of export jobs and bulk datasets. */
  exportDir: string;
  /** Finished export job files are deleted this many hours after they finish. */
  exportJobTtlHours: number;
  /** Streaming exports at once (more is a 429); export jobs at once. */
  maxConcurrentExports: number;
  maxConcurrentExportJobs: number;
  /** Per-client token buckets (0 requests turns a limit off): all requests, and expensive ones. */
  rateLimit: RateLimit;
  expensiveRateLimit: RateLimit;
  /** facet_size above this makes a search expensive (its own budget and concurrency bound). */
  expensiveFacetSize: number;
  /** Expensive searches running at once; one more is a 429. */
  maxConcurrentExpensiveSearches: number;
  /** Proxy hops in front of the API whose X-Forwarded-For is believed (0: the socket's address). */
  trustProxy: number;
  /**
   * The V8 heap (old generation, MB) `disclosure serve` runs its API under, without any
   * Node flag from the user; 0: no bound of its own (Node's default, about a quarter of
   * the machine's memory). A --max-old-space-size given to Node wins over it.
   */
  apiHeapMb: number;
  logLevel: LogLevel;
}

export interface RateLimit {
  /** Requests a client may make per minute, sustained; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may make at once above that rate (the bucket's size). */
  burst: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function defaultCacheDir(env: Env): string {
  // Elasticsearch runs as an unprivileged user that must read its install and write its
  // data, which it cannot do under root's 0700 home; root therefore caches in /var/cache.
  if (process.getuid?.() === 0) return '/var/cache/calaccess-disclosure';
  const xdg = env['XDG_CACHE_HOME'];
  return path.join(xdg && xdg.length > 0 ? xdg : path.join(os.homedir(), '.cache'), 'calaccess-disclosure');
}

function read(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function urlSetting(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = read(env, name) ?? fallback;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a URL (got ${JSON.stringify(raw)}); expected e.g. ${fallback}`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got ${JSON.stringify(u.protocol)})`);
  }
  return raw;
}

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be from ${min} to ${max} (got ${n})`);
  return n;
}

function patternSetting(env: Env, name: string, fallback: string, pattern: RegExp, allowed: string): string {
  const raw = read(env, name) ?? fallback;
  if (!pattern.test(raw)) throw new ConfigError(name, `must be ${allowed} (got ${JSON.stringify(raw)})`);
  return raw;
}

function enumSetting<T extends string>(env: Env, name: string, fallback: T, values: readonly T[]): T {
  const raw = read(env, name) ?? fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')} (got ${JSON.stringify(raw)})`);
  }
  return raw as T;
}

function pathSetting(env: Env, name: string, fallback: string): string {
  const v = read(env, name) ?? fallback;
  if (!path.isAbsolute(v)) throw new ConfigError(name, `must be an absolute path (got ${JSON.stringify(v)})`);
  return v;
}

/** The heap `disclosure serve` bounds its API to unless told otherwise (README, API_HEAP_MB). */
export const DEFAULT_API_HEAP_MB = 160;

function apiHeapSetting(env: Env): number {
  const mb = intSetting(env, 'API_HEAP_MB', DEFAULT_API_HEAP_MB, 0, 65_536);
  // Below this the API cannot hold its caches and four exports' pages at once.
  if (mb !== 0 && mb < 64) throw new ConfigError('API_HEAP_MB', `must be 0 (no bound) or from 64 to 65536 (got ${mb})`);
  return mb;
}

export const DEFAULT_DATABASE_URL = 'postgres://disclosure:disclosure@127.0.0.1:5433/disclosure';
export const DEFAULT_ELASTICSEARCH_URL = 'http://127.0.0.1:9201';

/** The reader role's URL: DATABASE_URL's server and database, the API's own user. */
function readerUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.username = 'disclosure_reader';
  u.password = 'disclosure_reader';
  return u.href;
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const esHeap = patternSetting(env, 'ES_HEAP', '1g', /^[1-9]\d*[mg]$/, 'a JVM heap size such as 512m or 1g');
  const heapMb = esHeap.endsWith('g') ? Number(esHeap.slice(0, -1)) * 1024 : Number(esHeap.slice(0, -1));
  if (heapMb < 256 || heapMb > 16384) throw new ConfigError('ES_HEAP', `must be from 256m to 16g (got ${esHeap})`);
  const cacheDir = read(env, 'DISCLOSURE_CACHE_DIR') ?? defaultCacheDir(env);
  if (!path.isAbsolute(cacheDir)) throw new ConfigError('DISCLOSURE_CACHE_DIR', `must be an absolute path (got ${JSON.stringify(cacheDir)})`);
  const esJavaHome = read(env, 'ES_JAVA_HOME') ?? '';
  if (esJavaHome !== '' && !path.isAbsolute(esJavaHome)) throw new ConfigError('ES_JAVA_HOME', `must be an absolute path (got ${JSON.stringify(esJavaHome)})`);
  const databaseUrl = urlSetting(env, 'DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:']);
  const rateLimit = Object.freeze({
    perMinute: intSetting(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    burst: intSetting(env, 'RATE_LIMIT_BURST', 200, 1, 1_000_000),
  });
  const expensiveRateLimit = Object.freeze({
    perMinute: intSetting(env, 'RATE_LIMIT_EXPENSIVE_PER_MINUTE', 60, 0, 1_000_000),
    burst: intSetting(env, 'RATE_LIMIT_EXPENSIVE_BURST', 30, 1, 1_000_000),
  });
  return Object.freeze({
    databaseUrl,
    apiDatabaseUrl: urlSetting(env, 'API_DATABASE_URL', readerUrl(databaseUrl), ['postgres:', 'postgresql:']),
    pgPoolMax: intSetting(env, 'PG_POOL_MAX', 10, 1, 200),
    elasticsearchUrl: urlSetting(env, 'ELASTICSEARCH_URL', DEFAULT_ELASTICSEARCH_URL, ['http:', 'https:']),
    esRequestTimeoutMs: intSetting(env, 'ES_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    esIndexPrefix: patternSetting(env, 'ES_INDEX_PREFIX', '', /^([a-z0-9][a-z0-9_-]{0,40})?$/, 'empty or lower-case letters, digits, _ and - (at most 41)'),
    esHeap,
    esJavaHome,
    host: patternSetting(env, 'HOST', '127.0.0.1', /^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address'),
    port: intSetting(env, 'PORT', 3000, 0, 65535),
    cacheDir,
    exportDir: pathSetting(env, 'EXPORT_DIR', path.join(cacheDir, 'exports')),
    exportJobTtlHours: intSetting(env, 'EXPORT_JOB_TTL_HOURS', 24, 1, 24 * 90),
    maxConcurrentExports: intSetting(env, 'MAX_CONCURRENT_EXPORTS', 4, 1, 64),
    maxConcurrentExportJobs: intSetting(env, 'MAX_CONCURRENT_EXPORT_JOBS', 2, 1, 16),
    rateLimit,
    expensiveRateLimit,
    expensiveFacetSize: intSetting(env, 'EXPENSIVE_FACET_SIZE', 20, 1, 50),
    maxConcurrentExpensiveSearches: intSetting(env, 'MAX_CONCURRENT_EXPENSIVE_SEARCHES', 4, 1, 64),
    trustProxy: intSetting(env, 'TRUST_PROXY', 0, 0, 10),
    apiHeapMb: apiHeapSetting(env),
    logLevel: enumSetting<LogLevel>(env, 'LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error']),
  });
}
