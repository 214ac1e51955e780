// The search request builder: parameters as the API receives them -> parsed request
// (search-request.ts) -> the Elasticsearch request (build-search.ts), compared whole or
// clause by clause with what it must be. Pure: no stores.
import assert from 'node:assert/strict';
import type { estypes } from '@elastic/elasticsearch';
import { buildSearch, SEARCH_FILTER_PATH } from '../../queries/build-search.js';
import { encodeCursor, parseSearchRequest, requestKey } from '../../queries/search-request.js';
import type { KindName } from '../../indexers/kinds.js';

/** The Elasticsearch request for a query string on a kind's endpoint. */
function body(kind: KindName, query: Record<string, string>): estypes.SearchRequest {
  return buildSearch(parseSearchRequest(kind, query), 'idx');
}

const CURRENT = { term: { current: true } };
const NEWEST_FIRST = [{ date: { order: 'desc', missing: -62_135_596_800_000 } }, { id: 'asc' }];
const BY_SCORE = [{ _score: { order: 'desc' } }, { id: 'asc' }];
const FUZZY_MATCH = { operator: 'and', fuzziness: 'AUTO', prefix_length: 1, max_expansions: 20 };

/** A name matched forgivingly: as typed with typos, its matching form as a phrase (boosted) and with typos. */
function nameClauses(field: string, typed: string, normalized: string): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: [
        { match: { [field]: { query: typed, ...FUZZY_MATCH } } },
        { match_phrase: { [`${field}_normalized`]: { query: normalized, boost: 3 } } },
        { match: { [`${field}_normalized`]: { query: normalized, ...FUZZY_MATCH } } },
      ],
      minimum_should_match: 1,
    },
  } as estypes.QueryDslQueryContainer;
}

describe('search request builder', () => {
  it('builds the whole request of a search with no text and no filters: current versions, newest first', () => {
    assert.deepEqual(body('contributions', { facets: 'false' }), {
      index: 'idx',
      query: { bool: { filter: [CURRENT] } },
      sort: NEWEST_FIRST,
      // One more than the page: whether there is a next page, without counting.
      size: 26,
      _source: { excludes: ['name_normalized', '*.name_normalized', 'suggest'] },
      track_total_hits: 10_000,
      timeout: '10s',
      filter_path: SEARCH_FILTER_PATH,
    });
  });

  it('turns what q says into filters: text fields scored, amounts and years filtered; the sort asked for', () => {
    const b = body('contributions', { q: 'from teachers in Fresno over $500 in 2018', facets: 'false', page_size: '5', sort: '-amount' });
    assert.deepEqual(b.query, {
      bool: {
        must: [{ match: { 'contributor.occupation': { query: 'teacher', ...FUZZY_MATCH } } }, { match: { 'contributor.city': { query: 'Fresno', ...FUZZY_MATCH } } }],
        filter: [
          { range: { amount: { gte: 500 } } },
          { bool: { should: [{ range: { date: { gte: '2018-01-01', lte: '2018-12-31' } } }], minimum_should_match: 1 } },
          CURRENT,
        ],
      },
    });
    assert.deepEqual(b.sort, [{ amount: { order: 'desc', missing: -1e15 } }, { id: 'asc' }]);
    assert.equal(b.size, 6);
  });

  describe('a filer filter', () => {
    it('by id is an exact term, and leaves the order newest first (nothing ranks)', () => {
      const b = body('contributions', { recipient: '1500001', facets: 'false' });
      assert.deepEqual(b.query, { bool: { filter: [{ term: { 'recipient.filer_id': '1500001' } }, CURRENT] } });
      assert.deepEqual(b.sort, NEWEST_FIRST);
    });

    it('by a legacy id is that id upper-cased or the name, and ranks', () => {
      const b = body('contributions', { recipient: 'c00800', facets: 'false' });
      assert.deepEqual(b.query, {
        bool: {
          must: [{ bool: { should: [{ term: { 'recipient.filer_id': 'C00800' } }, nameClauses('recipient.name', 'c00800', 'c00800')], minimum_should_match: 1 } }],
          filter: [CURRENT],
        },
      });
      assert.deepEqual(b.sort, BY_SCORE);
    });

    it('by name matches the name forgivingly and ranks by score', () => {
      const b = body('contributions', { recipient: 'Newsom', facets: 'false' });
      assert.deepEqual(b.query, { bool: { must: [nameClauses('recipient.name', 'Newsom', 'newsom')], filter: [CURRENT] } });
      assert.deepEqual(b.sort, BY_SCORE);
    });
  });

  it('matches a name filter in its matching form: "LAST, FIRST" turned', () => {
    assert.deepEqual(body('contributions', { contributor: 'GARCIA, MARIA', facets: 'false' }).query, {
      bool: { must: [nameClauses('contributor.name', 'GARCIA, MARIA', 'maria garcia')], filter: [CURRENT] },
    });
  });

  it('filters codes, states and ZIP codes exactly, upper-cased, a ZIP+4 by its five digits, a boolean as a term', () => {
    assert.deepEqual(body('contributions', { state: 'ca,nv', zip: '95814-1234', entity_type: 'ind', memo: 'false', facets: 'false' }).query, {
      bool: {
        filter: [{ terms: { 'contributor.state': ['CA', 'NV'] } }, { term: { 'contributor.zip5': '95814' } }, { terms: { 'contributor.entity.code': ['IND'] } }, { term: { memo: false } }, CURRENT],
      },
    });
  });

  it('filters a facet value as the facet groups it, and a "not given" word as no value', () => {
    assert.deepEqual(body('contributions', { employer_exact: 'N/A', occupation_exact: 'Teacher.', facets: 'false' }).query, {
      bool: {
        filter: [{ bool: { must_not: { exists: { field: 'contributor.employer_facet' } } } }, { term: { 'contributor.occupation_facet': 'teacher' } }, CURRENT],
      },
    });
  });

  it('filters dates and amounts as ranges, and every version with versions=all', () => {
    assert.deepEqual(body('contributions', { versions: 'all', date_from: '2016-01-01', date_to: '2016-06-30', max_amount: '1,500', facets: 'false' }).query, {
      bool: { filter: [{ range: { amount: { lte: 1500 } } }, { range: { date: { gte: '2016-01-01' } } }, { range: { date: { lte: '2016-06-30' } } }] },
    });
  });

  it('searches a kind without versions with match_all, filers by name', () => {
    const b = body('filers', { facets: 'false' });
    assert.deepEqual(b.query, { match_all: {} });
    assert.deepEqual(b.sort, [{ 'name.keyword': { order: 'asc', missing: '_last' } }, { id: 'asc' }]);
  });

  it('sorts by the kind date field with the undated last, integers as terms', () => {
    const b = body('filings', { filing_id: '1,2', sort: 'date', facets: 'false' });
    assert.deepEqual(b.query, { bool: { filter: [{ terms: { filing_id: [1, 2] } }, CURRENT] } });
    assert.deepEqual(b.sort, [{ date_filed: { order: 'asc', missing: 253_402_214_400_000 } }, { id: 'asc' }]);
  });

  it('continues after the cursor, without facets unless asked', () => {
    const first = parseSearchRequest('contributions', { q: 'water', sort: 'amount' });
    const cursor = encodeCursor([12.5, 'rcpt:1:0:1:RCPT:A'], requestKey(first));
    const b = body('contributions', { q: 'water', sort: 'amount', cursor });
    assert.deepEqual(b.search_after, [12.5, 'rcpt:1:0:1:RCPT:A']);
    assert.equal(b.aggs, undefined);
    assert.equal(b.track_total_hits, 10_000);
  });

  it('counts every match and sums cents by memo flag and report kind with exact_total', () => {
    const b = body('contributions', { exact_total: 'true', facets: 'false' });
    assert.equal(b.track_total_hits, true);
    assert.deepEqual(b.aggs, {
      sum__rows: {
        terms: { field: 'memo', missing: false, size: 2 },
        aggs: { kind: { terms: { field: 'report_kind.code', missing: '', size: 20 }, aggs: { cents: { sum: { field: 'amount_cents' } } } } },
      },
    });
  });

  it('computes the facets asked for, each by its type, with their missing counts and the sums', () => {
    const b = body('contributions', { facets: 'year,amount,entity_type,city', facet_size: '20' });
    assert.equal(b.track_total_hits, true);
    const aggs = b.aggs as Record<string, unknown>;
    assert.deepEqual(Object.keys(aggs).sort(), ['amount', 'city', 'entity_type', 'missing__amount', 'missing__city', 'missing__entity_type', 'sum__rows', 'year']);
    // Years: every year of the matches (the response keeps the plausible ones), no missing count.
    assert.deepEqual(aggs['year'], { date_histogram: { field: 'date', calendar_interval: 'year', format: 'yyyy', min_doc_count: 1 } });
    // A code: its labels come from the code table, nothing fetched.
    assert.deepEqual(aggs['entity_type'], { terms: { field: 'contributor.entity.code', size: 20 } });
    assert.deepEqual(aggs['missing__entity_type'], { missing: { field: 'contributor.entity.code' } });
    // A grouped text value: one spelling as filed fetched for its label.
    assert.deepEqual(aggs['city'], { terms: { field: 'contributor.city_facet', size: 20 }, aggs: { label: { top_hits: { size: 1, _source: { includes: ['contributor.city'] } } } } });
    assert.deepEqual(aggs['amount'], {
      range: {
        field: 'amount',
        keyed: false,
        ranges: [
          { key: 'under_100', to: 100 },
          { key: '100_499', from: 100, to: 500 },
          { key: '500_999', from: 500, to: 1000 },
          { key: '1000_4999', from: 1000, to: 5000 },
          { key: '5000_24999', from: 5000, to: 25000 },
          { key: '25000_plus', from: 25000 },
        ],
      },
    });
  });
});
