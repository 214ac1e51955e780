// The plain-language reader, rule by rule: what each rule reads out of the text, what it
// leaves in the text to search, and what it leaves alone. Pure: no stores.
import assert from 'node:assert/strict';
import { parsePlainLanguage, type ParsedText } from '../../queries/plain-language.js';

/** The whole answer for an input, read with the kind (the default) or without. */
function reads(input: string, expected: ParsedText, readKind = true): void {
  assert.deepEqual(parsePlainLanguage(input, { readKind }), expected, JSON.stringify(input));
}

describe('plain-language reader', () => {
  it('reads the phrase of the documentation filter by filter, and leaves no text', () => {
    reads('contributions from teachers in Fresno to Newsom over $500 in 2018', {
      understood: { kind: 'contributions', min_amount: 500, year: 2018, recipient: 'Newsom', city: 'Fresno', occupation: 'teacher' },
      text: '',
      rest: 'from teachers in Fresno to Newsom over $500 in 2018',
    });
  });

  it('gives an empty answer for empty or blank input, never an error', () => {
    for (const input of ['', '   ', '\t\n']) reads(input, { understood: {}, text: '', rest: '' });
  });

  it('leaves words it does not read as text, whole', () => {
    reads('Garcia', { understood: {}, text: 'Garcia', rest: 'Garcia' });
    reads('teachers', { understood: {}, text: 'teachers', rest: 'teachers' });
    reads('Fresno over 500', { understood: { min_amount: 500 }, text: 'Fresno', rest: 'Fresno over 500' });
    reads('Smith, John; in Fresno', { understood: { city: 'Fresno' }, text: 'Smith, John', rest: 'Smith, John; in Fresno' });
  });

  describe('the kind of record', () => {
    it('reads a leading word that names a kind, with "all" or "the" before it', () => {
      const cases: [string, ParsedText['understood']['kind'], string][] = [
        ['contributions', 'contributions', ''],
        ['all donations to Newsom', 'contributions', 'to Newsom'],
        ['money raised by nurses', 'contributions', 'by nurses'],
        ['donors employed by Apple', 'contributions', 'employed by Apple'],
        ['expenditures', 'expenditures', ''],
        ['payments made to Acme', 'expenditures', 'to Acme'],
        ['spent on ads', 'expenditures', 'on ads'],
        ['the lobbyists in Sacramento', 'lobbying', 'in Sacramento'],
        ['lobbying', 'lobbying', ''],
        ['reports of 2016', 'filings', 'of 2016'],
        ['committees in Fresno', 'filers', 'in Fresno'],
        ['candidates', 'filers', ''],
      ];
      for (const [input, kind, rest] of cases) {
        const r = parsePlainLanguage(input);
        assert.equal(r.understood.kind, kind, input);
        assert.equal(r.rest, rest, `${input}: rest is the input without the kind's words`);
      }
    });

    it('reads no kind where the word is not first, and none at all when told not to', () => {
      reads('Smith contributions', { understood: {}, text: 'Smith', rest: 'Smith contributions' });
      reads('water contributions', { understood: {}, text: 'water', rest: 'water contributions' });
      reads('committees in Fresno', { understood: { city: 'Fresno' }, text: 'committees', rest: 'committees in Fresno' }, false);
      reads('lobbying', { understood: {}, text: 'lobbying', rest: 'lobbying' }, false);
      reads('filers named Smith', { understood: {}, text: 'filers Smith', rest: 'filers named Smith' }, false);
    });

    it('drops filler words from the text, the kind words among them, but not from rest', () => {
      reads('the money given for water with a', { understood: { kind: 'contributions' }, text: 'water', rest: 'for water with a' });
      reads('contributions', { understood: {}, text: '', rest: 'contributions' }, false);
      reads('filers named Smith', { understood: { kind: 'filers' }, text: 'Smith', rest: 'named Smith' });
      reads('called Sierra Club', { understood: {}, text: 'Sierra Club', rest: 'called Sierra Club' });
    });
  });

  describe('amounts', () => {
    it('reads a minimum from over, above, more than, greater than, at least, exceeding', () => {
      const cases: [string, number][] = [
        ['over $500', 500],
        ['over 5k', 5_000],
        ['over $1,000,000', 1_000_000],
        ['above 50.5', 50.5],
        ['greater than 2m', 2_000_000],
        ['at least 100', 100],
        ['exceeding 10 thousand', 10_000],
      ];
      for (const [input, min] of cases) reads(input, { understood: { min_amount: min }, text: '', rest: input });
    });

    it('reads a maximum from under, below, less than, at most, up to', () => {
      const cases: [string, number][] = [
        ['under $100', 100],
        ['below 10', 10],
        ['less than 7', 7],
        ['at most 99.99', 99.99],
        ['up to $25', 25],
      ];
      for (const [input, max] of cases) reads(input, { understood: { max_amount: max }, text: '', rest: input });
    });

    it('reads a range from "between X and Y", and both bounds when given apart', () => {
      reads('between $1,000 and $2,500.50', { understood: { min_amount: 1000, max_amount: 2500.5 }, text: '', rest: 'between $1,000 and $2,500.50' });
      reads('over 100 under 500', { understood: { min_amount: 100, max_amount: 500 }, text: '', rest: 'over 100 under 500' });
      // A later minimum replaces the range's.
      reads('between 5 and 10 over 3', { understood: { min_amount: 3, max_amount: 10 }, text: '', rest: 'between 5 and 10 over 3' });
    });
  });

  describe('years and dates', () => {
    it('reads a year after in, during, for or of, or standing alone', () => {
      reads('during 2009', { understood: { year: 2009 }, text: '', rest: 'during 2009' });
      reads('2019', { understood: { year: 2019 }, text: '', rest: '2019' });
      reads('John Smith 2020', { understood: { year: 2020 }, text: 'John Smith', rest: 'John Smith 2020' });
      reads('reports of 2016', { understood: { year: 2016 }, text: '', rest: 'reports of 2016' }, false);
    });

    it('reads an election year from "2018 election", "election year 2016", "election of 2020", "the 2022 primary"', () => {
      for (const [input, year] of [['2018 election', 2018], ['election year 2016', 2016], ['election of 2020', 2020], ['for the 2022 primary', 2022]] as const) {
        reads(input, { understood: { election_year: year }, text: '', rest: input });
      }
    });

    it('reads dates from "from YYYY to YYYY", "since YYYY" and "before YYYY" (the year before, to its end)', () => {
      reads('from 2010 to 2014', { understood: { date_from: '2010-01-01', date_to: '2014-12-31' }, text: '', rest: 'from 2010 to 2014' });
      reads('since 2015', { understood: { date_from: '2015-01-01' }, text: '', rest: 'since 2015' });
      reads('before 2012', { understood: { date_to: '2011-12-31' }, text: '', rest: 'before 2012' });
    });

    it('takes only years from 1900 to 2099 as years', () => {
      const r = parsePlainLanguage('in 1899');
      assert.equal(r.understood.year, undefined);
      assert.equal(r.understood.date_from, undefined);
    });
  });

  it('reads a ZIP code, with or without "zip", "zip code", "in" or the four-digit extension', () => {
    for (const [input, zip] of [['zip 95814', '95814'], ['zip code 90210', '90210'], ['in 95814-1234', '95814']] as const) {
      reads(input, { understood: { zip }, text: '', rest: input });
    }
  });

  it('reads an employer from employees of, employed by, who works at, working for, staff of', () => {
    const cases: [string, string][] = [
      ['employees of Google', 'Google'],
      ['who works at Chevron', 'Chevron'],
      ['working for the State of California', 'the State of California'],
      ['staff of Stanford', 'Stanford'],
    ];
    for (const [input, employer] of cases) reads(input, { understood: { employer }, text: '', rest: input });
    // The name ends where the next clause starts.
    reads('employed by Kaiser Permanente in Oakland', { understood: { employer: 'Kaiser Permanente', city: 'Oakland' }, text: '', rest: 'employed by Kaiser Permanente in Oakland' });
  });

  it('reads a recipient from "to X", up to the next clause', () => {
    reads('to Newsom', { understood: { recipient: 'Newsom' }, text: '', rest: 'to Newsom' });
    reads('to Newsom in 2018', { understood: { year: 2018, recipient: 'Newsom' }, text: '', rest: 'to Newsom in 2018' });
    reads('to Friends of Jane Doe for Assembly 2018', { understood: { year: 2018, recipient: 'Friends of Jane Doe' }, text: 'Assembly', rest: 'to Friends of Jane Doe for Assembly 2018' });
  });

  describe('places', () => {
    it('reads "in X" as a state where X names one or is its code, in any case', () => {
      const cases: [string, string][] = [
        ['in California', 'CA'],
        ['in New York', 'NY'],
        ['in ny', 'NY'],
        ['in NV', 'NV'],
        ['in Washington', 'WA'],
        ['in washington dc', 'DC'],
      ];
      for (const [input, state] of cases) reads(input, { understood: { state }, text: '', rest: input });
    });

    it('reads any other "in X" as a city, up to the next clause or comma', () => {
      reads('in Los Angeles over 100', { understood: { min_amount: 100, city: 'Los Angeles' }, text: '', rest: 'in Los Angeles over 100' });
      reads('in San Jose, CA', { understood: { city: 'San Jose' }, text: 'CA', rest: 'in San Jose, CA' });
    });
  });

  describe('givers', () => {
    it('reads "from X" as an occupation where X names one, in the plural or not', () => {
      const cases: [string, string][] = [
        ['from lawyers', 'lawyer'],
        ['from police officers', 'police officer'],
        ['from business owners', 'business owner'],
        ['from retired', 'retired'],
      ];
      for (const [input, occupation] of cases) reads(input, { understood: { occupation }, text: '', rest: input });
      reads('from nurses in Texas', { understood: { state: 'TX', occupation: 'nurse' }, text: '', rest: 'from nurses in Texas' });
    });

    it('reads "from" a state as the state, and anyone else ("from", "by") as the contributor', () => {
      reads('from Texas', { understood: { state: 'TX' }, text: '', rest: 'from Texas' });
      reads('from Jane Doe', { understood: { contributor: 'Jane Doe' }, text: '', rest: 'from Jane Doe' });
      reads('by Acme Corp', { understood: { contributor: 'Acme Corp' }, text: '', rest: 'by Acme Corp' });
      reads('in 2018 to Newsom from Smith', { understood: { year: 2018, recipient: 'Newsom', contributor: 'Smith' }, text: '', rest: 'in 2018 to Newsom from Smith' });
      reads('from Smith over 100 in 2018', { understood: { min_amount: 100, year: 2018, contributor: 'Smith' }, text: '', rest: 'from Smith over 100 in 2018' });
    });
  });
});
