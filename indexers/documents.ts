// Rows from the filing database -> search documents, as the JSON text a bulk body carries.
// Documents are denormalised for display (the API needs no database round trip to show a
// result row) and carry labels next to every code.
//
// Transaction documents (contributions, expenditures, lobbying) are nearly all of the
// documents, and building them as objects to serialise again cost a rebuild most of its
// time (GC, the builders, JSON.stringify). So PostgreSQL writes most of each one with
// row_to_json (copies, empty strings as null, dates a date field takes, amounts as
// numbers), and Node adds as text only the fields whose rules live in TypeScript: name
// forms (src/search/names.ts) and code labels (src/db/labels.ts), each cached by the raw
// values it is made of. Filers and filings are few: they stay objects, serialised once.
// test/integration/documents.test.ts holds both to the object builder they replaced.
import { labelFor, type CodeType } from '../src/db/labels.js';
import type { Row, SourceRow } from '../src/repositories/index-source-repository.js';
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

/** SQL over the source row `s` (the aliases of SourceQuery.select) that does what str() does. */
const sqlStr = (col: string): string => `nullif(s.${col}, '')`;
/** ... what day() does: date columns, shown as 'YYYY-MM-DD' by row_to_json. */
const sqlDay = (col: string): string => `CASE WHEN s.${col} BETWEEN DATE '1900-01-01' AND DATE '2100-12-31' THEN s.${col} END`;
/** ... what num() does. float8 is written as the shortest text that reads back the same
 *  double (PostgreSQL's default extra_float_digits), the value Number() gives; amounts a
 *  double cannot hold are left off, as Number() would make them Infinity. */
const sqlNum = (col: string): string =>
  `CASE WHEN s.${col} = 'NaN' OR abs(s.${col}) > 1.7976931348623157e308 THEN NULL ELSE s.${col}::float8 END`;
/** California elections fall in even years: the election a row counts toward. */
const sqlElectionYear = (electDate: string, date: string, periodEnd: string): string => {
  const year = `extract(year FROM coalesce(${date}, ${periodEnd}))::int`;
  return `CASE WHEN ${electDate} IS NOT NULL THEN extract(year FROM ${electDate})::int ELSE ${year} + ${year} % 2 END`;
};
/** A JSON object text of named SQL expressions, compact (json_build_object adds spaces). */
const sqlObject = (fields: Readonly<Record<string, string>>): string =>
  `(SELECT row_to_json(o) FROM (SELECT ${Object.entries(fields)
    .map(([k, e]) => `${e} AS "${k}"`)
    .join(', ')}) o)::text`;

/** A JSON value as text. */
const json = (v: unknown): string => JSON.stringify(v) ?? 'null';

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

const codeLabels = new Map<CodeType, (key: string) => string>();
/** `{"code":..,"label":..}` or null, as codeLabel() gives it. */
function codeLabelJson(type: CodeType, raw: unknown): string {
  if (typeof raw !== 'string') return 'null';
  let f = codeLabels.get(type);
  if (!f) codeLabels.set(type, (f = fragments((c) => json(codeLabel(type, c)))));
  return f(raw);
}

const partyNames = fragments((key) => {
  const [last, first, suffix] = key.split('\u0000') as [string, string, string];
  const name = displayName(str(last), str(first), null, str(suffix));
  return `"name":${json(name)},"name_normalized":${json(normalizeName(name))}`;
});
const states = fragments((s) => json(str(s)?.toUpperCase() ?? null));
const filerLabels = fragments((key) => {
  const [name, type] = key.split('\u0000') as [string, string];
  return `"name_normalized":${json(normalizeName(str(name)))},"type_label":${json(labelFor('filer_type', str(type)))}`;
});
const formLabels = fragments((form) => json(labelFor('form_type', str(form))));

const rawText = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The columns every transaction source's query returns, after the five key columns
 * (filing_id, amend_id, line_item, rec_type, form_type) that the repository puts first:
 * the raw values Node makes fields of, then the parts PostgreSQL writes.
 */
const C = {
  /** the last of the key columns */
  formType: 4,
  id: 5,
  pLast: 6,
  pFirst: 7,
  pSuffix: 8,
  entity: 9,
  pState: 10,
  pZip: 11,
  filerName: 12,
  filerType: 13,
  filingForm: 14,
  doc: 15,
  party: 16,
  filer: 17,
  filing: 18,
  /** where a kind's own columns start */
  extra: 19,
} as const;

const idSql = (code: string): string => `'${code}:' || s.filing_id || ':' || s.amend_id || ':' || s.line_item || ':' || s.rec_type || ':' || s.form_type`;

const VERSION_SQL = {
  current: 'coalesce(s.amend_id = s.current_amend_id, false)',
  filing_id: 's.filing_id',
  amend_id: 's.amend_id',
  line_item: 's.line_item',
  rec_type: 's.rec_type',
  form_type: 's.form_type',
  tran_id: sqlStr('tran_id'),
};

const PARTY_SQL = {
  last_name: sqlStr('p_last'),
  first_name: sqlStr('p_first'),
  employer: sqlStr('p_employer'),
  occupation: sqlStr('p_occupation'),
  city: sqlStr('p_city'),
  zip: sqlStr('p_zip'),
  committee_id: sqlStr('p_committee'),
};
const FILER_SQL = { filer_id: sqlStr('filer_id'), name: sqlStr('filer_name'), type: sqlStr('filer_type') };
const FILING_SQL = {
  filing_id: 's.filing_id',
  amend_id: 's.amend_id',
  current_amend_id: 's.current_amend_id',
  form: sqlStr('filing_form'),
  period_start: sqlDay('from_date'),
  period_end: sqlDay('thru_date'),
  date_filed: sqlDay('rpt_date'),
};

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
  columns(o: TransactionOrigin): string;
  /** An array-mode row of `columns` -> the document's id and JSON text. */
  build(o: TransactionOrigin, row: SourceRow): { id: string; source: string };
}

interface Shape {
  /** Names of the party and filer objects in the document. */
  party: string;
  filer: string;
  /** The document's own top-level fields PostgreSQL writes. */
  sql: Record<string, string>;
  /** Raw columns the Node fields of `node` read, from C.extra on. */
  extra: readonly string[];
  /** Fields fixed by the source, as an object (serialised once per source). */
  fixed(o: TransactionOrigin): Record<string, unknown>;
  /** Top-level fields made in Node, as `,"name":value` text. */
  node(row: SourceRow): string;
}

function transactionDocument(shape: Shape): TransactionDocument {
  const fixed = new Map<string, string>();
  const fixedJson = (o: TransactionOrigin): string => {
    let f = fixed.get(o.code);
    if (f === undefined) fixed.set(o.code, (f = `,"source_table":${json(o.table)},${json(shape.fixed(o)).slice(1, -1)}`));
    return f;
  };
  const partyKey = `,${json(shape.party)}:{`;
  const filerKey = `,${json(shape.filer)}:{`;
  return {
    columns: (o) =>
      [
        `${idSql(o.code)} AS id`,
        's.p_last',
        's.p_first',
        's.p_suffix',
        's.entity_cd',
        's.p_state',
        's.p_zip',
        's.filer_name',
        's.filer_type',
        's.filing_form',
        sqlObject({ ...VERSION_SQL, ...shape.sql }),
        sqlObject(PARTY_SQL),
        sqlObject(FILER_SQL),
        sqlObject(FILING_SQL),
        ...shape.extra.map((c) => `s.${c}`),
      ].join(',\n  '),
    build(o, r) {
      const id = r[C.id] as string;
      const zip = zip5(str(r[C.pZip]));
      const source =
        `{"id":${json(id)},${(r[C.doc] as string).slice(1, -1)}` +
        fixedJson(o) +
        `,"schedule":${codeLabelJson('schedule', r[C.formType])}` +
        shape.node(r) +
        partyKey +
        partyNames(`${rawText(r[C.pLast])}\u0000${rawText(r[C.pFirst])}\u0000${rawText(r[C.pSuffix])}`) +
        `,"entity":${codeLabelJson('entity_cd', r[C.entity])},"state":${states(rawText(r[C.pState]))},"zip5":${zip === null ? 'null' : `"${zip}"`},` +
        (r[C.party] as string).slice(1) +
        filerKey +
        filerLabels(`${rawText(r[C.filerName])}\u0000${rawText(r[C.filerType])}`) +
        ',' +
        (r[C.filer] as string).slice(1) +
        `,"filing":{"form_label":${formLabels(rawText(r[C.filingForm]))},` +
        (r[C.filing] as string).slice(1) +
        '}';
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

const CAMPAIGN_SQL = {
  amount: sqlNum('amount'),
  date: sqlDay('tx_date'),
  election_year: sqlElectionYear(sqlDay('elect_date'), sqlDay('tx_date'), sqlDay('thru_date')),
  memo: `coalesce(s.memo_code IN ('X', 'x'), false)`,
  description: sqlStr('description'),
  memo_ref: sqlStr('memo_refno'),
};

export const contributionDocument = transactionDocument({
  party: 'contributor',
  filer: 'recipient',
  sql: CAMPAIGN_SQL,
  extra: ['tran_type'],
  fixed: (o) => ({ report_kind: reportKind(o.label) }),
  node: (r) => `,"transaction_type":${codeLabelJson('tran_type', r[C.extra])}`,
});

const targetNames = fragments((key) => {
  const [last, first, ballot] = key.split('\u0000') as [string, string, string];
  return json(displayName(str(last), str(first)) ?? str(ballot));
});

export const expenditureDocument = transactionDocument({
  party: 'payee',
  filer: 'spender',
  sql: CAMPAIGN_SQL,
  extra: ['expn_code', 'cand_naml', 'cand_namf', 'bal_name', 'office_cd', 'sup_opp_cd'],
  fixed: (o) => ({ report_kind: reportKind(o.label) }),
  node: (r) => {
    const x = C.extra;
    return (
      `,"expense":${codeLabelJson('expn_code', r[x])}` +
      `,"target":{"name":${targetNames(`${rawText(r[x + 1])}\u0000${rawText(r[x + 2])}\u0000${rawText(r[x + 3])}`)}` +
      `,"office":${codeLabelJson('office_cd', r[x + 4])},"support_oppose":${codeLabelJson('sup_opp_cd', r[x + 5])}}`
    );
  },
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
  sql: {
    amount: sqlNum('amount'),
    date: `coalesce(${sqlDay('tx_date')}, ${sqlDay('thru_date')})`,
    memo: `coalesce(s.memo_code IN ('X', 'x', 'Y', 'y'), false)`,
    description: sqlStr('description'),
    memo_ref: sqlStr('memo_refno'),
    beneficiary: `(SELECT row_to_json(b) FROM (SELECT ${sqlStr('bene_name')} AS name, ${sqlStr('bene_posit')} AS position) b)`,
  },
  extra: [],
  fixed: (o) => {
    const activity = o.label.toUpperCase();
    return { activity: { code: activity, label: ACTIVITIES[activity] ?? activity } };
  },
  node: () => '',
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
