// Rules every parameter of the API follows, whatever its route: what text is (no control
// characters, valid Unicode), that a given parameter has a value, how long text may be.
// The routes check them through checkParams (query strings, JSON parameters) and
// checkText (path parameters); the OpenAPI document declares them with the patterns here,
// so a contract tester and the server agree.
import { InvalidParameterError } from '../src/errors.js';
import { MAX_INTEGER } from './search-spec.js';

// C0 controls (tab and newline included: a search, a name or a code never needs them),
// DEL and C1 controls. Elasticsearch refuses some of them outright (the completion
// suggester: U+001E, U+001F), and none means anything in a search.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Half of a surrogate pair: only a JSON body can carry one (a URL's bad UTF-8 arrives as
// U+FFFD), and it is not text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The document's pattern for any text: no control character (as CONTROL). */
export const TEXT_PATTERN = '^[^\\u0000-\\u001F\\u007F-\\u009F]*$';
/** What String.prototype.trim removes, with the control characters (refused anyway), as the
 *  inside of a regular expression's character class: spelled out, because a contract
 *  tester's \s (Python's) is not JavaScript's. */
export const BLANK = '\\u0000-\\u0020\\u007F-\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
/** The document's pattern for text that must say something: TEXT_PATTERN, not blank. */
export const NON_BLANK_TEXT_PATTERN = nonBlank('');
/** ...and for a value of a repeatable parameter, where commas separate values: more than commas. */
export const LIST_ITEM_PATTERN = nonBlank(',');

function nonBlank(alsoBlank: string): string {
  return `^[^\\u0000-\\u001F\\u007F-\\u009F]*[^${BLANK}${alsoBlank}][^\\u0000-\\u001F\\u007F-\\u009F]*$`;
}

/** A text parameter's value: printable Unicode, or a 400 naming the parameter. */
export function checkText(name: string, value: string): void {
  const c = CONTROL.exec(value);
  if (c) {
    const code = c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new InvalidParameterError(name, `${name} contains a control character (U+${code}); parameters are printable text`);
  }
  if (LONE_SURROGATE.test(value)) throw new InvalidParameterError(name, `${name} is not valid Unicode (a lone surrogate)`);
}

/**
 * Every name and value of a query (as express or node's querystring parse it) or of a JSON
 * object of parameters: the text rule, names first in the order given. Values that are not
 * text are left to the parameter's own parser.
 */
export function checkParams(params: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(params)) {
    checkText(name, name);
    for (const x of Array.isArray(v) ? (v as unknown[]) : [v]) if (typeof x === 'string') checkText(name, x);
  }
}

/** Characters as a reader (and JSON Schema's maxLength) counts them: code points. */
export function textLength(v: string): number {
  let n = v.length;
  // Only text with surrogate pairs counts differently; most never gets past the first test.
  if (/[\ud800-\udbff]/.test(v)) for (const ch of v) if (ch.length === 2) n--;
  return n;
}

// The ids of the report views and downloads, for their routes and the document.
/** FILING_ID is a PostgreSQL integer. */
export const MAX_FILING_ID = MAX_INTEGER;
/** AMEND_ID: 0 for the original, then 1, 2, ... */
export const MAX_AMENDMENT = 999;
/** FILER_ID: digits, or a legacy id like C00800. */
export const FILER_ID_PATTERN = '^[A-Za-z0-9]{1,15}$';
/** A bulk file's name as /api/v1/bulk lists it (contributions-2016.csv). */
export const BULK_FILE_PATTERN = '^[A-Za-z0-9_.-]{1,120}$';
