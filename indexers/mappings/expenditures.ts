import { mappingProperties } from '../../queries/fields/field.js';
import { EXPENDITURE_FIELDS } from '../../queries/fields/expenditures.js';
import { indexSettings, type KindMapping } from './common.js';

/** Money spent: Schedules D, E, G (and F461P5, F465P3, F450P5) and late independent expenditures (F496). */
export const expendituresMapping: KindMapping = {
  version: 2,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    // Every field of the kind's registry at its path.
    properties: mappingProperties(EXPENDITURE_FIELDS),
  },
};
