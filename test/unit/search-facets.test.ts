// The facets parameter (true, false, or the facets to compute by name) from the query
// string to the Elasticsearch request and the cache key.
import assert from 'node:assert/strict';
import { buildSearch } from '../../queries/build-search.js';
import { encodeCursor, parseSearchRequest, requestKey } from '../../queries/search-request.js';
import { toSearchResponse } from '../../queries/search-response.js';
import { SEARCH_SPECS } from '../../queries/search-spec.js';
import { InvalidParameterError } from '../../src/errors.js';

const aggNames = (q: Record<string, string>, kind: 'contributions' | 'filers' = 'contributions'): string[] =>
  Object.keys(buildSearch(parseSearchRequest(kind, q), 'x').aggs ?? {}).filter((k) => !k.startsWith('missing__') && !k.startsWith('sum__')).sort();

describe('facets parameter', () => {
  it('computes every facet by default and with true, none with false', () => {
    const all = SEARCH_SPECS.contributions.facets.map((f) => f.name).sort();
    assert.deepEqual(aggNames({ q: 'smith' }), all);
    assert.deepEqual(aggNames({ q: 'smith', facets: 'true' }), all);
    assert.deepEqual(aggNames({ q: 'smith', facets: 'false' }), []);
    assert.equal(buildSearch(parseSearchRequest('contributions', { q: 'smith', facets: 'false' }), 'x').aggs, undefined);
  });

  it('computes only the facets named, with their missing counts', () => {
    const es = buildSearch(parseSearchRequest('contributions', { q: 'smith', facets: 'year,state,entity_type' }), 'x');
    assert.deepEqual(Object.keys(es.aggs ?? {}).filter((k) => !k.startsWith('sum__')).sort(), ['entity_type', 'missing__entity_type', 'missing__state', 'state', 'year']);
    // Any facet visits every match, so the total stays exact at no extra cost.
    assert.equal(es.track_total_hits, true);
    assert.deepEqual(aggNames({ facets: 'filer_type' }, 'filers'), ['filer_type']);
  });

  it('reads names in any order, case and spacing, each once, in the kind\'s order', () => {
    const r = parseSearchRequest('contributions', { facets: ' State , YEAR,state' });
    assert.equal(r.facets, true);
    assert.deepEqual(r.facetNames, ['year', 'state']);
  });

  it('refuses an unknown or empty list naming facets and the allowed names', () => {
    for (const facets of ['year,color', 'status', ',', 'maybe']) {
      assert.throws(
        () => parseSearchRequest('contributions', { facets }),
        (err: unknown) => err instanceof InvalidParameterError && err.parameter === 'facets' && /year, election_year, entity_type, state, city/.test(err.message),
        facets,
      );
    }
    // A facet of another kind is not one of this kind's.
    assert.throws(() => parseSearchRequest('filers', { facets: 'year' }), (err: unknown) => err instanceof InvalidParameterError && /filer_type, status, state/.test(err.message));
  });

  it('computes the named facets on later pages too', () => {
    const first = parseSearchRequest('contributions', { q: 'smith' });
    const cursor = encodeCursor([1, 'a'], requestKey(first));
    assert.equal(parseSearchRequest('contributions', { q: 'smith', cursor }).facets, false);
    assert.deepEqual(parseSearchRequest('contributions', { q: 'smith', cursor, facets: 'state' }).facetNames, ['state']);
  });

  it('answers with exactly the facets named', () => {
    const r = parseSearchRequest('contributions', { q: 'smith', facets: 'state,year' });
    const body = toSearchResponse(r, {
      took: 1,
      timed_out: false,
      _shards: { total: 1, successful: 1, failed: 0 },
      hits: { total: { value: 0, relation: 'eq' }, hits: [] },
      aggregations: { year: { buckets: [] }, state: { buckets: [{ key: 'CA', doc_count: 3 }] }, missing__state: { doc_count: 1 }, missing__year: { doc_count: 0 } },
    });
    assert.deepEqual(Object.keys(body.facets ?? {}), ['year', 'state']);
    assert.deepEqual(body.facets?.['state']?.buckets, [{ value: 'CA', label: 'CA', count: 3 }]);
    assert.equal(body.facets?.['state']?.missing_count, 1);
  });
});
