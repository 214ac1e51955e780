import { amount, amountCents, bool, codeAndLabel, date, filerRef, filingRef, indexSettings, keyword, party, stored, text, versionFields, type KindMapping } from './common.js';

/** Lobbying money: payments to firms (LPAY), activity expenses (LEXP), campaign
 *  contributions by lobbyists (LCCM), payments to other firms (LOTH). */
export const lobbyingMapping: KindMapping = {
  version: 2,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    properties: {
      ...versionFields,
      activity: codeAndLabel(),
      schedule: codeAndLabel(),
      filer: filerRef(),
      party: party(),
      beneficiary: { properties: { name: text, position: text } },
      filing: filingRef(),
      amount,
      amount_cents: amountCents,
      date,
      memo: bool,
      description: { type: 'text' },
      memo_ref: stored,
      id: keyword,
    },
  },
};
