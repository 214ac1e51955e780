import { LOBBYING_FIELDS } from '../../queries/fields/lobbying.js';
import { kindMapping, type KindMapping } from './common.js';

/** Lobbying money: payments to firms (LPAY), activity expenses (LEXP), campaign
 *  contributions by lobbyists (LCCM), payments to other firms (LOTH). */
export const lobbyingMapping: KindMapping = kindMapping(2, LOBBYING_FIELDS);
