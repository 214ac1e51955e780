import { mappingProperties } from '../../queries/fields/field.js';
import { CONTRIBUTION_FIELDS } from '../../queries/fields/contributions.js';
import { indexSettings, type KindMapping } from './common.js';

/** Money received: Schedules A, C, I (and F401A, F496P3) and late contributions (F497 Part 1). */
export const contributionsMapping: KindMapping = {
  version: 3,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    // Every field of the kind's registry at its path.
    properties: mappingProperties(CONTRIBUTION_FIELDS),
  },
};
