import { FILING_FIELDS } from '../../queries/fields/filings.js';
import { kindMapping, type KindMapping } from './common.js';

/** Every version of every filing (report or statement), the current one flagged. */
export const filingsMapping: KindMapping = kindMapping(1, FILING_FIELDS);
