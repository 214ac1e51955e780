// Whether each store answers, which version it runs and how long it took to answer.
import type { Client } from '@elastic/elasticsearch';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { describeError, type StoreName } from '../errors.js';

export interface StoreHealth {
  status: 'up' | 'down';
  version: string | null;
  latency_ms: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  stores: Record<StoreName, StoreHealth>;
}

const PROBE_TIMEOUT_MS = 2_000;

async function timed(probe: () => Promise<string>): Promise<StoreHealth> {
  const start = performance.now();
  try {
    const version = await probe();
    return { status: 'up', version, latency_ms: round(performance.now() - start) };
  } catch (err) {
    return { status: 'down', version: null, latency_ms: round(performance.now() - start), error: describeError(err) };
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export async function probePostgres(db: Kysely<Database>): Promise<StoreHealth> {
  return timed(async () => {
    const res = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db);
    return res.rows[0]?.version ?? 'unknown';
  });
}

export async function probeElasticsearch(es: Client): Promise<StoreHealth> {
  return timed(async () => {
    // GET / is not served by the integration-test distribution; node info is.
    const info = await es.nodes.info(
      { node_id: '_local', metric: '_none', filter_path: 'nodes.*.version' },
      { requestTimeout: PROBE_TIMEOUT_MS, maxRetries: 0 },
    );
    const node = Object.values(info.nodes ?? {})[0];
    return node?.version ?? 'unknown';
  });
}

export async function checkHealth(db: Kysely<Database>, es: Client): Promise<HealthReport> {
  const [postgresql, elasticsearch] = await Promise.all([probePostgres(db), probeElasticsearch(es)]);
  const up = postgresql.status === 'up' && elasticsearch.status === 'up';
  return { status: up ? 'ok' : 'unavailable', stores: { postgresql, elasticsearch } };
}
