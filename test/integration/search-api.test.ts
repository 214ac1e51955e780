import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import express, { type Express } from 'express';
import { sql } from 'kysely';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { buildOpenApi } from '../../src/routes/openapi.js';
import { isApiPath } from '../../src/routes/portal-routes.js';
import { createSearchClient } from '../../src/search/client.js';
import { contribution, cover, ExportBuilder, SAMPLE_DIR } from '../builders/calaccess-export.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

interface Body {
  total: { value: number; exact: boolean };
  results: Record<string, unknown>[];
  facets: Record<string, { filter: string; buckets: { value: string; label: string; count: number }[]; other_count: number; missing_count: number }> | null;
  next_cursor: string | null;
  understood: { filters: Record<string, unknown>; text: string | null; kind?: string | null };
  sort: string;
}

const get = (o: unknown, p: string): unknown => p.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

interface RouteLayer {
  route?: { path: string };
  handle?: { stack?: RouteLayer[] };
}

/** The paths of the app's routes, its own and those of the Routers mounted on it. */
function routePaths(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: RouteLayer[] } }).router.stack;
  return stack.flatMap((l) => (l.route ? [l.route.path] : (l.handle?.stack ?? []).flatMap((x) => (x.route ? [x.route.path] : []))));
}

describe('search API against the real stores', function () {
  this.timeout(180_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('api');
  let app: Express;
  const dirs: string[] = [];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export arrives as the module object's default.
  (addFormats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  const validators = new Map<string, ReturnType<Ajv2020['compile']>>();
  const openapi = buildOpenApi();
  ajv.addSchema({ $id: 'openapi', components: (openapi as { components: unknown }).components }, 'openapi');

  /** GET, check the response against the OpenAPI document, return the body. */
  async function api(url: string, status = 200): Promise<Body> {
    const res = await request(app).get(url);
    assert.equal(res.status, status, `${url}: ${JSON.stringify(res.body).slice(0, 400)}`);
    assert.match(String(res.headers['content-type']), /json/);
    const route = url.split('?')[0]!;
    const op = (openapi as { paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: { $ref?: string } } } }> } }> }).paths[route];
    assert.ok(op, `${route} is in the OpenAPI document`);
    const schemaRef = op.get.responses[String(status)]?.content['application/json'].schema;
    assert.ok(schemaRef, `${route} documents status ${status}`);
    const pointer = `openapi#${(schemaRef.$ref ?? '').slice(1)}`;
    const validate = validators.get(pointer) ?? ajv.compile({ $ref: pointer });
    validators.set(pointer, validate);
    assert.ok(validate(res.body), `${url}: response matches the OpenAPI schema: ${ajv.errorsText(validate.errors)}`);
    return res.body as Body;
  }

  const recipientId = '1500001';
  const facetRecipient = '1500003';
  /** Values as the real data files them, that no filter can take as they are: a state "94",
   *  a filer id with a minus sign, a city with a control character, a code with a comma. */
  const dirtyRecipient = '-1500004';
  before(async () => {
    t = await createTestDatabase('search_api');
    await importInto(t, SAMPLE_DIR);
    // A filing that the plain-language phrase must find, and near misses it must not.
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [
        cover(9800001, 0, recipientId, { FILER_NAML: 'Newsom for Governor 2018', FROM_DATE: '1/1/2018 12:00:00 AM', THRU_DATE: '6/30/2018 12:00:00 AM', ELECT_DATE: '11/6/2018 12:00:00 AM' }),
        cover(9800002, 0, '1500002', { FILER_NAML: 'Friends of Someone Else' }),
        cover(9800005, 0, '1500005', { FILER_NAML: 'Undated Rows Committee' }),
      ])
      .rows('RCPT_CD.TSV', [
        contribution(9800001, 0, 1, { CTRIB_NAML: 'Quintanilla', CTRIB_NAMF: 'Rosa', CTRIB_OCC: 'Teacher', CTRIB_CITY: 'Fresno', AMOUNT: '1000.00', RCPT_DATE: '3/15/2018 12:00:00 AM' }),
        contribution(9800001, 0, 2, { CTRIB_NAML: 'Quintanilla', CTRIB_NAMF: 'Tomas', CTRIB_OCC: 'Teacher', CTRIB_CITY: 'Fresno', AMOUNT: '250.00', RCPT_DATE: '3/16/2018 12:00:00 AM' }),
        contribution(9800001, 0, 3, { CTRIB_NAML: 'Oyelaran', CTRIB_NAMF: 'Bola', CTRIB_OCC: 'Attorney', CTRIB_CITY: 'Fresno', AMOUNT: '2000.00', RCPT_DATE: '3/17/2018 12:00:00 AM' }),
        contribution(9800001, 0, 4, { CTRIB_NAML: 'Marchetti', CTRIB_NAMF: 'Lia', CTRIB_OCC: 'Teacher', CTRIB_CITY: 'Modesto', AMOUNT: '900.00', RCPT_DATE: '3/18/2018 12:00:00 AM' }),
        contribution(9800001, 0, 5, { CTRIB_NAML: 'Westbrook Widgets, Inc.', CTRIB_NAMF: '', ENTITY_CD: 'OTH', CTRIB_OCC: '', CTRIB_CITY: 'Fresno', AMOUNT: '5000.00', RCPT_DATE: '4/1/2018 12:00:00 AM' }),
        contribution(9800002, 0, 1, { CTRIB_NAML: 'Abernathy', CTRIB_NAMF: 'Jo', CTRIB_OCC: 'Teacher', CTRIB_CITY: 'Fresno', AMOUNT: '800.00', RCPT_DATE: '3/15/2018 12:00:00 AM' }),
        // Rows with no date or no amount, as the real data has them: sorted last, paged through.
        contribution(9800005, 0, 1, { CTRIB_NAML: 'Datelessby', CTRIB_CITY: 'Weed', AMOUNT: '', RCPT_DATE: '' }),
        contribution(9800005, 0, 2, { CTRIB_NAML: 'Datelessby', CTRIB_CITY: 'Weed', AMOUNT: '', RCPT_DATE: '' }),
        contribution(9800005, 0, 3, { CTRIB_NAML: 'Datelessby', CTRIB_CITY: 'Weed', AMOUNT: '75.00', RCPT_DATE: '' }),
        contribution(9800005, 0, 4, { CTRIB_NAML: 'Datelessby', CTRIB_CITY: 'Weed', AMOUNT: '', RCPT_DATE: '2/2/2012 12:00:00 AM' }),
        contribution(9800005, 0, 5, { CTRIB_NAML: 'Datelessby', CTRIB_CITY: 'Weed', AMOUNT: '20.00', RCPT_DATE: '2/3/2012 12:00:00 AM' }),
      ]);
    dirs.push(b.dir);
    await importInto(t, b.write());
    // An amendment, so that versions=all has superseded rows to show.
    const a = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9800002, 1, '1500002', { FILER_NAML: 'Friends of Someone Else' })])
      .rows('RCPT_CD.TSV', [contribution(9800002, 1, 1, { CTRIB_NAML: 'Abernathy', CTRIB_NAMF: 'Jo', CTRIB_OCC: 'Teacher', CTRIB_CITY: 'Fresno', AMOUNT: '850.00', RCPT_DATE: '3/15/2018 12:00:00 AM' })]);
    dirs.push(a.dir);
    await importInto(t, a.write());
    // Values as filers write them: one city, occupation or employer spelled several ways,
    // and the words for "not given".
    const f = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9800003, 0, facetRecipient, { FILER_NAML: 'Facet Test Committee' })])
      .rows('RCPT_CD.TSV', [
        contribution(9800003, 0, 1, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'LODI', CTRIB_OCC: 'RETIRED', CTRIB_EMP: 'N/A', AMOUNT: '10.01', RCPT_DATE: '5/1/2011 12:00:00 AM' }),
        contribution(9800003, 0, 2, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'Lodi  ', CTRIB_OCC: 'retired', CTRIB_EMP: 'None', AMOUNT: '0.10', RCPT_DATE: '5/2/2011 12:00:00 AM' }),
        contribution(9800003, 0, 3, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'lodi.', CTRIB_OCC: 'Retired.', CTRIB_EMP: 'n/a', AMOUNT: '0.20', RCPT_DATE: '5/3/2011 12:00:00 AM' }),
        contribution(9800003, 0, 4, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'Lodi', CTRIB_OCC: 'Teacher', CTRIB_EMP: '-', AMOUNT: '1234.56', RCPT_DATE: '5/4/2011 12:00:00 AM' }),
        contribution(9800003, 0, 5, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'Stockton', CTRIB_OCC: 'teacher ', CTRIB_EMP: 'Refused', AMOUNT: '99.99', RCPT_DATE: '5/5/2011 12:00:00 AM' }),
        contribution(9800003, 0, 6, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'STOCKTON', CTRIB_OCC: '', CTRIB_EMP: 'Acme, Inc.', AMOUNT: '0.03', RCPT_DATE: '5/6/2011 12:00:00 AM' }),
        contribution(9800003, 0, 7, { CTRIB_NAML: 'Facetwood', CTRIB_CITY: 'Stockton', CTRIB_OCC: 'Retired', CTRIB_EMP: 'ACME, INC', AMOUNT: '500.00', RCPT_DATE: '5/7/2011 12:00:00 AM', MEMO_CODE: 'X' }),
      ]);
    dirs.push(f.dir);
    await importInto(t, f.write());
    const d = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9800004, 0, dirtyRecipient, { FILER_NAML: 'Dirty Values Committee' })])
      .rows('RCPT_CD.TSV', [
        contribution(9800004, 0, 1, { CTRIB_NAML: 'Dirtwood', CTRIB_ST: '94', CTRIB_CITY: 'Fresno', AMOUNT: '10.00', RCPT_DATE: '6/1/2012 12:00:00 AM' }),
        contribution(9800004, 0, 2, { CTRIB_NAML: 'Dirtwood', CTRIB_ST: 'Ca', CTRIB_CITY: 'Fres\u0001no', AMOUNT: '20.00', RCPT_DATE: '6/2/2012 12:00:00 AM' }),
        contribution(9800004, 0, 3, { CTRIB_NAML: 'Dirtwood', CTRIB_ST: 'C.', CTRIB_CITY: 'Fresno', ENTITY_CD: 'I,N', AMOUNT: '30.00', RCPT_DATE: '6/3/2012 12:00:00 AM' }),
        contribution(9800004, 0, 4, { CTRIB_NAML: 'Dirtwood', CTRIB_ST: 'NV', CTRIB_CITY: 'Reno', AMOUNT: '40.00', RCPT_DATE: '6/4/2012 12:00:00 AM' }),
        contribution(9800004, 0, 5, { CTRIB_NAML: 'Dirtwood', CTRIB_ST: '', CTRIB_CITY: '', AMOUNT: '50.00', RCPT_DATE: '6/5/2012 12:00:00 AM' }),
      ]);
    dirs.push(d.dir);
    await importInto(t, d.write());
    await indexAll(es, t.db, prefix);
    // These tests are about answers, not budgets (the budgets have tests of their own below
    // and in abuse-limits.test.ts): the app they share must not run out of expensive searches.
    // (nor of requests at all: with the facet checks the file asks hundreds a minute)
    const config = testConfig({ ES_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_BURST: '100000', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000', RATE_LIMIT_EXPENSIVE_BURST: '100000' });
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
  });
  after(async () => {
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('names, matched forgivingly', () => {
    let first: string;
    let last: string;
    before(async () => {
      // A person from the real sample, with a last name long enough to misspell.
      const r = await sql<{ ctrib_naml: string; ctrib_namf: string }>`
        select ctrib_naml, ctrib_namf from contributions c join filings f on f.filing_id = c.filing_id and f.current_amend_id = c.amend_id
         where entity_cd = 'IND' and ctrib_namf ~ '^[A-Za-z]{3,}$' and ctrib_naml ~ '^[A-Za-z]{7,}$' order by c.source_line limit 1`.execute(t.db.kysely);
      ({ ctrib_naml: last, ctrib_namf: first } = r.rows[0]!);
    });
    const found = (b: Body): boolean => b.results.some((r) => String(get(r, 'contributor.last_name')).toLowerCase() === last.toLowerCase());

    it('by last name only', async () => assert.ok(found(await api(`/api/v1/contributions?q=${encodeURIComponent(last)}`))));
    it('by "First Last"', async () => assert.ok(found(await api(`/api/v1/contributions?contributor=${encodeURIComponent(`${first} ${last}`)}`))));
    it('by "LAST, FIRST" in capitals', async () => assert.ok(found(await api(`/api/v1/contributions?contributor=${encodeURIComponent(`${last.toUpperCase()}, ${first.toUpperCase()}`)}`))));
    it('with a misspelling', async () => {
      const typo = last.slice(0, 3) + (last[3] === 'e' ? 'a' : 'e') + last.slice(4);
      assert.ok(found(await api(`/api/v1/contributions?q=${encodeURIComponent(typo)}`)), `"${typo}" finds ${last}`);
    });
    it('with a misspelling in "First Last" or "LAST, FIRST" typed as text', async () => {
      const typo = last.slice(0, 3) + (last[3] === 'e' ? 'a' : 'e') + last.slice(4);
      for (const q of [`${first} ${typo}`, `${typo.toUpperCase()}, ${first.toUpperCase()}`]) assert.ok(found(await api(`/api/v1/contributions?q=${encodeURIComponent(q)}`)), `"${q}" finds ${last}`);
    });
    it("with a misspelling in the recipient's name typed as text", async () => {
      const b = await api(`/api/v1/contributions?q=${encodeURIComponent('Newsam for Govenor')}`);
      assert.ok(b.results.some((r) => get(r, 'recipient.name') === 'Newsom for Governor 2018'));
    });
    it('without the corporate suffix, and with another one', async () => {
      for (const q of ['Westbrook Widgets', 'westbrook widgets corp', 'WESTBROOK WIDGETS LLC']) {
        const b = await api(`/api/v1/contributions?contributor=${encodeURIComponent(q)}`);
        assert.deepEqual(b.results.map((r) => get(r, 'contributor.name')), ['Westbrook Widgets, Inc.'], q);
      }
    });
  });

  it('reads a plain-language phrase as stated, applies it, and says so', async () => {
    const b = await api(`/api/v1/contributions?q=${encodeURIComponent('contributions from teachers in Fresno to Newsom over $500 in 2018')}`);
    assert.deepEqual(b.understood.filters, { occupation: 'teacher', city: 'Fresno', recipient: 'Newsom', min_amount: 500, year: 2018 });
    assert.equal(b.understood.text, null);
    assert.deepEqual(b.results.map((r) => `${String(get(r, 'contributor.name'))} ${String(r['amount'])}`), ['Rosa Quintanilla 1000']);
    const row = b.results[0]!;
    assert.equal(get(row, 'recipient.name'), 'Newsom for Governor 2018');
    assert.equal(get(row, 'links.filing'), '/api/v1/filings/9800001');
    assert.equal(get(row, 'links.filer'), `/api/v1/filers/${recipientId}`);
    assert.match(String(get(row, 'schedule.label')), /Schedule A/, 'labels, not codes');
    assert.equal(get(row, 'election_year'), 2018);
  });

  it('keeps what it cannot read as text, never an error', async () => {
    const b = await api(`/api/v1/contributions?q=${encodeURIComponent('"quoted" AND (title:x) OR * ~2 ^3 {}[] \\ / <script>')}`);
    assert.ok(b.understood.text && b.understood.text.includes('quoted'));
    assert.equal(b.total.value, 0);
  });

  it('facets add up to the total for every facet', async () => {
    for (const url of ['/api/v1/contributions', '/api/v1/contributions?q=teacher', '/api/v1/expenditures?facet_size=3', '/api/v1/filers', '/api/v1/filings', '/api/v1/lobbying?versions=all']) {
      const b = await api(url);
      assert.equal(b.total.exact, true, url);
      assert.ok(b.facets, url);
      for (const [name, f] of Object.entries(b.facets)) {
        const sum = f.buckets.reduce((n, x) => n + x.count, 0) + f.other_count + f.missing_count;
        assert.equal(sum, b.total.value, `${url} facet ${name}`);
      }
    }
  });

  it('narrowing by a facet value gives that facet count as the total', async () => {
    const b = await api('/api/v1/contributions');
    const bucket = b.facets!['entity_type']!.buckets[0]!;
    const narrowed = await api(`/api/v1/contributions?entity_type=${bucket.value}`);
    assert.equal(narrowed.total.value, bucket.count);
  });

  it('deep cursor paging returns every row exactly once, in order', async () => {
    for (const sort of ['-amount', 'date', 'relevance']) {
      const ids: string[] = [];
      let url: string | null = `/api/v1/contributions?versions=all&page_size=97&sort=${sort}`;
      let total = 0;
      let prev: number | null = null;
      while (url) {
        const b: Body = await api(url);
        total = b.total.value;
        for (const r of b.results) {
          ids.push(String(r['id']));
          if (sort === '-amount' && typeof r['amount'] === 'number') {
            if (prev !== null) assert.ok(r['amount'] <= prev, 'amounts descend');
            prev = r['amount'];
          }
        }
        url = b.next_cursor ? `/api/v1/contributions?versions=all&page_size=97&sort=${sort}&cursor=${b.next_cursor}` : null;
      }
      assert.equal(ids.length, total, `${sort}: every row`);
      assert.equal(new Set(ids).size, ids.length, `${sort}: once`);
    }
  });

  it('pages on past rows with no date or no amount, in every order, in searches and exports', async () => {
    for (const sort of ['date', '-date', 'amount', '-amount']) {
      const ids: string[] = [];
      let url: string | null = `/api/v1/contributions?contributor=Datelessby&page_size=1&sort=${sort}`;
      while (url) {
        const b: Body = await api(url);
        ids.push(...b.results.map((r) => String(r['id'])));
        url = b.next_cursor ? `/api/v1/contributions?contributor=Datelessby&page_size=1&sort=${sort}&cursor=${b.next_cursor}` : null;
      }
      assert.equal(new Set(ids).size, 5, `${sort}: every row once (${ids.join(', ')})`);
      const csv = await request(app).get(`/api/v1/contributions.csv?contributor=Datelessby&sort=${sort}`).expect(200);
      assert.equal(csv.text.trim().split('\n').length, 1 + 5, `${sort}: the export has every row`);
    }
    // The rows with no value come last, whichever way the order runs.
    const dated = await api('/api/v1/contributions?contributor=Datelessby&sort=-date');
    assert.deepEqual(dated.results.map((r) => r['date']), ['2012-02-03', '2012-02-02', null, null, null]);
    const amounts = await api('/api/v1/contributions?contributor=Datelessby&sort=amount');
    assert.deepEqual(amounts.results.map((r) => r['amount']), [20, 75, null, null, null]);
  });

  it('shows superseded amendments only with versions=all, flagged', async () => {
    const current = await api('/api/v1/contributions?contributor=Abernathy');
    assert.deepEqual(current.results.map((r) => [r['amount'], r['superseded']]), [[850, false]]);
    const all = await api('/api/v1/contributions?contributor=Abernathy&versions=all&sort=amount');
    assert.deepEqual(all.results.map((r) => [r['amount'], r['superseded']]), [[800, true], [850, false]]);
    assert.equal(get(all.results[0], 'links.filing'), '/api/v1/filings/9800002?amendment=0');
  });

  it('suggests filers as a name is typed, and searches every kind at once', async () => {
    const s = (await request(app).get('/api/v1/filers/suggest?q=newso').expect(200)).body as { suggestions: { filer_id: string; name: string }[] };
    assert.ok(s.suggestions.some((x) => x.filer_id === recipientId));
    const all = await api('/api/v1/search?q=Quintanilla');
    assert.ok(all.results.length >= 2);
    assert.ok(all.results.every((r) => typeof r['kind'] === 'string'));
  });

  describe('a word that names a kind', () => {
    it('stays text on a kind\'s endpoint: filers?q=committee finds filers named so, not all of them', async () => {
      const all = Number((await sql<{ n: string }>`select count(*)::text as n from filers`.execute(t.db.kysely)).rows[0]!.n);
      const b = await api('/api/v1/filers?q=committee&page_size=100');
      assert.equal(b.understood.text, 'committee');
      assert.equal(b.understood.kind, null, 'not read as the kind of record');
      assert.ok(b.total.value > 0 && b.total.value < all, `${b.total.value} of ${all} filers`);
      for (const r of b.results) assert.match(JSON.stringify([r['name'], r['names']]), /committee/i);
    });

    it('is the kind where the request has none of its own (/api/v1/search)', async () => {
      const all = Number((await sql<{ n: string }>`select count(*)::text as n from filers`.execute(t.db.kysely)).rows[0]!.n);
      const b = (await api('/api/v1/search?q=committee')) as Body & { kinds: Record<string, { total: { value: number }; link: string }> };
      assert.equal(b.understood.kind, 'filers');
      assert.equal(b.understood.text, null);
      assert.equal(b.total.value, all, 'every filer: the word was the filter');
      assert.ok(b.results.length > 0 && b.results.every((r) => r['kind'] === 'filers'));
      assert.equal(b.kinds['filers']!.link, '/api/v1/filers');
      // The other kinds count what their own endpoint gives for the same q.
      const other = await api(b.kinds['contributions']!.link);
      assert.equal(b.kinds['contributions']!.total.value, other.total.value);
    });
  });

  describe('order with no text', () => {
    it('is the newest first, says so, and pages on with cursors', async () => {
      for (const url of ['/api/v1/contributions?page_size=40', '/api/v1/contributions?page_size=40&sort=relevance', `/api/v1/contributions?page_size=40&recipient=${facetRecipient}`]) {
        let b = await api(url);
        assert.equal(b.sort, '-date', url);
        const dates: string[] = [];
        for (let page = 0; page < 3 && b; page++) {
          dates.push(...b.results.map((r) => (typeof r['date'] === 'string' ? r['date'] : '')));
          if (!b.next_cursor) break;
          b = await api(`${url}&cursor=${b.next_cursor}`);
        }
        const dated = dates.filter(Boolean);
        assert.ok(dated.length > 3, url);
        assert.deepEqual(dated, [...dated].sort().reverse(), `${url}: newest first across pages`);
      }
      assert.equal((await api('/api/v1/filings')).sort, '-date');
      assert.equal((await api('/api/v1/lobbying')).sort, '-date');
    });

    it('is by name for filers, and best match again once there is text or a name to rank by', async () => {
      const f = await api('/api/v1/filers?page_size=50');
      assert.equal(f.sort, 'name');
      const names = f.results.map((r) => (typeof r['name'] === 'string' ? r['name'] : '').toLowerCase());
      assert.deepEqual(names, [...names].sort());
      assert.equal((await api('/api/v1/contributions?q=teacher')).sort, 'relevance');
      assert.equal((await api('/api/v1/contributions?contributor=Quintanilla')).sort, 'relevance');
      assert.equal((await api('/api/v1/contributions?q=teacher&sort=-amount')).sort, '-amount');
    });

    it('the portal page says newest first, not best match', async () => {
      const res = await request(app).get('/search?kind=contributions').expect(200);
      const caption = /<caption>([^<]*)<\/caption>/.exec(res.text)?.[1] ?? '';
      assert.match(caption, /newest first/);
      assert.doesNotMatch(caption, /best match/i);
    });
  });

  describe('facets on values as they read, not as filed', () => {
    it('groups case, spacing and end punctuation, and counts "not given" words as missing', async () => {
      const b = await api(`/api/v1/contributions?recipient=${facetRecipient}`);
      const facet = (name: string): [string, string, number][] => b.facets![name]!.buckets.map((x) => [x.value, x.label, x.count]);
      assert.equal(b.total.value, 7);
      assert.deepEqual(facet('city').map(([v, , n]) => [v, n]), [['lodi', 4], ['stockton', 3]]);
      assert.deepEqual(facet('occupation').map(([v, , n]) => [v, n]), [['retired', 4], ['teacher', 2]]);
      assert.equal(b.facets!['occupation']!.missing_count, 1);
      assert.deepEqual(facet('employer').map(([v, , n]) => [v, n]), [['acme, inc', 2]]);
      assert.equal(b.facets!['employer']!.missing_count, 5, 'N/A, None, n/a, - and Refused are not given');
      // One label a bucket, spelled as filed.
      assert.match(facet('occupation')[0]![1], /^retired$/i);
      assert.equal(facet('employer')[0]![1].replace(/\.$/, '').toLowerCase(), 'acme, inc');
      // The raw value stays in the record.
      const raw = await api(`/api/v1/contributions?recipient=${facetRecipient}&sort=date&facets=false`);
      assert.deepEqual(raw.results.map((r) => get(r, 'contributor.employer')), ['N/A', 'None', 'n/a', '-', 'Refused', 'Acme, Inc.', 'ACME, INC']);
    });

    it('a bucket narrows to exactly its count', async () => {
      const base = `/api/v1/contributions?recipient=${facetRecipient}`;
      const b = await api(base);
      for (const name of ['city', 'occupation', 'employer']) {
        const f = b.facets![name]!;
        for (const bucket of f.buckets) {
          const n = await api(`${base}&${f.filter}=${encodeURIComponent(bucket.value)}`);
          assert.equal(n.total.value, bucket.count, `${name} ${bucket.value}`);
        }
      }
      // A "not given" word narrows to the rows with none.
      assert.equal((await api(`${base}&employer_exact=N%2FA`)).total.value, 5);
    });

    it('on every kind, no facet shows one label twice, and each bucket narrows to its count', async () => {
      for (const kind of ['contributions', 'expenditures', 'lobbying', 'filers', 'filings']) {
        const b = await api(`/api/v1/${kind}?facet_size=50`);
        for (const [name, f] of Object.entries(b.facets!)) {
          const labels = f.buckets.map((x) => x.label.toLowerCase());
          assert.equal(new Set(labels).size, labels.length, `${kind} ${name}: ${labels.join(' | ')}`);
          if (f.filter === 'amount') continue;
          for (const bucket of f.buckets.slice(0, 3)) {
            const n = await api(`/api/v1/${kind}?${f.filter}=${encodeURIComponent(bucket.value)}&facets=${name}`);
            assert.equal(n.total.value, bucket.count, `${kind} ${name} ${bucket.value}`);
          }
        }
      }
      // The filers' status: "Active" is one bucket of the codes that mean it.
      const status = (await api('/api/v1/filers')).facets!['status']!.buckets.filter((x) => x.label === 'Active');
      assert.equal(status.length, 1);
      assert.deepEqual(status[0]!.value.split(',').sort(), ['A', 'ACTIVE']);
    });

    it('lists only values its filter takes: every bucket narrows to exactly its count, the rest counted as missing', async () => {
      const base = `/api/v1/contributions?recipient=${encodeURIComponent(dirtyRecipient)}`;
      const b = await api(`${base}&facet_size=50`);
      assert.equal(b.total.value, 5);
      const state = b.facets!['state']!;
      assert.deepEqual(state.buckets.map((x) => [x.value, x.count]).sort(), [['CA', 1], ['NV', 1]], 'states of two letters only ("Ca" is CA)');
      assert.equal(state.missing_count, 3, '"94", "C." and no state at all');
      for (const [name, f] of Object.entries(b.facets!)) {
        assert.equal(f.buckets.reduce((n, x) => n + x.count, 0) + f.other_count + f.missing_count, b.total.value, `${name}: buckets + other + missing = total`);
        if (f.filter === 'amount') continue;
        for (const bucket of f.buckets) {
          // (the recipient's bucket is the search itself: asked without the base filter)
          const n = await api(f.filter === 'recipient' ? `/api/v1/contributions?recipient=${encodeURIComponent(bucket.value)}&facets=${name}` : `${base}&${f.filter}=${encodeURIComponent(bucket.value)}&facets=${name}`);
          assert.equal(n.total.value, bucket.count, `${name} ${JSON.stringify(bucket.value)}`);
        }
      }
      // The filer id with a minus sign is a bucket of the recipient facet, and a filter that takes it.
      assert.deepEqual(b.facets!['recipient']!.buckets.map((x) => [x.value, x.count]), [[dirtyRecipient, 5]]);
      // Over the whole sample: the dirty states it files ("94" among contributors, "0" among
      // lobbying parties) are no bucket, and state buckets narrow to their counts (the rarest
      // ones, where filing errors are).
      for (const kind of ['contributions', 'expenditures', 'lobbying', 'filers']) {
        const all = await api(`/api/v1/${kind}?facets=state&facet_size=50`);
        const f = all.facets!['state']!;
        assert.ok(f.buckets.every((x) => /^[A-Z]{2}$/.test(x.value)), `${kind}: ${f.buckets.map((x) => x.value).join(',')}`);
        assert.equal(f.buckets.reduce((n, x) => n + x.count, 0) + f.other_count + f.missing_count, all.total.value, kind);
        for (const bucket of f.buckets.slice(-6)) {
          const n = await api(`/api/v1/${kind}?state=${encodeURIComponent(bucket.value)}&facets=state`);
          assert.equal(n.total.value, bucket.count, `${kind} state ${bucket.value}`);
        }
      }
    });

    it('placeholder dates are never a year of a facet', async () => {
      const odd = await sql<{ n: number }>`select count(*)::int as n from lobbying_activity_expenses where expn_date = '1900-01-01'`.execute(t.db.kysely);
      assert.ok(odd.rows[0]!.n > 0, 'the sample has a lobbying row dated 1/1/1900');
      for (const url of ['/api/v1/lobbying', '/api/v1/lobbying?versions=all', '/api/v1/contributions', '/api/v1/expenditures', '/api/v1/filings']) {
        const b = await api(url);
        const years = b.facets!['year']!.buckets.map((x) => Number(x.value));
        assert.ok(years.length > 0 && years.every((y) => y >= 1970 && y <= 2030), `${url}: ${years.join(',')}`);
      }
    });
  });

  describe('the dollar total of a search', () => {
    interface SumBody extends Body {
      amount_sum: number | null;
      amount_sum_rule: string | null;
    }
    const dbSum = async (query: string): Promise<{ sum: string; n: number }> => {
      const r = await t.db.pool.query<{ sum: string; n: number }>(query);
      return r.rows[0]!;
    };
    const current = (table: string): string => `FROM ${table} t JOIN filings f ON f.filing_id = t.filing_id AND f.current_amend_id = t.amend_id`;
    const NOT_MEMO = `coalesce(upper(t.memo_code), '') <> 'X'`;

    it('equals the database\'s own SUM over the same rows, to the cent', async () => {
      const cases: [string, string][] = [
        ['/api/v1/contributions', `SELECT round(coalesce(sum(t.amount), 0), 2)::text AS sum, count(*)::int AS n ${current('contributions')} WHERE ${NOT_MEMO}`],
        ['/api/v1/contributions?year=2008', `SELECT round(coalesce(sum(t.amount), 0), 2)::text AS sum, count(*)::int AS n ${current('contributions')} WHERE ${NOT_MEMO} AND t.rcpt_date BETWEEN '2008-01-01' AND '2008-12-31'`],
        ['/api/v1/contributions?state=CA', `SELECT round(coalesce(sum(t.amount), 0), 2)::text AS sum, count(*)::int AS n ${current('contributions')} WHERE ${NOT_MEMO} AND upper(t.ctrib_st) = 'CA'`],
        [`/api/v1/contributions?recipient=${facetRecipient}`, `SELECT round(coalesce(sum(t.amount), 0), 2)::text AS sum, count(*)::int AS n ${current('contributions')} WHERE ${NOT_MEMO} AND t.filing_id = 9800003`],
        ['/api/v1/expenditures', `SELECT round(coalesce(sum(t.amount), 0), 2)::text AS sum, count(*)::int AS n ${current('expenditures')} WHERE ${NOT_MEMO}`],
        [
          '/api/v1/lobbying',
          `SELECT round(coalesce(sum(a), 0), 2)::text AS sum, count(*)::int AS n FROM (
             SELECT coalesce(t.per_total, t.fees_amt) AS a, t.memo_code ${current('lobbying_payments')}
             UNION ALL SELECT t.amount, t.memo_code ${current('lobbying_activity_expenses')}
             UNION ALL SELECT t.amount, t.memo_code ${current('lobbying_campaign_contributions')}
             UNION ALL SELECT t.amount, t.memo_code ${current('lobbying_other_payments')}) t
           WHERE coalesce(upper(t.memo_code), '') NOT IN ('X', 'Y')`,
        ],
      ];
      for (const [url, query] of cases) {
        const b = (await api(url)) as SumBody;
        const want = await dbSum(query);
        assert.ok(want.n > 0, `${url}: rows to sum`);
        assert.equal(typeof b.amount_sum, 'number', url);
        assert.equal(b.amount_sum!.toFixed(2), want.sum, url);
        assert.equal(Math.round(b.amount_sum! * 100) / 100, b.amount_sum, `${url}: whole cents`);
        assert.match(String(b.amount_sum_rule), /current version/);
        assert.match(String(b.amount_sum_rule), /memo entries left out/);
      }
      // The fixture's own figure: 10.01 + 0.10 + 0.20 + 1234.56 + 99.99 + 0.03, its memo entry of 500 left out.
      assert.equal(((await api(`/api/v1/contributions?recipient=${facetRecipient}`)) as SumBody).amount_sum, 1344.89);
    });

    it('counts late reports apart, says how, and sums them alone when asked for them alone', async () => {
      const late = await dbSum(`SELECT round(coalesce(sum(t.amount), 0), 2)::text AS sum, count(*)::int AS n ${current('late_contributions')} WHERE ${NOT_MEMO} AND t.form_type = 'F497P1'`);
      assert.ok(late.n > 0);
      const all = (await api('/api/v1/contributions')) as SumBody;
      const money = `$${Number(late.sum).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      assert.ok(String(all.amount_sum_rule).includes(`late contribution reports (Form 497) counted apart, not added: ${late.n.toLocaleString('en-US')} rows, ${money}`), String(all.amount_sum_rule));
      const only = (await api('/api/v1/contributions?report_kind=LATE_CONTRIBUTION')) as SumBody;
      assert.equal(only.amount_sum!.toFixed(2), late.sum);
      assert.match(String(only.amount_sum_rule), /Form 497\) only/);
      const versions = (await api('/api/v1/contributions?versions=all')) as SumBody;
      assert.match(String(versions.amount_sum_rule), /superseded versions included/);
      // Kinds with no amount have no sum.
      for (const kind of ['filers', 'filings']) {
        const b = (await api(`/api/v1/${kind}`)) as SumBody;
        assert.equal(b.amount_sum, null);
        assert.equal(b.amount_sum_rule, null);
      }
    });

    it('the portal shows the sum beside the count', async () => {
      const res = await request(app).get(`/search?kind=contributions&recipient=${facetRecipient}`).expect(200);
      assert.match(res.text, /7 contributions <span class="sum"[^>]*>totalling \$1,344\.89<\/span>/);
      assert.match(res.text, /Memo entries left out \(1 rows\)|Memo entries left out \(1 row\)/);
    });
  });

  describe('bad input', () => {
    const cases: [string, string][] = [
      ['/api/v1/contributions?min_amount=lots', 'min_amount'],
      ['/api/v1/contributions?max_amount=1e999', 'max_amount'],
      ['/api/v1/contributions?page_size=0', 'page_size'],
      ['/api/v1/contributions?page_size=101', 'page_size'],
      ['/api/v1/contributions?page_size=-5', 'page_size'],
      ['/api/v1/contributions?date_from=2018-13-01', 'date_from'],
      ['/api/v1/contributions?q=a&q=b', 'q'],
      ['/api/v1/contributions?contributor=%01%02', 'contributor'],
      ['/api/v1/contributions?sort=cost', 'sort'],
      ['/api/v1/contributions?versions=some', 'versions'],
      ['/api/v1/contributions?state=Cali', 'state'],
      ['/api/v1/contributions?zip=9581', 'zip'],
      ['/api/v1/contributions?report_kind=bogus', 'report_kind'],
      ['/api/v1/contributions?cursor=not-a-cursor', 'cursor'],
      ['/api/v1/contributions?bogus=1', 'bogus'],
      [`/api/v1/contributions?q=${'x'.repeat(301)}`, 'q'],
      ['/api/v1/filers?versions=all', 'versions'],
      ['/api/v1/filers/suggest', 'q'],
      ['/api/v1/search?page_size=99', 'page_size'],
    ];
    for (const [url, parameter] of cases) {
      it(`${url.slice(0, 70)} -> 400 naming ${parameter}`, async () => {
        const res = await request(app).get(url);
        assert.equal(res.status, 400);
        const body = res.body as { error: { code: string; parameter: string; message: string } };
        assert.equal(body.error.code, 'invalid_parameter');
        assert.equal(body.error.parameter, parameter);
        assert.ok(body.error.message.length > 0);
        assert.doesNotMatch(JSON.stringify(body), /\n\s+at /);
      });
    }

    it('a cursor from another search is refused', async () => {
      const first = await api('/api/v1/contributions?page_size=5&sort=-amount');
      assert.ok(first.next_cursor);
      const res = await request(app).get(`/api/v1/contributions?page_size=5&sort=amount&cursor=${first.next_cursor}`);
      assert.equal(res.status, 400);
      assert.equal((res.body as { error: { parameter: string } }).error.parameter, 'cursor');
    });
  });

  it('answers 503 naming Elasticsearch when it cannot be reached', async () => {
    const config = testConfig({ ES_INDEX_PREFIX: prefix, ELASTICSEARCH_URL: 'http://127.0.0.1:9' });
    const down = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
    const res = await request(down).get('/api/v1/contributions?q=x');
    assert.equal(res.status, 503);
    assert.equal((res.body as { error: { store: string } }).error.store, 'elasticsearch');
    assert.ok(res.headers['retry-after']);
    assert.doesNotMatch(res.text, /\bat \S+ \(|node:internal/, 'no stack trace');
  });

  it('sends ETag and Cache-Control, and 304 for a repeated request', async () => {
    const first = await request(app).get('/api/v1/contributions?q=teacher').expect(200);
    assert.match(String(first.headers['cache-control']), /max-age=30/);
    const etag = first.headers['etag'];
    assert.ok(etag);
    await request(app).get('/api/v1/contributions?q=teacher').set('If-None-Match', String(etag)).expect(304);
  });

  describe('the search endpoints of each kind: one way in, through express and every middleware', () => {
    it('are answered by express itself: its own dispatch, a route of its router for each kind', () => {
      // A handler put in front of express's dispatch would answer without the middlewares.
      assert.equal((app as unknown as { handle: unknown }).handle, (express.application as unknown as { handle: unknown }).handle);
      const paths = routePaths(app);
      for (const kind of ['contributions', 'expenditures', 'lobbying', 'filers', 'filings']) assert.ok(paths.includes(`/api/v1/${kind}`), kind);
    });

    it('answer a GET with the search, its ETag and Cache-Control', async () => {
      const taken = await request(app).get(`/api/v1/contributions?recipient=${recipientId}&sort=-amount`).expect(200);
      assert.equal(taken.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(taken.headers['cache-control'], 'public, max-age=30');
      assert.match(String(taken.headers['etag']), /^"[^"]+"$/);
      assert.equal(Number(taken.headers['content-length']), Buffer.byteLength(taken.text));
      const body = taken.body as { total: { value: number }; results: { amount: number; links: { filing: string } }[] };
      assert.equal(body.total.value, 5);
      assert.deepEqual(
        body.results.map((r) => r.amount),
        [5000, 2000, 1000, 900, 250],
      );
      assert.equal(body.results[0]!.links.filing, '/api/v1/filings/9800001');
      for (const kind of ['expenditures', 'lobbying', 'filers', 'filings']) await request(app).get(`/api/v1/${kind}`).expect(200);
    });

    it('answer HEAD, conditional requests and invalid parameters as every route does', async () => {
      const url = '/api/v1/contributions?city=Fresno';
      const got = await request(app).get(url).expect(200);
      const head = await request(app).head(url).expect(200);
      assert.equal(head.text, undefined);
      for (const h of ['content-type', 'cache-control', 'etag', 'content-length']) assert.equal(head.headers[h], got.headers[h], h);
      const other = await request(app).get(url).set('If-None-Match', '"x"').expect(200);
      assert.deepEqual(other.body, got.body);
      // No Last-Modified is sent, so a date alone proves nothing fresh: the whole answer.
      await request(app).get(url).set('If-Modified-Since', 'Tue, 24 Nov 2026 00:00:00 GMT').expect(200);
      for (const [bad, parameter] of [
        ['/api/v1/contributions?bogus=1', 'bogus'],
        ['/api/v1/contributions?min_amount=lots', 'min_amount'],
      ] as const) {
        const res = await request(app).get(bad).expect(400);
        assert.equal((res.body as { error: { parameter: string } }).error.parameter, parameter, bad);
      }
    });

    it('a conditional request: 304 when its ETag matches, the same answer as a GET otherwise', async () => {
      // Distinct requests (no cache between them): the same search, two page sizes.
      const plain = await request(app).get('/api/v1/contributions?q=quintanilla&page_size=5').expect(200);
      const unmatched = await request(app).get('/api/v1/contributions?q=quintanilla&page_size=6').set('If-None-Match', '"none"').expect(200);
      const strip = (b: { page_size: number }): object => ({ ...b, page_size: 0 });
      assert.equal((plain.body as Body).total.value, 2);
      assert.deepEqual(strip(plain.body as { page_size: number }), strip(unmatched.body as { page_size: number }));
      for (const h of ['content-type', 'cache-control']) assert.equal(plain.headers[h], unmatched.headers[h], h);
      assert.match(String(plain.headers['etag']), /^"[^"]+"$/);
      assert.match(String(unmatched.headers['etag']), /^"[^"]+"$/);
      // The answer is the one cached: a conditional request on it is a 304.
      await request(app).get('/api/v1/contributions?q=quintanilla&page_size=5').set('If-None-Match', String(plain.headers['etag'])).expect(304);
    });

    it('keeps to the budgets: past the burst a 429 with Retry-After and the JSON error', async () => {
      const config = testConfig({ ES_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' });
      const limited = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });
      await request(limited).get('/api/v1/contributions?q=oyelaran').expect(200);
      await request(limited).get('/api/v1/contributions?q=marchetti').expect(200);
      const refused = await request(limited).get('/api/v1/contributions?q=oyelaran');
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal(refused.headers['cache-control'], 'no-store');
      assert.equal((refused.body as { error: { code: string } }).error.code, 'too_many_requests');
    });
  });

  it('documents every route it serves in /api/v1/openapi.json', async () => {
    const served = await request(app).get('/api/v1/openapi.json').expect(200);
    const doc = served.body as { paths: Record<string, unknown> };
    const routes = routePaths(app);
    // The portal's pages (/, /search, /filers/:id, ...) are HTML for people, not API
    // routes: every path that answers JSON (/api/..., /health) must be documented.
    const apiRoutes = routes.filter(isApiPath);
    assert.ok(apiRoutes.length >= 9, `found routes: ${routes.join(', ')}`);
    for (const r of apiRoutes) {
      const documented = r.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[documented], `${documented} is documented`);
    }
  });
});
