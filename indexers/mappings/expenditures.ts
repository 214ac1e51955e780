import { EXPENDITURE_FIELDS } from '../../queries/fields/expenditures.js';
import { kindMapping, type KindMapping } from './common.js';

/** Money spent: Schedules D, E, G (and F461P5, F465P3, F450P5) and late independent expenditures (F496). */
export const expendituresMapping: KindMapping = kindMapping(2, EXPENDITURE_FIELDS);
