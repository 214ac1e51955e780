// Name forms for matching, shared by the indexer (documents) and the query builder
// (requests), so both sides normalise the same way. The server's analysers are the
// standard ones only (no asciifolding, stemming or synonyms in the distribution we
// run), so what they cannot do is done here: case, punctuation, "LAST, FIRST",
// honorifics and corporate suffixes.

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'hon', 'honorable', 'rev', 'sen', 'asm']);
const SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited', 'pc', 'plc', 'pllc', 'na',
]);
const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Lower-case words without punctuation or accents. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * The matching form of a name: "DOE, JANE M." and "Jane M Doe" both give "jane m doe";
 * "Acme Widgets, Inc." gives "acme widgets". A comma turns "LAST, FIRST" around (only
 * one comma, and not before a corporate suffix: "Acme, Inc." stays "acme").
 */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  let text = name;
  const comma = text.split(',');
  if (comma.length === 2) {
    const after = words(comma[1]!);
    if (after.length > 0 && !after.every((w) => SUFFIXES.has(w) || GENERATIONAL.has(w))) text = `${comma[1]} ${comma[0]}`;
  }
  const ws = words(text);
  const kept = ws.filter((w, i) => !(HONORIFICS.has(w) && i === 0) && !SUFFIXES.has(w) && !GENERATIONAL.has(w));
  return (kept.length > 0 ? kept : ws).join(' ');
}

/** The name as a person reads it: "Jane Doe Jr.", or an organisation's whole name. */
export function displayName(last: string | null, first?: string | null, title?: string | null, suffix?: string | null): string | null {
  void title; // honorifics are not part of the name people search for
  const parts = [first, last, suffix].filter((p): p is string => typeof p === 'string' && p.trim().length > 0).map((p) => p.trim());
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The first five digits of a ZIP as filed ("95814-1234", "958141234" -> "95814"). */
export function zip5(zip: string | null | undefined): string | null {
  const m = /^(\d{5})/.exec((zip ?? '').trim());
  return m ? m[1]! : null;
}
