// One field registry per searchable kind (./field.ts says what a declaration holds), and what
// each part of the service reads of it.
import type { KindName } from '../../indexers/kinds.js';
import { CONTRIBUTION_FIELDS } from './contributions.js';
import { EXPENDITURE_FIELDS } from './expenditures.js';
import { filterLabels, type KindFields } from './field.js';
import { FILER_FIELDS } from './filers.js';
import { FILING_FIELDS } from './filings.js';
import { LOBBYING_FIELDS } from './lobbying.js';

export * from './field.js';

export const FIELDS: Readonly<Record<KindName, KindFields>> = {
  contributions: CONTRIBUTION_FIELDS,
  expenditures: EXPENDITURE_FIELDS,
  lobbying: LOBBYING_FIELDS,
  filers: FILER_FIELDS,
  filings: FILING_FIELDS,
};

/** Every filter's label by its parameter: one label per parameter, whatever the kind. */
export const FILTER_LABELS: Readonly<Record<string, string>> = Object.fromEntries(Object.values(FIELDS).flatMap(filterLabels));
