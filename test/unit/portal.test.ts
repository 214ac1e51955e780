// The portal's pure parts: escaping, the search state in the address, API links as page
// links, the chart's geometry, the comparison page's words.
import assert from 'node:assert/strict';
import { moneyChart } from '../../src/portal/chart.js';
import { comparePage, type CompareView } from '../../src/portal/pages/compare-page.js';
import { escapeHtml, html, trusted } from '../../src/portal/html.js';
import { exportHref, hrefWith, nextHref, portalHref, prevHref, readSearchState, type SearchState } from '../../src/portal/search-state.js';
import { InvalidParameterError } from '../../src/errors.js';

const state = (query: Record<string, string | string[]>): SearchState => {
  const { state: s, canonical } = readSearchState(query);
  assert.equal(canonical, null);
  return s;
};

describe('portal: html', () => {
  it('escapes every interpolated value, attributes included, and nests markup as markup', () => {
    const name = `<img src=x onerror="alert('x')"> & co`;
    const out = html`<a title="${name}">${name}</a>${html`<b>${'<i>'}</b>`}${[1, null, false, undefined, 'a&b']}`.value;
    assert.equal(out, '<a title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</a><b>&lt;i&gt;</b>1a&amp;b');
    assert.equal(escapeHtml(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
    assert.equal(html`${trusted('<hr>')}`.value, '<hr>');
  });
});

describe('portal: search state in the address', () => {
  it('takes the kind given, else the one the words name, else contributions', () => {
    assert.equal(state({ kind: 'filers', q: 'x' }).kind, 'filers');
    const named = state({ q: 'expenditures by committees in Sacramento' });
    assert.equal(named.kind, 'expenditures');
    assert.ok(named.kindFromWords);
    assert.equal(state({}).kind, 'contributions');
  });

  it('asks for the short address when the form sent empty fields', () => {
    assert.equal(readSearchState({ kind: '', q: 'teachers', city: '', year: ['', '2018'] }).canonical, '/search?kind=contributions&q=teachers&year=2018');
  });

  it('refuses a bad kind, page or prev, naming it', () => {
    for (const [query, parameter] of [
      [{ kind: 'donations' }, 'kind'],
      [{ page: '0' }, 'page'],
      [{ prev: '<script>' }, 'prev'],
      [{ kind: ['filers', 'filings'] }, 'kind'],
    ] as const) {
      assert.throws(() => readSearchState(query), (e: unknown) => e instanceof InvalidParameterError && e.parameter === parameter);
    }
  });

  it('changes a filter back on the first page, keeping the rest in order', () => {
    const s = state({ kind: 'contributions', q: 'teachers', year: ['2016', '2018'], cursor: 'abc', page: '3', prev: '~.xyz' });
    assert.equal(hrefWith(s, { year: '2018' }), '/search?kind=contributions&q=teachers&year=2018');
    assert.equal(hrefWith(s, { year: null, city: 'Fresno' }), '/search?kind=contributions&q=teachers&city=Fresno');
    assert.equal(hrefWith(s, { q: 'nurses' }, 'filers'), '/search?kind=filers&year=2016&year=2018&q=nurses');
  });

  it('pages forward and back through the cursors it keeps', () => {
    const p1 = state({ kind: 'filings', q: 'x' });
    assert.equal(prevHref(p1), null);
    const p2Href = nextHref(p1, 'C2');
    assert.equal(p2Href, '/search?kind=filings&q=x&cursor=C2&page=2&prev=%7E');
    const p2 = state(Object.fromEntries(new URL(p2Href, 'http://x').searchParams));
    const p3 = state(Object.fromEntries(new URL(nextHref(p2, 'C3'), 'http://x').searchParams));
    assert.equal(p3.page, 3);
    assert.deepEqual(p3.prev, ['~', 'C2']);
    assert.equal(prevHref(p3), '/search?kind=filings&q=x&cursor=C2&page=2&prev=%7E');
    assert.equal(prevHref(p2), '/search?kind=filings&q=x');
  });

  it('exports the search without its paging', () => {
    const s = state({ kind: 'contributions', q: 'a b', page_size: '50', cursor: 'c', page: '2', prev: '~', year: '2018' });
    assert.equal(exportHref(s, 'csv'), '/api/v1/contributions.csv?q=a+b&year=2018');
    assert.equal(exportHref(state({ kind: 'filers' }), 'xlsx'), '/api/v1/filers.xlsx');
  });

  it('turns API links into the pages that show the same', () => {
    assert.equal(portalHref('/api/v1/filings/12?amendment=1'), '/filings/12?amendment=1');
    assert.equal(portalHref('/api/v1/filers/C00800'), '/filers/C00800');
    assert.equal(portalHref('/api/v1/contributions?recipient=1&year=2018'), '/search?kind=contributions&recipient=1&year=2018');
    // A comparison has its page too.
    assert.equal(portalHref('/api/v1/filings/12/compare?from=0&to=1'), '/filings/12/compare?from=0&to=1');
    assert.equal(portalHref('/api/v1/bulk/contributions.csv'), '/api/v1/bulk/contributions.csv');
    assert.equal(portalHref(null), null);
  });
});

describe('portal: chart', () => {
  it('draws a bar per value, negative ones below the zero line, with no NaN anywhere', () => {
    const svg = moneyChart(
      [
        { label: '2016', raised: 1200, spent: 0 },
        { label: '2017', raised: -50, spent: 930.5 },
      ],
      { id: 'c', title: 'Money <by> year', summary: 'two years' },
    ).value;
    assert.equal((svg.match(/<rect /g) ?? []).length, 4);
    assert.ok(!svg.includes('NaN'));
    assert.ok(svg.includes('<title id="c-title">Money &lt;by&gt; year</title>'));
    const ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(ticks, ['-$500', '$0', '$500', '$1K', '$1.5K'], 'round steps, below zero too');
    assert.ok(!moneyChart([], { id: 'e', title: 't', summary: 's' }).value.includes('NaN'));
  });
});

describe('portal: the comparison page', () => {
  const view: CompareView = {
    filing_id: 42,
    from: 0,
    to: 1,
    versions: [0, 1],
    summaries: { from: true, to: false },
    rows: {
      added: [{ key: 'A|T3', row: { transaction_id: 'T3', name: '<img src=x onerror=alert(1)>', amount: 50, date: '2016-03-15', schedule: 'A' } }],
      removed: [],
      changed: [{ key: 'A|T1', schedule: 'A', transaction_id: 'T1', name: 'Ann "Abbott"', changes: { amount: { from: 100, to: 150 }, 'fields.ctrib_city': { from: 'Lodi', to: null } } }],
    },
    totals_moved: [],
    schedule_totals: [{ schedule: 'A', label: 'Schedule A', from: 100, to: 200, change: 100 }],
  };

  it('says what changed in words, escapes the data, and says why totals cannot be compared', () => {
    const out = comparePage(view).value;
    assert.ok(out.includes('Amendment 1 against the original (0): 1 row added, 1 row changed; the summary pages cannot be compared (not both are in this export).'));
    assert.ok(!out.includes('<img src=x'));
    assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(out.includes('<li>Amount: $100.00 → $150.00</li>'));
    assert.ok(out.includes('<li>ctrib_city (as filed): Lodi → nothing</li>'));
    assert.ok(out.includes('This export has no summary page of amendment 1'));
    assert.ok(out.includes('<td class="num">+$100.00</td>'));
  });
});
