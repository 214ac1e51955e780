import { CONTRIBUTION_FIELDS } from '../../queries/fields/contributions.js';
import { kindMapping, type KindMapping } from './common.js';

/** Money received: Schedules A, C, I (and F401A, F496P3) and late contributions (F497 Part 1). */
export const contributionsMapping: KindMapping = kindMapping(3, CONTRIBUTION_FIELDS);
