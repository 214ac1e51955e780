// Free text (q) -> its clauses: typos looked up in names only (the cost of a name search,
// issue 17), every text field still matched exactly.
import assert from 'node:assert/strict';
import type { estypes } from '@elastic/elasticsearch';
import { buildSearch, fuzzyTextFields } from '../../queries/build-search.js';
import { parseSearchRequest } from '../../queries/search-request.js';
import { SEARCH_SPECS } from '../../queries/search-spec.js';

type Query = estypes.QueryDslQueryContainer;

/** The should clauses of the text query of a q search. */
function textClauses(kind: 'contributions' | 'expenditures' | 'filers', q: string): estypes.QueryDslMultiMatchQuery[] {
  const query = buildSearch(parseSearchRequest(kind, { q }), 'x').query as Query;
  const must = query.bool?.must as Query[];
  const should = must[0]!.bool!.should as Query[];
  return should.map((c) => c.multi_match!);
}

describe('text query', () => {
  it('allows typos in the matching forms of names only', () => {
    assert.deepEqual(fuzzyTextFields(SEARCH_SPECS.contributions.textFields), ['contributor.name_normalized', 'recipient.name_normalized']);
    // A name with no matching form beside it keeps its typos; former names too.
    assert.deepEqual(fuzzyTextFields(SEARCH_SPECS.expenditures.textFields), ['payee.name_normalized', 'spender.name_normalized', 'target.name']);
    assert.deepEqual(fuzzyTextFields(SEARCH_SPECS.filers.textFields), ['name_normalized', 'names']);
  });

  it('looks typos up in the name as matched ("LAST, FIRST" turned, suffix out), every field exactly', () => {
    const [fuzzy, exact, normalized] = textClauses('contributions', 'GARCIA, MARIA INC');
    assert.equal(fuzzy!.query, 'maria garcia');
    assert.deepEqual(fuzzy!.fields, ['contributor.name_normalized', 'recipient.name_normalized']);
    assert.equal(fuzzy!.fuzziness, 'AUTO');
    assert.equal(fuzzy!.operator, 'and');
    for (const c of [exact!, normalized!]) {
      assert.equal(c.type, 'cross_fields');
      assert.equal(c.fuzziness, undefined);
      assert.deepEqual(c.fields, [...SEARCH_SPECS.contributions.textFields]);
    }
    assert.equal(exact!.query, 'GARCIA, MARIA INC');
    assert.equal(normalized!.query, 'maria garcia');
  });

  it('has no fuzzy clause over employers, occupations, cities or descriptions', () => {
    const clauses = textClauses('contributions', 'teacher');
    const fuzzyFields = clauses.filter((c) => c.fuzziness !== undefined).flatMap((c) => c.fields as string[]);
    for (const f of ['contributor.employer', 'contributor.occupation', 'contributor.city', 'description']) assert.ok(!fuzzyFields.includes(f), f);
  });
});
