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
import { contribution, cover, expenditure, ExportBuilder, SAMPLE_DIR } from '../builders/calaccess-export.js';
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
  // The facet-link test asks for hundreds of exact counts within a minute: the app must not
  // run out of requests or expensive searches (the budgets have tests of their own in
  // abuse-limits.test.ts and search-api.test.ts).
  const config = testConfig({
    ES_INDEX_PREFIX: prefix,
    EXPORT_DIR: exportDir,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_BURST: '100000',
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000',
    RATE_LIMIT_EXPENSIVE_BURST: '100000',
  });
  let app: Express;
  let manifest: BulkManifest;
  /** A contributor's last name from the sample, on rows of several years. */
  let lastName: string;
  /** A filer of the sample whose reports itemize contributions (see before). */
  let filerId: string;
  /** A complete filing made here: three versions, each with cover, summary page and rows. */
  const amended = 9700002;

  before(async () => {
    t = await createTestDatabase('portal');
    await importInto(t, SAMPLE_DIR);
    const b = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [cover(9700001, 0, '1700001', { FILER_NAML: HOSTILE_FILER })])
      .rows('RCPT_CD.TSV', [contribution(9700001, 0, 1, { CTRIB_NAML: HOSTILE_NAME, CTRIB_NAMF: '', ENTITY_CD: 'OTH', AMOUNT: '66.60' })]);
    dirs.push(b.dir);
    await importInto(t, b.write());
    // Three versions of one report: the first amendment changes an amount, drops a row and
    // adds one; the second adds a payment. Each states its totals on a summary page.
    const smry = (amend: number, line: string, form: string, amount: string): Record<string, string | number> => ({ FILING_ID: amended, AMEND_ID: amend, LINE_ITEM: line, REC_TYPE: 'SMRY', FORM_TYPE: form, AMOUNT_A: amount });
    const a = new ExportBuilder()
      .rows('CVR_CAMPAIGN_DISCLOSURE_CD.TSV', [0, 1, 2].map((n) => cover(amended, n, '1700002', { FILER_NAML: 'Amending Committee', ...(n > 0 ? { AMENDEXP_1: `Correction ${n}` } : {}) })))
      .rows('RCPT_CD.TSV', [
        contribution(amended, 0, 1, { TRAN_ID: 'T1', CTRIB_NAML: 'Abbott', CTRIB_NAMF: 'Ann', AMOUNT: '100.00' }),
        contribution(amended, 0, 2, { TRAN_ID: 'T2', CTRIB_NAML: 'Bishop', CTRIB_NAMF: 'Ben', AMOUNT: '200.00' }),
        contribution(amended, 1, 1, { TRAN_ID: 'T1', CTRIB_NAML: 'Abbott', CTRIB_NAMF: 'Ann', AMOUNT: '150.00' }),
        contribution(amended, 1, 2, { TRAN_ID: 'T3', CTRIB_NAML: 'Castillo', CTRIB_NAMF: 'Cruz', AMOUNT: '50.00' }),
        contribution(amended, 2, 1, { TRAN_ID: 'T1', CTRIB_NAML: 'Abbott', CTRIB_NAMF: 'Ann', AMOUNT: '150.00' }),
        contribution(amended, 2, 2, { TRAN_ID: 'T3', CTRIB_NAML: 'Castillo', CTRIB_NAMF: 'Cruz', AMOUNT: '50.00' }),
      ])
      .rows('EXPN_CD.TSV', [expenditure(amended, 2, 1, { TRAN_ID: 'E1', AMOUNT: '75.00' })])
      .rows('SMRY_CD.TSV', [smry(0, '1', 'A', '300.00'), smry(1, '1', 'A', '200.00'), smry(2, '1', 'A', '200.00'), smry(2, '1', 'E', '75.00'), smry(2, '16', 'F460', '125.00')]);
    dirs.push(a.dir);
    await importInto(t, a.write());
    await indexAll(es, t.db, prefix);
    manifest = await writeBulkDatasets(t.db.pool, path.join(exportDir, 'bulk'), silentLogger, ['contributions', 'filers']);
    app = createApp({ config, db: t.db.kysely, es: createSearchClient(config), log: silentLogger });

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

    it('says what a filing lacks in the export (cover, filer, summary page) instead of printing zeros', async () => {
      // The sample is a random sample of each table on its own: most filings have no cover page.
      const bare = await sql<{ filing_id: number }>`
        select v.filing_id from filing_versions v join filings f on f.filing_id = v.filing_id and f.current_amend_id = v.amend_id
         where not v.has_cover and v.filer_id is null
           and not exists (select 1 from summary_lines s where s.filing_id = v.filing_id and s.amend_id = v.amend_id)
           and exists (select 1 from contributions c where c.filing_id = v.filing_id and c.amend_id = v.amend_id)
           and not exists (select 1 from expenditures e where e.filing_id = v.filing_id and e.amend_id = v.amend_id)
         order by v.filing_id limit 1`.execute(t.db.kysely);
      const id = bare.rows[0]!.filing_id;
      const json = (await request(app).get(`/api/v1/filings/${id}`).expect(200)).body as {
        summary: unknown;
        missing: Record<string, string>;
        itemized: { received: { total: number; rows: number } | null; paid: unknown; rows: number };
        reconciliation: { agrees: boolean | null; stated_total: number | null }[];
      };
      assert.equal(json.summary, null);
      assert.match(json.missing['summary'] ?? '', /no summary page/i);
      assert.match(json.missing['cover'] ?? '', /no cover page/i);
      assert.ok(json.missing['filer']);
      assert.equal(json.itemized.paid, null, 'no payments itemized: null, not $0');
      assert.ok(json.itemized.received && json.itemized.received.rows > 0);
      assert.ok(json.reconciliation.every((r) => r.stated_total === null && r.agrees === null), 'nothing stated: no verdict');
      const res = await request(app).get(`/filings/${id}`).expect(200);
      assert.doesNotMatch(res.text, /<span class="v">\$0\.00<\/span>/, 'no $0.00 for what is not itemized');
      assert.doesNotMatch(res.text, /Unknown/);
      assert.match(res.text, /No summary page of this version is in this export/);
      assert.match(res.text, /<dt>Filed by<\/dt><dd><span class="muted">Not known: /);
      assert.match(res.text, /payments itemized in this export/);
      assert.match(res.text, /cash on hand: no summary page in this export/);

      // A filing known only by the filer's list of filings, whose filer the list of filers lacks:
      // the filer id, linked to a page that shows what is known of it.
      const named = await sql<{ filing_id: number; filer_id: string }>`
        select v.filing_id, v.filer_id from filing_versions v join filings f on f.filing_id = v.filing_id and f.current_amend_id = v.amend_id
         where not v.has_cover and v.filer_id ~ '^[0-9]+$' and not exists (select 1 from filers r where r.filer_id = v.filer_id)
         order by v.filing_id limit 1`.execute(t.db.kysely);
      const { filing_id: other, filer_id: unlisted } = named.rows[0]!;
      const page = await request(app).get(`/filings/${other}`).expect(200);
      assert.match(page.text, new RegExp(`<dt>Filed by</dt><dd><a href="/filers/${unlisted}">Filer ${unlisted}</a>`));
      const filer = await request(app).get(`/filers/${unlisted}`).expect(200);
      assert.match(filer.text, /is not in this export&#39;s list of filers/);
      assert.match(filer.text, new RegExp(`href="/filings/${other}"`));
      const filerJson = (await request(app).get(`/api/v1/filers/${unlisted}`).expect(200)).body as { in_filer_list: boolean; missing: Record<string, string> };
      assert.equal(filerJson.in_filer_list, false);
      assert.ok(filerJson.missing['profile']);

      // A complete filing (made by the builders) says nothing is missing and shows its summary page.
      const full = (await request(app).get(`/api/v1/filings/${amended}`).expect(200)).body as { missing: Record<string, string>; summary: unknown[] | null; itemized: { received: { total: number; rows: number }; paid: { total: number; rows: number } } };
      assert.deepEqual(full.missing, {});
      assert.equal(full.summary?.length, 3);
      assert.deepEqual([full.itemized.received, full.itemized.paid], [{ total: 200, rows: 2 }, { total: 75, rows: 1 }]);
      const fullPage = await request(app).get(`/filings/${amended}`).expect(200);
      assert.match(fullPage.text, /<h2 id="summary-h">Summary page<\/h2>\s*<div class="table-wrap"><table>/);
      assert.match(fullPage.text, /<dt>Filed by<\/dt><dd><a href="\/filers\/1700002">/);
      assert.match(fullPage.text, /<span class="v">\$125\.00<\/span><span class="k">ending cash on hand/);
      assert.doesNotMatch(fullPage.text, /not known|not in this export|no summary page/i);
    });

    it('says what a filer lacks in the export instead of printing zeros', async () => {
      const r = await sql<{ filer_id: string }>`
        select f.filer_id from filers f where f.name is not null and not exists (select 1 from filing_versions v where v.filer_id = f.filer_id)
         order by f.filer_id limit 1`.execute(t.db.kysely);
      const id = r.rows[0]!.filer_id;
      const json = (await request(app).get(`/api/v1/filers/${id}`).expect(200)).body as { missing: Record<string, string>; money: { totals: unknown }; filings: { total: number } };
      assert.equal(json.filings.total, 0);
      assert.equal(json.money.totals, null);
      assert.match(json.missing['filings'] ?? '', /No filings of this filer are in this export/);
      const res = await request(app).get(`/filers/${id}`).expect(200);
      assert.doesNotMatch(res.text, /\$0\.00|>0<\/span><span class="k">filings|0 filings/);
      assert.match(res.text, /No filings of this filer are in this export/);
      // ...and one with filings and money says how much, and nothing missing but what is.
      const rich = (await request(app).get(`/api/v1/filers/${filerId}`).expect(200)).body as { missing: Record<string, string>; money: { totals: { raised: number; contributions: number } | null } };
      assert.ok(rich.money.totals && rich.money.totals.contributions > 0);
      assert.equal(rich.missing['money'], undefined);
    });

    it('compares two versions of a filing on a page linked from the amendment history', async () => {
      const filing = await request(app).get(`/filings/${amended}`).expect(200);
      for (const [from, to] of [[0, 1], [1, 2], [0, 2]]) {
        assert.ok(filing.text.includes(`href="/filings/${amended}/compare?from=${from}&amp;to=${to}"`), `a link comparing ${from} with ${to}`);
      }
      const res = await request(app).get(`/filings/${amended}/compare?from=0&to=1`).expect(200);
      assert.match(res.text, /<h1>Filing 9700002: amendment 1 against the original \(0\)<\/h1>/);
      assert.match(res.text, /Amendment 1 against the original \(0\): 1 row added, 1 row removed, 1 row changed; 1 total on the summary page moved\./);
      const section = (id: string): string => res.text.slice(res.text.indexOf(`<section aria-labelledby="${id}">`), res.text.indexOf('</section>', res.text.indexOf(`<section aria-labelledby="${id}">`)));
      assert.match(section('added-h'), /Cruz Castillo[^]*T3[^]*\$50\.00/);
      assert.match(section('removed-h'), /Ben Bishop[^]*T2[^]*\$200\.00/);
      assert.match(section('changed-h'), /Ann Abbott[^]*<li>Amount: \$100\.00 → \$150\.00<\/li>/);
      assert.match(section('totals-h'), /A line 1[^]*\$300\.00[^]*\$200\.00[^]*-\$100\.00/);
      // Every table scrolls in its own box, reachable by the keyboard, both named by the title above.
      const boxes = [...res.text.matchAll(/<div class="table-wrap" role="region" tabindex="0" aria-labelledby="([^"]+)"><table aria-labelledby="([^"]+)">/g)];
      assert.equal(boxes.length, (res.text.match(/<table/g) ?? []).length);
      assert.ok(boxes.every(([, a, b]) => a === b && res.text.includes(`<p class="table-title" id="${a!}">`)));
      const later = await request(app).get(`/filings/${amended}/compare?from=1&to=2`).expect(200);
      // Amendment 2 adds a payment (Schedule E) and states it, and its cash on hand, on the summary page.
      assert.match(later.text, /Amendment 2 against amendment 1: 1 row added; 2 totals on the summary page moved\./);
      assert.match(later.text, /F460 line 16[^]*Not stated[^]*\$125\.00[^]*\+\$125\.00/);
      for (const [query, parameter, message] of [
        ['from=0&to=x', 'to', /to must be an amendment number/],
        ['from=1&to=1', 'to', /another version/],
        ['to=1', 'from', /from is required/],
        ['from=0&to=1&bogus=1', 'bogus', /bogus/],
      ] as const) {
        const bad = await request(app).get(`/filings/${amended}/compare?${query}`).expect(400);
        assert.match(String(bad.headers['content-type']), /text\/html/);
        assert.ok(bad.text.includes(`<code>${parameter}</code>`), `${query} names ${parameter}`);
        assert.match(bad.text, message);
      }
      await request(app).get('/filings/999999999/compare?from=0&to=1').expect(404);
      // A version the filing does not have is not found, as the filing view of it is.
      const missing = await request(app).get(`/filings/${amended}/compare?from=9&to=1`).expect(404);
      assert.match(missing.text, /has no amendment 9; it has 0, 1, 2/);
    });

    it('every facet link of a search page is accepted and gives exactly its count', async () => {
      let checked = 0;
      // Every state the sample files (among them "94" and "0", which are no state), and the
      // first buckets of every facet of three kinds.
      const pages = ['/search?kind=contributions&facets=state&facet_size=50', '/search?kind=lobbying&facets=state&facet_size=50', '/search?kind=contributions&facet_size=8', '/search?kind=lobbying&facet_size=8', '/search?kind=filers&facet_size=8'];
      for (const url of pages) {
        const res = await request(app).get(url).expect(200);
        const links = [...res.text.matchAll(/<a href="([^"]+)" data-facet="([^"]+)" data-value="([^"]*)" data-count="(\d+)">/g)];
        assert.ok(links.length > 10, `${url}: ${links.length} facet links`);
        for (const [, href, facet, value, n] of links) {
          // (only the count is wanted of each: no facets, an exact total)
          const u = new URL(href!.replace(/&amp;/g, '&'), 'http://portal');
          u.searchParams.set('facets', 'false');
          u.searchParams.set('exact_total', 'true');
          const target = `${u.pathname}${u.search}`;
          const page = await request(app).get(target);
          assert.equal(page.status, 200, `${url}: ${facet} ${value}: ${target}`);
          assert.match(page.text, new RegExp(`data-total="${n}"`), `${url}: ${facet} ${value} narrows to its ${n}`);
          checked++;
        }
      }
      assert.ok(checked > 100, `${checked} links`);
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
      const broken = createApp({ config: other, db: t.db.kysely, es: createSearchClient(other), log: silentLogger, jobs: app.locals['jobs'] as ExportJobs });
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

    it('fits phones and desktops: nothing scrolls sideways, and on a phone the first result is above the fold', async function () {
      this.timeout(120_000);
      const pages = ['/', `/search?kind=contributions&q=${encodeURIComponent(lastName)}`, `/filers/${filerId}`, `/filings/${amended}`, `/filings/${amended}/compare?from=0&to=2`, '/data', '/docs/api'];
      for (const viewport of [
        { width: 320, height: 640 },
        { width: 390, height: 844 },
        { width: 1280, height: 900 },
      ]) {
        const ctx = await browser.newContext({ viewport });
        try {
          const page = await open(ctx);
          for (const url of pages) {
            await page.goto(`${base}${url}`);
            const [scroll, inner] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, window.innerWidth]');
            assert.ok(scroll <= inner, `${url} at ${viewport.width} px: ${scroll} px wide, the window ${inner}`);
          }
          if (viewport.width < 600) {
            // A search with facets: the results come first, the facets folded below them.
            await page.goto(`${base}${pages[1]!}`);
            assert.ok((await page.locator('aside.facets a[data-facet]').count()) > 0, 'the page has facets');
            const top = await page.evaluate<number>('document.querySelector("table.results tbody tr").getBoundingClientRect().top');
            assert.ok(top < viewport.height, `first result at ${Math.round(top)} px, the screen ${viewport.height} px high (${viewport.width} px wide)`);
            if (viewport.width === 320) await screenshot(page, 'search-320');
          }
        } finally {
          await ctx.close();
        }
      }
    });

    it('passes the basic accessibility checks on every page type', async () => {
      const page = await open();
      const sparse = await sql<{ filing_id: number }>`select filing_id from filing_versions where not has_cover order by filing_id limit 1`.execute(t.db.kysely);
      const lonely = await sql<{ filer_id: string }>`select f.filer_id from filers f where not exists (select 1 from filing_versions v where v.filer_id = f.filer_id) order by 1 limit 1`.execute(t.db.kysely);
      for (const url of [
        '/',
        `/search?kind=filers`,
        `/search?kind=expenditures&q=${encodeURIComponent('payments over $1000')}`,
        '/data',
        '/docs/api',
        '/filings/999999999',
        '/search?min_amount=lots',
        `/filings/${amended}/compare?from=0&to=2`,
        `/filings/${amended}/compare?from=0&to=9`,
        `/filings/${sparse.rows[0]!.filing_id}`,
        `/filers/${lonely.rows[0]!.filer_id}`,
      ]) {
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
