// The roles file (src/db/roles.sql), run as `disclosure services up` and the postgres
// container run it, against the real PostgreSQL; and docker-compose.yml read as Compose
// reads it, against what the README says it runs. Docker itself is not run here (the
// project's machines have no engine), so the file is checked for what `docker compose up`
// needs: every service, its health check, and an API that connects as a role the roles
// file creates.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import { isManagedHere } from '../../src/services/local-stores.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ROLES_SQL = path.join(ROOT, 'src/db/roles.sql');

interface Service {
  image?: string;
  command?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; interval?: string; timeout?: string; retries?: number };
}

function composeFile(): { services: Record<string, Service> } {
  // Compose resolves YAML merge keys (`<<: *app`): so must this.
  return parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
}

/** The services the README's Docker section names: the first column of its table. */
function readmeServices(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## The stores, with Docker');
  assert.ok(start >= 0, 'the README has a Docker section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\| `([a-z0-9_-]+)` \|/gm)].map((m) => m[1]!);
}

/** The newest psql of the machine's PostgreSQL packages, as scripts/services.sh picks it. */
function psqlBinary(): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/psql`)) : [];
  versions.sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? `/usr/lib/postgresql/${versions.at(-1)!}/bin/psql` : 'psql';
}

/** Runs the roles file as services.sh does: as the superuser over the server's socket, fed on stdin. */
function runRolesFile(database: string, vars: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const config = testConfig();
  const port = new URL(config.databaseUrl).port || '5432';
  const socketDir = path.join(config.cacheDir, 'postgresql/run');
  const args = ['-h', socketDir, '-p', port, '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qtA', '-f', '-'];
  for (const [k, v] of Object.entries(vars)) args.push('-v', `${k}=${v}`);
  return new Promise((resolve, reject) => {
    const child = spawn(psqlBinary(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
    createReadStream(ROLES_SQL).pipe(child.stdin);
  });
}

/** A client of the test database as another role. */
async function connectAs(t: TestDatabase, user: string, password: string): Promise<pg.Client> {
  const url = new URL(t.url);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  const c = new pg.Client({ connectionString: url.href });
  await c.connect();
  return c;
}

async function refused(c: pg.Client, statement: string): Promise<void> {
  await assert.rejects(c.query(statement), (err: { code?: string; message?: string }) => {
    assert.equal(err.code, '42501', `${statement}: ${err.message}`);
    return true;
  });
}

describe('the roles file against the real PostgreSQL', function () {
  this.timeout(60_000);
  let t: TestDatabase;
  let admin: pg.Client;
  const reader = `disclosure_reader_t${process.pid}`;
  const password = `pw-${process.pid}'"; x`;

  before(async function () {
    // Roles are made by a superuser: here the server `services up` runs, over its socket.
    if (!isManagedHere(testConfig(), 'postgresql')) this.skip();
    t = await createTestDatabase('roles');
    admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
  });
  after(async () => {
    await admin?.end();
    await t?.drop();
    if (t) await runSuperuser(`DROP ROLE IF EXISTS "${reader}"`);
  });

  async function runSuperuser(statement: string): Promise<void> {
    const config = testConfig();
    const port = new URL(config.databaseUrl).port || '5432';
    const c = new pg.Client({ host: path.join(config.cacheDir, 'postgresql/run'), port: Number(port), user: 'postgres', database: 'postgres' });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  }

  async function roleOf(name: string): Promise<{ login: boolean; superuser: boolean; createdb: boolean; createrole: boolean; api: boolean } | undefined> {
    const r = await admin.query<{ login: boolean; superuser: boolean; createdb: boolean; createrole: boolean; api: boolean }>(
      `SELECT rolcanlogin AS login, rolsuper AS superuser, rolcreatedb AS createdb, rolcreaterole AS createrole,
              pg_has_role(rolname, 'disclosure_api', 'MEMBER') AS api
         FROM pg_roles WHERE rolname = $1`,
      [name],
    );
    return r.rows[0];
  }

  it('creates a reader in disclosure_api, and a second run changes nothing and fails nothing', async () => {
    assert.equal(await roleOf(reader), undefined, 'no such role before');
    for (const run of [1, 2]) {
      const r = await runRolesFile(t.name, { reader_user: reader, reader_password: password });
      assert.equal(r.code, 0, `run ${run}: ${r.stderr}`);
      assert.equal(r.stderr, '', `run ${run} says nothing`);
    }
    assert.deepEqual(await roleOf(reader), { login: true, superuser: false, createdb: false, createrole: false, api: true });
    assert.deepEqual(await roleOf('disclosure_api'), { login: false, superuser: false, createdb: false, createrole: false, api: true });
  });

  it('gives the reader what the API needs: it reads, and may not write filing data', async () => {
    const c = await connectAs(t, reader, password);
    try {
      const n = await c.query<{ n: string }>('SELECT count(*) AS n FROM code_labels');
      assert.ok(Number(n.rows[0]!.n) > 0, 'the labels the migrations load are readable');
      await c.query('SELECT * FROM contributions LIMIT 1');
      await refused(c, "INSERT INTO filers (filer_id) VALUES ('x')");
      await refused(c, 'DELETE FROM contributions');
      await refused(c, 'CREATE TABLE public.intruder (x int)');
      await refused(c, 'DELETE FROM export_jobs');
    } finally {
      await c.end();
    }
  });

  it('with no variables (as the postgres container runs it), makes the role docker-compose.yml connects the API as', async () => {
    const api = new URL(composeFile().services['api']!.environment!['API_DATABASE_URL']!);
    for (const run of [1, 2]) {
      const r = await runRolesFile(t.name, {});
      assert.equal(r.code, 0, `run ${run}: ${r.stderr}`);
    }
    const c = await connectAs(t, decodeURIComponent(api.username), decodeURIComponent(api.password));
    try {
      const who = await c.query<{ u: string; api: boolean }>("SELECT current_user AS u, pg_has_role(current_user, 'disclosure_api', 'MEMBER') AS api");
      assert.deepEqual(who.rows[0], { u: decodeURIComponent(api.username), api: true });
      await refused(c, 'DELETE FROM filings');
    } finally {
      await c.end();
    }
  });

  it('an empty reader_user makes no reader (the API connects as the owner)', async () => {
    const before = await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_roles');
    const r = await runRolesFile(t.name, { reader_user: '', reader_password: '' });
    assert.equal(r.code, 0, r.stderr);
    const after = await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_roles');
    assert.equal(after.rows[0]!.n, before.rows[0]!.n);
  });
});

describe('docker-compose.yml', () => {
  const services = composeFile().services;
  const named = readmeServices();

  it('has every service the README names, and no other', () => {
    assert.deepEqual(named, ['postgres', 'elasticsearch', 'api', 'indexer']);
    assert.deepEqual(Object.keys(services).sort(), [...named].sort());
  });

  it('gives every service a health check', () => {
    for (const name of named) {
      const check = services[name]!.healthcheck;
      assert.ok(check?.test && check.test[0] === 'CMD-SHELL' && check.test[1]!.length > 0, `${name} has a health check command`);
      assert.match(String(check.interval), /^\d+s$/, `${name} interval`);
      assert.ok(Number(check.retries) > 0, `${name} retries`);
    }
  });

  it('runs the roles file in the postgres container, and the API as the reader it makes', () => {
    const pgService = services['postgres']!;
    const mount = (pgService.volumes ?? []).find((v) => v.includes('/docker-entrypoint-initdb.d/'));
    assert.ok(mount, 'a file in /docker-entrypoint-initdb.d');
    const [source, target] = mount.split(':');
    assert.equal(path.resolve(ROOT, source!), ROLES_SQL);
    assert.match(target!, /\.sql$/);
    const env = pgService.environment!;
    const owner = new URL(services['api']!.environment!['DATABASE_URL']!);
    const reader = new URL(services['api']!.environment!['API_DATABASE_URL']!);
    // The owner is the image's user; the reader is the roles file's default.
    assert.deepEqual([owner.username, owner.password, owner.pathname], [env['POSTGRES_USER'], env['POSTGRES_PASSWORD'], `/${env['POSTGRES_DB']}`]);
    const sqlText = readFileSync(ROLES_SQL, 'utf8');
    assert.deepEqual([reader.username, reader.password], [/\\set reader_user (\S+)/.exec(sqlText)?.[1], /\\set reader_password (\S+)/.exec(sqlText)?.[1]]);
    assert.notEqual(reader.username, owner.username);
    for (const u of [owner, reader]) assert.deepEqual([u.hostname, u.port, u.pathname], ['postgres', '5432', owner.pathname]);
  });

  it('gives the API and the indexer the stores by their service names, the API its address', () => {
    for (const name of ['api', 'indexer']) {
      const env = services[name]!.environment!;
      assert.equal(new URL(env['ELASTICSEARCH_URL']!).host, 'elasticsearch:9200', name);
      assert.equal(new URL(env['DATABASE_URL']!).host, 'postgres:5432', name);
    }
    assert.equal(services['indexer']!.environment!['API_DATABASE_URL'], undefined, 'the indexer writes: it connects as the owner');
    const api = services['api']!;
    assert.equal(api.environment!['HOST'], '0.0.0.0');
    assert.deepEqual(api.ports, [`127.0.0.1:3000:${api.environment!['PORT']}`]);
    assert.match(String(api.command), /import calaccess data\/calaccess-sample .*index rebuild .*serve/s);
    assert.match(String(api.healthcheck!.test![1]), /\/health/);
  });

  it('starts each service after what it needs is healthy, and publishes ports on 127.0.0.1 only', () => {
    assert.deepEqual(services['api']!.depends_on, { postgres: { condition: 'service_healthy' }, elasticsearch: { condition: 'service_healthy' } });
    assert.deepEqual(services['indexer']!.depends_on, { api: { condition: 'service_healthy' } });
    for (const name of named) for (const p of services[name]!.ports ?? []) assert.match(p, /^127\.0\.0\.1:/, `${name} ${p}`);
  });
});
