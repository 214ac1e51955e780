import { amount, amountCents, bool, codeAndLabel, date, filerRef, filingRef, indexSettings, integer, keyword, party, stored, text, versionFields, type KindMapping } from './common.js';

/** Money spent: Schedules D, E, G (and F461P5, F465P3, F450P5) and late independent expenditures (F496). */
export const expendituresMapping: KindMapping = {
  version: 2,
  settings: indexSettings(),
  mappings: {
    dynamic: 'strict',
    properties: {
      ...versionFields,
      report_kind: codeAndLabel(),
      schedule: codeAndLabel(),
      payee: party(),
      spender: filerRef(),
      filing: filingRef(),
      amount,
      amount_cents: amountCents,
      date,
      election_year: integer,
      memo: bool,
      expense: codeAndLabel(),
      description: { type: 'text' },
      target: { properties: { name: text, office: codeAndLabel(), support_oppose: codeAndLabel() } },
      memo_ref: stored,
      id: keyword,
    },
  },
};
