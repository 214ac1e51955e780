// The facets parameter (true, false, or the facets to compute by name) from the query
// string to the Elasticsearch request and the cache key.
import assert from 'node:assert/strict';
import { buildSearch, filterClause } from '../../queries/build-search.js';
import { encodeCursor, parseSearchRequest, requestKey } from '../../queries/search-request.js';
import { facetValuePattern, toSearchResponse } from '../../queries/search-response.js';
import { SEARCH_SPECS } from '../../queries/search-spec.js';
import { InvalidParameterError } from '../../src/errors.js';
import { facetValue } from '../../src/search/facet-values.js';

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

describe('facet values a filter can take', () => {
  // Values as filed, clean and dirty: states, codes, filer ids, facet texts.
  const CANDIDATES = ['CA', 'NV', 'Ca', '94', '0', 'C.', 'C', 'IND', 'ind', 'I,N', 'RECIPIENT COMMITTEE', 'RECIPIENT  COMMITTEE', ' IND', 'F460', 'A', 'F497P1', '1234567', '-18456', 'C00800', 'c00800', 'lodi', 'acme, inc', 'fres\u0001no', 'los angeles', 'sañ josé', 'x\ufeffy'];

  /** Whether a value, given to the facet's filter, selects exactly that value again. */
  function selectsItself(kind: keyof typeof SEARCH_SPECS, filter: string, value: string): boolean {
    let r;
    try {
      r = parseSearchRequest(kind, { [filter]: value });
    } catch (err) {
      if (err instanceof InvalidParameterError) return false;
      throw err;
    }
    const def = SEARCH_SPECS[kind].filters.find((f) => f.param === filter)!;
    const parsed = r.filters[filter];
    const clause = JSON.stringify(filterClause(def, parsed!).clause);
    const field = def.type === 'filer' ? def.fields[2]! : def.fields[0]!;
    if (def.type === 'facet') return clause === JSON.stringify({ term: { [field]: value } });
    // A letter and digits (C00800) is a filer id or a name: the id's term is one of the clause's.
    if (def.type === 'filer') return clause === JSON.stringify({ term: { [field]: value } }) || (/^[A-Za-z]\d{3,}$/.test(value) && clause.includes(JSON.stringify({ term: { [field]: value } })));
    // code and state filters take lists; a filer filter by id is a term on the id field.
    return clause === JSON.stringify({ terms: { [field]: [value] } }) || clause === JSON.stringify({ term: { [field]: value } });
  }

  it("lists exactly the values that its filter selects as they are (the value pattern matches the filter's parsing)", () => {
    let checked = 0;
    for (const kind of Object.keys(SEARCH_SPECS) as (keyof typeof SEARCH_SPECS)[]) {
      const spec = SEARCH_SPECS[kind];
      for (const f of spec.facets) {
        const pattern = facetValuePattern(spec, f);
        const filterType = spec.filters.find((d) => d.param === f.filter)?.type;
        if (pattern === null) {
          // Facets without a pattern: years, amount bands, integers, filters with fixed values.
          assert.ok(f.type !== 'terms' || filterType === 'integer', `${kind} ${f.name}: ${filterType} has no pattern`);
          continue;
        }
        const re = new RegExp(`^(?:${pattern})$`, 'u');
        for (const v of CANDIDATES) {
          // A facet field holds what facetValue() gives (lower case, no end punctuation): only those.
          if (filterType === 'facet' && facetValue(v) !== v) continue;
          if (filterType === 'code' && spec.filters.find((d) => d.param === f.filter)?.values) continue;
          assert.equal(re.test(v), selectsItself(kind, f.filter, v), `${kind} ${f.name} ${JSON.stringify(v)}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 200, `${checked} checks`);
  });
});
