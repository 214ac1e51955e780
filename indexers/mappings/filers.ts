import { mappingProperties } from '../../queries/fields/field.js';
import { FILER_FIELDS } from '../../queries/fields/filers.js';
import { indexSettings, type KindMapping } from './common.js';

/** Committees, candidates, lobbyists, firms, employers: every name they filed under. */
export const filersMapping: KindMapping = {
  version: 1,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    // Every field of the kind's registry at its path.
    properties: mappingProperties(FILER_FIELDS),
  },
};
