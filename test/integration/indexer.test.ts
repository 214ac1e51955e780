import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@elastic/elasticsearch';
import { sql } from 'kysely';
import { planChanges } from '../../indexers/apply-changes.js';
import { KIND_NAMES, KINDS, type KindName } from '../../indexers/kinds.js';
import { rebuildKind } from '../../indexers/rebuild.js';
import { indexStatus, type KindStatus } from '../../indexers/status.js';
import { runSync } from '../../indexers/sync.js';
import { readChanges } from '../../src/repositories/index-source-repository.js';
import { generateCalaccess } from '../../src/generator/index.js';
import { silentLogger } from '../../src/logger.js';
import { isManagedHere, runServicesScript, servicesUp } from '../../src/services/local-stores.js';
import { contribution, cover, ExportBuilder, SAMPLE_DIR } from '../builders/calaccess-export.js';
import { testConfig, waitFor } from '../support/env.js';
import { stores, type Stores } from '../support/fixture.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { databaseIds, deleteIndices, indexAll, indexIds, testPrefix, testSearchClient } from '../support/test-search.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'idx-'));

function assertInSync(status: KindStatus[]): void {
  for (const s of status) {
    assert.equal(s.index_docs, s.db_rows, `${s.kind}: documents = database rows`);
    assert.equal(s.index_current_docs, s.db_current_rows, `${s.kind}: current documents = current rows`);
    assert.equal(s.lag_changes, 0, `${s.kind}: no change left behind`);
  }
}

async function inSync(es: Client, t: TestDatabase, prefix: string): Promise<boolean> {
  for (const kind of KIND_NAMES) await es.indices.refresh({ index: `${prefix}${kind}` });
  return (await indexStatus(es, t.db, prefix)).every((s) => s.in_sync);
}

/** The index holds exactly the documents the database says: none missing, none extra, none twice. */
async function assertExactly(es: Client, t: TestDatabase, prefix: string, kinds: readonly KindName[]): Promise<void> {
  for (const kind of kinds) {
    const inIndex = await indexIds(es, `${prefix}${kind}`);
    const inDb = await databaseIds(t.db, kind);
    assert.equal(new Set(inIndex).size, inIndex.length, `${kind}: no duplicate ids`);
    assert.deepEqual([...inIndex].sort(), [...inDb].sort(), `${kind}: the same documents`);
  }
}

describe('indexer: rebuild from the imported sample', function () {
  this.timeout(180_000);
  let s: Stores;
  let t: TestDatabase;
  let es: Client;
  let prefix: string;

  before(async () => {
    // A copy of the imported sample, without indices: they are what this suite builds.
    s = await stores('index_sample', { index: false });
    ({ t, es, prefix } = s);
    await indexAll(es, t.db, prefix);
  });
  after(() => s?.close());

  it('holds in each index exactly the database rows, current versions flagged', async () => {
    const status = await indexStatus(es, t.db, prefix);
    assert.deepEqual(status.map((s) => s.kind), [...KIND_NAMES]);
    for (const s of status) assert.ok(s.db_rows > 0, `${s.kind} has rows in the sample`);
    assertInSync(status);
    await assertExactly(es, t, prefix, ['contributions', 'lobbying']);
  });

  it('goes live as one segment per index (a search visits each segment)', async () => {
    for (const kind of KIND_NAMES) {
      const res = await es.indices.segments({ index: `${prefix}${kind}` });
      const shards = Object.values(res.indices).flatMap((i) => Object.values(i.shards).flat());
      const segments = shards.reduce((n, shard) => n + Object.values(shard.segments).filter((seg) => seg.num_docs > 0).length, 0);
      assert.ok(segments <= 1, `${kind}: ${segments} segments`);
    }
  });

  it('says when an index was built with an older mapping than the code queries', async () => {
    const [before] = await indexStatus(es, t.db, prefix, ['contributions']);
    assert.ok(before?.index);
    assert.equal(before.mapping_version, KINDS.contributions.mapping.version);
    const meta = { kind: 'contributions', mapping_version: KINDS.contributions.mapping.version - 1 };
    await es.indices.putMapping({ index: before.index, _meta: meta });
    try {
      const [stale] = await indexStatus(es, t.db, prefix, ['contributions']);
      assert.equal(stale?.mapping_version, meta.mapping_version);
      assert.equal(stale?.expected_mapping_version, KINDS.contributions.mapping.version);
      assert.equal(stale?.in_sync, false, 'an index of an older mapping is not in sync');
    } finally {
      await es.indices.putMapping({ index: before.index, _meta: { kind: 'contributions', mapping_version: KINDS.contributions.mapping.version } });
    }
  });

  it('finds a contribution of the sample by the contributor name, with labels', async () => {
    const row = await sql<{ ctrib_naml: string; ctrib_namf: string }>`
      select ctrib_naml, ctrib_namf from contributions where ctrib_namf is not null and entity_cd = 'IND' order by source_line limit 1`.execute(t.db.kysely);
    const { ctrib_naml: last, ctrib_namf: first } = row.rows[0]!;
    const res = await es.search({ index: `${prefix}contributions`, query: { match: { 'contributor.name': { query: `${first} ${last}`, operator: 'and' } } } });
    assert.ok((res.hits.total as { value: number }).value >= 1);
    const doc = res.hits.hits[0]!._source as { contributor: { last_name: string; entity: { label: string } }; schedule: { label: string } };
    assert.equal(doc.contributor.last_name, last);
    assert.equal(doc.contributor.entity.label, 'Individual');
    assert.match(doc.schedule.label, /Schedule/);
  });

  it('a second rebuild moves the alias to a new index and deletes the old one, searches answering throughout', async () => {
    const alias = `${prefix}filers`;
    const before = Object.keys(await es.indices.getAlias({ name: alias }));
    let searching = true;
    let failures = 0;
    let searches = 0;
    const loop = (async () => {
      while (searching) {
        try {
          const r = await es.count({ index: alias });
          if (r.count === 0) failures++;
        } catch {
          failures++;
        }
        searches++;
      }
    })();
    await rebuildKind({ es, db: t.db, prefix, log: silentLogger }, 'filers');
    searching = false;
    await loop;
    const after = Object.keys(await es.indices.getAlias({ name: alias }));
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before[0]);
    assert.equal(await es.indices.exists({ index: before[0]! }), false, 'old index deleted');
    assert.ok(searches > 0);
    assert.equal(failures, 0, 'every search during the rebuild answered with documents');
  });
});

describe('indexer: sync follows the change log', function () {
  this.timeout(240_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('sync');
  const dirs: string[] = [];
  let controller: AbortController;
  let sync: Promise<void>;
  const config = testConfig({ ES_INDEX_PREFIX: prefix });

  const startSync = (): void => {
    controller = new AbortController();
    sync = runSync({ es, db: t.db, config, log: silentLogger }, { signal: controller.signal, pollMs: 500 });
  };
  const stopSync = async (): Promise<void> => {
    controller.abort();
    await sync;
  };

  before(async () => {
    t = await createTestDatabase('index_sync');
    const out = tmp();
    dirs.push(out);
    await generateCalaccess({ rows: 3_000, out, sampleDir: SAMPLE_DIR, seed: 11, dirtyRate: 0 });
    await importInto(t, out);
    await indexAll(es, t.db, prefix);
    startSync();
  });
  after(async () => {
    await stopSync();
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a new amendment imported while sync runs is searchable within seconds, and its superseded rows leave default search', async () => {
    const f = await sql<{ filing_id: number; current_amend_id: number; filer_id: string }>`
      select f.filing_id, f.current_amend_id, v.filer_id from filings f join filing_versions v on v.filing_id = f.filing_id and v.amend_id = f.current_amend_id
       where f.has_cover and exists (select 1 from contributions c where c.filing_id = f.filing_id and c.amend_id = f.current_amend_id)
         and v.form_type = 'F460' order by f.filing_id limit 1`.execute(t.db.kysely);
    const { filing_id: filingId, current_amend_id: old, filer_id: filerId } = f.rows[0]!;
    const next = old + 1;
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(filingId, next, filerId)])
      .rows('RCPT_CD.TSV', [contribution(filingId, next, 1, { CTRIB_NAML: 'Zyzzyvaamendment', AMOUNT: '777.00' })]);
    dirs.push(b.dir);
    const committed = Date.now();
    await importInto(t, b.write());
    const index = `${prefix}contributions`;
    await waitFor(
      'the amendment in default search',
      async () => {
        const r = await es.search({ index, query: { bool: { filter: [{ term: { current: true } }, { term: { filing_id: filingId } }] } } });
        const hits = r.hits.hits.map((h) => h._source as { amend_id: number; contributor: { last_name: string } });
        return hits.length === 1 && hits[0]!.amend_id === next && hits[0]!.contributor.last_name === 'Zyzzyvaamendment';
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const seconds = (Date.now() - committed) / 1000;
    assert.ok(seconds < 15, `searchable after ${seconds} s`);
    // The superseded version's rows are still there, flagged, for versions=all.
    const all = await es.count({ index, query: { bool: { filter: [{ term: { filing_id: filingId } }, { term: { amend_id: old } }, { term: { current: false } }] } } });
    assert.ok(all.count > 0);
    await waitFor('all kinds in sync', () => inSync(es, t, prefix), { timeoutMs: 30_000 });
  });

  it('a renamed filer shows its new name on its contributions; an older name row only changes its own document', async () => {
    const f = await sql<{ filer_id: string; n: number }>`
      select v.filer_id, count(*)::int as n from contributions c
        join filings f on f.filing_id = c.filing_id and f.current_amend_id = c.amend_id
        join filing_versions v on v.filing_id = f.filing_id and v.amend_id = f.current_amend_id
       where v.filer_id is not null group by v.filer_id order by count(*) desc, v.filer_id limit 1`.execute(t.db.kysely);
    const { filer_id: filerId } = f.rows[0]!;
    const contributions = `${prefix}contributions`;
    const filers = `${prefix}filers`;
    const withName = async (name: string): Promise<number> =>
      (await es.count({ index: contributions, query: { bool: { filter: [{ term: { current: true } }, { term: { 'recipient.filer_id': filerId } }, { match_phrase: { 'recipient.name': name } }] } } })).count;
    const row = (effect: string, naml: string): Record<string, string> => ({ XREF_FILER_ID: filerId, FILER_ID: filerId, FILER_TYPE: 'RECIPIENT COMMITTEE', STATUS: 'ACTIVE', EFFECT_DT: effect, NAML: naml, CITY: 'FRESNO' });
    // A new latest name: every current contribution of the filer shows it.
    const rename = new ExportBuilder().rows('FILERNAME_CD.TSV', [row('01/01/2030', 'QUUXLEY RENAMED COMMITTEE')]);
    dirs.push(rename.dir);
    await importInto(t, rename.write());
    const all = async (): Promise<number> => (await es.count({ index: contributions, query: { bool: { filter: [{ term: { current: true } }, { term: { 'recipient.filer_id': filerId } }] } } })).count;
    const n = await all();
    assert.ok(n > 0);
    await waitFor('the new name on every contribution', async () => (await withName('QUUXLEY RENAMED COMMITTEE')) === n, { timeoutMs: 15_000 });
    // An older name row: the filer's names over time change, its display name does not, and
    // nothing but the filer's own document is planned for rewriting.
    const seqBefore = (await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from change_log`.execute(t.db.kysely)).rows[0]!.seq;
    const older = new ExportBuilder().rows('FILERNAME_CD.TSV', [row('01/01/1990', 'ZORBLAT EARLY NAME')]);
    dirs.push(older.dir);
    await importInto(t, older.write());
    const logged = await sql<{ table_name: string }>`select distinct table_name from change_log where seq > ${seqBefore}::bigint`.execute(t.db.kysely);
    assert.deepEqual(logged.rows.map((r) => r.table_name), ['filer_names'], 'only the name history changed');
    const plan = await planChanges(t.db, await readChanges(t.db, seqBefore, 10_000));
    assert.deepEqual([...plan.get('filers')!.ids], [filerId]);
    for (const k of ['contributions', 'expenditures', 'filings', 'lobbying'] as const) assert.equal(plan.get(k)!.ids.size, 0, `${k}: nothing to rewrite`);
    await waitFor(
      'the older name in the filer document',
      async () => {
        await es.indices.refresh({ index: filers });
        const r = await es.search({ index: filers, query: { term: { filer_id: filerId } } });
        return JSON.stringify(r.hits.hits[0]?._source ?? {}).includes('ZORBLAT EARLY NAME');
      },
      { timeoutMs: 15_000 },
    );
    assert.equal(await withName('QUUXLEY RENAMED COMMITTEE'), n, 'the contributions still show the display name');
    await waitFor('all kinds in sync', () => inSync(es, t, prefix), { timeoutMs: 30_000 });
  });

  it('after Elasticsearch is stopped during sync and started again, sync catches up by itself', async function () {
    if (!isManagedHere(testConfig(), 'elasticsearch')) this.skip();
    await runServicesScript(testConfig(), 'down', 'elasticsearch');
    try {
      // Changes committed while Elasticsearch is away.
      const b = new ExportBuilder()
        .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9700001, 0, '2999999', { FILER_NAML: 'Outage Committee' })])
        .rows('RCPT_CD.TSV', [contribution(9700001, 0, 1), contribution(9700001, 0, 2)]);
      dirs.push(b.dir);
      await importInto(t, b.write());
      const status = await sql<{ n: number }>`select count(*)::int as n from change_log where filing_id = 9700001`.execute(t.db.kysely);
      assert.ok(status.rows[0]!.n > 0);
    } finally {
      await servicesUp(testConfig(), silentLogger, ['elasticsearch']);
    }
    await waitFor('sync caught up after the outage', () => inSync(es, t, prefix), { timeoutMs: 90_000, intervalMs: 500 });
    const r = await es.count({ index: `${prefix}contributions`, query: { term: { filing_id: 9700001 } } });
    assert.equal(r.count, 2);
  });

  it('a SIGKILLed sync process, restarted, leaves the index exactly equal to the database', async () => {
    await stopSync(); // the in-process follower stands aside; a real process takes over
    const env = { ...process.env, DATABASE_URL: t.url, ES_INDEX_PREFIX: prefix, LOG_LEVEL: 'info' };
    const spawnSync = (): { child: ChildProcess; batches: () => number } => {
      let batches = 0;
      const child = spawn(process.execPath, [CLI, 'index', 'sync'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (d: Buffer) => {
        batches += (d.toString().match(/"msg":"synced"/g) ?? []).length;
      });
      return { child, batches: () => batches };
    };
    const first = spawnSync();
    // A larger, changed export (another seed: same filing ids, other content) gives the
    // follower many batches; it is killed while they are being applied.
    const out = tmp();
    dirs.push(out);
    await generateCalaccess({ rows: 12_000, out, sampleDir: SAMPLE_DIR, seed: 12, dirtyRate: 0 });
    const importing = importInto(t, out);
    await waitFor('the follower to finish a batch', () => Promise.resolve(first.batches() >= 1), { timeoutMs: 60_000, intervalMs: 20 });
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    await importing;
    const lag = await sql<{ n: number }>`select count(*)::int as n from change_log where seq > (select min(checkpoint) from search_index_state)`.execute(t.db.kysely);
    assert.ok(lag.rows[0]!.n > 0, 'killed with changes still to apply');

    const second = spawnSync();
    try {
      await waitFor('the restarted follower to catch up', () => inSync(es, t, prefix), { timeoutMs: 120_000, intervalMs: 500 });
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
    assertInSync(await indexStatus(es, t.db, prefix));
    await assertExactly(es, t, prefix, ['contributions', 'expenditures', 'filings', 'lobbying', 'filers']);
    startSync();
  });
});

describe('indexer: sync reads the change log in seq order', function () {
  this.timeout(240_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('seqorder');
  const dirs: string[] = [];

  before(async () => {
    t = await createTestDatabase('index_seq_order');
  });
  after(async () => {
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('returns the entries after a checkpoint in numeric order where seqs gain a digit', async () => {
    // 99,990 to 100,009: in text order '100000' would come before '99991'.
    await sql`select setval('change_log_seq_seq', 99989)`.execute(t.db.kysely);
    await sql`insert into change_log (table_name, op, row_key) select 'acronyms', 'upsert', g::text from generate_series(1, 20) g`.execute(t.db.kysely);
    const batch = await readChanges(t.db, '99994', 8);
    assert.deepEqual(
      batch.map((e) => e.seq),
      ['99995', '99996', '99997', '99998', '99999', '100000', '100001', '100002'],
    );
    // Walking in small batches sees every entry once.
    const seen: string[] = [];
    for (let from = '0'; ; ) {
      const b = await readChanges(t.db, from, 3);
      if (b.length === 0) break;
      seen.push(...b.map((e) => e.seq));
      from = b[b.length - 1]!.seq;
    }
    assert.deepEqual(seen, Array.from({ length: 20 }, (_, i) => String(99_990 + i)));
    // Each entry's age, by the database's clock (the sync grows its batches when the newest
    // entry of a full one is old).
    await sql`update change_log set changed_at = now() - interval '42 seconds' where seq = 100009`.execute(t.db.kysely);
    const [newest] = await readChanges(t.db, '100008', 1);
    assert.ok(newest!.age_seconds >= 42 && newest!.age_seconds < 60, `age ${newest!.age_seconds} s`);
    assert.ok(batch.every((e) => e.age_seconds >= 0 && e.age_seconds < 60), 'just-written entries are young');
    await sql`delete from change_log`.execute(t.db.kysely);
    await sql`select setval('change_log_seq_seq', 1, false)`.execute(t.db.kysely);
  });

  it('a sync that starts from no checkpoint (no rebuild) indexes every row, the change log spanning several digit counts', async () => {
    const out = tmp();
    dirs.push(out);
    await generateCalaccess({ rows: 3_000, out, sampleDir: SAMPLE_DIR, seed: 13, dirtyRate: 0 });
    await importInto(t, out);
    const span = await sql<{ lo: string; hi: string }>`select min(seq)::text as lo, max(seq)::text as hi from change_log`.execute(t.db.kysely);
    const { lo, hi } = span.rows[0]!;
    assert.ok(hi.length > lo.length, `the change log crosses a power of ten (${lo}..${hi})`);

    const controller = new AbortController();
    const config = testConfig({ ES_INDEX_PREFIX: prefix });
    const sync = runSync({ es, db: t.db, config, log: silentLogger }, { signal: controller.signal, pollMs: 500 });
    try {
      await waitFor('the sync to reach the head of the change log', () => inSync(es, t, prefix), { timeoutMs: 180_000, intervalMs: 500 });
    } finally {
      controller.abort();
      await sync;
    }
    assertInSync(await indexStatus(es, t.db, prefix));
    await assertExactly(es, t, prefix, KIND_NAMES);
  });
});
