// What can be searched, per kind, declared as data: each filter's name, type and fields
// (the query builder turns them into clauses, the request parser validates them, the
// OpenAPI document lists them), the facets, and the fields free text is matched against.
// Filters and facets are declared with their fields in the kind's registry (queries/fields/).
import type { KindName } from '../indexers/kinds.js';
import type { CodeType } from '../src/db/labels.js';
import { FIELDS } from './fields/index.js';
import { facetDefs, filterDefs } from './fields/field.js';
import type { Understood } from './plain-language.js';

export type FilterType =
  /** a person's or organisation's name, matched forgivingly */
  | 'name'
  /** a filer: digits are its id, anything else its name */
  | 'filer'
  /** words matched in a text field */
  | 'text'
  /** exact codes, upper-cased; repeatable */
  | 'code'
  /** a two-letter state; repeatable */
  | 'state'
  | 'zip'
  | 'min_amount'
  | 'max_amount'
  | 'date_from'
  | 'date_to'
  /** a calendar year of the kind's date field; repeatable */
  | 'year'
  /** an integer field; repeatable */
  | 'integer'
  /** a facet's normalised value (src/search/facet-values.ts), matched exactly: what a
   *  click on a bucket of a text facet narrows with; once (values may hold commas) */
  | 'facet'
  | 'boolean';

/** The filter types a request may give more than once (or as "a,b"). */
export const REPEATABLE_TYPES: ReadonlySet<FilterType> = new Set(['code', 'state', 'year', 'integer']);

/** The JSON type of a filter's value where it is not text (the OpenAPI document's type, and
 *  what a job's JSON params may give as a number or a boolean). */
export function jsonValueType(type: FilterType): 'number' | 'integer' | 'boolean' | 'string' {
  switch (type) {
    case 'min_amount':
    case 'max_amount':
      return 'number';
    case 'year':
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

export interface FilterDef {
  param: string;
  type: FilterType;
  /** name/filer: [name field, normalised name field, (filer: id field)]; others: [field] */
  fields: readonly string[];
  description: string;
  /** allowed values of a code filter (upper case); open when absent */
  values?: readonly string[];
}

export interface FacetDef {
  name: string;
  label: string;
  type: 'terms' | 'amount_bands' | 'year';
  field: string;
  /** terms facet over a code: the label field beside it */
  labelField?: string;
  /** ...or the code type its labels come from (src/db/labels.ts), with no document fetched */
  labelCode?: CodeType;
  /** terms facet over a filer id: the name field beside it */
  nameField?: string;
  /** terms facet over a facet value (src/search/facet-values.ts): the text as filed, whose
   *  tidied spelling (facetLabel) labels the bucket */
  rawField?: string;
  /** the filter a bucket's value narrows with */
  filter: string;
}

export type SortName = 'relevance' | 'date' | '-date' | 'amount' | '-amount' | 'name';

export interface KindSpec {
  kind: KindName;
  /** Free text is matched against these. */
  textFields: readonly string[];
  filters: readonly FilterDef[];
  facets: readonly FacetDef[];
  dateField: string | null;
  amountField: string | null;
  /** Documents of superseded versions carry current=false. */
  versioned: boolean;
  sorts: readonly SortName[];
  /** Which filter each part of the understood text fills, for this kind. */
  fromText(u: Understood): Record<string, string | number>;
}

export const AMOUNT_BANDS: readonly { key: string; label: string; from?: number; to?: number }[] = [
  { key: 'under_100', label: 'Under $100', to: 100 },
  { key: '100_499', label: '$100 to $499.99', from: 100, to: 500 },
  { key: '500_999', label: '$500 to $999.99', from: 500, to: 1000 },
  { key: '1000_4999', label: '$1,000 to $4,999.99', from: 1000, to: 5000 },
  { key: '5000_24999', label: '$5,000 to $24,999.99', from: 5000, to: 25000 },
  { key: '25000_plus', label: '$25,000 and over', from: 25000 },
];

export const SEARCH_SPECS: Readonly<Record<KindName, KindSpec>> = {
  contributions: {
    kind: 'contributions',
    textFields: ['contributor.name', 'contributor.name_normalized', 'contributor.employer', 'contributor.occupation', 'contributor.city', 'recipient.name', 'recipient.name_normalized', 'description'],
    filters: filterDefs(FIELDS.contributions),
    facets: facetDefs(FIELDS.contributions),
    dateField: 'date',
    amountField: 'amount',
    versioned: true,
    sorts: ['relevance', 'date', '-date', 'amount', '-amount'],
    fromText: (u) => pick({ contributor: u.contributor, recipient: u.recipient, employer: u.employer, occupation: u.occupation, city: u.city, state: u.state, zip: u.zip, min_amount: u.min_amount, max_amount: u.max_amount, year: u.year, election_year: u.election_year, date_from: u.date_from, date_to: u.date_to }),
  },
  expenditures: {
    kind: 'expenditures',
    textFields: ['payee.name', 'payee.name_normalized', 'payee.city', 'spender.name', 'spender.name_normalized', 'description', 'target.name'],
    filters: filterDefs(FIELDS.expenditures),
    facets: facetDefs(FIELDS.expenditures),
    dateField: 'date',
    amountField: 'amount',
    versioned: true,
    sorts: ['relevance', 'date', '-date', 'amount', '-amount'],
    // "by X" names the spender; "to X" the payee.
    fromText: (u) => pick({ spender: u.contributor, payee: u.recipient, city: u.city, state: u.state, zip: u.zip, min_amount: u.min_amount, max_amount: u.max_amount, year: u.year, election_year: u.election_year, date_from: u.date_from, date_to: u.date_to }),
  },
  lobbying: {
    kind: 'lobbying',
    textFields: ['party.name', 'party.name_normalized', 'filer.name', 'filer.name_normalized', 'beneficiary.name', 'description'],
    filters: filterDefs(FIELDS.lobbying),
    facets: facetDefs(FIELDS.lobbying),
    dateField: 'date',
    amountField: 'amount',
    versioned: true,
    sorts: ['relevance', 'date', '-date', 'amount', '-amount'],
    fromText: (u) => pick({ filer: u.contributor, party: u.recipient, city: u.city, state: u.state, zip: u.zip, min_amount: u.min_amount, max_amount: u.max_amount, year: u.year, date_from: u.date_from, date_to: u.date_to }),
  },
  filers: {
    kind: 'filers',
    textFields: ['name', 'name_normalized', 'names', 'city'],
    filters: filterDefs(FIELDS.filers),
    facets: facetDefs(FIELDS.filers),
    dateField: null,
    amountField: null,
    versioned: false,
    sorts: ['relevance', 'name'],
    fromText: (u) => pick({ city: u.city, state: u.state, zip: u.zip }),
  },
  filings: {
    kind: 'filings',
    textFields: ['filer.name', 'filer.name_normalized'],
    filters: filterDefs(FIELDS.filings),
    facets: facetDefs(FIELDS.filings),
    dateField: 'date_filed',
    amountField: null,
    versioned: true,
    sorts: ['relevance', 'date', '-date'],
    fromText: (u) => pick({ filer: u.contributor ?? u.recipient, year: u.year, date_from: u.date_from, date_to: u.date_to }),
  },
};

function pick(o: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** Parameters every search endpoint takes besides its filters. */
export const COMMON_PARAMS = ['q', 'sort', 'page_size', 'cursor', 'exact_total', 'facets', 'facet_size', 'versions'] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_TEXT_LENGTH = 300;
/** The text of /api/v1/filers/suggest: the start of a name. */
export const MAX_SUGGEST_LENGTH = 100;
/** The largest value of an integer filter (filing_id, election_year): PostgreSQL's integer. */
export const MAX_INTEGER = 2_147_483_647;
/** The amounts min_amount and max_amount may say, in dollars (refunds are negative). */
export const MIN_AMOUNT = -1e12;
export const MAX_AMOUNT = 1e12;
