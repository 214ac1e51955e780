import { amount, amountCents, bool, codeAndLabel, date, filerRef, filingRef, indexSettings, integer, keyword, party, stored, versionFields, type KindMapping } from './common.js';

/** Money received: Schedules A, C, I (and F401A, F496P3) and late contributions (F497 Part 1). */
export const contributionsMapping: KindMapping = {
  version: 2,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    properties: {
      ...versionFields,
      report_kind: codeAndLabel(),
      schedule: codeAndLabel(),
      contributor: party(),
      recipient: filerRef(),
      filing: filingRef(),
      amount,
      amount_cents: amountCents,
      date,
      election_year: integer,
      memo: bool,
      transaction_type: codeAndLabel(),
      description: { type: 'text' },
      memo_ref: stored,
      id: keyword,
    },
  },
};
