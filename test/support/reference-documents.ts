// The object builder of transaction documents (contributions, expenditures, lobbying) as it
// was before PostgreSQL wrote them as JSON text (indexers/documents.ts), kept unchanged as
// the reference that test/integration/documents.test.ts holds the indexer's documents to.
// Not used by the indexer. Filer and filing documents are still built by the indexer's own
// object builders, so they need no reference here. The fields the indexer writes from their
// registry declaration alone (queries/fields/: `write`) are read here from the same
// declarations, by the object rules below: what stays hand-kept is only the reference of the
// indexer's hand-tuned text writer, which must not derive from it to be able to fail.
import { writtenFields, type KindFields, type WriteAs } from '../../queries/fields/field.js';
import { FIELDS } from '../../queries/fields/index.js';
import { labelFor, type CodeType } from '../../src/db/labels.js';
import type { Row } from '../../src/repositories/index-source-repository.js';
import { facetValue } from '../../src/search/facet-values.js';
import { displayName, normalizeName, zip5 } from '../../src/search/names.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};
/** Dates outside what a date field takes (years like 0200 or 2999 are kept in the
 *  database and flagged there) are left off the document rather than refused. */
const day = (v: unknown): string | null => {
  const s = str(v);
  if (!s) return null;
  const d = s.slice(0, 10);
  const y = Number(d.slice(0, 4));
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && y >= 1900 && y <= 2100 ? d : null;
};

export function codeLabel(type: CodeType, code: unknown): { code: string; label: string | null } | null {
  const c = str(code);
  if (!c) return null;
  return { code: c.trim().toUpperCase(), label: labelFor(type, c) };
}

/** California elections fall in even years: the election a row counts toward. */
export function electionYear(electDate: string | null, date: string | null, periodEnd: string | null): number | null {
  if (electDate) return Number(electDate.slice(0, 4));
  const d = date ?? periodEnd;
  if (!d) return null;
  const y = Number(d.slice(0, 4));
  return y % 2 === 0 ? y : y + 1;
}

export function docId(code: string, r: Row): string {
  return `${code}:${String(r['filing_id'])}:${String(r['amend_id'])}:${String(r['line_item'])}:${String(r['rec_type'])}:${String(r['form_type'])}`;
}

function filerRef(r: Row): Record<string, unknown> {
  const filerType = str(r['filer_type']);
  const name = str(r['filer_name']);
  return { filer_id: str(r['filer_id']), name, name_normalized: normalizeName(name), type: filerType, type_label: labelFor('filer_type', filerType) };
}

function filingRef(r: Row): Record<string, unknown> {
  const form = str(r['filing_form']);
  return {
    filing_id: r['filing_id'],
    amend_id: r['amend_id'],
    current_amend_id: r['current_amend_id'],
    form,
    form_label: labelFor('form_type', form),
    period_start: day(r['from_date']),
    period_end: day(r['thru_date']),
    date_filed: day(r['rpt_date']),
  };
}

function party(r: Row): Record<string, unknown> {
  const name = displayName(str(r['p_last']), str(r['p_first']), str(r['p_title']), str(r['p_suffix']));
  return {
    name,
    name_normalized: normalizeName(name),
    last_name: str(r['p_last']),
    first_name: str(r['p_first']),
    entity: codeLabel('entity_cd', r['entity_cd']),
    employer: str(r['p_employer']),
    occupation: str(r['p_occupation']),
    city: str(r['p_city']),
    // Added with the facets on normalised values: the same function the indexer uses
    // (its own rules are tested in test/unit/facet-values.test.ts).
    employer_facet: facetValue(str(r['p_employer'])),
    occupation_facet: facetValue(str(r['p_occupation'])),
    city_facet: facetValue(str(r['p_city'])),
    state: str(r['p_state'])?.toUpperCase() ?? null,
    zip: str(r['p_zip']),
    zip5: zip5(str(r['p_zip'])),
    committee_id: str(r['p_committee']),
  };
}

function versionFields(code: string, table: string, r: Row): Record<string, unknown> {
  return {
    id: docId(code, r),
    current: r['amend_id'] === r['current_amend_id'],
    filing_id: r['filing_id'],
    amend_id: r['amend_id'],
    line_item: r['line_item'],
    rec_type: r['rec_type'],
    form_type: r['form_type'],
    tran_id: str(r['tran_id']),
    source_table: table,
  };
}

/** A declared field's value by the object rules. */
function declaredValue(as: WriteAs, v: unknown): unknown {
  if (as === 'text') return str(v);
  if (as === 'number') return num(v);
  if (as === 'day') return day(v);
  return codeLabel(as.code, v);
}

/** The fields of a kind written from their declaration (queries/fields/: `write`). */
function declared(kind: KindFields, r: Row): Record<string, unknown> {
  return Object.fromEntries(writtenFields(kind).map((w) => [w.path, declaredValue(w.as, r[w.alias])]));
}

const REPORT_KINDS: Record<string, string> = {
  ITEMIZED: 'Itemized on the report',
  LATE_CONTRIBUTION: 'Late contribution report (Form 497): usually itemized again on the next Form 460',
  LATE_INDEPENDENT_EXPENDITURE: 'Late independent expenditure report (Form 496): usually reported again later',
};

function reportKind(code: string): { code: string; label: string } {
  const c = code.toUpperCase();
  return { code: c, label: REPORT_KINDS[c] ?? code };
}

/** Added with the sums of amounts: whole cents of the exact decimal text, half a cent away
 *  from zero; null for what is not a plain decimal or past 2^53 cents. */
export function amountCents(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const negative = t.startsWith('-');
  const [whole = '', frac = ''] = t.replace(/^[-+]/, '').split('.');
  const digits = `${whole}${frac.padEnd(3, '0').slice(0, 3)}`.replace(/^0+(?=\d)/, '');
  // Thousandths, rounded to hundredths by their last digit.
  let cents = BigInt(digits) / 10n + (BigInt(digits) % 10n >= 5n ? 1n : 0n);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  if (negative) cents = -cents;
  return Number(cents) === 0 ? 0 : Number(cents);
}

export function contributionDoc(code: string, table: string, r: Row): Record<string, unknown> {
  const date = day(r['tx_date']);
  return {
    ...versionFields(code, table, r),
    report_kind: reportKind(str(r['report_kind']) ?? 'itemized'),
    schedule: codeLabel('schedule', r['form_type']),
    contributor: party(r),
    recipient: filerRef(r),
    filing: filingRef(r),
    amount: num(r['amount']),
    amount_cents: amountCents(r['amount']),
    date,
    election_year: electionYear(day(r['elect_date']), date, day(r['thru_date'])),
    memo: str(r['memo_code'])?.toUpperCase() === 'X',
    transaction_type: codeLabel('tran_type', r['tran_type']),
    description: str(r['description']),
    memo_ref: str(r['memo_refno']),
    ...declared(FIELDS.contributions, r),
  };
}

export function expenditureDoc(code: string, table: string, r: Row): Record<string, unknown> {
  const date = day(r['tx_date']);
  const target = displayName(str(r['cand_naml']), str(r['cand_namf'])) ?? str(r['bal_name']);
  return {
    ...versionFields(code, table, r),
    report_kind: reportKind(str(r['report_kind']) ?? 'itemized'),
    schedule: codeLabel('schedule', r['form_type']),
    payee: party(r),
    spender: filerRef(r),
    filing: filingRef(r),
    amount: num(r['amount']),
    amount_cents: amountCents(r['amount']),
    date,
    election_year: electionYear(day(r['elect_date']), date, day(r['thru_date'])),
    memo: str(r['memo_code'])?.toUpperCase() === 'X',
    expense: codeLabel('expn_code', r['expn_code']),
    description: str(r['description']),
    target: { name: target, office: codeLabel('office_cd', r['office_cd']), support_oppose: codeLabel('sup_opp_cd', r['sup_opp_cd']) },
    memo_ref: str(r['memo_refno']),
    ...declared(FIELDS.expenditures, r),
  };
}

const ACTIVITIES: Record<string, string> = {
  PAYMENT: 'Payment between a lobbying firm and its client',
  ACTIVITY_EXPENSE: 'Activity expense (gift, meal or other benefit)',
  CAMPAIGN_CONTRIBUTION: 'Campaign contribution by a lobbying filer',
  OTHER_PAYMENT: 'Payment to another lobbying firm',
};

export function lobbyingDoc(code: string, table: string, r: Row): Record<string, unknown> {
  const activity = (str(r['activity']) ?? 'payment').toUpperCase();
  return {
    ...versionFields(code, table, r),
    activity: { code: activity, label: ACTIVITIES[activity] ?? activity },
    schedule: codeLabel('schedule', r['form_type']),
    filer: filerRef(r),
    party: party(r),
    beneficiary: { name: str(r['bene_name']), position: str(r['bene_posit']) },
    filing: filingRef(r),
    amount: num(r['amount']),
    amount_cents: amountCents(r['amount']),
    date: day(r['tx_date']) ?? day(r['thru_date']),
    memo: ['X', 'Y'].includes(str(r['memo_code'])?.toUpperCase() ?? ''),
    description: str(r['description']),
    memo_ref: str(r['memo_refno']),
    ...declared(FIELDS.lobbying, r),
  };
}
