// Rows from the filing database -> search documents, as the JSON text a bulk body carries.
// Documents are denormalised for display (the API needs no database round trip to show a
// result row) and carry labels next to every code.
//
// Transaction documents (contributions, expenditures, lobbying) are nearly all of the
// documents, and building them as objects to serialise again cost a rebuild most of its
// time (GC, the builders, JSON.stringify). So Node writes each one as text: the source
// query returns raw columns only, and a document is one join of JSON pieces (strings
// escaped, empty strings as null, dates a date field takes, amounts as numbers), with name
// forms (src/search/names.ts) and code labels (src/db/labels.ts) cached by the raw values
// they are made of. PostgreSQL used to write most of each document with row_to_json, but
// during a rebuild its CPU is taken from Elasticsearch's (two cores), and its JSON cost more
// than Node's text: over 1,000,000 contributions, a COPY of the source query took ~10 s with
// the JSON and ~4 s with raw columns (~6 µs a document), while Node's read and build of a
// document took ~1.5 µs more. Filers and filings are few: they stay objects, serialised
// once. test/integration/documents.test.ts holds both to the object builder they replaced.
import { writtenFields, type WriteAs, type WrittenField } from '../queries/fields/field.js';
import { FIELDS } from '../queries/fields/index.js';
import { labelFor, type CodeType } from '../src/db/labels.js';
import type { Row, SourceRow } from '../src/repositories/index-source-repository.js';
import { facetValue } from '../src/search/facet-values.js';
import { displayName, normalizeName, zip5 } from '../src/search/names.js';

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

function filerRef(r: Row): Record<string, unknown> {
  const filerType = str(r['filer_type']);
  const name = str(r['filer_name']);
  return { filer_id: str(r['filer_id']), name, name_normalized: normalizeName(name), type: filerType, type_label: labelFor('filer_type', filerType) };
}

// ------------------------------------------------------------------ transaction documents

/** Characters a JSON string cannot hold as they are (and lone surrogates, which
 *  JSON.stringify escapes). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** A string as JSON text: nearly every value needs no escape, and one regex test costs less
 *  than JSON.stringify's call. */
const quote = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);
/** str() as JSON text. */
const strJson = (v: unknown): string => (typeof v === 'string' && v.length > 0 ? quote(v) : 'null');
/** What day() accepts of a date as pg gives it ('YYYY-MM-DD', src/db/database.ts; years
 *  outside 1000-9999 and BC dates are longer): text of fixed width orders as the date does. */
const isDay = (v: unknown): v is string => typeof v === 'string' && v.length === 10 && v >= '1900-01-01' && v <= '2100-12-31';
/** day() as JSON text. */
const dayJson = (v: unknown): string => (isDay(v) ? `"${v}"` : 'null');
/** num() as JSON text: numerics come as exact decimal text, written as the double Number()
 *  reads (the shortest text that reads back the same, as JSON.stringify writes it); NaN and
 *  amounts a double cannot hold are left off. */
const numJson = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return 'null';
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? String(n) : 'null';
};
/** An amount as whole cents, from the exact decimal text PostgreSQL gives (no floating
 *  point: "0.1" is 10, "19.995" is 2000, half a cent away from zero), as JSON text; null
 *  when it is not a plain decimal (NaN, infinities) or its cents are past what a double
 *  holds exactly (2^53, $90 trillion), so a sum of them stays exact. */
export const amountCentsJson = (v: unknown): string => {
  if (typeof v === 'number') v = Number.isFinite(v) ? v.toFixed(3) : null;
  if (typeof v !== 'string') return 'null';
  const m = /^\s*([-+]?)(\d*)(?:\.(\d*))?\s*$/.exec(v);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return 'null';
  const frac = m[3] ?? '';
  let cents = BigInt(m[2] || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  if (frac.length > 2 && frac[2]! >= '5') cents += 1n;
  if (cents > 9_007_199_254_740_991n) return 'null';
  return m[1] === '-' && cents !== 0n ? `-${cents}` : String(cents);
};
/** California elections fall in even years: the election a row counts toward. */
const electionYearJson = (electDate: unknown, date: unknown, periodEnd: unknown): string => {
  // A year of 1900-2100 written as it is a JSON number.
  if (isDay(electDate)) return electDate.slice(0, 4);
  const d = isDay(date) ? date : isDay(periodEnd) ? periodEnd : null;
  if (d === null) return 'null';
  const y = Number(d.slice(0, 4));
  return String(y + (y % 2));
};
/** zip5() of str() as JSON text. */
const zip5Json = (v: unknown): string => {
  const z = zip5(typeof v === 'string' ? v : null);
  return z === null ? 'null' : `"${z}"`;
};

/** A JSON value as text. */
const json = (v: unknown): string => JSON.stringify(v) ?? 'null';
/** A raw value as a cache key (null and '' make the same fragments). */
const rawText = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A cache of JSON fragments by the raw values they are made of; emptied when it grows past
 *  `max`, so dirty data with endless distinct values cannot grow it without bound. */
function fragments(make: (key: string) => string, max = 50_000): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let f = cache.get(key);
    if (f === undefined) {
      f = make(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, f);
    }
    return f;
  };
}

/** `{"code":..,"label":..}` or null of a code type, as codeLabel() gives it. */
function codeLabelsJson(type: CodeType): (raw: unknown) => string {
  const f = fragments((c) => json(codeLabel(type, c)));
  return (raw) => (typeof raw === 'string' ? f(raw) : 'null');
}
const scheduleJson = codeLabelsJson('schedule');
const entityJson = codeLabelsJson('entity_cd');

const partyNames = fragments((key) => {
  const [last, first, suffix] = key.split('\u0000') as [string, string, string];
  const name = displayName(str(last), str(first), null, str(suffix));
  return `"name":${json(name)},"name_normalized":${json(normalizeName(name))}`;
});
const states = fragments((s) => json(str(s)?.toUpperCase() ?? null));
/** facetValue() of a raw text as JSON text. */
const facetValues = fragments((s) => json(facetValue(s)));
/** The whole filer object, cached by filer id (cheaper than a key joined of three values);
 *  its name and type are compared on every use, so a renamed filer never shows its old name. */
const filerObjects = new Map<string, { name: unknown; type: unknown; json: string }>();
function filerJson(id: unknown, name: unknown, type: unknown): string {
  const key = rawText(id);
  const f = filerObjects.get(key);
  if (f !== undefined && f.name === name && f.type === type) return f.json;
  const r = filerRef({ filer_id: id, filer_name: name, filer_type: type });
  // In the order the documents have always had.
  const text = json({ name_normalized: r['name_normalized'], type_label: r['type_label'], filer_id: r['filer_id'], name: r['name'], type: r['type'] });
  if (filerObjects.size >= 50_000) filerObjects.clear();
  filerObjects.set(key, { name, type, json: text });
  return text;
}
const formLabels = fragments((form) => json(labelFor('form_type', str(form))));

/**
 * The columns every transaction source's query returns after the five key columns
 * (filing_id, amend_id, line_item, rec_type, form_type) that the repository puts first:
 * raw values of the source row `s` (the aliases of SourceQuery.select), nothing computed.
 */
const COLUMNS = [
  'current_amend_id',
  'tran_id',
  'filer_id',
  'filer_name',
  'filer_type',
  'filing_form',
  'from_date',
  'thru_date',
  'rpt_date',
  'elect_date',
  'entity_cd',
  'p_last',
  'p_first',
  'p_suffix',
  'p_employer',
  'p_occupation',
  'p_city',
  'p_state',
  'p_zip',
  'p_committee',
  'amount',
  'tx_date',
  'memo_code',
  'memo_refno',
  'description',
] as const;
const at = (column: (typeof COLUMNS)[number]): number => 5 + COLUMNS.indexOf(column);

/** Where each value is in a source row. */
const C = {
  filingId: 0,
  amendId: 1,
  lineItem: 2,
  recType: 3,
  formType: 4,
  currentAmendId: at('current_amend_id'),
  tranId: at('tran_id'),
  filerId: at('filer_id'),
  filerName: at('filer_name'),
  filerType: at('filer_type'),
  filingForm: at('filing_form'),
  fromDate: at('from_date'),
  thruDate: at('thru_date'),
  rptDate: at('rpt_date'),
  electDate: at('elect_date'),
  entity: at('entity_cd'),
  pLast: at('p_last'),
  pFirst: at('p_first'),
  pSuffix: at('p_suffix'),
  pEmployer: at('p_employer'),
  pOccupation: at('p_occupation'),
  pCity: at('p_city'),
  pState: at('p_state'),
  pZip: at('p_zip'),
  pCommittee: at('p_committee'),
  amount: at('amount'),
  txDate: at('tx_date'),
  memoCode: at('memo_code'),
  memoRef: at('memo_refno'),
  description: at('description'),
  /** where a kind's own columns start */
  extra: 5 + COLUMNS.length,
} as const;

/** What a source is to its documents: its id code and table, and the kind of row it holds. */
export interface TransactionOrigin {
  code: string;
  table: string;
  /** The report kind (contributions, expenditures) or activity (lobbying) of every row. */
  label: string;
}

/** How one kind of transaction document is made. */
export interface TransactionDocument {
  /** The select list over the source row `s`, after the key columns. */
  columns: string;
  /** An array-mode row of `columns` -> the document's id and JSON text. */
  build(o: TransactionOrigin, row: SourceRow): { id: string; source: string };
}

interface Shape {
  /** Names of the party and filer objects in the document. */
  party: string;
  filer: string;
  /** Raw columns of the kind's own, from C.extra on. */
  extra: readonly string[];
  /** The kind's fields after the version fields (amount, dates, memo...), as `,"name":value` text. */
  fields(row: SourceRow): string;
  /** Fields fixed by the source, as an object (serialised once per source). */
  fixed(o: TransactionOrigin): Record<string, unknown>;
  /** The kind's fields after the schedule, as `,"name":value` text. */
  node(row: SourceRow): string;
  /** Fields written from their registry declaration alone (queries/fields/: `write`), after
   *  the kind's own; their raw columns come after `extra`. */
  written: readonly WrittenField[];
}

/** A declared field's raw value as JSON text. */
function writerOf(as: WriteAs): (raw: unknown) => string {
  if (as === 'text') return strJson;
  if (as === 'number') return numJson;
  if (as === 'day') return dayJson;
  return codeLabelsJson(as.code);
}

/** The `,"path":value` text of the declared fields, reading their columns from `first` on. */
function writtenJson(written: readonly WrittenField[], first: number): (row: SourceRow) => string {
  if (written.length === 0) return () => '';
  const parts = written.map((w, i) => ({ key: `,${json(w.path)}:`, at: first + i, write: writerOf(w.as) }));
  return (r) => parts.map((p) => p.key + p.write(r[p.at])).join('');
}

function transactionDocument(shape: Shape): TransactionDocument {
  const fixed = new Map<string, string>();
  const fixedJson = (o: TransactionOrigin): string => {
    let f = fixed.get(o.code);
    if (f === undefined) fixed.set(o.code, (f = `,"source_table":${json(o.table)},${json(shape.fixed(o)).slice(1, -1)}`));
    return f;
  };
  const declared = writtenJson(shape.written, C.extra + shape.extra.length);
  const partyKey = `,${json(shape.party)}:{`;
  const filerKey = `},${json(shape.filer)}:`;
  return {
    columns: [...COLUMNS, ...shape.extra, ...shape.written.map((w) => w.alias)].map((c) => `s.${c}`).join(', '),
    build(o, r) {
      const filingId = r[C.filingId] as number;
      const amendId = r[C.amendId] as number;
      const lineItem = r[C.lineItem] as number;
      const currentAmendId = r[C.currentAmendId] as number | null;
      const id = `${o.code}:${filingId}:${amendId}:${lineItem}:${r[C.recType] as string}:${r[C.formType] as string}`;
      // One flat string, joined once. A page of documents waits for its bulk body, and a
      // string concatenated of a hundred pieces is a tree of that many objects that every
      // scavenge copies until the body flattens it: joined, a rebuild's read side took
      // ~10 µs of Node's CPU a document instead of ~15.
      const source = [
        '{"id":', quote(id), amendId === currentAmendId ? ',"current":true' : ',"current":false',
        ',"filing_id":', String(filingId), ',"amend_id":', String(amendId), ',"line_item":', String(lineItem),
        ',"rec_type":', quote(r[C.recType] as string), ',"form_type":', quote(r[C.formType] as string), ',"tran_id":', strJson(r[C.tranId]),
        shape.fields(r), fixedJson(o), ',"schedule":', scheduleJson(r[C.formType]), shape.node(r), declared(r),
        partyKey, partyNames(`${rawText(r[C.pLast])}\u0000${rawText(r[C.pFirst])}\u0000${rawText(r[C.pSuffix])}`),
        ',"entity":', entityJson(r[C.entity]), ',"state":', states(rawText(r[C.pState])), ',"zip5":', zip5Json(r[C.pZip]),
        ',"last_name":', strJson(r[C.pLast]), ',"first_name":', strJson(r[C.pFirst]), ',"employer":', strJson(r[C.pEmployer]),
        ',"occupation":', strJson(r[C.pOccupation]), ',"city":', strJson(r[C.pCity]),
        ',"employer_facet":', facetValues(rawText(r[C.pEmployer])), ',"occupation_facet":', facetValues(rawText(r[C.pOccupation])), ',"city_facet":', facetValues(rawText(r[C.pCity])), ',"zip":', strJson(r[C.pZip]), ',"committee_id":', strJson(r[C.pCommittee]),
        filerKey, filerJson(r[C.filerId], r[C.filerName], r[C.filerType]),
        ',"filing":{"form_label":', formLabels(rawText(r[C.filingForm])), ',"filing_id":', String(filingId), ',"amend_id":', String(amendId),
        ',"current_amend_id":', currentAmendId === null ? 'null' : String(currentAmendId), ',"form":', strJson(r[C.filingForm]),
        ',"period_start":', dayJson(r[C.fromDate]), ',"period_end":', dayJson(r[C.thruDate]), ',"date_filed":', dayJson(r[C.rptDate]), '}}',
      ].join('');
      return { id, source };
    },
  };
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

/** Amount, date, election year, memo flag, description and memo reference of campaign rows. */
const campaignFields = (r: SourceRow): string => {
  const memo = r[C.memoCode];
  return (
    `,"amount":${numJson(r[C.amount])},"amount_cents":${amountCentsJson(r[C.amount])},"date":${dayJson(r[C.txDate])},"election_year":${electionYearJson(r[C.electDate], r[C.txDate], r[C.thruDate])}` +
    `,"memo":${memo === 'X' || memo === 'x'},"description":${strJson(r[C.description])},"memo_ref":${strJson(r[C.memoRef])}`
  );
};

const tranTypeJson = codeLabelsJson('tran_type');

export const contributionDocument = transactionDocument({
  party: 'contributor',
  filer: 'recipient',
  extra: ['tran_type'],
  fields: campaignFields,
  fixed: (o) => ({ report_kind: reportKind(o.label) }),
  node: (r) => `,"transaction_type":${tranTypeJson(r[C.extra])}`,
  written: writtenFields(FIELDS.contributions),
});

const targetNames = fragments((key) => {
  const [last, first, ballot] = key.split('\u0000') as [string, string, string];
  return json(displayName(str(last), str(first)) ?? str(ballot));
});

const expenseJson = codeLabelsJson('expn_code');
const officeJson = codeLabelsJson('office_cd');
const supportOpposeJson = codeLabelsJson('sup_opp_cd');

export const expenditureDocument = transactionDocument({
  party: 'payee',
  filer: 'spender',
  extra: ['expn_code', 'cand_naml', 'cand_namf', 'bal_name', 'office_cd', 'sup_opp_cd'],
  fields: campaignFields,
  fixed: (o) => ({ report_kind: reportKind(o.label) }),
  node: (r) => {
    const x = C.extra;
    return (
      `,"expense":${expenseJson(r[x])}` +
      `,"target":{"name":${targetNames(`${rawText(r[x + 1])}\u0000${rawText(r[x + 2])}\u0000${rawText(r[x + 3])}`)}` +
      `,"office":${officeJson(r[x + 4])},"support_oppose":${supportOpposeJson(r[x + 5])}}`
    );
  },
  written: writtenFields(FIELDS.expenditures),
});

const ACTIVITIES: Record<string, string> = {
  PAYMENT: 'Payment between a lobbying firm and its client',
  ACTIVITY_EXPENSE: 'Activity expense (gift, meal or other benefit)',
  CAMPAIGN_CONTRIBUTION: 'Campaign contribution by a lobbying filer',
  OTHER_PAYMENT: 'Payment to another lobbying firm',
};

export const lobbyingDocument = transactionDocument({
  party: 'party',
  filer: 'filer',
  extra: ['bene_name', 'bene_posit'],
  fields: (r) => {
    const memo = r[C.memoCode];
    const x = C.extra;
    return (
      `,"amount":${numJson(r[C.amount])},"amount_cents":${amountCentsJson(r[C.amount])},"date":${isDay(r[C.txDate]) ? dayJson(r[C.txDate]) : dayJson(r[C.thruDate])}` +
      `,"memo":${memo === 'X' || memo === 'x' || memo === 'Y' || memo === 'y'},"description":${strJson(r[C.description])},"memo_ref":${strJson(r[C.memoRef])}` +
      `,"beneficiary":{"name":${strJson(r[x])},"position":${strJson(r[x + 1])}}`
    );
  },
  fixed: (o) => {
    const activity = o.label.toUpperCase();
    return { activity: { code: activity, label: ACTIVITIES[activity] ?? activity } };
  },
  node: () => '',
  written: writtenFields(FIELDS.lobbying),
});

// ------------------------------------------------------------------ filers and filings

export function filerDoc(r: Row): Record<string, unknown> {
  const name = str(r['name']);
  const names = Array.isArray(r['names']) ? (r['names'] as unknown[]).map(str).filter((n): n is string => n !== null) : [];
  const all = [...new Set([name, ...names].filter((n): n is string => n !== null))];
  const filerType = str(r['filer_type']);
  const status = str(r['status']);
  // Suggestions by the name as written, and by its matching form ("DOE, JANE" -> "jane doe").
  const inputs = [...new Set(all.flatMap((n) => [n, normalizeName(n)]).filter((n) => n.length > 0))].slice(0, 20);
  return {
    id: str(r['filer_id']),
    filer_id: str(r['filer_id']),
    xref_filer_id: str(r['xref_filer_id']),
    name,
    name_normalized: normalizeName(name),
    names: all,
    name_source: str(r['name_source']),
    type: filerType ? { code: filerType, label: labelFor('filer_type', filerType) ?? filerType } : null,
    status: status ? { code: status, label: labelFor('filer_status', status) ?? status } : null,
    city: str(r['city']),
    state: str(r['st'])?.toUpperCase() ?? null,
    zip5: zip5(str(r['zip4'])),
    effective_date: day(r['effect_dt']),
    filing_count: num(r['filing_count']) ?? 0,
    ...(inputs.length > 0 ? { suggest: { input: inputs } } : {}),
  };
}

export function filingDoc(r: Row): Record<string, unknown> {
  const form = str(r['form_type']);
  return {
    id: `${String(r['filing_id'])}:${String(r['amend_id'])}`,
    filing_id: r['filing_id'],
    amend_id: r['amend_id'],
    current: r['amend_id'] === r['current_amend_id'],
    current_amend_id: r['current_amend_id'],
    version_count: r['version_count'],
    has_cover: r['has_cover'],
    form: form ? { code: form, label: labelFor('form_type', form) } : null,
    filer: filerRef(r),
    period_start: day(r['period_start']),
    period_end: day(r['period_end']),
    date_filed: day(r['date_filed']),
    election_date: day(r['elect_date']),
    statement_type: codeLabel('stmt_type', r['stmt_type']),
    cover_table: str(r['cover_table']),
  };
}
