import { FILER_FIELDS } from '../../queries/fields/filers.js';
import { kindMapping, type KindMapping } from './common.js';

/** Committees, candidates, lobbyists, firms, employers: every name they filed under. */
export const filersMapping: KindMapping = kindMapping(1, FILER_FIELDS);
