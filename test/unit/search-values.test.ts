// The values search computes from what was filed: facet values (one bucket per spelling
// of the same thing, none for "not given"), amounts as exact integer cents, and the order
// a search applies when nothing ranks its rows.
import assert from 'node:assert/strict';
import { amountCentsJson } from '../../indexers/documents.js';
import { effectiveSort } from '../../queries/build-search.js';
import { parseSearchRequest } from '../../queries/search-request.js';
import { facetLabel, facetValue } from '../../src/search/facet-values.js';

describe('facet values', () => {
  it('puts spellings of one value in one bucket', () => {
    for (const raw of ['RETIRED', 'Retired ', 'retired.', '  retired', 'Retired\u00a0', '"Retired"']) assert.equal(facetValue(raw), 'retired', raw);
    assert.equal(facetValue('Self   Employed'), 'self employed');
    assert.equal(facetValue('Acme, Inc.'), 'acme, inc');
    // Full-width letters are the same letters (NFKC).
    assert.equal(facetValue('ＲＥＴＩＲＥＤ'), 'retired');
  });

  it('counts the words for "not given" as no value at all', () => {
    for (const raw of ['', ' ', '-', 'N/A', 'n.a.', 'None', 'NONE', 'Refused', 'unknown', 'Information Requested', 'declined to state', 'XXX', null, undefined]) {
      assert.equal(facetValue(raw), null, String(raw));
    }
  });

  it('keeps values that only look short or odd', () => {
    assert.equal(facetValue('NA Foods'), 'na foods');
    assert.equal(facetValue('X-Ray Tech'), 'x-ray tech');
    assert.equal(facetValue('94'), '94');
  });

  it('labels a bucket with a spelling as filed, tidied at the ends', () => {
    assert.equal(facetLabel('  Retired. '), 'Retired');
    assert.equal(facetLabel('Acme,   Inc.'), 'Acme, Inc');
  });
});

describe('amounts as integer cents', () => {
  it('reads the decimal text exactly, without floating point', () => {
    assert.equal(amountCentsJson('0.1'), '10');
    assert.equal(amountCentsJson('1234.56'), '123456');
    assert.equal(amountCentsJson('99.99'), '9999');
    // 0.29 * 100 is 28.999999999999996 in floating point; the text is 29 cents.
    assert.equal(amountCentsJson('0.29'), '29');
    assert.equal(amountCentsJson('-250'), '-25000');
    assert.equal(amountCentsJson('.5'), '50');
    assert.equal(amountCentsJson('7.'), '700');
  });

  it('rounds half a cent away from zero', () => {
    assert.equal(amountCentsJson('19.995'), '2000');
    assert.equal(amountCentsJson('19.994'), '1999');
    assert.equal(amountCentsJson('-19.995'), '-2000');
    assert.equal(amountCentsJson('-0.004'), '0');
  });

  it('is null where there is no plain decimal, or where a double would lose cents', () => {
    for (const v of [null, undefined, '', '.', 'abc', '1e5', 'NaN', Infinity, Number.NaN]) assert.equal(amountCentsJson(v), 'null', String(v));
    assert.equal(amountCentsJson('90071992547409.91'), '9007199254740991');
    assert.equal(amountCentsJson('90071992547409.92'), 'null');
  });

  it('takes numbers too, through their decimal text', () => {
    assert.equal(amountCentsJson(12.5), '1250');
    assert.equal(amountCentsJson(0.29), '29');
  });
});

describe('the order applied when nothing ranks', () => {
  it('is newest first for dated kinds, by name for filers', () => {
    assert.equal(effectiveSort(parseSearchRequest('contributions', {})), '-date');
    assert.equal(effectiveSort(parseSearchRequest('filings', {})), '-date');
    assert.equal(effectiveSort(parseSearchRequest('filers', {})), 'name');
    assert.equal(effectiveSort(parseSearchRequest('contributions', { sort: 'relevance' })), '-date');
    // Exact filters rank nothing either.
    assert.equal(effectiveSort(parseSearchRequest('contributions', { state: 'CA', year: '2016' })), '-date');
  });

  it('is best match when there are words to rank by, and what was asked when asked', () => {
    assert.equal(effectiveSort(parseSearchRequest('contributions', { q: 'smith' })), 'relevance');
    assert.equal(effectiveSort(parseSearchRequest('contributions', { q: 'smith', sort: 'amount' })), 'amount');
    assert.equal(effectiveSort(parseSearchRequest('contributions', { sort: 'date' })), 'date');
  });
});
