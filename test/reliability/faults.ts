// Faults while an import and the sync run, on stores of its own:
//   - Elasticsearch SIGKILLed (its java process) and started again,
//   - PostgreSQL stopped (immediate: a crash, then fast) and started again,
//   - the sync (`disclosure index sync`) SIGKILLed at random moments, 20 times or more,
//     and started again each time,
// while `disclosure import calaccess` loads generated exports one after another and an API
// (`disclosure serve`) is probed several times a second: with a store down it must answer
// 503 quickly (not hang, never another 5xx), and come back by itself. At the end the sync
// must catch up and every index must hold exactly the database's ids.
//
//   node dist/test/reliability/faults.js [--rows 20000] [--exports 6] [--fault-seconds 150]
//     [--sync-kills 24] [--seed 1] [--pg-port 55439] [--es-port 59211] [--cache-dir DIR] [--keep]
//     [--sync-log-level info] [--catch-up-seconds 900]
//
// Its PostgreSQL and Elasticsearch come from the project's own `disclosure services up`
// with a separate DISCLOSURE_CACHE_DIR and ports (never the stores of the README), and
// are stopped at the end whatever happens. Prints what it did and what it saw; exit 1 on
// any violation.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { KIND_NAMES, aliasName } from '../../indexers/kinds.js';
import { indexStatus } from '../../indexers/status.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/database.js';
import { createSearchClient } from '../../src/search/client.js';
import { ELASTICSEARCH_DISTRIBUTION } from '../../src/services/local-stores.js';
import { databaseIds, indexIds } from '../support/test-search.js';
import { Rng } from './fuzz-cases.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000' },
    exports: { type: 'string', default: '6' },
    'fault-seconds': { type: 'string', default: '150' },
    'sync-kills': { type: 'string', default: '24' },
    seed: { type: 'string', default: '1' },
    'pg-port': { type: 'string', default: '55439' },
    'es-port': { type: 'string', default: '59211' },
    'cache-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'sync-log-level': { type: 'string', default: 'info' },
    'catch-up-seconds': { type: 'string', default: '900' },
  },
  strict: true,
});

const int = (name: string, min: number, max: number): number => {
  const n = Number(values[name as keyof typeof values]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
};
const ROWS = int('rows', 100, 5_000_000);
const EXPORTS = int('exports', 1, 50);
const FAULT_SECONDS = int('fault-seconds', 30, 3_600);
const SYNC_KILLS = int('sync-kills', 0, 1_000);
const SEED = int('seed', 0, 2 ** 31);
const CATCH_UP_SECONDS = int('catch-up-seconds', 10, 3_600);
const PG_PORT = int('pg-port', 1024, 65535);
const ES_PORT = int('es-port', 1024, 65435);

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');
const shared = loadConfig({ ...process.env, DISCLOSURE_CACHE_DIR: undefined });
const CACHE = path.resolve(values['cache-dir'] ?? (process.getuid?.() === 0 ? '/var/cache/calaccess-faults' : `/tmp/calaccess-faults-${process.getuid?.() ?? 0}`));
const DATABASE_URL = `postgres://disclosure:disclosure@127.0.0.1:${PG_PORT}/disclosure`;
const ELASTICSEARCH_URL = `http://127.0.0.1:${ES_PORT}`;

// Never the README's stores: another cache folder, other ports.
if (CACHE === shared.cacheDir || CACHE.startsWith(shared.cacheDir + path.sep)) throw new Error(`--cache-dir must not be the shared cache ${shared.cacheDir}`);
for (const [mine, theirs] of [
  [PG_PORT, Number(new URL(shared.databaseUrl).port)],
  [ES_PORT, Number(new URL(shared.elasticsearchUrl).port)],
  [ES_PORT + 100, Number(new URL(shared.elasticsearchUrl).port) + 100],
]) {
  if (mine === theirs) throw new Error(`port ${mine} is the shared stores'; pick another`);
}

const ENV: NodeJS.ProcessEnv = (() => {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['API_DATABASE_URL', 'ES_INDEX_PREFIX', 'EXPORT_DIR', 'PORT', 'HOST']) delete e[k];
  return {
    ...e,
    DISCLOSURE_CACHE_DIR: CACHE,
    DATABASE_URL,
    ELASTICSEARCH_URL,
    ES_HEAP: '512m',
    LOG_LEVEL: 'warn',
    // One client (this script) probes the API: its budgets would only measure themselves.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0',
  };
})();
const config = loadConfig(ENV);
const LOGS = path.join(CACHE, 'logs');
const t0 = performance.now();
const now = (): number => (performance.now() - t0) / 1000;
const say = (msg: string): void => console.log(`[${now().toFixed(1).padStart(6)} s] ${msg}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const rng = new Rng(SEED);

// ------------------------------------------------------------------ processes

function logFile(name: string): WriteStream {
  mkdirSync(LOGS, { recursive: true });
  return createWriteStream(path.join(LOGS, `${name}.log`), { flags: 'a' });
}

/** A `disclosure` command to its end; its output goes to logs/<name>.log. */
function cli(name: string, args: string[], timeoutMs = 600_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const log = logFile(name);
    const child = spawn(process.execPath, [CLI, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      log.write(c);
    });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      log.end();
      resolve({ code, signal, stdout });
    });
  });
}

async function cliOk(name: string, args: string[]): Promise<string> {
  const r = await cli(name, args);
  if (r.code !== 0) throw new Error(`disclosure ${args.join(' ')} failed (${r.signal ?? `exit ${r.code}`}); see ${path.join(LOGS, `${name}.log`)}`);
  return r.stdout;
}

function startLong(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const log = logFile(name);
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.once('exit', () => log.end());
  return child;
}

const exited = (c: ChildProcess): Promise<void> => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', () => r())));

async function stopChild(c: ChildProcess | null, graceMs = 10_000): Promise<void> {
  if (!c || c.exitCode !== null || c.signalCode !== null) return;
  c.kill('SIGTERM');
  await Promise.race([exited(c), sleep(graceMs)]);
  if (c.exitCode === null && c.signalCode === null) {
    c.kill('SIGKILL');
    await exited(c);
  }
}

// ------------------------------------------------------------------ the stores' faults

function pgBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin`;
}

/** pg_ctl on this script's own cluster, as its owner (root runs it as postgres, like services.sh). */
function pgCtl(args: string[]): void {
  const data = path.join(CACHE, 'postgresql/data');
  const cmd = [`${pgBin()}/pg_ctl`, '-D', data, ...args];
  const r = process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', ...cmd], { encoding: 'utf8' }) : spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_ctl ${args.join(' ')} failed: ${r.stderr}`);
}

function esPid(): number | null {
  const f = path.join(CACHE, 'elasticsearch/elasticsearch.pid');
  if (!existsSync(f)) return null;
  const pid = Number(readFileSync(f, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Documents per index and what the last recovery replayed, to logs/elasticsearch-state.log. */
async function esSnapshot(label: string): Promise<void> {
  const get = async (p: string): Promise<unknown> => {
    try {
      const res = await fetch(`${ELASTICSEARCH_URL}${p}`, { signal: AbortSignal.timeout(5_000) });
      return await res.json();
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const log = logFile('elasticsearch-state');
  const indices = await get('/_cat/indices?format=json&h=index,health,docs.count,creation.date.string');
  const recovery = await get('/_recovery?active_only=false&filter_path=*.shards.type,*.shards.stage,*.shards.translog');
  log.end(JSON.stringify({ at: now(), label, indices, recovery }) + '\n');
}

// ------------------------------------------------------------------ probing the API

interface Probe {
  at: number;
  target: 'search' | 'view' | 'health';
  status: number;
  ms: number;
  down: string[];
}

const probes: Probe[] = [];
const down = new Set<string>();
/** When each store was last back up (seconds): 503s are expected until it recovers. */
const backAt: Record<string, number> = {};

function probeOnce(port: number, target: Probe['target'], url: string): Promise<Probe> {
  const started = performance.now();
  const downNow = [...down];
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ at: now(), target, status: res.statusCode ?? 0, ms: performance.now() - started, down: downNow }));
    });
    // The bound a client would wait: a store that is down must be a 503 well before this.
    req.setTimeout(10_000, () => {
      req.destroy();
      resolve({ at: now(), target, status: -1, ms: performance.now() - started, down: downNow });
    });
    req.on('error', () => resolve({ at: now(), target, status: 0, ms: performance.now() - started, down: downNow }));
  });
}

// ------------------------------------------------------------------ the run

interface FaultRecord {
  what: string;
  at: number;
  downSeconds: number;
  recoverySeconds: number | null;
}

async function main(): Promise<number> {
  const violations: string[] = [];
  const faults: FaultRecord[] = [];
  let serve: ChildProcess | null = null;
  let sync: ChildProcess | null = null;
  let importer: ChildProcess | null = null;
  let storesStarted = false;
  let stopping = false;
  const onSignal = (): void => {
    stopping = true;
  };
  process.once('SIGINT', onSignal);
  try {
    say(`cache ${CACHE}; PostgreSQL 127.0.0.1:${PG_PORT}, Elasticsearch 127.0.0.1:${ES_PORT}`);
    mkdirSync(path.join(CACHE, 'downloads'), { recursive: true });
    // The pinned zip the shared cache already holds (same SHA-256, checked by services.sh).
    const zip = `elasticsearch-${ELASTICSEARCH_DISTRIBUTION.version}.zip`;
    if (!existsSync(path.join(CACHE, 'downloads', zip)) && existsSync(path.join(shared.cacheDir, 'downloads', zip))) {
      copyFileSync(path.join(shared.cacheDir, 'downloads', zip), path.join(CACHE, 'downloads', zip));
    }
    storesStarted = true;
    await cliOk('services-up', ['services', 'up']);
    await cliOk('migrate', ['db', 'migrate']);
    say('stores up, database migrated');

    const exportsDir = path.join(CACHE, 'generated');
    for (let i = 1; i <= EXPORTS; i++) {
      const out = path.join(exportsDir, `seed-${i}`);
      if (!existsSync(path.join(out, 'generator-manifest.json'))) await cliOk('generate', ['generate', 'calaccess', '--rows', String(ROWS), '--seed', String(i), out]);
    }
    say(`${EXPORTS} generated exports of ${ROWS} contribution rows (more are made while the faults run)`);

    // The first export before the faults, so the views have a filer to show.
    await cliOk('import-0', ['import', 'calaccess', path.join(exportsDir, 'seed-1'), '--rejects', path.join(CACHE, 'rejects')]);
    const owner = createDb({ databaseUrl: DATABASE_URL, pgPoolMax: 2 }, 'faults');
    const filerId = (await owner.pool.query<{ filer_id: string }>('SELECT filer_id FROM filers ORDER BY filer_id LIMIT 1')).rows[0]?.filer_id;
    await owner.close();
    if (!filerId) throw new Error('no filer after the first import');

    // The sync, and a supervisor that starts it again whenever it ends (killed or not).
    let syncKills = 0;
    let syncOwnExits = 0;
    let killing = false;
    const startSync = (): void => {
      const c = startLong('sync', ['index', 'sync'], { LOG_LEVEL: values['sync-log-level'] });
      sync = c;
      c.once('exit', (code, signal) => {
        if (stopping || sync !== c) return;
        if (!killing) {
          syncOwnExits++;
          say(`sync ended by itself (${signal ?? `exit ${code}`}); starting it again`);
        }
        setTimeout(() => {
          if (!stopping && sync === c) startSync();
        }, killing ? 0 : 1_000);
      });
    };
    startSync();

    const servePort = 20_000 + rng.int(0, 20_000);
    serve = startLong('serve', ['serve'], { PORT: String(servePort) });
    for (let i = 0; ; i++) {
      const p = await probeOnce(servePort, 'health', '/health');
      if (p.status === 200) break;
      if (i > 100) throw new Error('the API did not come up');
      await sleep(200);
    }
    say(`API on 127.0.0.1:${servePort} (as the read-only role), sync running`);

    // Probes, several a second, until the end.
    let probing = true;
    let probeN = 0;
    const probeLoop = (async () => {
      while (probing) {
        probeN++;
        const target = (['search', 'view', 'health'] as const)[probeN % 3]!;
        // A new text each time: the API's answer cache would otherwise hide the store.
        const url = target === 'search' ? `/api/v1/contributions?q=probe${probeN}&page_size=5` : target === 'view' ? `/api/v1/filers/${encodeURIComponent(filerId)}` : '/health';
        const p = await probeOnce(servePort, target, url);
        probes.push(p);
        if (p.status === -1) violations.push(`${p.target} probe hung for 10 s at ${p.at.toFixed(1)} s (down: ${p.down.join(', ') || 'none'})`);
        else if (p.status === 0) violations.push(`${p.target} probe: connection failed at ${p.at.toFixed(1)} s (the API process died?)`);
        else if (p.status >= 500 && p.status !== 503) violations.push(`${p.target} probe answered ${p.status} at ${p.at.toFixed(1)} s`);
        await sleep(100);
      }
    })();

    // Imports, one after another through the whole fault phase (a new generated export
    // each, made as it is needed), each retried if a fault broke it.
    let importsDone = 0;
    let importRetries = 0;
    const faultEnd = now() + FAULT_SECONDS;
    const importLoop = (async () => {
      for (let i = 2; !stopping && (i <= EXPORTS || now() < faultEnd); i++) {
        const out = path.join(exportsDir, `seed-${i}`);
        if (!existsSync(path.join(out, 'generator-manifest.json'))) await cliOk('generate', ['generate', 'calaccess', '--rows', String(ROWS), '--seed', String(i), out]);
        for (let attempt = 1; ; attempt++) {
          const log = logFile(`import-${i}`);
          const c = spawn(process.execPath, [CLI, 'import', 'calaccess', out, '--rejects', path.join(CACHE, 'rejects')], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
          importer = c;
          c.stdout.pipe(log, { end: false });
          c.stderr.pipe(log, { end: false });
          const code = await new Promise<number | null>((r) => c.once('exit', (x) => r(x)));
          log.end();
          if (code === 0) break;
          importRetries++;
          if (attempt >= 8 || stopping) throw new Error(`import of seed-${i} failed ${attempt} times; see ${LOGS}/import-${i}.log`);
          say(`import of seed-${i} failed (attempt ${attempt}, exit ${code}); again in 3 s`);
          await sleep(3_000);
        }
        importsDone++;
        say(`import of seed-${i} done`);
      }
    })();

    // Sync kills at random moments, through the whole fault phase.
    const killLoop = (async () => {
      const every = Math.max(1, (FAULT_SECONDS - 10) / Math.max(SYNC_KILLS, 1));
      while (!stopping && (now() < faultEnd || syncKills < SYNC_KILLS)) {
        await sleep(rng.int(Math.round(every * 400), Math.round(every * 1600)));
        const c = sync as ChildProcess | null;
        if (!c || c.exitCode !== null || c.signalCode !== null) continue;
        killing = true;
        c.kill('SIGKILL');
        await exited(c);
        killing = false;
        syncKills++;
      }
    })();

    // The stores' faults, spread over the phase: ES, PG (immediate), ES, PG (fast).
    const storeFaults: { at: number; store: 'elasticsearch' | 'postgresql'; how: string }[] = [
      { at: 0.1, store: 'elasticsearch', how: 'SIGKILL' },
      { at: 0.35, store: 'postgresql', how: 'immediate' },
      { at: 0.6, store: 'elasticsearch', how: 'SIGKILL' },
      { at: 0.8, store: 'postgresql', how: 'fast' },
    ];
    const phaseStart = now();
    for (const f of storeFaults) {
      const wait = phaseStart + f.at * FAULT_SECONDS - now();
      if (wait > 0) await sleep(wait * 1000);
      if (stopping) break;
      const at = now();
      down.add(f.store);
      if (f.store === 'elasticsearch') {
        await esSnapshot(`before SIGKILL at ${at.toFixed(1)} s`);
        const pid = esPid();
        if (!pid) throw new Error('no Elasticsearch pid file');
        process.kill(pid, 'SIGKILL');
        say(`Elasticsearch SIGKILLed (pid ${pid})`);
      } else {
        pgCtl(['-m', f.how, '-w', 'stop']);
        say(`PostgreSQL stopped (${f.how})`);
      }
      await sleep(rng.int(4_000, 8_000));
      await cliOk(`services-up-${f.store}`, ['services', 'up', f.store]);
      down.delete(f.store);
      const up = now();
      backAt[f.store] = up;
      say(`${f.store} up again after ${(up - at).toFixed(1)} s`);
      if (f.store === 'elasticsearch') await esSnapshot(`after restart at ${up.toFixed(1)} s`);
      // Recovery: the first 200 of a probe that needs this store, after it is back.
      const needs = f.store === 'elasticsearch' ? 'search' : 'view';
      let recovered: number | null = null;
      const deadline = now() + 60;
      while (now() < deadline) {
        const p = probes.findLast((x) => x.target === needs && x.at > up && x.status === 200);
        if (p) {
          recovered = p.at - up;
          break;
        }
        await sleep(200);
      }
      if (recovered === null) violations.push(`the API did not answer ${needs} with 200 within 60 s of ${f.store} coming back`);
      faults.push({ what: `${f.store} ${f.how}`, at, downSeconds: up - at, recoverySeconds: recovered });
    }
    await killLoop;
    await importLoop;
    say(`fault phase over: ${syncKills} sync kills, ${faults.length} store faults, ${importsDone + 1} imports (${importRetries} retried)`);

    // The sync catches up; then every index must hold exactly the database's ids.
    const es = createSearchClient(config);
    const db = createDb({ databaseUrl: DATABASE_URL, pgPoolMax: 2 }, 'faults-check');
    try {
      const catchStart = now();
      let status = await indexStatus(es, db, '', KIND_NAMES);
      const behind = Math.max(...status.map((s) => s.lag_changes));
      say(`the sync is ${behind.toLocaleString('en-US')} changes behind; waiting up to ${CATCH_UP_SECONDS} s for it`);
      while (!status.every((s) => s.in_sync) && now() - catchStart < CATCH_UP_SECONDS) {
        await sleep(1_000);
        status = await indexStatus(es, db, '', KIND_NAMES);
      }
      say(`sync ${status.every((s) => s.in_sync) ? 'caught up' : 'did NOT catch up'} in ${(now() - catchStart).toFixed(1)} s after the faults`);
      console.log('\nkind            index docs    db rows   lag  in sync   ids: missing  extra');
      for (const s of status) {
        const [inIndex, inDb] = await Promise.all([indexIds(es, aliasName('', s.kind)), databaseIds(db, s.kind)]);
        const idx = new Set(inIndex);
        const dbs = new Set(inDb);
        const missing = inDb.filter((id) => !idx.has(id)).length;
        const extra = inIndex.filter((id) => !dbs.has(id)).length;
        const dupes = inIndex.length - idx.size;
        console.log(`${s.kind.padEnd(14)} ${String(s.index_docs).padStart(11)} ${String(s.db_rows).padStart(10)} ${String(s.lag_changes).padStart(5)}  ${(s.in_sync ? 'yes' : 'NO').padEnd(8)} ${String(missing).padStart(13)} ${String(extra).padStart(6)}`);
        if (!s.in_sync || missing > 0 || extra > 0 || dupes > 0) {
          violations.push(`${s.kind}: index and database differ (missing ${missing}, extra ${extra}, lag ${s.lag_changes})`);
          console.log(`  missing, first few: ${inDb.filter((id) => !idx.has(id)).slice(0, 10).join(', ')}`);
        }
      }
      const refused = await db.pool.query<{ kind: string; n: number; error: string }>('SELECT kind, count(*)::int AS n, min(error) AS error FROM search_index_failures GROUP BY kind');
      for (const r of refused.rows) console.log(`documents Elasticsearch refused for good (search_index_failures): ${r.kind} ${r.n}, e.g. ${r.error.slice(0, 200)}`);
    } finally {
      await Promise.allSettled([es.close(), db.close()]);
    }

    // Every probe target answers 200 at the end, by itself.
    for (const target of ['search', 'view', 'health'] as const) {
      const url = target === 'search' ? '/api/v1/contributions?q=final' : target === 'view' ? `/api/v1/filers/${encodeURIComponent(filerId)}` : '/health';
      const p = await probeOnce(servePort, target, url);
      if (p.status !== 200) violations.push(`at the end, ${target} answers ${p.status}`);
    }
    probing = false;
    await probeLoop;

    // ---- the summary
    const during = probes.filter((p) => p.down.length > 0);
    const by = (xs: Probe[]): string => {
      const m = new Map<number, number>();
      for (const p of xs) m.set(p.status, (m.get(p.status) ?? 0) + 1);
      return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s === -1 ? 'hung' : s === 0 ? 'no connection' : s}: ${n}`).join(', ');
    };
    const max = (xs: Probe[]): number => xs.reduce((m, p) => Math.max(m, p.ms), 0);
    console.log('\nfaults injected');
    console.log(`  sync SIGKILLed at random moments: ${syncKills} (and it ended by itself ${syncOwnExits} times)`);
    for (const f of faults) console.log(`  ${f.what.padEnd(28)} at ${f.at.toFixed(1).padStart(6)} s, down ${f.downSeconds.toFixed(1)} s, API recovered ${f.recoverySeconds === null ? 'NOT' : `${f.recoverySeconds.toFixed(2)} s`} after the store was back`);
    console.log(`  imports: ${importsDone + 1} generated exports of ${ROWS} contribution rows each, ${importsDone} of them during the faults; ${importRetries} retried after a fault`);
    console.log('API probes');
    console.log(`  all ${probes.length}: ${by(probes)}; slowest ${max(probes).toFixed(0)} ms`);
    console.log(`  while a store was down ${during.length}: ${by(during)}; slowest ${max(during).toFixed(0)} ms`);
    for (const store of ['elasticsearch', 'postgresql']) {
      const d = probes.filter((p) => p.down.includes(store));
      const target = store === 'elasticsearch' ? 'search' : 'view';
      const own = d.filter((p) => p.target === target);
      console.log(`  ${target} with ${store} down: ${by(own)}; slowest ${max(own).toFixed(0)} ms`);
    }
    console.log(`violations: ${violations.length}`);
    for (const v of [...new Set(violations)].slice(0, 30)) console.log(`  ${v}`);
    console.log(violations.length === 0 ? 'PASS' : 'FAIL');
    return violations.length === 0 ? 0 : 1;
  } finally {
    stopping = true;
    await Promise.allSettled([stopChild(serve), stopChild(sync), stopChild(importer)]);
    if (storesStarted) {
      const r = await cli('services-down', ['services', 'down']);
      say(`own stores stopped (${r.code === 0 ? 'ok' : `services down exit ${r.code}`})`);
    }
    if (values.keep) say(`kept ${CACHE} (logs in ${LOGS})`);
    else {
      // The logs outlive the stores' data, for a run that needs explaining.
      const kept = `/tmp/calaccess-faults-logs-${process.pid}`;
      if (existsSync(LOGS)) renameSync(LOGS, kept);
      rmSync(CACHE, { recursive: true, force: true });
      say(`removed ${CACHE}; logs in ${kept}`);
    }
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(2);
  },
);
