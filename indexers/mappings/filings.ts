import { mappingProperties } from '../../queries/fields/field.js';
import { FILING_FIELDS } from '../../queries/fields/filings.js';
import { indexSettings, type KindMapping } from './common.js';

/** Every version of every filing (report or statement), the current one flagged. */
export const filingsMapping: KindMapping = {
  version: 1,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    // Every field of the kind's registry at its path.
    properties: mappingProperties(FILING_FIELDS),
  },
};
