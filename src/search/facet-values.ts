// The value a facet groups a free-text field by (cities, employers, occupations as filed):
// "RETIRED", "Retired " and "retired." are one bucket, and the words filers write for "not
// given" ("N/A", "None", "-", "Refused", ...) are no bucket at all (counted as missing).
// The indexer writes it beside the raw value (indexers/documents.ts), the raw value stays
// in the record and in exports, and the facet's filter (`city_exact`, ...) normalises what
// it is given the same way, so a bucket's value narrows to exactly the bucket's rows.

/** Placeholders, compared with everything but letters and digits taken out ("N/A" -> "na"). */
const NOT_GIVEN = new Set([
  '',
  'na',
  'nna',
  'none',
  'null',
  'nil',
  'nothing',
  'unknown',
  'unk',
  'notknown',
  'notprovided',
  'notgiven',
  'notstated',
  'notavailable',
  'notapplicable',
  'notreported',
  'notdisclosed',
  'nondisclosed',
  'undisclosed',
  'refused',
  'declined',
  'declinedtostate',
  'requested',
  'inforequested',
  'informationrequested',
  'requestedinformation',
  'tbd',
  'blank',
  'x',
  'xx',
  'xxx',
]);

/** What is left of a text between its first and last letter or digit. */
const ENDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const SPACES = /[\s\u00a0\u2000-\u200b\u2028\u2029\u3000]+/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;

/**
 * The facet value of a text as filed: lower case, runs of white space as one space, the
 * punctuation at either end taken off; null when nothing is left or it says "not given".
 */
export function facetValue(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.length === 0) return null;
  const v = raw.normalize('NFKC').toLowerCase().replace(SPACES, ' ').replace(ENDS, '');
  if (NOT_GIVEN.has(v.replace(NOT_ALNUM, ''))) return null;
  return v;
}

/** A label to show for a bucket, from one of its values as filed: its white space and end
 *  punctuation tidied as the value's are, the case as filed. */
export function facetLabel(raw: string): string {
  return raw.normalize('NFKC').replace(SPACES, ' ').replace(ENDS, '');
}
