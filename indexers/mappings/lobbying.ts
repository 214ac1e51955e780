import { mappingProperties } from '../../queries/fields/field.js';
import { LOBBYING_FIELDS } from '../../queries/fields/lobbying.js';
import { indexSettings, type KindMapping } from './common.js';

/** Lobbying money: payments to firms (LPAY), activity expenses (LEXP), campaign
 *  contributions by lobbyists (LCCM), payments to other firms (LOTH). */
export const lobbyingMapping: KindMapping = {
  version: 2,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    // Every field of the kind's registry at its path.
    properties: mappingProperties(LOBBYING_FIELDS),
  },
};
