// The portal's pages against the real stores: HTML over HTTP (escaping, errors, the same
// answers as the API), then in a real browser (Debian's Chromium driven by
// playwright-core): search a name from the sample, narrow by a facet, go back, open a
// filing, download the CSV and count its rows, follow an export job's progress bar,
// read the pages without script and with the keyboard only, and audit them for the
// basics of accessibility. Screenshots of the page types go to test-output/screenshots.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { sql } from 'kysely';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { buildOpenApi } from '../../src/routes/openapi.js';
import { createSearchClient } from '../../src/search/client.js';
import { writeBulkDatasets, type BulkManifest } from '../../src/services/bulk-datasets.js';
import type { ExportJobs } from '../../src/services/export-jobs.js';
import { contribution, cover, ExportBuilder, SAMPLE_DIR } from '../builders/calaccess-export.js';
import { parseCsv } from '../support/csv.js';
import { testConfig } from '../support/env.js';
import { createTestDatabase, importInto, type TestDatabase } from '../support/test-db.js';
import { deleteIndices, indexAll, testPrefix, testSearchClient } from '../support/test-search.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Values that must reach pages as text, never as markup.
const HOSTILE_FILER = 'Committee <script>alert("filer")</script> & "Friends"';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/**
 * Checks run inside the page (a string: this project compiles without DOM types): html
 * lang, one h1, no skipped heading level, landmarks, a label for every control, a name
 * for every link, image and table, and a text contrast of at least 4.5:1.
 */
const AUDIT = String.raw`(() => {
  const problems = [];
  const lang = document.documentElement.getAttribute('lang');
  if (!lang) problems.push('html has no lang');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push('h1 count is ' + h1);
  let prev = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > prev + 1) problems.push('heading ' + h.tagName + ' "' + h.textContent.trim().slice(0, 40) + '" skips a level after h' + prev);
    prev = level;
  }
  for (const sel of ['header', 'nav', 'main', 'footer']) if (!document.querySelector(sel)) problems.push('no ' + sel + ' landmark');
  const named = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)).some((x) => x && x.textContent.trim());
    return Boolean((el.getAttribute('aria-label') || '').trim());
  };
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const id = el.id;
    const label = (id && document.querySelector('label[for="' + CSS.escape(id) + '"]')) || el.closest('label');
    if (!(label && label.textContent.trim()) && !named(el)) problems.push('control without a label: ' + el.outerHTML.slice(0, 80));
  }
  for (const a of document.querySelectorAll('a[href]')) if (!a.textContent.trim() && !named(a)) problems.push('link without text: ' + a.outerHTML.slice(0, 80));
  for (const b of document.querySelectorAll('button')) if (!b.textContent.trim() && !named(b)) problems.push('button without text');
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt');
  for (const svg of document.querySelectorAll('svg[role=img]')) if (!named(svg)) problems.push('svg image without a name');
  for (const t of document.querySelectorAll('table')) {
    const cap = t.querySelector('caption');
    if (!(cap && cap.textContent.trim()) && !named(t)) problems.push('table without caption or name');
    for (const th of t.querySelectorAll('thead th')) if (th.getAttribute('scope') !== 'col') problems.push('column header without scope');
  }
  const rgb = (s) => { const m = s.match(/[\d.]+/g) || []; return { r: +m[0], g: +m[1], b: +m[2], a: m[3] === undefined ? 1 : +m[3] }; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (['SCRIPT', 'STYLE', 'svg', 'title', 'desc', 'text', 'rect', 'line', 'g', 'OPTION'].includes(el.tagName)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('.visually-hidden, .skip')) continue;
    const fg = lum(rgb(style.color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    checked++;
    if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + el.textContent.trim().slice(0, 30) + '" (' + style.color + ')');
  }
  if (checked < 5) problems.push('only ' + checked + ' text elements checked for contrast');
  return problems;
})()`;

describe('portal pages against the real stores', function () {
  this.timeout(180_000);
  let t: TestDatabase;
  const es = testSearchClient();
  const prefix = testPrefix('portal');
  const dirs: string[] = [];
  const exportDir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
  dirs.push(exportDir);
  const config = testConfig({ ES_INDEX_PREFIX: prefix, EXPORT_DIR: exportDir });
  let app: Express;
  let manifest: BulkManifest;
  /** A contributor's last name from the sample, on rows of several years. */
  let lastName: string;
  /** A filer of the sample whose reports itemize contributions (see before). */
  let filerId: string;

  before(async () => {
    t = await createTestDatabase('portal');
    await importInto(t, SAMPLE_DIR);
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9700001, 0, '1700001', { FILER_NAML: HOSTILE_FILER })])
      .rows('RCPT_CD.TSV', [contribution(9700001, 0, 1, { CTRIB_NAML: HOSTILE_NAME, CTRIB_NAMF: '', ENTITY_CD: 'OTH', AMOUNT: '66.60' })]);
    dirs.push(b.dir);
    await importInto(t, b.write());
    await indexAll(es, t.db.pool, prefix);
    manifest = await writeBulkDatasets(t.db.pool, path.join(exportDir, 'bulk'), silentLogger, ['contributions', 'filers']);
    app = createApp({ config, db: t.db.kysely, pool: t.db.pool, es: createSearchClient(config), log: silentLogger });

    const names = await sql<{ name: string }>`
      select c.ctrib_naml as name from contributions c join filings f on f.filing_id = c.filing_id and f.current_amend_id = c.amend_id
       where c.entity_cd = 'IND' and c.ctrib_naml ~ '^[A-Za-z]{5,}$' and c.rcpt_date is not null
       group by 1 having count(distinct extract(year from c.rcpt_date)) >= 2 order by count(*) desc, 1 limit 1`.execute(t.db.kysely);
    lastName = names.rows[0]!.name;
    // Of the filers whose reports itemize contributions, the one with the most filings
    // (and versions of them): the fullest filer and filing pages the sample makes.
    const filers = await sql<{ filer_id: string }>`
      select v.filer_id from filing_versions v join filings f on f.filing_id = v.filing_id and f.current_amend_id = v.amend_id
       where v.filer_id <> '1700001' and v.filer_id in (
         select w.filer_id from filing_versions w join filings g on g.filing_id = w.filing_id and g.current_amend_id = w.amend_id
          where exists (select 1 from contributions c where c.filing_id = g.filing_id and c.amend_id = g.current_amend_id))
       group by 1 order by count(*) desc, sum(f.version_count) desc, 1 limit 1`.execute(t.db.kysely);
    filerId = filers.rows[0]!.filer_id;
  });

  after(async () => {
    await (app.locals['jobs'] as ExportJobs).stop();
    await deleteIndices(es, prefix);
    await es.close();
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('HTML over HTTP', () => {
    it('a search page shows what the API answers for the same parameters', async () => {
      const q = encodeURIComponent(lastName);
      const api = await request(app).get(`/api/v1/contributions?q=${q}`).expect(200);
      const res = await request(app).get(`/search?kind=contributions&q=${q}`).expect(200);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      const total = (api.body as { total: { value: number } }).total.value;
      assert.ok(total >= 2, `${lastName}: ${total} results`);
      assert.match(res.text, new RegExp(`data-total="${total}"`));
      assert.match(res.text, new RegExp(lastName, 'i'));
    });

    it('escapes a hostile q everywhere it is shown, under a strict Content-Security-Policy', async () => {
      const evil = '<script>alert("q")</script>"\'><b>';
      const res = await request(app).get(`/search?q=${encodeURIComponent(evil)}`).expect(200);
      assert.ok(!res.text.includes('<script>alert'), 'no script from the query');
      assert.ok(!res.text.includes('<b>'), 'no markup from the query');
      assert.ok(res.text.includes('&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;&quot;&#39;&gt;&lt;b&gt;'), 'the query shown as text');
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    });

    it('escapes hostile names from the data on search, filing and filer pages', async () => {
      const pages = [`/search?kind=contributions&q=${encodeURIComponent('img onerror')}`, '/search?kind=contributions&recipient=1700001', '/filings/9700001', '/filers/1700001'];
      for (const url of pages) {
        const res = await request(app).get(url).expect(200);
        assert.ok(!res.text.includes('<script>alert'), `${url}: no script from the data`);
        assert.ok(!res.text.includes('<img src=x'), `${url}: no markup from the data`);
      }
      const filing = await request(app).get('/filings/9700001').expect(200);
      assert.ok(filing.text.includes('Committee &lt;script&gt;alert(&quot;filer&quot;)&lt;/script&gt; &amp; &quot;Friends&quot;'), 'the filer name as text');
      assert.ok(filing.text.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the contributor name as text');
    });

    it('a filter read from the words is a chip whose removal keeps the others', async () => {
      const res = await request(app).get(`/search?q=${encodeURIComponent('contributions from teachers in Northridge')}`).expect(200);
      const chip = /<li><span>City: [^<]+<\/span> <span class="from-words">\(from your words\)<\/span> <a class="remove" href="([^"]+)"/.exec(res.text);
      assert.ok(chip, 'a City chip read from the words');
      assert.match(res.text, /<span>Occupation: teacher<\/span>/i);
      const without = await request(app).get(chip[1]!.replace(/&amp;/g, '&')).expect(200);
      assert.doesNotMatch(without.text, /<span>City:/);
      assert.match(without.text, /<span>Occupation: teacher<\/span>/i);
    });

    it('shows an older version of a filing as superseded, linking to the current one', async () => {
      const r = await sql<{ filing_id: number; amend_id: number }>`
        select v.filing_id, v.amend_id from filing_versions v join filings f on f.filing_id = v.filing_id
         where f.version_count > 1 and v.amend_id < f.current_amend_id order by v.filing_id limit 1`.execute(t.db.kysely);
      const { filing_id: id, amend_id: amendment } = r.rows[0]!;
      const res = await request(app).get(`/filings/${id}?amendment=${amendment}`).expect(200);
      assert.match(res.text, new RegExp(`<p class="notice">[^]*<a href="/filings/${id}">See the current version</a>`));
      assert.match(res.text, /<span class="flag">Superseded<\/span>/);
    });

    it('answers a bad parameter with a 400 page naming it', async () => {
      for (const [url, parameter] of [
        ['/search?min_amount=lots', 'min_amount'],
        ['/search?kind=donations', 'kind'],
        ['/search?kind=contributions&bogus=1', 'bogus'],
        ['/search?cursor=not-a-cursor', 'cursor'],
        ['/filings/12?bogus=1', 'bogus'],
        ['/filings/abc', 'id'],
      ] as const) {
        const res = await request(app).get(url).expect(400);
        assert.match(String(res.headers['content-type']), /text\/html/, url);
        assert.ok(res.text.includes(`<code>${parameter}</code>`), `${url} names ${parameter}`);
        assert.ok(!/at \w+ \(|node_modules|\.js:\d+/.test(res.text), `${url}: no stack trace`);
      }
    });

    it('answers unknown pages, filers and filings with a 404 page; the API keeps JSON', async () => {
      for (const url of ['/filings/999999999', '/filers/ZZ999999', '/no-such-page', '/exports/00000000-0000-0000-0000-000000000000']) {
        const res = await request(app).get(url).expect(404);
        assert.match(String(res.headers['content-type']), /text\/html/, url);
        assert.match(res.text, /<h1>Not found<\/h1>/, url);
      }
      const api = await request(app).get('/api/v1/no-such').expect(404);
      assert.match(String(api.headers['content-type']), /json/);
    });

    it('answers with a 503 page naming the search index when it is missing', async () => {
      const other = testConfig({ ES_INDEX_PREFIX: `${prefix}missing-`, EXPORT_DIR: exportDir });
      const broken = createApp({ config: other, db: t.db.kysely, pool: t.db.pool, es: createSearchClient(other), log: silentLogger, jobs: app.locals['jobs'] as ExportJobs });
      const res = await request(broken).get('/search?q=anything').expect(503);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.text, /search index \(Elasticsearch\)/);
      assert.ok(res.headers['retry-after']);
      // ...and the API, in JSON.
      const api = await request(broken).get('/api/v1/contributions?q=anything').expect(503);
      assert.equal((api.body as { error: { store: string } }).error.store, 'elasticsearch');
    });

    it('redirects a form submitted with empty fields to the short address', async () => {
      const res = await request(app).get('/search?q=&kind=filings&year=&filer=').expect(302);
      assert.equal(res.headers['location'], '/search?kind=filings');
      await request(app).get('/?q=teachers').expect(302).expect('Location', '/search?q=teachers');
    });

    it('lists the bulk files with their sizes, row counts and checksums', async () => {
      const res = await request(app).get('/data').expect(200);
      assert.ok(manifest.files.length >= 2);
      for (const f of manifest.files) {
        assert.ok(res.text.includes(`href="/api/v1/bulk/${f.file}"`), `${f.file} linked`);
        assert.ok(res.text.includes(f.sha256), `${f.file} checksum`);
        assert.ok(res.text.includes(`${f.rows.toLocaleString('en-US')}</td>`), `${f.file} rows`);
        assert.ok(res.text.includes(`${f.bytes.toLocaleString('en-US')} bytes`), `${f.file} bytes`);
      }
    });

    it('renders the API documentation from the OpenAPI document, every operation of it', async () => {
      const res = await request(app).get('/docs/api').expect(200);
      const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string }>> };
      for (const [p, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          assert.ok(res.text.includes(`<code>${p}</code>`), `${p} documented`);
          assert.ok(res.text.includes(`id="op-${op.operationId}"`), `${method} ${p} documented`);
        }
      }
      assert.ok(res.text.includes('id="schema-SearchResponse"'));
    });

    it('serves its stylesheet and script', async () => {
      await request(app).get('/assets/portal.css').expect(200).expect('Content-Type', /text\/css/);
      await request(app).get('/assets/portal.js').expect(200).expect('Content-Type', /javascript/);
    });
  });

  describe('in a real browser (Chromium)', () => {
    let server: Server;
    let base: string;
    let browser: Browser;
    let context: BrowserContext;
    const pageErrors: string[] = [];
    let started = 0;

    before(async () => {
      started = Date.now();
      assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: run scripts/browser.sh (npm test does), or set CHROMIUM_PATH`);
      server = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-default-apps', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      });
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      mkdirSync(SHOTS, { recursive: true });
    });

    after(async () => {
      await browser?.close();
      server?.closeAllConnections();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      console.log(`    browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
    });

    async function open(ctx: BrowserContext = context): Promise<Page> {
      const page = await ctx.newPage();
      // Fail fast: every page here answers in well under a second.
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`${page.url()}: console: ${m.text()}`);
      });
      page.on('dialog', (d) => {
        pageErrors.push(`${page.url()}: a dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      return page;
    }

    const totalOf = async (page: Page): Promise<number> => Number(await page.locator('#results-h').getAttribute('data-total'));

    async function audit(page: Page): Promise<void> {
      const problems = await page.evaluate<string[]>(AUDIT);
      assert.deepEqual(problems, [], `${page.url()}: accessibility problems`);
    }

    async function screenshot(page: Page, name: string): Promise<void> {
      const file = path.join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`    screenshot: ${path.relative(ROOT, file)}`);
    }

    it('searches a name, narrows by a facet, goes back, opens a filing and downloads the CSV', async () => {
      const page = await open();
      await page.goto(`${base}/`);
      await page.getByLabel('What are you looking for?').fill(lastName);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/search\?/);
      const rows = page.locator('table.results tbody tr');
      const named = rows.filter({ hasText: new RegExp(lastName, 'i') });
      assert.ok((await named.count()) >= 2, `${lastName} appears in the results`);
      const total = await totalOf(page);
      assert.ok(total >= 2);
      const searchUrl = page.url();
      assert.ok(new URL(searchUrl).searchParams.get('q') === lastName, 'the address holds the search');
      await audit(page);
      await screenshot(page, 'search');

      // A facet bucket that narrows: its count becomes the total, the address says so.
      const facet = page.locator('aside.facets a[data-facet="year"]').first();
      const [year, expected] = [await facet.getAttribute('data-value'), Number(await facet.getAttribute('data-count'))];
      assert.ok(expected < total, `year ${year} has ${expected} of ${total}`);
      await facet.click();
      await page.waitForURL((u) => u.searchParams.get('year') === year);
      assert.equal(await totalOf(page), expected);
      assert.equal(await page.locator('ul.chips li').filter({ hasText: `Year: ${year}` }).count(), 1, 'the facet shows as a chip');
      // Removing the chip is a link back to the wider search.
      await page.getByRole('link', { name: `Remove filter Year: ${year}` }).click();
      await page.waitForURL((u) => !u.searchParams.has('year'));
      assert.equal(await totalOf(page), total);
      // The back button: the narrowed search, then the first one again.
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get('year') === year);
      assert.equal(await totalOf(page), expected);
      await page.goBack();
      await page.waitForURL(searchUrl);
      assert.equal(await totalOf(page), total);

      // Open the filing of a row with the name: the page shows that filing and the row.
      const link = named.first().locator('a[data-filing-id]');
      const filingId = await link.getAttribute('data-filing-id');
      await link.click();
      await page.waitForURL(new RegExp(`/filings/${filingId}`));
      assert.equal(await page.locator('dd[data-filing-id]').textContent(), filingId);
      assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(filingId!));
      const scheduleRows = page.locator('table.schedule-rows tbody tr');
      assert.ok((await scheduleRows.count()) >= 1, 'the filing shows its schedule rows');
      assert.ok((await scheduleRows.filter({ hasText: new RegExp(lastName, 'i') }).count()) >= 1, `the filing shows the ${lastName} row`);
      await audit(page);

      // The whole result as CSV: as many data rows as the total the page showed.
      await page.goBack();
      await page.waitForURL(searchUrl);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
      const csv = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''));
      assert.equal(csv.length - 1, total, 'data rows of the CSV = the total shown');
      assert.ok(csv.slice(1).some((r) => r.some((c) => c.toLowerCase().includes(lastName.toLowerCase()))));
      assert.match(download.suggestedFilename(), /^contributions_.*\.csv$/);
      await page.close();
    });

    it('links filers, filings and searches; a figure links to the search that adds up to it', async () => {
      const page = await open();
      await page.goto(`${base}/filers/${filerId}`);
      assert.equal(await page.locator('svg[role=img]').count(), 1, 'the money chart');
      assert.ok((await page.locator('svg[role=img] rect').count()) >= 1, 'the chart has bars');
      await audit(page);
      await screenshot(page, 'filer');
      // The raised figure of a year -> the search of those contributions, as many as the table says.
      const row = page.locator('table:has(caption:text("Raised and spent by year")) tbody tr').first();
      const contributions = Number(((await row.locator('td').nth(1).textContent()) ?? '').replace(/,/g, ''));
      await row.locator('td').first().getByRole('link').click();
      await page.waitForURL(/\/search\?kind=contributions&recipient=/);
      assert.equal(await totalOf(page), contributions);
      await page.goBack();
      // A filing of the filer, and back to the filer from it.
      const filing = page.locator('section[aria-labelledby="filings-h"] tbody a').first();
      const filingHref = await filing.getAttribute('href');
      await filing.click();
      await page.waitForURL(`${base}${filingHref}`);
      await page.locator('dl.facts').getByRole('link').first().click();
      await page.waitForURL(`${base}/filers/${filerId}`);
      // The filing page (the filer's latest), with its amendment history, for the screenshot.
      await page.goto(`${base}${filingHref}`);
      assert.ok((await page.locator('section[aria-labelledby="history-h"] tbody tr').count()) >= 1, 'the amendment history');
      await audit(page);
      await screenshot(page, 'filing');
      await page.close();
    });

    it('sorts by a column header and pages forward and back', async () => {
      const page = await open();
      await page.goto(`${base}/search?kind=contributions&page_size=10`);
      await page.getByRole('link', { name: /^Amount\b.*sort largest amount first/ }).click();
      await page.waitForURL((u) => u.searchParams.get('sort') === '-amount');
      assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
      const amounts = async (): Promise<number[]> =>
        (await page.locator('table.results tbody tr td:nth-child(3)').allTextContents()).map((s) => Number(s.replace(/[$,]/g, '')));
      const first = await amounts();
      assert.equal(first.length, 10);
      assert.deepEqual(first, [...first].sort((a, b) => b - a), 'largest first');
      const rows1 = await page.locator('table.results tbody tr').allTextContents();
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.waitForURL((u) => u.searchParams.get('page') === '2' && u.searchParams.has('cursor'));
      assert.match((await page.locator('table.results caption').textContent()) ?? '', /11–20 of/);
      const second = await amounts();
      assert.ok(second[0]! <= first[first.length - 1]!, 'page 2 goes on where page 1 ended');
      const rows2 = await page.locator('table.results tbody tr').allTextContents();
      assert.notDeepEqual(rows2, rows1);
      await page.getByRole('link', { name: 'Previous page' }).click();
      await page.waitForURL((u) => !u.searchParams.has('page'));
      assert.deepEqual(await page.locator('table.results tbody tr').allTextContents(), rows1);
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get('page') === '2');
      assert.deepEqual(await page.locator('table.results tbody tr').allTextContents(), rows2);
      await page.close();
    });

    it('works without JavaScript: results, facets, the form and an export job page', async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      try {
        const page = await open(ctx);
        await page.goto(`${base}/search?q=${encodeURIComponent(lastName)}`);
        assert.ok((await page.locator('table.results tbody tr').filter({ hasText: new RegExp(lastName, 'i') }).count()) >= 1);
        const total = await totalOf(page);
        const facet = page.locator('aside.facets a[data-facet="year"]').first();
        const expected = Number(await facet.getAttribute('data-count'));
        await facet.click();
        await page.waitForURL(/year=/);
        assert.equal(await totalOf(page), expected);
        assert.ok(expected < total);
        // The form submits every field, the facet's filter among them (it stays in use);
        // the server answers with the short address.
        const narrowed = page.url();
        await page.getByLabel('What are you looking for?').fill(lastName);
        const [redirect] = await Promise.all([page.waitForResponse((r) => r.status() === 302), page.getByRole('button', { name: 'Search' }).click()]);
        assert.match(redirect.url(), /=(&|$)/, 'the form sent its empty fields');
        await page.waitForLoadState();
        assert.equal(page.url(), narrowed, 'the same search has the same address, defaults and empty fields left out');
        assert.equal(new URL(page.url()).searchParams.get('year'), new URL(narrowed).searchParams.get('year'));
        assert.equal(await totalOf(page), expected);
        // An export job's page reloads itself until the file is ready.
        await page.goto(`${base}/search?kind=filings`);
        await page.getByRole('button', { name: 'Download Excel' }).click();
        await page.waitForURL(/\/exports\/[0-9a-f-]{36}/);
        const file = page.locator('[data-job-file] a');
        await file.waitFor({ state: 'visible', timeout: 60_000 });
        assert.match((await file.textContent()) ?? '', /filings.*\.xlsx/);
      } finally {
        await ctx.close();
      }
    });

    it('a large result downloads through an export job with a progress bar', async () => {
      const page = await open();
      await page.goto(`${base}/search?kind=filings`);
      const total = await totalOf(page);
      assert.ok(total > 10_000, `${total} filings`);
      await page.getByRole('button', { name: 'Download CSV' }).click();
      await page.waitForURL(/\/exports\/[0-9a-f-]{36}/);
      assert.equal(await page.locator('progress').count(), 1, 'a progress bar');
      assert.equal(await page.locator('[role=status][aria-live=polite]').count(), 1, 'state announced politely');
      await audit(page);
      const file = page.locator('[data-job-file] a');
      await file.waitFor({ state: 'visible', timeout: 90_000 });
      assert.equal(await page.locator('progress').getAttribute('value'), '100');
      const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
      const csv = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''));
      assert.equal(csv.length - 1, total);
      await page.close();
    });

    it('is usable with the keyboard alone', async () => {
      const page = await open();
      await page.goto(`${base}/`);
      const active = (): Promise<string> => page.evaluate<string>('(() => { const e = document.activeElement; return e ? (e.id || e.getAttribute("type") || e.tagName).toString() : ""; })()');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate<string>('document.activeElement.textContent.trim()'), 'Skip to main content', 'the skip link comes first');
      let tabs = 1;
      while ((await active()) !== 'q' && tabs < 15) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      assert.equal(await active(), 'q', 'Tab reaches the search box');
      assert.notEqual(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle'), 'none', 'focus is visible');
      await page.keyboard.type(lastName);
      while ((await active()) !== 'submit' && tabs < 25) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      assert.equal(await active(), 'submit', 'Tab reaches the Search button');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?/);
      // The script left the empty "kind" out: no redirect needed.
      assert.equal(new URL(page.url()).search, `?q=${encodeURIComponent(lastName)}`);
      assert.ok((await page.locator('table.results tbody tr').filter({ hasText: new RegExp(lastName, 'i') }).count()) >= 1);
      await page.close();
    });

    it('passes the basic accessibility checks on every page type', async () => {
      const page = await open();
      for (const url of ['/', `/search?kind=filers`, `/search?kind=expenditures&q=${encodeURIComponent('payments over $1000')}`, '/data', '/docs/api', '/filings/999999999', '/search?min_amount=lots']) {
        await page.goto(`${base}${url}`);
        await audit(page);
      }
      await page.close();
    });

    it('ran no script errors and opened no dialogs on any page', () => {
      assert.deepEqual(pageErrors.filter((e) => !/status of (400|404|503)/.test(e)), []);
    });
  });
});
