// What can be searched, per kind, declared as data: each filter's name, type and fields
// (the query builder turns them into clauses, the request parser validates them, the
// OpenAPI document lists them), the facets, and the fields free text is matched against.
import type { KindName } from '../indexers/kinds.js';
import type { CodeType } from '../src/db/labels.js';
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

const money = (prefix: string): FilterDef[] => [
  { param: 'min_amount', type: 'min_amount', fields: [`${prefix}amount`], description: 'Amount at least this many dollars (-1e12 to 1e12). Not above max_amount when both are given: that is a 400 naming min_amount.' },
  { param: 'max_amount', type: 'max_amount', fields: [`${prefix}amount`], description: 'Amount at most this many dollars (-1e12 to 1e12). Not below min_amount when both are given (a 400 naming min_amount).' },
];

const dates = (field: string, what: string): FilterDef[] => [
  { param: 'date_from', type: 'date_from', fields: [field], description: `${what} on or after this day (YYYY-MM-DD, 1900 to 2100). Not after date_to when both are given: that is a 400 naming date_from.` },
  { param: 'date_to', type: 'date_to', fields: [field], description: `${what} on or before this day (YYYY-MM-DD, 1900 to 2100). Not before date_from when both are given (a 400 naming date_from).` },
  { param: 'year', type: 'year', fields: [field], description: `${what} in this calendar year (repeatable).` },
];

const place = (p: string, who: string): FilterDef[] => [
  { param: 'city', type: 'text', fields: [`${p}.city`], description: `City of the ${who}.` },
  { param: 'city_exact', type: 'facet', fields: [`${p}.city_facet`], description: `City of the ${who}, exactly as the City facet groups it (case, spacing and punctuation at the ends ignored): a bucket's value.` },
  { param: 'state', type: 'state', fields: [`${p}.state`], description: `Two-letter state of the ${who} (repeatable).` },
  { param: 'zip', type: 'zip', fields: [`${p}.zip5`], description: `Five-digit ZIP code of the ${who}.` },
];

const transactionFacets = (party: string, filer: string, filerFilter: string): FacetDef[] => [
  { name: 'year', label: 'Year', type: 'year', field: 'date', filter: 'year' },
  { name: 'election_year', label: 'Election year', type: 'terms', field: 'election_year', filter: 'election_year' },
  { name: 'entity_type', label: 'Kind of contributor or payee', type: 'terms', field: `${party}.entity.code`, labelCode: 'entity_cd', filter: 'entity_type' },
  { name: 'state', label: 'State', type: 'terms', field: `${party}.state`, filter: 'state' },
  { name: 'city', label: 'City', type: 'terms', field: `${party}.city_facet`, rawField: `${party}.city`, filter: 'city_exact' },
  { name: filerFilter, label: filerFilter === 'recipient' ? 'Recipient' : 'Spender', type: 'terms', field: `${filer}.filer_id`, nameField: `${filer}.name`, filter: filerFilter },
  { name: 'schedule', label: 'Schedule', type: 'terms', field: 'schedule.code', labelCode: 'schedule', filter: 'schedule' },
  { name: 'form', label: 'Form', type: 'terms', field: 'filing.form', labelCode: 'form_type', filter: 'form' },
  { name: 'amount', label: 'Amount', type: 'amount_bands', field: 'amount', filter: 'amount' },
];

export const SEARCH_SPECS: Readonly<Record<KindName, KindSpec>> = {
  contributions: {
    kind: 'contributions',
    textFields: ['contributor.name', 'contributor.name_normalized', 'contributor.employer', 'contributor.occupation', 'contributor.city', 'recipient.name', 'recipient.name_normalized', 'description'],
    filters: [
      { param: 'contributor', type: 'name', fields: ['contributor.name', 'contributor.name_normalized'], description: 'Name of the contributor, as "First Last" or "LAST, FIRST"; forgiving of case, punctuation, corporate suffixes and small typos.' },
      { param: 'recipient', type: 'filer', fields: ['recipient.name', 'recipient.name_normalized', 'recipient.filer_id'], description: 'The committee or candidate that received it: a filer id, or a name.' },
      { param: 'employer', type: 'text', fields: ['contributor.employer'], description: "The contributor's employer." },
      { param: 'employer_exact', type: 'facet', fields: ['contributor.employer_facet'], description: "The employer exactly as the Employer facet groups it (case, spacing and punctuation at the ends ignored): a bucket's value." },
      { param: 'occupation', type: 'text', fields: ['contributor.occupation'], description: "The contributor's occupation." },
      { param: 'occupation_exact', type: 'facet', fields: ['contributor.occupation_facet'], description: "The occupation exactly as the Occupation facet groups it (case, spacing and punctuation at the ends ignored): a bucket's value." },
      ...place('contributor', 'contributor'),
      ...money(''),
      ...dates('date', 'Received'),
      { param: 'election_year', type: 'integer', fields: ['election_year'], description: 'The election (an even year) it counts toward (repeatable).' },
      { param: 'entity_type', type: 'code', fields: ['contributor.entity.code'], description: 'Kind of contributor: IND individual, COM committee, OTH business or other organisation, PTY party, SCC small contributor committee (repeatable).' },
      { param: 'schedule', type: 'code', fields: ['schedule.code'], description: 'Schedule or form part: A monetary, C non-monetary, I other receipts, F497P1 late contributions, ... (repeatable).' },
      { param: 'form', type: 'code', fields: ['filing.form'], description: 'Form of the filing: F460, F497, F450, ... (repeatable).' },
      { param: 'filer_type', type: 'code', fields: ['recipient.type'], description: 'Type of the recipient, as the export names it: RECIPIENT COMMITTEE, CANDIDATE/OFFICEHOLDER, ... (repeatable).' },
      { param: 'report_kind', type: 'code', fields: ['report_kind.code'], values: ['ITEMIZED', 'LATE_CONTRIBUTION'], description: 'ITEMIZED (Form 460 schedules) or LATE_CONTRIBUTION (Form 497, usually itemized again on the next 460).' },
      { param: 'memo', type: 'boolean', fields: ['memo'], description: 'true: only memo entries (informational, not counted in totals); false: leave them out.' },
    ],
    facets: transactionFacets('contributor', 'recipient', 'recipient').concat([
      { name: 'employer', label: 'Employer', type: 'terms', field: 'contributor.employer_facet', rawField: 'contributor.employer', filter: 'employer_exact' },
      { name: 'occupation', label: 'Occupation', type: 'terms', field: 'contributor.occupation_facet', rawField: 'contributor.occupation', filter: 'occupation_exact' },
    ]),
    dateField: 'date',
    amountField: 'amount',
    versioned: true,
    sorts: ['relevance', 'date', '-date', 'amount', '-amount'],
    fromText: (u) => pick({ contributor: u.contributor, recipient: u.recipient, employer: u.employer, occupation: u.occupation, city: u.city, state: u.state, zip: u.zip, min_amount: u.min_amount, max_amount: u.max_amount, year: u.year, election_year: u.election_year, date_from: u.date_from, date_to: u.date_to }),
  },
  expenditures: {
    kind: 'expenditures',
    textFields: ['payee.name', 'payee.name_normalized', 'payee.city', 'spender.name', 'spender.name_normalized', 'description', 'target.name'],
    filters: [
      { param: 'payee', type: 'name', fields: ['payee.name', 'payee.name_normalized'], description: 'Who was paid; forgiving of case, punctuation, corporate suffixes and small typos.' },
      { param: 'spender', type: 'filer', fields: ['spender.name', 'spender.name_normalized', 'spender.filer_id'], description: 'The committee that spent it: a filer id, or a name.' },
      ...place('payee', 'payee'),
      ...money(''),
      ...dates('date', 'Paid'),
      { param: 'election_year', type: 'integer', fields: ['election_year'], description: 'The election (an even year) it counts toward (repeatable).' },
      { param: 'entity_type', type: 'code', fields: ['payee.entity.code'], description: 'Kind of payee: IND, COM, OTH, PTY, SCC, RCP (repeatable).' },
      { param: 'expense', type: 'code', fields: ['expense.code'], description: 'What it paid for: CNS consultants, LIT literature, TEL TV, POL polling, ... (repeatable).' },
      { param: 'schedule', type: 'code', fields: ['schedule.code'], description: 'Schedule or form part: E payments, D support/opposition summary, G payments by agents, F496 late IEs, ... (repeatable).' },
      { param: 'form', type: 'code', fields: ['filing.form'], description: 'Form of the filing (repeatable).' },
      { param: 'target', type: 'text', fields: ['target.name'], description: 'The candidate or ballot measure supported or opposed.' },
      { param: 'support_oppose', type: 'code', fields: ['target.support_oppose.code'], values: ['S', 'O'], description: 'S support, O oppose.' },
      { param: 'office', type: 'code', fields: ['target.office.code'], description: 'Office sought by the candidate: ASM, SEN, GOV, CCM, ... (repeatable).' },
      { param: 'filer_type', type: 'code', fields: ['spender.type'], description: 'Type of the spender, as the export names it (repeatable).' },
      { param: 'report_kind', type: 'code', fields: ['report_kind.code'], values: ['ITEMIZED', 'LATE_INDEPENDENT_EXPENDITURE'], description: 'ITEMIZED or LATE_INDEPENDENT_EXPENDITURE (Form 496).' },
      { param: 'memo', type: 'boolean', fields: ['memo'], description: 'true: only memo entries; false: leave them out.' },
    ],
    facets: transactionFacets('payee', 'spender', 'spender').concat([
      { name: 'expense', label: 'Paid for', type: 'terms', field: 'expense.code', labelCode: 'expn_code', filter: 'expense' },
    ]),
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
    filters: [
      { param: 'filer', type: 'filer', fields: ['filer.name', 'filer.name_normalized', 'filer.filer_id'], description: 'The lobbying firm, employer or lobbyist that reported it: a filer id, or a name.' },
      { param: 'party', type: 'name', fields: ['party.name', 'party.name_normalized'], description: 'The other party: client or firm paid, payee of an expense, recipient of a contribution.' },
      { param: 'beneficiary', type: 'text', fields: ['beneficiary.name'], description: 'The official who benefited from an activity expense.' },
      { param: 'activity', type: 'code', fields: ['activity.code'], values: ['PAYMENT', 'ACTIVITY_EXPENSE', 'CAMPAIGN_CONTRIBUTION', 'OTHER_PAYMENT'], description: 'PAYMENT, ACTIVITY_EXPENSE, CAMPAIGN_CONTRIBUTION or OTHER_PAYMENT (repeatable).' },
      ...place('party', 'other party'),
      ...money(''),
      ...dates('date', 'Paid'),
      { param: 'schedule', type: 'code', fields: ['schedule.code'], description: 'Form part: F625P2, F635P3B, F635P3C, F635P4B, ... (repeatable).' },
      { param: 'form', type: 'code', fields: ['filing.form'], description: 'Form of the report: F615, F625, F635, F645 (repeatable).' },
    ],
    facets: [
      { name: 'activity', label: 'Activity', type: 'terms', field: 'activity.code', labelField: 'activity.label', filter: 'activity' },
      { name: 'year', label: 'Year', type: 'year', field: 'date', filter: 'year' },
      { name: 'filer', label: 'Filer', type: 'terms', field: 'filer.filer_id', nameField: 'filer.name', filter: 'filer' },
      { name: 'schedule', label: 'Schedule', type: 'terms', field: 'schedule.code', labelCode: 'schedule', filter: 'schedule' },
      { name: 'state', label: 'State', type: 'terms', field: 'party.state', filter: 'state' },
      { name: 'amount', label: 'Amount', type: 'amount_bands', field: 'amount', filter: 'amount' },
    ],
    dateField: 'date',
    amountField: 'amount',
    versioned: true,
    sorts: ['relevance', 'date', '-date', 'amount', '-amount'],
    fromText: (u) => pick({ filer: u.contributor, party: u.recipient, city: u.city, state: u.state, zip: u.zip, min_amount: u.min_amount, max_amount: u.max_amount, year: u.year, date_from: u.date_from, date_to: u.date_to }),
  },
  filers: {
    kind: 'filers',
    textFields: ['name', 'name_normalized', 'names', 'city'],
    filters: [
      { param: 'name', type: 'name', fields: ['name', 'name_normalized'], description: 'Name of the filer (any name it filed under is searched by q).' },
      { param: 'filer_type', type: 'code', fields: ['type.code'], description: 'Type, as the export names it: RECIPIENT COMMITTEE, CANDIDATE/OFFICEHOLDER, LOBBYIST, ... (repeatable).' },
      { param: 'status', type: 'code', fields: ['status.code'], description: 'ACTIVE, INACTIVE, TERMINATED, ... (repeatable).' },
      { param: 'city', type: 'text', fields: ['city'], description: 'City of the filer.' },
      { param: 'state', type: 'state', fields: ['state'], description: 'Two-letter state (repeatable).' },
      { param: 'zip', type: 'zip', fields: ['zip5'], description: 'Five-digit ZIP code.' },
    ],
    facets: [
      { name: 'filer_type', label: 'Type', type: 'terms', field: 'type.code', labelCode: 'filer_type', filter: 'filer_type' },
      { name: 'status', label: 'Status', type: 'terms', field: 'status.code', labelCode: 'filer_status', filter: 'status' },
      { name: 'state', label: 'State', type: 'terms', field: 'state', filter: 'state' },
    ],
    dateField: null,
    amountField: null,
    versioned: false,
    sorts: ['relevance', 'name'],
    fromText: (u) => pick({ city: u.city, state: u.state, zip: u.zip }),
  },
  filings: {
    kind: 'filings',
    textFields: ['filer.name', 'filer.name_normalized'],
    filters: [
      { param: 'filer', type: 'filer', fields: ['filer.name', 'filer.name_normalized', 'filer.filer_id'], description: 'Who filed it: a filer id, or a name.' },
      { param: 'form', type: 'code', fields: ['form.code'], description: 'Form: F460, F497, F625, F635, ... (repeatable).' },
      { param: 'filing_id', type: 'integer', fields: ['filing_id'], description: 'The filing id (repeatable).' },
      ...dates('date_filed', 'Filed'),
    ],
    facets: [
      { name: 'form', label: 'Form', type: 'terms', field: 'form.code', labelCode: 'form_type', filter: 'form' },
      { name: 'year', label: 'Year filed', type: 'year', field: 'date_filed', filter: 'year' },
      { name: 'filer', label: 'Filer', type: 'terms', field: 'filer.filer_id', nameField: 'filer.name', filter: 'filer' },
    ],
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
