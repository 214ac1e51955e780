// Synthetic CAL-ACCESS bulk export for benchmarks and tests (`disclosure generate calaccess`).
//
// It writes every file of the sample folder, byte for byte in the source layout
// (docs/calaccess-raw-format.md §1: TAB, CRLF after every line, no quoting, the sample's
// own header line). The key tables are generated so that they join, which the sample does
// not (§4 "How well the sample joins"): filer -> FILERNAME rows -> filings -> one cover and
// one FILER_FILINGS row per version -> schedule rows -> SMRY totals. Every other table is
// a small lookup or a table we do not model, and is copied from the sample unchanged.
//
// Values are drawn from pools read once from the sample (names, employers, places, codes,
// descriptions), so the text has the real shapes; amounts, dates, ids and counts are
// synthetic. Everything comes from one seeded PRNG (mulberry32): the same seed and row
// count give byte-identical output. Dirt (§2) uses a second PRNG stream, so the dirty
// rate changes the dirt, not the clean content.
//
// SMRY_CD totals that equal the itemized rows of the same version (non-memo rows only,
// counting the rows as the filer reported them, even the ones a loader must reject):
//   A 1 = sum RCPT A,  A 3 = A1 + A2 (A2 = unitemized, random)
//   C 1 = sum RCPT C,  C 3 = C1 + C2          I 1 = sum RCPT I,  I 4 = I1 + I2 + I3
//   E 1 = sum EXPN E (G rows are sub-items of E, not added), E 4 = E1 + E2 + E3
//   B1 1/2 = sum LOAN_AMT2 / LOAN_AMT3 of B1 rows, B1 3 = 1 - 2
//   F 1/2 = sum AMT_INCUR / AMT_PAID of DEBT rows, F 3 = 1 - 2
//   F460 1 = A3, 2 = B1 1, 3 = 1+2, 4 = C3, 5 = 3+4, 6 = E4, 7 = 0, 8 = 6+7, 9 = F3,
//        10 = C3, 11 = 8+9+10, 13 = 3, 14 = I4, 15 = 8, 16 = 12+13+14-15,
//        19 = sum END_BAL of DEBT + sum LOAN_AMT4 of B1
//   F635 B = sum LPAY PER_TOTAL, C = sum LEXP AMOUNT (main rows), ABCD = A+B+C+D
//   F625 A = sum LPAY PER_TOTAL, B = sum LEXP AMOUNT
// On SMRY_MISMATCH_SHARE of F460 versions, line A 1 or E 1 deliberately disagrees with
// its rows (as real filings sometimes do); the manifest counts those versions.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';

export const DIRT_KINDS = [
  'wrong_field_count',
  'split_record_lines',
  'stray_cr',
  'sub_byte',
  'c0_punctuation',
  'nul',
  'bad_date',
  'odd_year',
  'padded',
  'duplicate',
] as const;
export type DirtKind = (typeof DIRT_KINDS)[number];
export type DirtyCounts = Record<DirtKind, number>;

export interface GeneratedFile {
  /** Data lines written (CRLF-terminated, header excluded); a split record counts 2. */
  lines: number;
  /** File size in bytes, header included. */
  bytes: number;
  /** Lines per kind of dirt; each dirty line has exactly one kind. */
  dirty: DirtyCounts;
  /** false: copied from the sample unchanged (dirt counted by scanning it). */
  generated: boolean;
}

export interface GeneratorManifest {
  seed: number;
  /** RCPT_CD data lines, exactly. */
  rows: number;
  dirty_rate: number;
  files: Record<string, GeneratedFile>;
  /** Distinct FILING_IDs generated (campaign and lobbying). */
  filings: number;
  /** Filings that have at least one amendment (AMEND_ID > 0). */
  amended_filings: number;
  filers: number;
  /** F460 versions whose SMRY A 1 or E 1 deliberately disagrees with the itemized rows. */
  smry_mismatched_versions: number;
}

export interface GenerateOptions {
  rows: number;
  out: string;
  sampleDir: string;
  seed?: number;
  dirtyRate?: number;
  onProgress?: (p: { file: string; rows: number }) => void;
}

export const MANIFEST_FILE = 'generator-manifest.json';

/** Tables written by the generator; every other sample file is copied. */
export const GENERATED_FILES = [
  'FILERS_CD.TSV',
  'FILERNAME_CD.TSV',
  'FILER_FILINGS_CD.TSV',
  'CVR_CAMPAIGN_DISCLOSURE_CD.TSV',
  'RCPT_CD.TSV',
  'EXPN_CD.TSV',
  'LOAN_CD.TSV',
  'DEBT_CD.TSV',
  'S497_CD.TSV',
  'S496_CD.TSV',
  'SMRY_CD.TSV',
  'TEXT_MEMO_CD.TSV',
  'CVR_LOBBY_DISCLOSURE_CD.TSV',
  'LPAY_CD.TSV',
  'LEXP_CD.TSV',
  'LCCM_CD.TSV',
] as const;
type GeneratedFileName = (typeof GENERATED_FILES)[number];

// Generated ids start above the real ones, so a copied sample table (CVR2_*, SPLT_CD, ...)
// never seems to join a generated filing or filer by accident.
const FIRST_FILING_ID = 3_000_000;
const FIRST_FILER_ID = 2_000_000;
const CHUNK_CHARS = 64 * 1024;
const STREAM_BUFFER = 1024 * 1024;
const MEMO_SHARE = 0.02;
const SMRY_MISMATCH_SHARE = 0.03;
/** bad_date is rarer than the other kinds: this share of the dirty rate. */
const BAD_DATE_SHARE = 0.05;
const MAX_ROWS_PER_SCHEDULE = 2000;

// ---------------------------------------------------------------------------------------
// Random numbers

class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }
  /** Number of successes before the first failure, at most cap. */
  geometric(pContinue: number, cap: number): number {
    let n = 0;
    while (n < cap && this.next() < pContinue) n++;
    return n;
  }
  /** floor(x), plus one with probability frac(x): an integer with mean x. */
  round(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }
}

function mixSeed(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let t = 0;
    for (const [, w] of items) this.cum.push((t += w));
    this.total = t;
  }
  pick(r: Rand): T {
    const x = r.next() * this.total;
    for (let i = 0; i < this.cum.length; i++) if (x < this.cum[i]!) return this.items[i]![0];
    return this.items[this.items.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------
// Dates and amounts in the source's text forms (§3)

const MS_PER_DAY = 86_400_000;

function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function civil(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const longDates = new Map<number, string>();
/** `M/D/YYYY 12:00:00 AM`, the form of nearly every date column. */
function fmtDate(day: number): string {
  let s = longDates.get(day);
  if (s === undefined) {
    const { y, m, d } = civil(day);
    s = `${m}/${d}/${y} 12:00:00 AM`;
    longDates.set(day, s);
  }
  return s;
}

/** `MM/DD/YYYY`, the form of FILERNAME_CD.EFFECT_DT. */
function fmtShortDate(day: number): string {
  const { y, m, d } = civil(day);
  return `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
}

/** FILER_FILINGS_CD.FILING_DATE often carries the real time of filing. */
function fmtStamp(day: number, secondOfDay: number): string {
  const { y, m, d } = civil(day);
  const h = Math.floor(secondOfDay / 3600);
  const min = Math.floor(secondOfDay / 60) % 60;
  const sec = secondOfDay % 60;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${m}/${d}/${y} ${h12}:${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** First Tuesday after the first Monday of the month: California's election days. */
function electionDay(year: number, month: number): number {
  const first = dayOf(year, month, 1);
  const dow = new Date(first * MS_PER_DAY).getUTCDay();
  const firstMonday = first + ((8 - dow) % 7);
  return firstMonday + 1;
}

/** Amounts are kept in cents so that SMRY totals add up exactly; 0 or 2 decimals. */
function money(cents: number): string {
  if (cents % 100 === 0) return String(cents / 100);
  const a = Math.abs(cents);
  const s = `${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${s}` : s;
}

const DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}:\d{2} [AP]M)?$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

// ---------------------------------------------------------------------------------------
// Reading the sample

interface SampleTable {
  header: string[];
  rows: string[][];
}

function parseTable(text: string): SampleTable {
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').split('\t');
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.split('\t');
    if (f.length === header.length) rows.push(f);
  }
  return { header, rows };
}

const PRINTABLE = /^[\x20-\x7e]+$/;

function clean(v: string | undefined, maxLen: number): string {
  if (v === undefined) return '';
  const t = v.trim();
  return t.length <= maxLen && PRINTABLE.test(t) ? t : '';
}

/** Reads one table's rows as records of trimmed, printable values (the rest become ''). */
function records(t: SampleTable | undefined, maxLen = 120): Record<string, string>[] {
  if (t === undefined) return [];
  return t.rows.map((r) => {
    const o: Record<string, string> = {};
    t.header.forEach((h, i) => (o[h] = clean(r[i], maxLen)));
    return o;
  });
}

interface Place {
  city: string;
  st: string;
  zip: string;
}

interface Pools {
  lastNames: string[];
  firstNames: string[];
  titles: string[];
  orgNames: string[];
  partyNames: string[];
  committeeNames: string[];
  payeeOrgs: string[];
  empOcc: (readonly [string, string])[];
  places: Place[];
  expnCodes: (readonly [string, string])[];
  rcptEntityA: string[];
  expnEntity: string[];
  ctribDscrC: string[];
  ctribDscrI: string[];
  s496Dscr: string[];
  lbyActvty: string[];
  lexpPayees: string[];
  beneNames: string[];
  benePosits: string[];
  lexpDscr: string[];
  lobbyFirms: string[];
  lobbyEmployers: string[];
  textMemos: string[];
  amendExp: string[];
  sigTitles: string[];
  treasurers: (readonly [string, string])[];
  userIds: string[];
  loanRates: string[];
  bankNames: string[];
}

function nonEmpty<T>(values: T[], fallback: T[]): T[] {
  return values.length > 0 ? values : fallback;
}

function loadPools(tables: Map<string, SampleTable>): Pools {
  const rc = records(tables.get('RCPT_CD.TSV'));
  const ex = records(tables.get('EXPN_CD.TSV'));
  const s497 = records(tables.get('S497_CD.TSV'));
  const debt = records(tables.get('DEBT_CD.TSV'));
  const loan = records(tables.get('LOAN_CD.TSV'));
  const cvr = records(tables.get('CVR_CAMPAIGN_DISCLOSURE_CD.TSV'));
  const cvrl = records(tables.get('CVR_LOBBY_DISCLOSURE_CD.TSV'), 200);
  const lpay = records(tables.get('LPAY_CD.TSV'), 200);
  const lexp = records(tables.get('LEXP_CD.TSV'));
  const lccm = records(tables.get('LCCM_CD.TSV'));
  const s496 = records(tables.get('S496_CD.TSV'));
  const memo = records(tables.get('TEXT_MEMO_CD.TSV'), 250);
  const ff = records(tables.get('FILER_FILINGS_CD.TSV'));

  const col = (rs: Record<string, string>[], c: string, where: (r: Record<string, string>) => boolean = () => true): string[] =>
    rs.filter(where).map((r) => r[c] ?? '').filter((v) => v !== '');
  const isInd = (entity: string, namf: string) => (r: Record<string, string>) => r[entity] === 'IND' && (r[namf] ?? '') !== '';
  const isOrg = (entity: string, namf: string) => (r: Record<string, string>) => r[entity] !== 'IND' && (r[namf] ?? '') === '';

  const places: Place[] = [];
  const addPlaces = (rs: Record<string, string>[], city: string, st: string, zip: string): void => {
    for (const r of rs) {
      const p = { city: r[city] ?? '', st: r[st] ?? '', zip: r[zip] ?? '' };
      if (p.city !== '' && p.st !== '' && p.zip !== '') places.push(p);
    }
  };
  addPlaces(rc, 'CTRIB_CITY', 'CTRIB_ST', 'CTRIB_ZIP4');
  addPlaces(ex, 'PAYEE_CITY', 'PAYEE_ST', 'PAYEE_ZIP4');
  addPlaces(s497, 'ENTY_CITY', 'ENTY_ST', 'ENTY_ZIP4');
  addPlaces(debt, 'PAYEE_CITY', 'PAYEE_ST', 'PAYEE_ZIP4');
  addPlaces(loan, 'LOAN_CITY', 'LOAN_ST', 'LOAN_ZIP4');
  addPlaces(cvr, 'FILER_CITY', 'FILER_ST', 'FILER_ZIP4');

  const empOcc: (readonly [string, string])[] = [];
  for (const r of [...rc.filter(isInd('ENTITY_CD', 'CTRIB_NAMF')), ...s497.filter(isInd('ENTITY_CD', 'ENTY_NAMF'))]) {
    const occ = r['CTRIB_OCC'] ?? '';
    if (occ !== '') empOcc.push([r['CTRIB_EMP'] ?? '', occ]);
  }
  const expnCodes: (readonly [string, string])[] = ex
    .filter((r) => r['FORM_TYPE'] === 'E')
    .map((r) => [r['EXPN_CODE'] ?? '', r['EXPN_DSCR'] ?? ''] as const)
    .filter(([code, dscr]) => /^[A-Z]{3}$/.test(code) || (code === '' && dscr.length < 60));
  const treasurers: (readonly [string, string])[] = cvr
    .filter((r) => (r['TRES_NAML'] ?? '') !== '' && (r['TRES_NAMF'] ?? '') !== '')
    .map((r) => [r['TRES_NAML'] ?? '', r['TRES_NAMF'] ?? ''] as const);
  const known = new Set(['IND', 'OTH', 'COM', 'SCC', 'PTY', 'RCP']);

  return {
    lastNames: nonEmpty(
      [
        ...col(rc, 'CTRIB_NAML', isInd('ENTITY_CD', 'CTRIB_NAMF')),
        ...col(s497, 'ENTY_NAML', isInd('ENTITY_CD', 'ENTY_NAMF')),
        ...col(ex, 'PAYEE_NAML', isInd('ENTITY_CD', 'PAYEE_NAMF')),
        ...col(loan, 'LNDR_NAML', isInd('ENTITY_CD', 'LNDR_NAMF')),
      ].filter((v) => v.length <= 30),
      ['SMITH'],
    ),
    firstNames: nonEmpty(
      [...col(rc, 'CTRIB_NAMF'), ...col(s497, 'ENTY_NAMF'), ...col(ex, 'PAYEE_NAMF'), ...col(loan, 'LNDR_NAMF')].filter((v) => v.length <= 25),
      ['JOHN'],
    ),
    titles: nonEmpty(col(rc, 'CTRIB_NAMT'), ['Mr.']),
    orgNames: nonEmpty(
      [...col(rc, 'CTRIB_NAML', (r) => r['ENTITY_CD'] === 'OTH'), ...col(s497, 'ENTY_NAML', (r) => r['ENTITY_CD'] === 'OTH')],
      ['ACME CORPORATION'],
    ),
    partyNames: nonEmpty(
      [...col(rc, 'CTRIB_NAML', (r) => r['ENTITY_CD'] === 'PTY'), ...col(s497, 'ENTY_NAML', (r) => r['ENTITY_CD'] === 'PTY')],
      ['California Democratic Party', 'California Republican Party'],
    ),
    committeeNames: nonEmpty(
      [
        ...col(cvr, 'FILER_NAML', (r) => (r['FILER_NAMF'] ?? '') === ''),
        ...col(rc, 'CTRIB_NAML', (r) => r['ENTITY_CD'] === 'COM'),
        ...col(ex, 'PAYEE_NAML', (r) => r['ENTITY_CD'] === 'COM'),
        ...col(lccm, 'RECIP_NAML', (r) => (r['RECIP_NAMF'] ?? '') === ''),
      ].filter((v) => v.length <= 90),
      ['Committee for Good Government'],
    ),
    payeeOrgs: nonEmpty(
      [...col(ex, 'PAYEE_NAML', isOrg('ENTITY_CD', 'PAYEE_NAMF')), ...col(debt, 'PAYEE_NAML', isOrg('ENTITY_CD', 'PAYEE_NAMF'))],
      ['U.S. Postmaster'],
    ),
    empOcc: nonEmpty(empOcc, [['', 'RETIRED'] as const]),
    places: nonEmpty(places, [{ city: 'Sacramento', st: 'CA', zip: '95814' }]),
    expnCodes: nonEmpty(expnCodes, [['OFC', ''] as const]),
    rcptEntityA: nonEmpty(col(rc, 'ENTITY_CD', (r) => r['FORM_TYPE'] === 'A' && known.has(r['ENTITY_CD'] ?? '')), ['IND']),
    expnEntity: nonEmpty(
      ex.filter((r) => r['FORM_TYPE'] === 'E' && (known.has(r['ENTITY_CD'] ?? '') || r['ENTITY_CD'] === '')).map((r) => r['ENTITY_CD'] ?? ''),
      ['OTH'],
    ),
    ctribDscrC: nonEmpty(col(rc, 'CTRIB_DSCR', (r) => r['FORM_TYPE'] === 'C'), ['Event Expenses']),
    ctribDscrI: nonEmpty(col(rc, 'CTRIB_DSCR', (r) => r['FORM_TYPE'] === 'I'), ['Refund']),
    s496Dscr: nonEmpty(col(s496, 'EXPN_DSCR'), ['Mailer']),
    lbyActvty: nonEmpty([...col(lpay, 'LBY_ACTVTY'), ...col(cvrl, 'LBY_ACTVTY')], ['AB 1']),
    lexpPayees: nonEmpty(col(lexp, 'PAYEE_NAML'), ['Restaurant']),
    beneNames: nonEmpty(col(lexp, 'BENE_NAME'), ['Staff']),
    benePosits: nonEmpty(col(lexp, 'BENE_POSIT'), ['Consultant']),
    lexpDscr: nonEmpty(col(lexp, 'EXPN_DSCR'), ['Meal']),
    lobbyFirms: nonEmpty(
      [...col(lpay, 'EMPLR_NAML', (r) => r['FORM_TYPE'] === 'F635P3B'), ...col(cvrl, 'FIRM_NAME', (r) => r['FORM_TYPE'] === 'F625')].filter(
        (v) => v.length <= 90,
      ),
      ['Capitol Advocacy'],
    ),
    lobbyEmployers: nonEmpty(
      [...col(lpay, 'EMPLR_NAML', (r) => r['FORM_TYPE'] === 'F625P2'), ...col(cvrl, 'FILER_NAML', (r) => r['FORM_TYPE'] === 'F635')].filter(
        (v) => v.length <= 90,
      ),
      ['California Association'],
    ),
    textMemos: nonEmpty(col(memo, 'TEXT4000'), ['See attached']),
    amendExp: nonEmpty(col(cvr, 'AMENDEXP_1'), ['Amend contribution information']),
    sigTitles: nonEmpty(col(cvrl, 'SIG_TITLE'), ['President']),
    treasurers: nonEmpty(treasurers, [['SMITH', 'JANE'] as const]),
    userIds: nonEmpty(col(ff, 'USER_ID'), ['*']),
    loanRates: nonEmpty(col(loan, 'LOAN_RATE'), ['0']),
    bankNames: nonEmpty(col(rc, 'CTRIB_NAML', (r) => r['FORM_TYPE'] === 'I' && r['ENTITY_CD'] === 'OTH'), ['US Bank']),
  };
}

// ---------------------------------------------------------------------------------------
// Dirt (§2)

interface DirtProfile {
  /** Names and descriptions: where a TAB, a CRLF, a C0 byte or a NUL can hide. */
  text: number[];
  /** Text columns with a column before and after: where a CRLF can cut the record. */
  splitAt: number[];
  /** Columns that may carry leading or trailing spaces. */
  pad: number[];
  dates: number[];
  /** Columns that may hold 0x1A as the whole value. */
  sub: number[];
  /** Kinds a loader must reject (wrong field count, split, bad date) are allowed. */
  reject: boolean;
  shortDates: boolean;
}

interface DirtSource {
  rate: number;
  rng: Rand;
}

function emptyDirty(): DirtyCounts {
  return {
    wrong_field_count: 0,
    split_record_lines: 0,
    stray_cr: 0,
    sub_byte: 0,
    c0_punctuation: 0,
    nul: 0,
    bad_date: 0,
    odd_year: 0,
    padded: 0,
    duplicate: 0,
  };
}

const ODD_YEARS = [1900, 1900, 1899, 2999, 2999, 2034, 2039, 2103, 2505, 201, 723] as const;
const BAD_DAYS = [
  [2, 30],
  [2, 31],
  [4, 31],
  [6, 31],
  [9, 31],
  [11, 31],
] as const;

function formatParts(m: number, d: number, y: number, short: boolean): string {
  const yyyy = String(y).padStart(4, '0');
  return short ? `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${yyyy}` : `${m}/${d}/${yyyy} 12:00:00 AM`;
}

function dateParts(v: string): { m: number; d: number; y: number } | undefined {
  const mt = DATE_RE.exec(v);
  return mt === null ? undefined : { m: Number(mt[1]), d: Number(mt[2]), y: Number(mt[3]) };
}

class TableWriter {
  lines = 0;
  bytes = 0;
  readonly dirty = emptyDirty();
  /** RCPT_CD stops at exactly `rows` lines; the others are unlimited. */
  lineLimit = Number.POSITIVE_INFINITY;
  readonly width: number;
  profile: DirtProfile | undefined;
  private readonly index = new Map<string, number>();
  private parts: string[] = [];
  private pending = 0;
  private failure: Error | undefined;

  constructor(
    readonly file: string,
    private readonly stream: WriteStream,
    headerLine: string,
    private readonly dirt: DirtSource,
  ) {
    const names = headerLine.split('\t');
    this.width = names.length;
    names.forEach((n, i) => this.index.set(n, i));
    stream.on('error', (err) => {
      this.failure = err;
    });
    this.push(headerLine + '\r\n');
  }

  col(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`${this.file}: the sample's header has no column ${name}`);
    return i;
  }

  cols<const K extends string>(names: readonly K[]): { [P in K]: number } {
    const out = {} as { [P in K]: number };
    for (const n of names) out[n] = this.col(n);
    return out;
  }

  get full(): boolean {
    return this.lines >= this.lineLimit;
  }

  blank(): string[] {
    return new Array<string>(this.width).fill('');
  }

  /** Writes one record, dirty at the configured rate; returns the bytes written. */
  writeRow(v: string[]): string {
    const p = this.profile;
    if (p !== undefined && this.dirt.rate > 0) {
      const r = this.dirt.rng.next();
      if (r < this.dirt.rate) return this.writeDirty(v.slice(), this.pickKind(p), p);
      if (r < this.dirt.rate * (1 + BAD_DATE_SHARE) && p.reject && p.dates.length > 0) return this.writeDirty(v.slice(), 'bad_date', p);
    }
    const text = v.join('\t') + '\r\n';
    this.push(text);
    this.lines++;
    return text;
  }

  /** An exact copy of a line already written (FILERNAME_CD has such repeats). */
  writeDuplicate(text: string): void {
    this.push(text);
    this.lines++;
    this.dirty.duplicate++;
  }

  async drain(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure !== undefined) throw this.failure;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    // Every character is below 0x100 (sample values are read as latin1), so latin1 writes
    // the sample's bytes back unchanged and the length is the byte count.
    this.bytes += chunk.length;
    this.stream.write(chunk, 'latin1');
  }

  private pickKind(p: DirtProfile): DirtKind {
    const hasText = p.text.length > 0;
    const options: [DirtKind, number][] = [['stray_cr', 12]];
    if (p.reject && hasText) options.push(['wrong_field_count', 14]);
    if (p.reject && p.splitAt.length > 0 && this.lines + 2 <= this.lineLimit) options.push(['split_record_lines', 8]);
    if (p.sub.length > 0) options.push(['sub_byte', 10]);
    if (hasText) options.push(['c0_punctuation', 14], ['nul', 5]);
    if (p.dates.length > 0) options.push(['odd_year', 14]);
    if (p.pad.length > 0) options.push(['padded', 18]);
    let total = 0;
    for (const [, w] of options) total += w;
    let x = this.dirt.rng.next() * total;
    for (const [k, w] of options) {
      if ((x -= w) < 0) return k;
    }
    return 'stray_cr';
  }

  private pickFilled(v: string[], cols: number[]): number | undefined {
    const r = this.dirt.rng;
    const filled = cols.filter((i) => v[i] !== '');
    return filled.length > 0 ? r.pick(filled) : undefined;
  }

  private writeDirty(v: string[], wanted: DirtKind, p: DirtProfile): string {
    const r = this.dirt.rng;
    let kind = wanted;
    switch (kind) {
      case 'wrong_field_count': {
        const i = this.pickFilled(v, p.text) ?? r.pick(p.text);
        const s = v[i]!;
        const space = s.indexOf(' ', r.int(Math.max(1, s.length)));
        const tab = r.chance(0.2) ? '\t\t' : '\t';
        v[i] = space > 0 ? s.slice(0, space) + tab + s.slice(space + 1) : s + tab;
        break;
      }
      case 'split_record_lines': {
        const i = this.pickFilled(v, p.splitAt) ?? r.pick(p.splitAt);
        const s = v[i]!;
        const at = s.length > 1 ? 1 + r.int(s.length - 1) : s.length;
        const head = v.slice(0, i);
        head.push(s.slice(0, at));
        const tail = [s.slice(at), ...v.slice(i + 1)];
        const text = head.join('\t') + '\r\n' + tail.join('\t') + '\r\n';
        this.push(text);
        this.lines += 2;
        this.dirty.split_record_lines += 2;
        return text;
      }
      case 'sub_byte':
        v[r.pick(p.sub)] = '\x1a';
        break;
      case 'c0_punctuation': {
        const i = this.pickFilled(v, p.text);
        if (i === undefined) {
          kind = 'stray_cr';
          break;
        }
        v[i] = withLostPunctuation(v[i]!, r);
        break;
      }
      case 'nul': {
        const i = this.pickFilled(v, p.text);
        if (i === undefined) {
          kind = 'stray_cr';
          break;
        }
        const s = v[i]!;
        const at = 1 + r.int(Math.max(1, s.length - 1));
        v[i] = s.slice(0, at) + '\x00' + s.slice(at);
        break;
      }
      case 'odd_year':
      case 'bad_date': {
        const i = this.pickFilled(v, p.dates) ?? r.pick(p.dates);
        const was = dateParts(v[i]!) ?? { m: 1 + r.int(12), d: 1 + r.int(28), y: 2000 + r.int(17) };
        if (kind === 'bad_date') {
          const [m, d] = !isLeap(was.y) && r.chance(0.3) ? [2, 29] : r.pick(BAD_DAYS);
          v[i] = formatParts(m, d, was.y, p.shortDates);
        } else {
          const y = r.pick(ODD_YEARS);
          if (y === 1900) v[i] = formatParts(1, 1, 1900, p.shortDates);
          else if (y === 1899) v[i] = formatParts(12, 30, 1899, p.shortDates);
          else v[i] = formatParts(was.m, was.m === 2 && was.d === 29 ? 28 : was.d, y, p.shortDates);
        }
        break;
      }
      case 'padded': {
        const i = this.pickFilled(v, p.pad);
        if (i === undefined) {
          kind = 'stray_cr';
          break;
        }
        const spaces = ' '.repeat(1 + r.int(4));
        v[i] = r.chance(0.75) ? v[i] + spaces : spaces + v[i];
        break;
      }
      default:
        kind = 'stray_cr';
    }
    // A CR at the end of the last field: the line ends \r\r\n and still has the right count.
    if (kind === 'stray_cr') v[v.length - 1] += '\r';
    const text = v.join('\t') + '\r\n';
    this.push(text);
    this.lines++;
    this.dirty[kind]++;
    return text;
  }
}

/** Windows-1252 curly quotes and dashes that lost their high bit (§2 kind 4). */
function withLostPunctuation(s: string, r: Rand): string {
  const apostrophe = s.indexOf("'");
  if (apostrophe >= 0) return s.slice(0, apostrophe) + '\x12' + s.slice(apostrophe + 1);
  const space = s.indexOf(' ');
  switch (r.int(3)) {
    case 0:
      if (space > 0) return `${s.slice(0, space)} \x16${s.slice(space)}`;
      return `\x13${s}\x14`;
    case 1:
      return `\x13${s}\x14`;
    default:
      return `\x15 ${s}`;
  }
}

function hasLostPunctuation(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x12 && c <= 0x16) return true;
  }
  return false;
}

/**
 * Counts the data lines and the dirt of one TSV file, each line under the first kind that
 * matches in this order: wrong field count (more fields: wrong_field_count, fewer:
 * split_record_lines), exact duplicate of an earlier line, stray CR, 0x1A value, NUL,
 * C0 punctuation, invalid calendar date, year outside 1970-2030, padded value.
 */
export function scanTsv(buf: Buffer): { lines: number; dirty: DirtyCounts } {
  const dirty = emptyDirty();
  if (buf.length === 0) return { lines: 0, dirty };
  const parts = buf.toString('latin1').split('\r\n');
  const width = parts[0]!.split('\t').length;
  const seen = new Set<string>();
  let lines = 0;
  // The text after the last CRLF is not a line (it is '' when the file ends with CRLF).
  for (let i = 1; i < parts.length - 1; i++) {
    const line = parts[i]!;
    lines++;
    const fields = line.split('\t');
    if (fields.length > width) dirty.wrong_field_count++;
    else if (fields.length < width) dirty.split_record_lines++;
    else if (seen.has(line)) dirty.duplicate++;
    else if (line.endsWith('\r')) dirty.stray_cr++;
    else if (fields.includes('\x1a')) dirty.sub_byte++;
    else if (line.includes('\x00')) dirty.nul++;
    else if (hasLostPunctuation(line)) dirty.c0_punctuation++;
    else {
      let bad = false;
      let odd = false;
      let padded = false;
      for (const f of fields) {
        if (f.length === 0) continue;
        if (f.charCodeAt(0) === 32 || f.charCodeAt(f.length - 1) === 32) padded = true;
        const d = dateParts(f);
        if (d !== undefined) {
          if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m)) bad = true;
          else if (d.y < 1970 || d.y > 2030) odd = true;
        }
      }
      if (bad) dirty.bad_date++;
      else if (odd) dirty.odd_year++;
      else if (padded) dirty.padded++;
    }
    seen.add(line);
  }
  return { lines, dirty };
}

// ---------------------------------------------------------------------------------------
// Filers

type FilerKind = 'committee' | 'ie' | 'firm' | 'employer';

interface Candidate {
  first: string;
  last: string;
  office: readonly [string, string, string];
  dist: string;
}

interface FilerInfo {
  index: number;
  /** Numeric state id (FILERS_CD, FILERNAME_CD.FILER_ID, FILER_FILINGS_CD). */
  id: string;
  /** FILERNAME_CD.XREF_FILER_ID: the id itself, or a legacy C/E/F id for lobbying filers. */
  xref: string;
  /** The id typed on covers: lobbying filers often use the legacy id (§3 IDs). */
  coverId: string;
  kind: FilerKind;
  name: string;
  entityCd: string;
  cmtteType: string;
  candidate: Candidate | undefined;
  place: Place;
  phone: string;
  tres: readonly [string, string];
  tresPlace: Place;
  startYear: number;
}

// [OFFICE_CD, JURIS_CD, words used in committee names]
const OFFICES = [
  ['ASM', 'ASM', 'Assembly'],
  ['ASM', 'ASM', 'Assembly'],
  ['ASM', 'ASM', 'Assembly'],
  ['SEN', 'SEN', 'State Senate'],
  ['SEN', 'SEN', 'Senate'],
  ['CCM', 'CIT', 'City Council'],
  ['CCM', 'CIT', 'City Council'],
  ['BSU', 'CTY', 'Supervisor'],
  ['MAY', 'CIT', 'Mayor'],
  ['SCJ', 'CTY', 'Superior Court Judge'],
  ['BED', 'LOC', 'School Board'],
  ['DAT', 'CTY', 'District Attorney'],
  ['ATT', 'STW', 'Attorney General'],
  ['GOV', 'STW', 'Governor'],
  ['CON', 'STW', 'Controller'],
  ['INS', 'STW', 'Insurance Commissioner'],
  ['TRE', 'STW', 'Treasurer'],
  ['BOE', 'BOE', 'Board of Equalization'],
] as const;

const AREA_CODES = ['916', '213', '415', '818', '619', '510', '714', '408', '949', '707', '559', '805', '562', '310', '858', '909', '951', '661', '650', '925'];

function phone(r: Rand): string {
  const a = r.pick(AREA_CODES);
  const x = String(r.between(200, 999));
  const y = String(r.int(10000)).padStart(4, '0');
  switch (r.int(3)) {
    case 0:
      return `(${a}) ${x}-${y}`;
    case 1:
      return `${a}-${x}-${y}`;
    default:
      return `${a}${x}${y}`;
  }
}

function legacyId(prefix: string, index: number): string {
  return prefix + String(index).padStart(5, '0');
}

// ---------------------------------------------------------------------------------------
// Schedules

interface Item {
  v: string[];
  cents: number;
  memo: boolean;
  memoRef: string;
  memoText: string;
  /** Per schedule: LOAN [received, paid, outstanding], DEBT [incurred, paid, end balance]. */
  n: number[];
  kids: Item[] | undefined;
}

interface Memo {
  form: string;
  ref: string;
  text: string;
}

interface FilingCtx {
  fid: string;
  filer: FilerInfo;
  year: number;
  from: number;
  thru: number;
  style: number;
  tranNo: number;
}

interface F460Schedules {
  A: Item[];
  C: Item[];
  I: Item[];
  E: Item[];
  B1: Item[];
  F: Item[];
}

const TRAN_PREFIX: Record<string, readonly [string, string]> = {
  A: ['INC', 'A'],
  C: ['INC', 'C'],
  I: ['INC', 'I'],
  E: ['EXP', 'E'],
  G: ['EXP', 'G'],
  B1: ['LOANB1', 'B1-'],
  F: ['PAY', 'D'],
  P1: ['INC', 'L'],
  P2: ['EXP', 'M'],
  S496: ['EDT', 'IE'],
};
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const COMMON_RCPT = new Weighted<number>([
  [100, 200],
  [250, 90],
  [500, 90],
  [1000, 100],
  [50, 60],
  [25, 50],
  [200, 50],
  [10, 40],
  [150, 30],
  [2000, 20],
  [20, 25],
  [1500, 15],
  [5000, 12],
  [300, 15],
  [75, 10],
  [15, 12],
  [125, 10],
  [2500, 10],
  [3000, 6],
  [3900, 5],
  [4100, 5],
  [5, 10],
  [30, 8],
  [40, 8],
  [35, 5],
]);
const COMMON_LATE = new Weighted<number>([
  [1000, 40],
  [1500, 10],
  [2000, 12],
  [2500, 8],
  [3000, 6],
  [3900, 6],
  [4100, 5],
  [5000, 10],
  [10000, 6],
  [25000, 3],
]);
const STATUS = new Weighted<string>([
  ['ACTIVE', 65],
  ['TERMINATED', 30],
  ['INACTIVE', 5],
]);

// ---------------------------------------------------------------------------------------
// The generator

interface Writers {
  filers: TableWriter;
  fname: TableWriter;
  ff: TableWriter;
  cvr: TableWriter;
  rcpt: TableWriter;
  expn: TableWriter;
  loan: TableWriter;
  debt: TableWriter;
  s497: TableWriter;
  s496: TableWriter;
  smry: TableWriter;
  memo: TableWriter;
  cvrl: TableWriter;
  lpay: TableWriter;
  lexp: TableWriter;
  lccm: TableWriter;
}

const WRITER_FILES: Record<keyof Writers, GeneratedFileName> = {
  filers: 'FILERS_CD.TSV',
  fname: 'FILERNAME_CD.TSV',
  ff: 'FILER_FILINGS_CD.TSV',
  cvr: 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV',
  rcpt: 'RCPT_CD.TSV',
  expn: 'EXPN_CD.TSV',
  loan: 'LOAN_CD.TSV',
  debt: 'DEBT_CD.TSV',
  s497: 'S497_CD.TSV',
  s496: 'S496_CD.TSV',
  smry: 'SMRY_CD.TSV',
  memo: 'TEXT_MEMO_CD.TSV',
  cvrl: 'CVR_LOBBY_DISCLOSURE_CD.TSV',
  lpay: 'LPAY_CD.TSV',
  lexp: 'LEXP_CD.TSV',
  lccm: 'LCCM_CD.TSV',
};

const KEY = ['FILING_ID', 'AMEND_ID', 'LINE_ITEM', 'REC_TYPE', 'FORM_TYPE', 'TRAN_ID'] as const;

function columnsOf(w: Writers) {
  return {
    filers: w.filers.cols(['FILER_ID']),
    fname: w.fname.cols(['XREF_FILER_ID', 'FILER_ID', 'FILER_TYPE', 'STATUS', 'EFFECT_DT', 'NAML', 'CITY', 'ST', 'ZIP4', 'PHON']),
    ff: w.ff.cols([
      'FILER_ID', 'FILING_ID', 'PERIOD_ID', 'FORM_ID', 'FILING_SEQUENCE', 'FILING_DATE', 'STMNT_TYPE', 'STMNT_STATUS', 'SESSION_ID',
      'USER_ID', 'SPECIAL_AUDIT', 'FINE_AUDIT', 'RPT_START', 'RPT_END', 'RPT_DATE', 'FILING_TYPE',
    ]),
    cvr: w.cvr.cols([
      'FILING_ID', 'AMEND_ID', 'REC_TYPE', 'FORM_TYPE', 'FILER_ID', 'ENTITY_CD', 'FILER_NAML', 'REPORT_NUM', 'RPT_DATE', 'STMT_TYPE',
      'LATE_RPTNO', 'FROM_DATE', 'THRU_DATE', 'ELECT_DATE', 'FILER_CITY', 'FILER_ST', 'FILER_ZIP4', 'FILER_PHON', 'TRES_NAML', 'TRES_NAMF',
      'TRES_CITY', 'TRES_ST', 'TRES_ZIP4', 'TRES_PHON', 'CMTTE_TYPE', 'CONTROL_YN', 'SPONSOR_YN', 'PRIMFRM_YN', 'AMENDEXP_1', 'CAND_NAML',
      'CAND_NAMF', 'CAND_CITY', 'CAND_ST', 'CAND_ZIP4', 'OFFICE_CD', 'JURIS_CD', 'DIST_NO', 'OFF_S_H_CD', 'SUP_OPP_CD',
    ]),
    rcpt: w.rcpt.cols([
      ...KEY, 'ENTITY_CD', 'CTRIB_NAML', 'CTRIB_NAMF', 'CTRIB_NAMT', 'CTRIB_CITY', 'CTRIB_ST', 'CTRIB_ZIP4', 'CTRIB_EMP', 'CTRIB_OCC',
      'CTRIB_SELF', 'TRAN_TYPE', 'RCPT_DATE', 'AMOUNT', 'CUM_YTD', 'CTRIB_DSCR', 'CMTE_ID', 'INTR_NAML', 'INTR_CITY', 'INTR_ST',
      'INTR_ZIP4', 'MEMO_CODE', 'MEMO_REFNO', 'XREF_MATCH',
    ]),
    expn: w.expn.cols([
      ...KEY, 'ENTITY_CD', 'PAYEE_NAML', 'PAYEE_NAMF', 'PAYEE_CITY', 'PAYEE_ST', 'PAYEE_ZIP4', 'EXPN_DATE', 'AMOUNT', 'CUM_YTD',
      'EXPN_CHKNO', 'EXPN_CODE', 'EXPN_DSCR', 'AGENT_NAML', 'CMTE_ID', 'CAND_NAML', 'CAND_NAMF', 'OFFICE_CD', 'JURIS_CD', 'DIST_NO',
      'SUP_OPP_CD', 'MEMO_CODE', 'MEMO_REFNO', 'BAKREF_TID', 'G_FROM_E_F', 'XREF_MATCH',
    ]),
    loan: w.loan.cols([
      ...KEY, 'ENTITY_CD', 'LNDR_NAML', 'LNDR_NAMF', 'LOAN_CITY', 'LOAN_ST', 'LOAN_ZIP4', 'LOAN_DATE1', 'LOAN_DATE2', 'LOAN_AMT1',
      'LOAN_AMT2', 'LOAN_AMT3', 'LOAN_AMT4', 'LOAN_AMT5', 'LOAN_AMT6', 'LOAN_AMT7', 'LOAN_AMT8', 'LOAN_RATE', 'LOAN_EMP', 'LOAN_OCC',
      'LOAN_SELF', 'CMTE_ID', 'MEMO_CODE', 'MEMO_REFNO', 'XREF_MATCH',
    ]),
    debt: w.debt.cols([
      ...KEY, 'ENTITY_CD', 'PAYEE_NAML', 'PAYEE_NAMF', 'PAYEE_CITY', 'PAYEE_ST', 'PAYEE_ZIP4', 'BEG_BAL', 'AMT_INCUR', 'AMT_PAID',
      'END_BAL', 'EXPN_CODE', 'EXPN_DSCR', 'CMTE_ID', 'MEMO_CODE', 'MEMO_REFNO', 'XREF_MATCH',
    ]),
    s497: w.s497.cols([
      ...KEY, 'ENTITY_CD', 'ENTY_NAML', 'ENTY_NAMF', 'ENTY_CITY', 'ENTY_ST', 'ENTY_ZIP4', 'CTRIB_EMP', 'CTRIB_OCC', 'ELEC_DATE',
      'CTRIB_DATE', 'AMOUNT', 'CMTE_ID', 'CAND_NAML', 'CAND_NAMF', 'OFFICE_CD', 'JURIS_CD', 'DIST_NO', 'MEMO_CODE', 'MEMO_REFNO',
    ]),
    s496: w.s496.cols([...KEY, 'AMOUNT', 'EXP_DATE', 'EXPN_DSCR', 'MEMO_CODE', 'MEMO_REFNO']),
    smry: w.smry.cols(['FILING_ID', 'AMEND_ID', 'LINE_ITEM', 'REC_TYPE', 'FORM_TYPE', 'AMOUNT_A', 'AMOUNT_B']),
    memo: w.memo.cols(['FILING_ID', 'AMEND_ID', 'LINE_ITEM', 'REC_TYPE', 'FORM_TYPE', 'REF_NO', 'TEXT4000']),
    cvrl: w.cvrl.cols([
      'FILING_ID', 'AMEND_ID', 'REC_TYPE', 'FORM_TYPE', 'SENDER_ID', 'FILER_ID', 'ENTITY_CD', 'FILER_NAML', 'REPORT_NUM', 'RPT_DATE',
      'FROM_DATE', 'THRU_DATE', 'CUM_BEG_DT', 'FIRM_ID', 'FIRM_NAME', 'FIRM_CITY', 'FIRM_ST', 'FIRM_ZIP4', 'FIRM_PHON', 'SIG_DATE',
      'SIG_LOC', 'SIG_NAML', 'SIG_NAMF', 'SIG_TITLE', 'PRN_NAML', 'PRN_NAMF', 'PART1_1_CB', 'CTRIB_N_CB', 'CTRIB_Y_CB', 'LBY_ACTVTY',
      'LOBBY_N_CB', 'RCPCMTE_NM', 'RCPCMTE_ID',
    ]),
    lpay: w.lpay.cols([
      ...KEY, 'ENTITY_CD', 'EMPLR_NAML', 'EMPLR_CITY', 'EMPLR_ST', 'EMPLR_ZIP4', 'EMPLR_PHON', 'LBY_ACTVTY', 'FEES_AMT', 'REIMB_AMT',
      'ADVAN_AMT', 'ADVAN_DSCR', 'PER_TOTAL', 'CUM_TOTAL', 'MEMO_REFNO', 'EMPLR_ID',
    ]),
    lexp: w.lexp.cols([
      ...KEY, 'RECSUBTYPE', 'ENTITY_CD', 'PAYEE_NAML', 'PAYEE_CITY', 'PAYEE_ST', 'PAYEE_ZIP4', 'BENE_NAME', 'BENE_POSIT', 'BENE_AMT',
      'EXPN_DSCR', 'EXPN_DATE', 'AMOUNT', 'MEMO_REFNO', 'BAKREF_TID',
    ]),
    lccm: w.lccm.cols([...KEY, 'ENTITY_CD', 'RECIP_NAML', 'RECIP_CITY', 'RECIP_ST', 'RECIP_ZIP4', 'RECIP_ID', 'CTRIB_DATE', 'AMOUNT', 'MEMO_REFNO']),
  };
}
type Columns = ReturnType<typeof columnsOf>;

function writerList(w: Writers): TableWriter[] {
  return (Object.keys(WRITER_FILES) as (keyof Writers)[]).map((k) => w[k]);
}

function profileOf(w: TableWriter, p: { text?: string[]; pad?: string[]; dates?: string[]; sub?: string[]; reject: boolean; shortDates?: boolean }): DirtProfile {
  const text = (p.text ?? []).map((c) => w.col(c));
  return {
    text,
    splitAt: text.filter((i) => i > 0 && i < w.width - 1),
    pad: [...text, ...(p.pad ?? []).map((c) => w.col(c))],
    dates: (p.dates ?? []).map((c) => w.col(c)),
    sub: (p.sub ?? []).map((c) => w.col(c)),
    reject: p.reject,
    shortDates: p.shortDates ?? false,
  };
}

// Parent tables (filers, covers, FILER_FILINGS) get only the kinds a loader cleans, never
// one it must reject, so every generated child row keeps a loadable parent.
function setProfiles(w: Writers): void {
  w.fname.profile = profileOf(w.fname, { text: ['NAML'], pad: ['CITY', 'ZIP4', 'PHON'], dates: ['EFFECT_DT'], reject: false, shortDates: true });
  w.ff.profile = profileOf(w.ff, { pad: ['USER_ID'], dates: ['RPT_START', 'RPT_END', 'RPT_DATE'], reject: false });
  w.cvr.profile = profileOf(w.cvr, {
    text: ['FILER_NAML', 'TRES_NAML', 'CAND_NAML', 'AMENDEXP_1'],
    pad: ['FILER_CITY', 'FILER_ZIP4', 'TRES_CITY', 'FILER_PHON'],
    dates: ['RPT_DATE', 'FROM_DATE', 'THRU_DATE', 'ELECT_DATE'],
    reject: false,
  });
  w.rcpt.profile = profileOf(w.rcpt, {
    text: ['CTRIB_NAML', 'CTRIB_NAMF', 'CTRIB_EMP', 'CTRIB_OCC', 'CTRIB_DSCR', 'INTR_NAML'],
    pad: ['CTRIB_CITY', 'CTRIB_ZIP4', 'CTRIB_ST'],
    dates: ['RCPT_DATE'],
    sub: ['XREF_MATCH'],
    reject: true,
  });
  w.expn.profile = profileOf(w.expn, {
    text: ['PAYEE_NAML', 'PAYEE_NAMF', 'EXPN_DSCR', 'AGENT_NAML', 'CAND_NAML'],
    pad: ['PAYEE_CITY', 'PAYEE_ZIP4', 'EXPN_CODE'],
    dates: ['EXPN_DATE'],
    sub: ['XREF_MATCH'],
    reject: true,
  });
  w.loan.profile = profileOf(w.loan, {
    text: ['LNDR_NAML', 'LNDR_NAMF', 'LOAN_EMP', 'LOAN_OCC'],
    pad: ['LOAN_CITY', 'LOAN_ZIP4', 'LOAN_RATE'],
    dates: ['LOAN_DATE1', 'LOAN_DATE2'],
    sub: ['XREF_MATCH'],
    reject: true,
  });
  w.debt.profile = profileOf(w.debt, { text: ['PAYEE_NAML', 'PAYEE_NAMF', 'EXPN_DSCR'], pad: ['PAYEE_CITY', 'PAYEE_ZIP4'], sub: ['XREF_MATCH'], reject: true });
  w.s497.profile = profileOf(w.s497, {
    text: ['ENTY_NAML', 'ENTY_NAMF', 'CTRIB_EMP', 'CTRIB_OCC', 'CAND_NAML'],
    pad: ['ENTY_CITY', 'ENTY_ZIP4'],
    dates: ['CTRIB_DATE', 'ELEC_DATE'],
    sub: ['MEMO_REFNO'],
    reject: true,
  });
  w.s496.profile = profileOf(w.s496, { text: ['EXPN_DSCR'], dates: ['EXP_DATE'], sub: ['MEMO_REFNO'], reject: true });
  w.memo.profile = profileOf(w.memo, { text: ['TEXT4000'], reject: true });
  w.cvrl.profile = profileOf(w.cvrl, {
    text: ['FILER_NAML', 'FIRM_NAME', 'LBY_ACTVTY', 'SIG_NAML'],
    pad: ['FIRM_CITY', 'FIRM_ZIP4'],
    dates: ['RPT_DATE', 'FROM_DATE', 'THRU_DATE', 'SIG_DATE'],
    reject: false,
  });
  w.lpay.profile = profileOf(w.lpay, { text: ['EMPLR_NAML', 'LBY_ACTVTY', 'ADVAN_DSCR'], pad: ['EMPLR_CITY', 'EMPLR_ZIP4'], sub: ['MEMO_REFNO'], reject: true });
  w.lexp.profile = profileOf(w.lexp, {
    text: ['PAYEE_NAML', 'BENE_NAME', 'BENE_POSIT', 'EXPN_DSCR'],
    pad: ['PAYEE_CITY', 'PAYEE_ZIP4'],
    dates: ['EXPN_DATE'],
    sub: ['MEMO_REFNO'],
    reject: true,
  });
  w.lccm.profile = profileOf(w.lccm, { text: ['RECIP_NAML'], pad: ['RECIP_CITY', 'RECIP_ZIP4'], dates: ['CTRIB_DATE'], sub: ['MEMO_REFNO'], reject: true });
}

class CalaccessGenerator {
  private readonly rng: Rand;
  private readonly c: Columns;
  private readonly filerCount: number;
  private nextFilingId = FIRST_FILING_ID;
  filings = 0;
  amendedFilings = 0;
  mismatchedVersions = 0;

  constructor(
    private readonly seed: number,
    private readonly rows: number,
    private readonly dirtyRate: number,
    private readonly pools: Pools,
    private readonly w: Writers,
  ) {
    this.rng = new Rand(mixSeed(seed, 0x5eed));
    this.c = columnsOf(w);
    this.filerCount = Math.max(40, Math.round(rows / 200));
    w.rcpt.lineLimit = rows;
  }

  get filers(): number {
    return this.filerCount;
  }

  async run(onProgress: (rows: number) => void): Promise<void> {
    await this.writeFilers();
    const step = Math.max(100_000, Math.ceil(this.rows / 20));
    let nextReport = step;
    const all = writerList(this.w);
    while (!this.w.rcpt.full) {
      // FILING_IDs grow with time, as in the real export: the year follows progress.
      const year = 2000 + Math.min(16, Math.floor((17 * this.w.rcpt.lines) / this.rows));
      const k = this.genF460(year);
      // Companion filings keep the other tables at realistic ratios to RCPT_CD.
      for (let i = this.rng.round(k * 0.022); i > 0; i--) this.genF497(year);
      for (let i = this.rng.round(k * 0.0028); i > 0; i--) this.genF496(year);
      for (let i = this.rng.round(k * 0.01); i > 0; i--) this.genF635(year);
      for (let i = this.rng.round(k * 0.0018); i > 0; i--) this.genF625(year);
      await Promise.all(all.map((t) => t.drain()));
      if (this.w.rcpt.lines >= nextReport && !this.w.rcpt.full) {
        onProgress(this.w.rcpt.lines);
        nextReport += step;
      }
    }
    onProgress(this.w.rcpt.lines);
  }

  // -- filers ---------------------------------------------------------------------------

  private filerKind(i: number): FilerKind {
    const slot = i % 20;
    return slot < 15 ? 'committee' : slot === 15 ? 'ie' : slot === 16 ? 'firm' : 'employer';
  }

  private filerInfo(i: number): FilerInfo {
    const r = new Rand(mixSeed(this.seed, i + 1));
    const p = this.pools;
    const kind = this.filerKind(i);
    const id = String(FIRST_FILER_ID + i * 3 + r.int(3));
    const startYear = 2000 + Math.min(16, Math.floor((17 * i) / this.filerCount));
    const place = r.pick(p.places);
    const tres = r.pick(p.treasurers);
    const tresPlace = r.chance(0.6) ? place : r.pick(p.places);
    let name: string;
    let entityCd: string;
    let cmtteType = '';
    let candidate: Candidate | undefined;
    let xref = id;
    let coverId = id;
    switch (kind) {
      case 'committee': {
        const t = r.next();
        if (t < 0.4) {
          const office = r.pick(OFFICES);
          const dist = office[0] === 'ASM' ? r.between(1, 80) : office[0] === 'SEN' ? r.between(1, 40) : office[0] === 'BOE' ? r.between(1, 4) : 0;
          candidate = { first: r.pick(p.firstNames), last: r.pick(p.lastNames), office, dist: dist > 0 ? String(dist) : '' };
          const { first, last } = candidate;
          const year = startYear + (startYear % 2);
          const label = office[2];
          name = [
            `${first} ${last} for ${label} ${year}`,
            `Friends of ${first} ${last}`,
            `Committee to Elect ${first} ${last}`,
            `${last} for ${label}`,
            `Re-Elect ${first} ${last} for ${label} ${year}`,
          ][r.int(5)]!;
          entityCd = r.chance(0.85) ? 'CTL' : 'CAO';
          cmtteType = 'C';
        } else if (t < 0.5) {
          const measure = r.chance(0.5) ? `Measure ${String.fromCharCode(65 + r.int(26))}` : `Prop ${r.between(1, 99)}`;
          name = `${r.chance(0.7) ? 'Yes on' : 'No on'} ${measure} - ${place.city}`;
          entityCd = 'BMC';
          cmtteType = 'B';
        } else {
          name = r.pick(p.committeeNames);
          if (r.chance(0.3) && !/\b(19|20)\d\d$/.test(name)) name = `${name} ${startYear}`;
          entityCd = 'RCP';
          cmtteType = r.chance(0.9) ? 'G' : 'P';
        }
        break;
      }
      case 'ie':
        name = r.chance(0.5) ? r.pick(p.committeeNames) : `${r.pick(p.orgNames)} Independent Expenditure Committee`;
        entityCd = r.chance(0.6) ? 'RCP' : 'MDI';
        cmtteType = 'G';
        break;
      case 'firm':
        name = r.pick(p.lobbyFirms);
        entityCd = 'FRM';
        xref = legacyId('F', i);
        coverId = r.chance(0.5) ? xref : id;
        break;
      default:
        name = r.pick(p.lobbyEmployers);
        entityCd = 'LEM';
        xref = legacyId(r.chance(0.7) ? 'C' : 'E', i);
        coverId = r.chance(0.5) ? xref : id;
    }
    return { index: i, id, xref, coverId, kind, name, entityCd, cmtteType, candidate, place, phone: phone(r), tres, tresPlace, startYear };
  }

  /** A filer of the kind, active in the year (filers appear over time, by index). */
  private pickFiler(kind: FilerKind, year: number): FilerInfo {
    const slots = kind === 'committee' ? 15 : kind === 'employer' ? 3 : 1;
    const first = kind === 'committee' ? 0 : kind === 'ie' ? 15 : kind === 'firm' ? 16 : 17;
    const active = Math.max(20, Math.min(this.filerCount, Math.ceil((this.filerCount * (year - 1999)) / 17)));
    let i = this.rng.int(Math.ceil(active / 20)) * 20 + first + this.rng.int(slots);
    while (i >= active && i >= 20) i -= 20;
    return this.filerInfo(i);
  }

  private async writeFilers(): Promise<void> {
    const { filers: fw, fname: nw } = this.w;
    const fc = this.c.filers;
    const nc = this.c.fname;
    const dupAt = Math.floor(this.filerCount / 2);
    for (let i = 0; i < this.filerCount; i++) {
      const f = this.filerInfo(i);
      const r = new Rand(mixSeed(this.seed ^ 0x0f11e5, i));
      const fv = fw.blank();
      fv[fc.FILER_ID] = f.id;
      fw.writeRow(fv);

      const type =
        f.kind === 'committee'
          ? 'RECIPIENT COMMITTEE'
          : f.kind === 'ie'
            ? 'MAJOR DONOR/INDEPENDENT EXPENDITURE COMMITTEE'
            : f.kind === 'firm'
              ? 'FIRM'
              : r.chance(0.6)
                ? 'CLIENT'
                : 'EMPLOYER';
      const twoRows = r.chance(0.25) && f.startYear < 2016;
      const finalStatus = STATUS.pick(r);
      const v = nw.blank();
      v[nc.XREF_FILER_ID] = f.xref;
      v[nc.FILER_ID] = f.id;
      v[nc.FILER_TYPE] = type;
      v[nc.STATUS] = twoRows ? 'ACTIVE' : finalStatus;
      v[nc.EFFECT_DT] = fmtShortDate(dayOf(f.startYear, 1, 1) + r.int(365));
      // FILERNAME_CD upper-cases names and cities and stores ZIPs as 9 digits (§3).
      v[nc.NAML] = f.name.toUpperCase();
      v[nc.CITY] = f.place.city.toUpperCase();
      v[nc.ST] = f.place.st;
      const digits = f.place.zip.replace(/\D/g, '');
      v[nc.ZIP4] = digits.length === 5 ? digits + '0000' : digits;
      v[nc.PHON] = f.phone.replace(/\D/g, '');
      const first = nw.writeRow(v);
      // A few exact repeats, as in the real FILERNAME_CD (§2 kind 6); the draw happens at
      // any rate so that the rate does not change the clean content.
      const dupDraw = r.next();
      if (this.dirtyRate > 0 && (i === dupAt || dupDraw < this.dirtyRate)) nw.writeDuplicate(first);
      if (twoRows) {
        const later = r.between(f.startYear + 1, 2016);
        v[nc.STATUS] = finalStatus;
        v[nc.EFFECT_DT] = fmtShortDate(dayOf(later, 1, 1) + r.int(365));
        if (r.chance(0.5)) {
          v[nc.NAML] = /\b(19|20)\d\d$/.test(v[nc.NAML]!)
            ? v[nc.NAML]!.replace(/\b(19|20)\d\d$/, String(later + (later % 2)))
            : f.kind === 'firm' || f.kind === 'employer'
              ? `${v[nc.NAML]}, INC.`
              : `${v[nc.NAML]} ${later + (later % 2)}`;
        } else {
          v[nc.PHON] = phone(r).replace(/\D/g, '');
        }
        nw.writeRow(v);
      }
      if (i % 1000 === 999) await Promise.all([fw.drain(), nw.drain()]);
    }
  }

  // -- shared pieces --------------------------------------------------------------------

  private newFiling(filer: FilerInfo, year: number, from: number, thru: number): FilingCtx {
    this.nextFilingId += 1 + this.rng.int(25);
    this.filings++;
    return { fid: String(this.nextFilingId), filer, year, from, thru, style: this.rng.int(4), tranNo: this.rng.between(1, 3000) };
  }

  private tran(ctx: FilingCtx, kind: string): string {
    ctx.tranNo++;
    const prefix = TRAN_PREFIX[kind] ?? ['', ''];
    switch (ctx.style) {
      case 0:
        return prefix[0] + String(ctx.tranNo);
      case 1:
        return prefix[1] + String(ctx.tranNo);
      case 2: {
        let s = '';
        for (let i = 0; i < 11; i++) s += ID_CHARS[this.rng.int(ID_CHARS.length)];
        return s;
      }
      default:
        return String(ctx.tranNo);
    }
  }

  private versionCount(): number {
    const r = this.rng.next();
    return r < 0.9 ? 1 : r < 0.98 ? 2 : 3;
  }

  private day(from: number, thru: number): number {
    return from + this.rng.int(thru - from + 1);
  }

  private rcptCents(): number {
    if (this.rng.chance(0.8)) return COMMON_RCPT.pick(this.rng) * 100;
    const dollars = Math.min(500_000, this.rng.logNormal(5, 1.4));
    return this.rng.chance(0.6) ? Math.max(1, Math.round(dollars * 100)) : Math.max(1, Math.round(dollars)) * 100;
  }

  private expnCents(): number {
    if (this.rng.chance(0.35)) return COMMON_RCPT.pick(this.rng) * 100;
    const dollars = Math.min(2_000_000, this.rng.logNormal(5.5, 1.5));
    return this.rng.chance(0.8) ? Math.max(1, Math.round(dollars * 100)) : Math.max(1, Math.round(dollars)) * 100;
  }

  private person(): { last: string; first: string } {
    return { last: this.rng.pick(this.pools.lastNames), first: this.rng.pick(this.pools.firstNames) };
  }

  /** A committee named on a schedule row: a generated filer (with its id) or a pooled name. */
  private committee(year: number): { name: string; id: string; place: Place } {
    if (this.rng.chance(0.6)) {
      const f = this.pickFiler('committee', year);
      return { name: f.name, id: f.id, place: f.place };
    }
    return { name: this.rng.pick(this.pools.committeeNames), id: '', place: this.rng.pick(this.pools.places) };
  }

  private memoFor(item: Item, tranId: string, share: number): void {
    if (item.memo || this.rng.chance(share)) {
      item.memoRef = this.rng.chance(0.7) ? tranId : `XT${tranId.replace(/\D/g, '') || String(this.rng.int(9999))}`;
      item.memoText = this.rng.pick(this.pools.textMemos);
    }
  }

  private item(v: string[], cents: number, memo: boolean, n: number[] = []): Item {
    return { v, cents, memo, memoRef: '', memoText: '', n, kids: undefined };
  }

  /** Writes items with LINE_ITEM 1..k; returns the sum of the non-memo amounts written. */
  private writeItems(
    w: TableWriter,
    key: { FILING_ID: number; AMEND_ID: number; LINE_ITEM: number; MEMO_REFNO: number },
    items: readonly Item[],
    fid: string,
    amend: string,
    form: string,
    memos: Memo[],
    sums?: number[],
  ): number {
    let total = 0;
    let line = 0;
    for (const it of items) {
      if (w.full) break;
      const v = it.v;
      v[key.FILING_ID] = fid;
      v[key.AMEND_ID] = amend;
      v[key.LINE_ITEM] = String(++line);
      v[key.MEMO_REFNO] = it.memoRef;
      w.writeRow(v);
      if (it.memoRef !== '') memos.push({ form, ref: it.memoRef, text: it.memoText });
      if (!it.memo) {
        total += it.cents;
        if (sums !== undefined) for (let j = 0; j < it.n.length; j++) sums[j] = (sums[j] ?? 0) + it.n[j]!;
      }
    }
    return total;
  }

  private writeMemos(fid: string, amend: string, memos: readonly Memo[]): void {
    const w = this.w.memo;
    const c = this.c.memo;
    let line = 0;
    for (const m of memos) {
      const v = w.blank();
      v[c.FILING_ID] = fid;
      v[c.AMEND_ID] = amend;
      v[c.LINE_ITEM] = String(++line);
      v[c.REC_TYPE] = 'TEXT';
      v[c.FORM_TYPE] = m.form;
      v[c.REF_NO] = m.ref;
      v[c.TEXT4000] = m.text;
      w.writeRow(v);
    }
  }

  private smry(fid: string, amend: string, form: string, line: string, a: number, b?: number): void {
    const w = this.w.smry;
    const c = this.c.smry;
    const v = w.blank();
    v[c.FILING_ID] = fid;
    v[c.AMEND_ID] = amend;
    v[c.LINE_ITEM] = line;
    v[c.REC_TYPE] = 'SMRY';
    v[c.FORM_TYPE] = form;
    v[c.AMOUNT_A] = money(a);
    if (b !== undefined) v[c.AMOUNT_B] = money(b);
    w.writeRow(v);
  }

  private reportNum(amend: number): string {
    if (amend > 0 && this.rng.chance(0.05)) return String(amend);
    return String(amend).padStart(3, '0');
  }

  private writeFilerFiling(ctx: FilingCtx, form: string, amend: number, filed: number, start: number, end: number, rptDate: number | undefined): void {
    const w = this.w.ff;
    const c = this.c.ff;
    const r = this.rng;
    const v = w.blank();
    const endYear = yearOf(end);
    const quarter = Math.floor((civil(end).m - 1) / 3);
    v[c.FILER_ID] = ctx.filer.id;
    v[c.FILING_ID] = ctx.fid;
    v[c.PERIOD_ID] = String(161 + (endYear - 2000) * 4 + quarter);
    v[c.FORM_ID] = form;
    v[c.FILING_SEQUENCE] = String(amend);
    v[c.FILING_DATE] = r.chance(0.75) ? fmtStamp(filed, r.int(86400)) : fmtDate(filed);
    v[c.STMNT_TYPE] = amend === 0 ? '10001' : '10002';
    v[c.STMNT_STATUS] = r.chance(0.75) ? '11001' : '11003';
    v[c.SESSION_ID] = String(ctx.year % 2 === 1 ? ctx.year : ctx.year - 1);
    v[c.USER_ID] = r.chance(0.5) ? '*' : r.pick(this.pools.userIds);
    v[c.SPECIAL_AUDIT] = r.chance(0.7) ? '11003' : '11001';
    v[c.FINE_AUDIT] = r.chance(0.55) ? '11001' : '11003';
    v[c.RPT_START] = fmtDate(start);
    v[c.RPT_END] = fmtDate(end);
    if (rptDate !== undefined) v[c.RPT_DATE] = fmtDate(rptDate);
    v[c.FILING_TYPE] = r.chance(0.8) ? '22001' : '22006';
    w.writeRow(v);
  }

  private writeCampaignCover(
    ctx: FilingCtx,
    form: string,
    amend: number,
    rpt: number,
    extra: { stmt?: string; from?: number; thru?: number; elect?: number; lateNo?: string; target?: Candidate; sup?: string },
  ): void {
    const w = this.w.cvr;
    const c = this.c.cvr;
    const r = this.rng;
    const f = ctx.filer;
    const v = w.blank();
    v[c.FILING_ID] = ctx.fid;
    v[c.AMEND_ID] = String(amend);
    v[c.REC_TYPE] = 'CVR';
    v[c.FORM_TYPE] = form;
    v[c.FILER_ID] = f.id;
    v[c.ENTITY_CD] = f.entityCd;
    v[c.FILER_NAML] = f.name;
    v[c.REPORT_NUM] = this.reportNum(amend);
    v[c.RPT_DATE] = fmtDate(rpt);
    if (extra.stmt !== undefined) v[c.STMT_TYPE] = extra.stmt;
    if (extra.lateNo !== undefined) v[c.LATE_RPTNO] = extra.lateNo;
    if (extra.from !== undefined) v[c.FROM_DATE] = fmtDate(extra.from);
    if (extra.thru !== undefined) v[c.THRU_DATE] = fmtDate(extra.thru);
    if (extra.elect !== undefined) v[c.ELECT_DATE] = fmtDate(extra.elect);
    v[c.FILER_CITY] = f.place.city;
    v[c.FILER_ST] = f.place.st;
    v[c.FILER_ZIP4] = f.place.zip;
    v[c.FILER_PHON] = f.phone;
    v[c.TRES_NAML] = f.tres[0];
    v[c.TRES_NAMF] = f.tres[1];
    v[c.TRES_CITY] = f.tresPlace.city;
    v[c.TRES_ST] = f.tresPlace.st;
    v[c.TRES_ZIP4] = f.tresPlace.zip;
    v[c.TRES_PHON] = f.phone;
    if (form === 'F460' || r.chance(0.2)) {
      v[c.CMTTE_TYPE] = f.cmtteType;
      v[c.CONTROL_YN] = f.candidate !== undefined ? 'Y' : 'N';
      v[c.SPONSOR_YN] = r.chance(0.15) ? 'Y' : 'N';
      v[c.PRIMFRM_YN] = f.cmtteType === 'P' ? 'Y' : 'N';
    }
    if (amend > 0 && r.chance(0.4)) v[c.AMENDEXP_1] = r.pick(this.pools.amendExp);
    const cand = extra.target ?? (form === 'F460' ? f.candidate : undefined);
    if (cand !== undefined) {
      v[c.CAND_NAML] = cand.last;
      v[c.CAND_NAMF] = cand.first;
      if (extra.target === undefined) {
        v[c.CAND_CITY] = f.place.city;
        v[c.CAND_ST] = f.place.st;
        v[c.CAND_ZIP4] = f.place.zip;
      }
      v[c.OFFICE_CD] = cand.office[0];
      v[c.JURIS_CD] = cand.office[1];
      v[c.DIST_NO] = cand.dist;
      v[c.OFF_S_H_CD] = r.chance(0.65) ? 'S' : 'H';
      v[c.SUP_OPP_CD] = extra.sup ?? 'S';
    }
    w.writeRow(v);
  }

  /** Amendment of a list: most rows kept as they are, a few changed, removed or added. */
  private amendList(list: readonly Item[], make: () => Item, reprice: (it: Item) => Item): Item[] {
    const out: Item[] = [];
    for (const it of list) {
      const x = this.rng.next();
      if (x < 0.03) continue;
      out.push(x < 0.08 ? reprice(it) : it);
      if (this.rng.chance(0.03)) out.push(make());
    }
    if (out.length === 0 && list.length > 0) out.push(list[0]!);
    return out;
  }

  private repriced(it: Item, amountCol: number, cumCol: number | undefined): Item {
    const v = it.v.slice();
    const factor = this.rng.chance(0.5) ? 2 : 0.5 + this.rng.next();
    const cents = Math.round(it.cents * factor) || it.cents + 100;
    v[amountCol] = money(cents);
    if (cumCol !== undefined && v[cumCol] !== '') v[cumCol] = money(cents);
    return { ...it, v, cents };
  }

  // -- F460: the campaign report ------------------------------------------------------

  private f460Period(year: number): { stmt: string; from: number; thru: number; elect: number | undefined; rpt: number } {
    const r = this.rng;
    const x = r.next();
    if (x < 0.5) {
      const second = r.chance(0.5);
      const from = dayOf(year, second ? 7 : 1, 1);
      const thru = second ? dayOf(year, 12, 31) : dayOf(year, 6, 30);
      return { stmt: 'SA', from, thru, elect: undefined, rpt: thru + r.between(20, 31) };
    }
    if (x < 0.8) {
      const t = r.int(4);
      const june = electionDay(year, 6);
      const nov = electionDay(year, 11);
      const [from, thru, elect] =
        t === 0
          ? [dayOf(year, 1, 1), june - 80, june]
          : t === 1
            ? [june - 79, june - 17, june]
            : t === 2
              ? [dayOf(year, 7, 1), dayOf(year, 9, 30), nov]
              : [dayOf(year, 10, 1), nov - 17, nov];
      return { stmt: 'PE', from, thru, elect, rpt: thru + r.between(3, 8) };
    }
    if (x < 0.95) {
      const q = r.int(4);
      const from = dayOf(year, q * 3 + 1, 1);
      const thru = dayOf(year, q * 3 + 3, daysInMonth(year, q * 3 + 3));
      return { stmt: 'QT', from, thru, elect: undefined, rpt: thru + r.between(15, 31) };
    }
    const from = dayOf(year, r.chance(0.5) ? 1 : 7, 1);
    const thru = from + r.between(20, 170);
    return { stmt: 'TS', from, thru, elect: undefined, rpt: thru + r.between(5, 60) };
  }

  private makeRcpt(form: 'A' | 'C' | 'I', ctx: FilingCtx): Item {
    const r = this.rng;
    const p = this.pools;
    const c = this.c.rcpt;
    const v = this.w.rcpt.blank();
    const tranId = this.tran(ctx, form);
    v[c.REC_TYPE] = 'RCPT';
    v[c.FORM_TYPE] = form;
    v[c.TRAN_ID] = tranId;
    const entity = form === 'A' ? r.pick(p.rcptEntityA) : r.chance(0.6) ? 'OTH' : 'IND';
    v[c.ENTITY_CD] = entity;
    let place = r.pick(p.places);
    if (entity === 'IND') {
      const who = this.person();
      v[c.CTRIB_NAML] = who.last;
      v[c.CTRIB_NAMF] = who.first;
      if (r.chance(0.06)) v[c.CTRIB_NAMT] = r.pick(p.titles);
      if (form === 'A' && r.chance(0.85)) {
        const [emp, occ] = r.pick(p.empOcc);
        v[c.CTRIB_EMP] = emp;
        v[c.CTRIB_OCC] = occ;
        if (r.chance(0.07)) v[c.CTRIB_SELF] = r.chance(0.8) ? 'N' : 'Y';
      }
    } else if (entity === 'COM' || entity === 'SCC' || entity === 'RCP') {
      const cm = this.committee(ctx.year);
      v[c.CTRIB_NAML] = cm.name;
      v[c.CMTE_ID] = cm.id;
      place = cm.place;
    } else if (entity === 'PTY') {
      v[c.CTRIB_NAML] = r.pick(p.partyNames);
    } else {
      v[c.CTRIB_NAML] = form === 'I' ? r.pick(p.bankNames) : r.pick(p.orgNames);
    }
    v[c.CTRIB_CITY] = place.city;
    v[c.CTRIB_ST] = place.st;
    v[c.CTRIB_ZIP4] = place.zip;
    v[c.RCPT_DATE] = fmtDate(this.day(ctx.from, ctx.thru));
    let cents = form === 'I' ? Math.max(1, Math.round(r.logNormal(4, 1.6) * 100)) : this.rcptCents();
    if (form === 'A') {
      const t = r.next();
      if (t < 0.06) {
        v[c.TRAN_TYPE] = 'I';
        const via = r.pick(p.places);
        v[c.INTR_NAML] = r.pick(p.committeeNames);
        v[c.INTR_CITY] = via.city;
        v[c.INTR_ST] = via.st;
        v[c.INTR_ZIP4] = via.zip;
      } else if (t < 0.075) {
        v[c.TRAN_TYPE] = 'X';
      } else if (t < 0.079) {
        v[c.TRAN_TYPE] = 'R';
        cents = -cents;
      }
    }
    if (form !== 'A') v[c.CTRIB_DSCR] = r.pick(form === 'C' ? p.ctribDscrC : p.ctribDscrI);
    v[c.AMOUNT] = money(cents);
    if (r.chance(0.85)) v[c.CUM_YTD] = form === 'I' ? '0' : money(cents < 0 ? cents : cents * (r.chance(0.6) ? 1 : r.between(2, 5)));
    const memo = r.chance(MEMO_SHARE);
    if (memo) v[c.MEMO_CODE] = 'X';
    const it = this.item(v, cents, memo);
    this.memoFor(it, tranId, 0.01);
    return it;
  }

  private makeExpn(ctx: FilingCtx, prev: Item | undefined): Item {
    const r = this.rng;
    const p = this.pools;
    const c = this.c.expn;
    const v = this.w.expn.blank();
    const tranId = this.tran(ctx, 'E');
    v[c.REC_TYPE] = 'EXPN';
    v[c.FORM_TYPE] = 'E';
    v[c.TRAN_ID] = tranId;
    const [code, dscr] = r.pick(p.expnCodes);
    const toCommittee = (code === 'CTB' || code === 'MON' || code === 'TSF') && r.chance(0.75);
    const entity = toCommittee ? 'COM' : r.pick(p.expnEntity);
    v[c.ENTITY_CD] = entity;
    let place = r.pick(p.places);
    if (entity === 'COM' || entity === 'RCP' || entity === 'SCC') {
      const cm = this.committee(ctx.year);
      v[c.PAYEE_NAML] = cm.name;
      v[c.CMTE_ID] = cm.id;
      place = cm.place;
    } else if (entity === 'IND') {
      const who = this.person();
      v[c.PAYEE_NAML] = who.last;
      v[c.PAYEE_NAMF] = who.first;
    } else if (entity === 'PTY') {
      v[c.PAYEE_NAML] = r.pick(p.partyNames);
    } else {
      v[c.PAYEE_NAML] = r.pick(p.payeeOrgs);
    }
    v[c.PAYEE_CITY] = place.city;
    v[c.PAYEE_ST] = place.st;
    v[c.PAYEE_ZIP4] = place.zip;
    if (r.chance(0.65)) v[c.EXPN_DATE] = fmtDate(this.day(ctx.from, ctx.thru));
    // Refunds and adjustments appear as negative payments (§3 Amounts).
    const cents = r.chance(0.006) ? -this.expnCents() : this.expnCents();
    v[c.AMOUNT] = money(cents);
    if (r.chance(0.3)) v[c.CUM_YTD] = money(cents * (r.chance(0.5) ? 1 : r.between(2, 6)));
    if (r.chance(0.15)) v[c.EXPN_CHKNO] = String(r.between(100, 9999));
    v[c.EXPN_CODE] = code;
    v[c.EXPN_DSCR] = dscr;
    if (code === 'IND') {
      const target = this.pickFiler('committee', ctx.year).candidate;
      if (target !== undefined) {
        v[c.CAND_NAML] = target.last;
        v[c.CAND_NAMF] = target.first;
        v[c.OFFICE_CD] = target.office[0];
        v[c.JURIS_CD] = target.office[1];
        v[c.DIST_NO] = target.dist;
        v[c.SUP_OPP_CD] = r.chance(0.8) ? 'S' : 'O';
      }
    }
    const memo = r.chance(MEMO_SHARE);
    if (memo) {
      v[c.MEMO_CODE] = 'X';
      if (prev !== undefined && r.chance(0.6)) v[c.BAKREF_TID] = prev.v[c.TRAN_ID]!;
    }
    if (r.chance(0.05)) v[c.XREF_MATCH] = 'X';
    const it = this.item(v, cents, memo);
    this.memoFor(it, tranId, 0.01);
    // Schedule G: payments made by an agent or contractor on this payment's behalf.
    if (!memo && r.chance(0.12)) {
      const n = 1 + r.geometric(0.4, 4);
      it.kids = [];
      let left = cents;
      for (let k = 0; k < n && left > 100; k++) {
        const g = this.w.expn.blank();
        g[c.REC_TYPE] = 'EXPN';
        g[c.FORM_TYPE] = 'G';
        g[c.TRAN_ID] = this.tran(ctx, 'G');
        g[c.ENTITY_CD] = 'OTH';
        g[c.PAYEE_NAML] = r.pick(p.payeeOrgs);
        const gp = r.pick(p.places);
        g[c.PAYEE_CITY] = gp.city;
        g[c.PAYEE_ST] = gp.st;
        g[c.PAYEE_ZIP4] = gp.zip;
        if (r.chance(0.8)) g[c.EXPN_DATE] = fmtDate(this.day(ctx.from, ctx.thru));
        const part = k === n - 1 ? left : Math.max(1, Math.round(left * (0.2 + 0.5 * r.next())));
        left -= part;
        g[c.AMOUNT] = money(part);
        g[c.EXPN_CODE] = r.pick(p.expnCodes)[0];
        g[c.AGENT_NAML] = v[c.PAYEE_NAML]!;
        g[c.BAKREF_TID] = tranId;
        g[c.G_FROM_E_F] = 'E';
        it.kids.push(this.item(g, part, false));
      }
    }
    return it;
  }

  private makeLoan(ctx: FilingCtx): Item {
    const r = this.rng;
    const p = this.pools;
    const c = this.c.loan;
    const v = this.w.loan.blank();
    const tranId = this.tran(ctx, 'B1');
    v[c.REC_TYPE] = 'LOAN';
    v[c.FORM_TYPE] = 'B1';
    v[c.TRAN_ID] = tranId;
    const x = r.next();
    const entity = x < 0.6 ? 'IND' : x < 0.85 ? 'COM' : 'OTH';
    v[c.ENTITY_CD] = entity;
    let place = r.pick(p.places);
    if (entity === 'IND') {
      const cand = ctx.filer.candidate;
      const self = cand !== undefined && r.chance(0.6);
      const who = self ? { last: cand.last, first: cand.first } : this.person();
      v[c.LNDR_NAML] = who.last;
      v[c.LNDR_NAMF] = who.first;
      const [emp, occ] = r.pick(p.empOcc);
      v[c.LOAN_EMP] = emp;
      v[c.LOAN_OCC] = occ;
      if (self) {
        v[c.LOAN_SELF] = 'Y';
        place = ctx.filer.place;
      }
    } else if (entity === 'COM') {
      const cm = this.committee(ctx.year);
      v[c.LNDR_NAML] = cm.name;
      v[c.CMTE_ID] = cm.id;
      place = cm.place;
    } else {
      v[c.LNDR_NAML] = r.pick(p.bankNames);
    }
    v[c.LOAN_CITY] = place.city;
    v[c.LOAN_ST] = place.st;
    v[c.LOAN_ZIP4] = place.zip;
    const fresh = r.chance(0.6);
    const original = COMMON_LATE.pick(r) * 100 * (r.chance(0.3) ? 10 : 1);
    const begin = fresh ? 0 : original;
    const received = fresh ? original : 0;
    const paid = r.chance(0.25) ? Math.round((begin + received) * r.next() * 0.01) * 100 : 0;
    const outstanding = begin + received - paid;
    v[c.LOAN_DATE1] = fmtDate(fresh ? this.day(ctx.from, ctx.thru) : Math.max(dayOf(2000, 1, 1), ctx.from - r.between(30, 700)));
    if (r.chance(0.5)) v[c.LOAN_DATE2] = fmtDate(ctx.thru + r.between(30, 900));
    v[c.LOAN_AMT1] = money(begin);
    v[c.LOAN_AMT2] = money(received);
    v[c.LOAN_AMT3] = money(paid);
    v[c.LOAN_AMT4] = money(outstanding);
    v[c.LOAN_AMT5] = '0';
    v[c.LOAN_AMT6] = '0';
    v[c.LOAN_AMT7] = '0';
    v[c.LOAN_AMT8] = money(original);
    if (r.chance(0.75)) v[c.LOAN_RATE] = r.pick(p.loanRates);
    const memo = r.chance(MEMO_SHARE);
    if (memo) v[c.MEMO_CODE] = 'X';
    const it = this.item(v, received, memo, [received, paid, outstanding]);
    this.memoFor(it, tranId, 0.05);
    return it;
  }

  private makeDebt(ctx: FilingCtx): Item {
    const r = this.rng;
    const p = this.pools;
    const c = this.c.debt;
    const v = this.w.debt.blank();
    const tranId = this.tran(ctx, 'F');
    v[c.REC_TYPE] = 'DEBT';
    v[c.FORM_TYPE] = 'F';
    v[c.TRAN_ID] = tranId;
    const ind = r.chance(0.22);
    v[c.ENTITY_CD] = ind ? 'IND' : 'OTH';
    if (ind) {
      const who = this.person();
      v[c.PAYEE_NAML] = who.last;
      v[c.PAYEE_NAMF] = who.first;
    } else {
      v[c.PAYEE_NAML] = r.pick(p.payeeOrgs);
    }
    const place = r.pick(p.places);
    v[c.PAYEE_CITY] = place.city;
    v[c.PAYEE_ST] = place.st;
    v[c.PAYEE_ZIP4] = place.zip;
    const begin = r.chance(0.5) ? 0 : this.expnCents();
    const incurred = begin === 0 || r.chance(0.4) ? this.expnCents() : 0;
    const paid = r.chance(0.4) ? Math.round((begin + incurred) * r.next()) : 0;
    v[c.BEG_BAL] = money(begin);
    v[c.AMT_INCUR] = money(incurred);
    v[c.AMT_PAID] = money(paid);
    v[c.END_BAL] = money(begin + incurred - paid);
    const [code, dscr] = r.pick(p.expnCodes);
    v[c.EXPN_CODE] = code;
    if (r.chance(0.35)) v[c.EXPN_DSCR] = dscr;
    const memo = r.chance(MEMO_SHARE);
    if (memo) v[c.MEMO_CODE] = 'X';
    const it = this.item(v, incurred, memo, [incurred, paid, begin + incurred - paid]);
    this.memoFor(it, tranId, 0.01);
    return it;
  }

  private genF460(year: number): number {
    const r = this.rng;
    const filer = this.pickFiler('committee', year);
    const per = this.f460Period(year);
    const ctx = this.newFiling(filer, year, per.from, per.thru);
    const k = Math.min(MAX_ROWS_PER_SCHEDULE, Math.max(1, Math.round(r.logNormal(3.4, 1.15))));
    let s: F460Schedules = { A: [], C: [], I: [], E: [], B1: [], F: [] };
    for (let i = 0; i < k; i++) s.A.push(this.makeRcpt('A', ctx));
    if (r.chance(0.3)) for (let i = 1 + r.geometric(0.5, 20); i > 0; i--) s.C.push(this.makeRcpt('C', ctx));
    if (r.chance(0.3)) for (let i = 1 + r.geometric(0.3, 5); i > 0; i--) s.I.push(this.makeRcpt('I', ctx));
    const nE = Math.min(MAX_ROWS_PER_SCHEDULE, r.round(k * (0.25 + 0.35 * r.next())));
    for (let i = 0; i < nE; i++) s.E.push(this.makeExpn(ctx, s.E[s.E.length - 1]));
    if (r.chance(0.22)) for (let i = 1 + r.geometric(0.35, 6); i > 0; i--) s.B1.push(this.makeLoan(ctx));
    if (r.chance(0.35)) for (let i = 1 + r.geometric(0.8, 40); i > 0; i--) s.F.push(this.makeDebt(ctx));

    const versions = this.versionCount();
    let filed = per.rpt;
    let written = 0;
    for (let v = 0; v < versions; v++) {
      if (this.w.rcpt.full) break;
      if (v > 0) {
        s = this.amendF460(s, ctx);
        filed += r.between(10, 200);
      }
      this.writeF460Version(ctx, per, v, filed, s);
      written++;
    }
    if (written > 1) this.amendedFilings++;
    return k;
  }

  private amendF460(s: F460Schedules, ctx: FilingCtx): F460Schedules {
    const rc = this.c.rcpt;
    const ec = this.c.expn;
    const next: F460Schedules = {
      A: this.amendList(s.A, () => this.makeRcpt('A', ctx), (it) => this.repriced(it, rc.AMOUNT, rc.CUM_YTD)),
      C: this.amendList(s.C, () => this.makeRcpt('C', ctx), (it) => this.repriced(it, rc.AMOUNT, rc.CUM_YTD)),
      I: this.amendList(s.I, () => this.makeRcpt('I', ctx), (it) => this.repriced(it, rc.AMOUNT, undefined)),
      E: this.amendList(s.E, () => this.makeExpn(ctx, undefined), (it) => this.repriced(it, ec.AMOUNT, ec.CUM_YTD)),
      B1: this.amendList(s.B1, () => this.makeLoan(ctx), (it) => it),
      F: this.amendList(s.F, () => this.makeDebt(ctx), (it) => it),
    };
    // Some amendments drop a whole schedule (§4: why the current version comes from the
    // cover, not from the largest AMEND_ID per table).
    if (this.rng.chance(0.15)) {
      const candidates = (['E', 'E', 'E', 'F', 'B1', 'C', 'I'] as const).filter((x) => next[x].length > 0);
      if (candidates.length > 0) next[this.rng.pick(candidates)] = [];
    }
    return next;
  }

  private writeF460Version(
    ctx: FilingCtx,
    per: { stmt: string; from: number; thru: number; elect: number | undefined },
    amendNo: number,
    filed: number,
    s: F460Schedules,
  ): void {
    const r = this.rng;
    const fid = ctx.fid;
    const amend = String(amendNo);
    this.writeCampaignCover(ctx, 'F460', amendNo, filed, {
      stmt: per.stmt,
      from: per.from,
      thru: per.thru,
      ...(per.elect === undefined ? {} : { elect: per.elect }),
    });
    this.writeFilerFiling(ctx, 'F460', amendNo, filed, per.from, per.thru, filed);

    const memos: Memo[] = [];
    const rcpt = this.w.rcpt;
    const rc = this.c.rcpt;
    const itemA = this.writeItems(rcpt, rc, s.A, fid, amend, 'A', memos);
    const itemC = this.writeItems(rcpt, rc, s.C, fid, amend, 'C', memos);
    const itemI = this.writeItems(rcpt, rc, s.I, fid, amend, 'I', memos);
    const ec = this.c.expn;
    const itemE = this.writeItems(this.w.expn, ec, s.E, fid, amend, 'E', memos);
    const kids: Item[] = [];
    for (const e of s.E) if (e.kids !== undefined) kids.push(...e.kids);
    this.writeItems(this.w.expn, ec, kids, fid, amend, 'G', memos);
    const loan = [0, 0, 0];
    this.writeItems(this.w.loan, this.c.loan, s.B1, fid, amend, 'B1', memos, loan);
    const debt = [0, 0, 0];
    this.writeItems(this.w.debt, this.c.debt, s.F, fid, amend, 'F', memos, debt);
    this.writeMemos(fid, amend, memos);

    // Summary page (see the header comment for which lines equal which rows).
    const cents = (max: number): number => (r.chance(0.5) ? r.int(max) * 100 : r.int(max * 100));
    const unA = r.chance(0.8) ? cents(3000) : 0;
    const unE = r.chance(0.6) ? cents(1500) : 0;
    const unI = s.I.length > 0 && r.chance(0.3) ? cents(100) : 0;
    const totA = itemA + unA;
    const totC = itemC;
    const totE = itemE + unE;
    const totI = itemI + unI;
    const [loanIn = 0, loanPaid = 0, loanEnd = 0] = loan;
    const [incurred = 0, debtPaid = 0, debtEnd = 0] = debt;
    let shownA = itemA;
    let shownE = itemE;
    if (r.chance(SMRY_MISMATCH_SHARE)) {
      const delta = r.pick([10_000, -10_000, 5_000, 100_000, 2_500]) * (r.chance(0.5) ? 1 : r.between(2, 9));
      if (r.chance(0.6)) shownA += delta;
      else shownE += delta;
      this.mismatchedVersions++;
    }
    // Column B (calendar year to date) adds the earlier reports of the year.
    const prior = civil(per.from).m === 1 && civil(per.from).d === 1 ? 0 : 0.2 + r.next();
    const ytd = (x: number): number => x + Math.round(x * prior);
    this.smry(fid, amend, 'A', '1', shownA, ytd(itemA));
    this.smry(fid, amend, 'A', '2', unA, ytd(unA));
    this.smry(fid, amend, 'A', '3', totA, ytd(totA));
    if (s.B1.length > 0) {
      this.smry(fid, amend, 'B1', '1', loanIn);
      this.smry(fid, amend, 'B1', '2', loanPaid);
      this.smry(fid, amend, 'B1', '3', loanIn - loanPaid);
    }
    if (s.C.length > 0) {
      this.smry(fid, amend, 'C', '1', itemC, ytd(itemC));
      this.smry(fid, amend, 'C', '2', 0, 0);
      this.smry(fid, amend, 'C', '3', totC, ytd(totC));
    }
    this.smry(fid, amend, 'E', '1', shownE, ytd(itemE));
    this.smry(fid, amend, 'E', '2', unE, ytd(unE));
    this.smry(fid, amend, 'E', '3', 0, 0);
    this.smry(fid, amend, 'E', '4', totE, ytd(totE));
    if (s.F.length > 0) {
      this.smry(fid, amend, 'F', '1', incurred);
      this.smry(fid, amend, 'F', '2', debtPaid);
      this.smry(fid, amend, 'F', '3', incurred - debtPaid);
    }
    if (s.I.length > 0) {
      this.smry(fid, amend, 'I', '1', itemI, ytd(itemI));
      this.smry(fid, amend, 'I', '2', unI, ytd(unI));
      this.smry(fid, amend, 'I', '3', 0, 0);
      this.smry(fid, amend, 'I', '4', totI, ytd(totI));
    }
    const l3 = totA + loanIn;
    const l5 = l3 + totC;
    const l8 = totE;
    const l9 = incurred - debtPaid;
    const l11 = l8 + l9 + totC;
    const begin = Math.max(r.int(5_000_000), l8 - l3 - totI + r.int(100_000));
    const lines: [string, number, number | undefined][] = [
      ['1', totA, ytd(totA)],
      ['2', loanIn, ytd(loanIn)],
      ['3', l3, ytd(l3)],
      ['4', totC, ytd(totC)],
      ['5', l5, ytd(l5)],
      ['6', totE, ytd(totE)],
      ['7', 0, 0],
      ['8', l8, ytd(l8)],
      ['9', l9, ytd(l9)],
      ['10', totC, ytd(totC)],
      ['11', l11, ytd(l11)],
      ['12', begin, undefined],
      ['13', l3, undefined],
      ['14', totI, undefined],
      ['15', l8, undefined],
      ['16', begin + l3 + totI - l8, undefined],
      ['19', debtEnd + loanEnd, undefined],
    ];
    for (const [line, a, b] of lines) this.smry(fid, amend, 'F460', line, a, b);
  }

  // -- F497 late contributions and F496 late independent expenditures -----------------

  private lateNo(): string {
    const n = this.rng.between(1, 400);
    return this.rng.chance(0.5) ? String(n).padStart(6, '0') : String(n);
  }

  private makeS497(ctx: FilingCtx, rpt: number, elect: number | undefined): Item {
    const r = this.rng;
    const p = this.pools;
    const c = this.c.s497;
    const v = this.w.s497.blank();
    const received = r.chance(0.78);
    const form = received ? 'F497P1' : 'F497P2';
    const tranId = this.tran(ctx, received ? 'P1' : 'P2');
    v[c.REC_TYPE] = 'S497';
    v[c.FORM_TYPE] = form;
    v[c.TRAN_ID] = tranId;
    let place = r.pick(p.places);
    if (received) {
      const x = r.next();
      const entity = x < 0.45 ? 'IND' : x < 0.75 ? 'OTH' : x < 0.92 ? 'COM' : 'PTY';
      v[c.ENTITY_CD] = entity;
      if (entity === 'IND') {
        const who = this.person();
        v[c.ENTY_NAML] = who.last;
        v[c.ENTY_NAMF] = who.first;
        const [emp, occ] = r.pick(p.empOcc);
        v[c.CTRIB_EMP] = emp;
        v[c.CTRIB_OCC] = occ;
      } else if (entity === 'COM') {
        const cm = this.committee(ctx.year);
        v[c.ENTY_NAML] = cm.name;
        v[c.CMTE_ID] = cm.id;
        place = cm.place;
      } else {
        v[c.ENTY_NAML] = entity === 'PTY' ? r.pick(p.partyNames) : r.pick(p.orgNames);
      }
    } else {
      const target = this.pickFiler('committee', ctx.year);
      v[c.ENTITY_CD] = 'COM';
      v[c.ENTY_NAML] = target.name;
      v[c.CMTE_ID] = target.id;
      place = target.place;
      if (target.candidate !== undefined) {
        v[c.CAND_NAML] = target.candidate.last;
        v[c.CAND_NAMF] = target.candidate.first;
        v[c.OFFICE_CD] = target.candidate.office[0];
        v[c.JURIS_CD] = target.candidate.office[1];
        v[c.DIST_NO] = target.candidate.dist;
      }
    }
    v[c.ENTY_CITY] = place.city;
    v[c.ENTY_ST] = place.st;
    v[c.ENTY_ZIP4] = place.zip;
    if (elect !== undefined && r.chance(0.3)) v[c.ELEC_DATE] = fmtDate(elect);
    v[c.CTRIB_DATE] = fmtDate(Math.max(ctx.from, rpt - r.int(3)));
    const cents = r.chance(0.85) ? COMMON_LATE.pick(r) * 100 : Math.round(r.logNormal(8, 1) * 100) + 100_000;
    v[c.AMOUNT] = money(cents);
    const it = this.item(v, cents, false);
    this.memoFor(it, tranId, 0.05);
    return it;
  }

  private genF497(year: number): void {
    const r = this.rng;
    const filer = this.pickFiler(r.chance(0.85) ? 'committee' : 'ie', year);
    const start = dayOf(year, 1, 3);
    const rpt = start + r.int(dayOf(year, 12, 31) - start + 1);
    const nov = electionDay(year, 11);
    const elect = rpt < nov ? nov : undefined;
    const ctx = this.newFiling(filer, year, rpt - 2, rpt);
    const lateNo = this.lateNo();
    let items: Item[] = [];
    for (let i = 1 + r.geometric(0.6, 40); i > 0; i--) items.push(this.makeS497(ctx, rpt, elect));
    const withPeriod = r.chance(0.2);
    let filed = rpt;
    const versions = this.versionCount();
    for (let v = 0; v < versions; v++) {
      if (v > 0) {
        items = this.amendList(items, () => this.makeS497(ctx, rpt, elect), (it) => this.repriced(it, this.c.s497.AMOUNT, undefined));
        filed += r.between(1, 60);
      }
      const amend = String(v);
      this.writeCampaignCover(ctx, 'F497', v, filed, {
        lateNo,
        ...(withPeriod ? { from: rpt, thru: rpt } : {}),
        ...(elect === undefined || !r.chance(0.25) ? {} : { elect }),
      });
      this.writeFilerFiling(ctx, 'F497', v, filed, rpt, rpt, rpt);
      const memos: Memo[] = [];
      const received = items.filter((it) => it.v[this.c.s497.FORM_TYPE] === 'F497P1');
      const made = items.filter((it) => it.v[this.c.s497.FORM_TYPE] === 'F497P2');
      this.writeItems(this.w.s497, this.c.s497, received, ctx.fid, amend, 'F497P1', memos);
      this.writeItems(this.w.s497, this.c.s497, made, ctx.fid, amend, 'F497P2', memos);
      this.writeMemos(ctx.fid, amend, memos);
    }
    if (versions > 1) this.amendedFilings++;
  }

  private makeS496(ctx: FilingCtx, rpt: number): Item {
    const r = this.rng;
    const c = this.c.s496;
    const v = this.w.s496.blank();
    const tranId = this.tran(ctx, 'S496');
    v[c.REC_TYPE] = 'S496';
    v[c.FORM_TYPE] = 'F496';
    v[c.TRAN_ID] = tranId;
    const cents = Math.round(Math.min(2_000_000, 1000 + r.logNormal(8.5, 1.3)) * (r.chance(0.5) ? 1 : 100)) * (r.chance(0.5) ? 100 : 1);
    v[c.AMOUNT] = money(cents);
    v[c.EXP_DATE] = fmtDate(Math.max(ctx.from, rpt - r.int(2)));
    v[c.EXPN_DSCR] = r.pick(this.pools.s496Dscr);
    const it = this.item(v, cents, false);
    if (r.chance(0.35)) {
      it.memoRef = `EDT:S496:${tranId.replace(/\D/g, '') || String(ctx.tranNo)}`;
      it.memoText = r.pick(this.pools.textMemos);
    }
    return it;
  }

  private genF496(year: number): void {
    const r = this.rng;
    const filer = this.pickFiler(r.chance(0.7) ? 'ie' : 'committee', year);
    const nov = electionDay(year, 11);
    const rpt = nov - r.between(1, 90);
    const ctx = this.newFiling(filer, year, rpt - 1, rpt);
    const target = this.pickFiler('committee', year).candidate ?? {
      first: r.pick(this.pools.firstNames),
      last: r.pick(this.pools.lastNames),
      office: OFFICES[0],
      dist: String(r.between(1, 80)),
    };
    const sup = r.chance(0.6) ? 'S' : 'O';
    const lateNo = this.lateNo();
    let items: Item[] = [];
    for (let i = 1 + r.geometric(0.4, 10); i > 0; i--) items.push(this.makeS496(ctx, rpt));
    let filed = rpt;
    const versions = this.versionCount();
    for (let v = 0; v < versions; v++) {
      if (v > 0) {
        items = this.amendList(items, () => this.makeS496(ctx, rpt), (it) => this.repriced(it, this.c.s496.AMOUNT, undefined));
        filed += r.between(1, 30);
      }
      const amend = String(v);
      this.writeCampaignCover(ctx, 'F496', v, filed, { lateNo, target, sup });
      this.writeFilerFiling(ctx, 'F496', v, filed, rpt, rpt, rpt);
      const memos: Memo[] = [];
      this.writeItems(this.w.s496, this.c.s496, items, ctx.fid, amend, 'F496', memos);
      this.writeMemos(ctx.fid, amend, memos);
    }
    if (versions > 1) this.amendedFilings++;
  }

  // -- lobbying: F635 (employer) and F625 (firm) quarterly reports --------------------

  private writeLobbyCover(ctx: FilingCtx, form: string, amend: number, rpt: number, hasCtrib: boolean): void {
    const w = this.w.cvrl;
    const c = this.c.cvrl;
    const r = this.rng;
    const f = ctx.filer;
    const v = w.blank();
    const signer = this.person();
    const session = ctx.year % 2 === 1 ? ctx.year : ctx.year - 1;
    v[c.FILING_ID] = ctx.fid;
    v[c.AMEND_ID] = String(amend);
    v[c.REC_TYPE] = 'CVR';
    v[c.FORM_TYPE] = form;
    v[c.SENDER_ID] = f.coverId;
    v[c.FILER_ID] = f.coverId;
    v[c.ENTITY_CD] = f.entityCd;
    v[c.FILER_NAML] = f.name;
    v[c.REPORT_NUM] = this.reportNum(amend);
    v[c.RPT_DATE] = fmtDate(rpt);
    v[c.FROM_DATE] = fmtDate(ctx.from);
    v[c.THRU_DATE] = fmtDate(ctx.thru);
    v[c.CUM_BEG_DT] = fmtDate(dayOf(session, 1, 1));
    v[c.FIRM_ID] = f.coverId;
    if (form === 'F625' || r.chance(0.6)) v[c.FIRM_NAME] = f.name;
    v[c.FIRM_CITY] = f.place.city;
    v[c.FIRM_ST] = f.place.st;
    v[c.FIRM_ZIP4] = f.place.zip;
    v[c.FIRM_PHON] = f.phone;
    v[c.SIG_DATE] = fmtDate(rpt);
    v[c.SIG_LOC] = `${f.place.city}, ${f.place.st}`;
    v[c.SIG_NAML] = signer.last;
    v[c.SIG_NAMF] = signer.first;
    v[c.SIG_TITLE] = r.pick(this.pools.sigTitles);
    v[c.PRN_NAML] = signer.last;
    v[c.PRN_NAMF] = signer.first;
    if (form === 'F625') {
      v[c.PART1_1_CB] = 'X';
      v[c.LOBBY_N_CB] = 'X';
    } else {
      v[c.LBY_ACTVTY] = r.pick(this.pools.lbyActvty);
    }
    if (hasCtrib) v[c.CTRIB_Y_CB] = 'X';
    else v[c.CTRIB_N_CB] = 'X';
    if (form === 'F635' && r.chance(0.1)) {
      const cm = this.committee(ctx.year);
      v[c.RCPCMTE_NM] = cm.name;
      v[c.RCPCMTE_ID] = cm.id;
    }
    w.writeRow(v);
  }

  private makeLpay(ctx: FilingCtx, form: 'F625P2' | 'F635P3B'): Item {
    const r = this.rng;
    const c = this.c.lpay;
    const v = this.w.lpay.blank();
    const other = this.pickFiler(form === 'F625P2' ? 'employer' : 'firm', ctx.year);
    v[c.REC_TYPE] = 'LPAY';
    v[c.FORM_TYPE] = form;
    v[c.TRAN_ID] = this.tran(ctx, 'LPAY');
    if (r.chance(0.75)) v[c.ENTITY_CD] = other.entityCd;
    v[c.EMPLR_NAML] = other.name;
    v[c.EMPLR_CITY] = other.place.city;
    v[c.EMPLR_ST] = other.place.st;
    v[c.EMPLR_ZIP4] = other.place.zip;
    if (r.chance(0.75)) v[c.EMPLR_PHON] = other.phone;
    if (form === 'F625P2' && r.chance(0.8)) v[c.LBY_ACTVTY] = r.pick(this.pools.lbyActvty);
    const fees = r.chance(0.5) ? r.between(1, 60) * 50_000 : Math.round(r.logNormal(9, 1) * 100);
    const reimb = r.chance(0.3) ? Math.round(r.logNormal(5, 1.2) * 100) : 0;
    v[c.FEES_AMT] = money(fees);
    v[c.REIMB_AMT] = money(reimb);
    v[c.ADVAN_AMT] = '0';
    if (r.chance(0.2)) v[c.ADVAN_DSCR] = r.pick(['none', '0', 'None', 'N/A']);
    v[c.PER_TOTAL] = money(fees + reimb);
    v[c.CUM_TOTAL] = money((fees + reimb) * r.between(1, 8));
    if (r.chance(0.05)) v[c.EMPLR_ID] = other.coverId;
    return this.item(v, fees + reimb, false);
  }

  private makeLexp(ctx: FilingCtx, form: string): Item {
    const r = this.rng;
    const p = this.pools;
    const c = this.c.lexp;
    const v = this.w.lexp.blank();
    const tranId = this.tran(ctx, 'LEXP');
    v[c.REC_TYPE] = 'LEXP';
    v[c.FORM_TYPE] = form;
    v[c.TRAN_ID] = tranId;
    v[c.RECSUBTYPE] = '1';
    v[c.ENTITY_CD] = r.chance(0.95) ? 'OTH' : 'IND';
    v[c.PAYEE_NAML] = r.pick(p.lexpPayees);
    const place = r.pick(p.places);
    v[c.PAYEE_CITY] = place.city;
    v[c.PAYEE_ST] = place.st;
    v[c.PAYEE_ZIP4] = place.zip;
    const bene = Math.round(r.logNormal(3.5, 0.9) * 100);
    v[c.BENE_NAME] = r.pick(p.beneNames);
    v[c.BENE_POSIT] = r.pick(p.benePosits);
    v[c.BENE_AMT] = money(bene);
    v[c.EXPN_DSCR] = r.pick(p.lexpDscr);
    v[c.EXPN_DATE] = fmtDate(this.day(ctx.from, ctx.thru));
    const it = this.item(v, bene, false);
    // A payment for several officials: detail rows (RECSUBTYPE 2) point back to it.
    if (r.chance(0.2)) {
      it.kids = [];
      let total = bene;
      for (let i = 1 + r.geometric(0.4, 5); i > 0; i--) {
        const d = this.w.lexp.blank();
        const amount = Math.round(r.logNormal(3.5, 0.9) * 100);
        total += amount;
        d[c.REC_TYPE] = 'LEXP';
        d[c.FORM_TYPE] = form;
        d[c.TRAN_ID] = this.tran(ctx, 'LEXP');
        d[c.RECSUBTYPE] = '2';
        d[c.BENE_NAME] = r.pick(p.beneNames);
        d[c.BENE_POSIT] = r.pick(p.benePosits);
        d[c.BENE_AMT] = money(amount);
        d[c.BAKREF_TID] = tranId;
        // Detail rows are part of the main row's AMOUNT: excluded from sums like memos.
        it.kids.push(this.item(d, 0, true));
      }
      it.cents = total;
    }
    v[c.AMOUNT] = money(it.cents);
    return it;
  }

  private makeLccm(ctx: FilingCtx, form: string): Item {
    const r = this.rng;
    const c = this.c.lccm;
    const v = this.w.lccm.blank();
    const cm = this.pickFiler('committee', ctx.year);
    v[c.REC_TYPE] = 'LCCM';
    v[c.FORM_TYPE] = form;
    v[c.TRAN_ID] = this.tran(ctx, 'LCCM');
    if (r.chance(0.77)) v[c.ENTITY_CD] = r.chance(0.85) ? 'COM' : 'RCP';
    v[c.RECIP_NAML] = cm.name;
    if (r.chance(0.2)) {
      v[c.RECIP_CITY] = cm.place.city;
      v[c.RECIP_ST] = cm.place.st;
      v[c.RECIP_ZIP4] = cm.place.zip;
    }
    v[c.RECIP_ID] = cm.id;
    v[c.CTRIB_DATE] = fmtDate(this.day(ctx.from, ctx.thru));
    const cents = COMMON_LATE.pick(r) * (r.chance(0.5) ? 100 : 25);
    v[c.AMOUNT] = money(cents);
    return this.item(v, cents, false);
  }

  private genLobby(year: number, form: 'F625' | 'F635'): void {
    const r = this.rng;
    const filer = this.pickFiler(form === 'F625' ? 'firm' : 'employer', year);
    const q = r.int(4);
    const from = dayOf(year, q * 3 + 1, 1);
    const thru = dayOf(year, q * 3 + 3, daysInMonth(year, q * 3 + 3));
    const ctx = this.newFiling(filer, year, from, thru);
    const payForm = form === 'F625' ? 'F625P2' : 'F635P3B';
    const lexpForm = form === 'F625' ? 'F625P3A' : 'F635P3C';
    const lccmForm = form === 'F625' ? 'F625P4B' : 'F635P4B';
    let pay: Item[] = [];
    let lexp: Item[] = [];
    let lccm: Item[] = [];
    const nPay = form === 'F625' ? 1 + r.geometric(0.75, 40) : 1 + r.geometric(0.5, 15);
    for (let i = 0; i < nPay; i++) pay.push(this.makeLpay(ctx, payForm));
    const nLexp = form === 'F625' ? (r.chance(0.2) ? 1 + r.geometric(0.3, 3) : 0) : r.chance(0.6) ? 1 + r.geometric(0.5, 20) : 0;
    for (let i = 0; i < nLexp; i++) lexp.push(this.makeLexp(ctx, lexpForm));
    const nLccm = form === 'F625' ? (r.chance(0.1) ? 1 : 0) : r.chance(0.35) ? 1 + r.geometric(0.55, 15) : 0;
    for (let i = 0; i < nLccm; i++) lccm.push(this.makeLccm(ctx, lccmForm));
    const inHouse = form === 'F635' && r.chance(0.5) ? r.int(2_000_000) * 10 : 0;
    const other = form === 'F635' && r.chance(0.4) ? r.int(500_000) * 10 : 0;

    let filed = thru + r.between(10, 30);
    const versions = this.versionCount();
    for (let v = 0; v < versions; v++) {
      if (v > 0) {
        pay = this.amendList(pay, () => this.makeLpay(ctx, payForm), (it) => it);
        lexp = this.amendList(lexp, () => this.makeLexp(ctx, lexpForm), (it) => it);
        lccm = this.amendList(lccm, () => this.makeLccm(ctx, lccmForm), (it) => it);
        filed += r.between(10, 300);
      }
      const amend = String(v);
      this.writeLobbyCover(ctx, form, v, filed, lccm.length > 0);
      this.writeFilerFiling(ctx, form, v, filed, from, thru, undefined);
      const memos: Memo[] = [];
      const paid = this.writeItems(this.w.lpay, this.c.lpay, pay, ctx.fid, amend, payForm, memos);
      const rows: Item[] = [];
      for (const it of lexp) rows.push(it, ...(it.kids ?? []));
      const spent = this.writeItems(this.w.lexp, this.c.lexp, rows, ctx.fid, amend, lexpForm, memos);
      this.writeItems(this.w.lccm, this.c.lccm, lccm, ctx.fid, amend, lccmForm, memos);
      this.writeMemos(ctx.fid, amend, memos);
      const cum = 1 + (civil(from).m - 1) / 3 + (ctx.year % 2 === 0 ? 4 : 0);
      if (form === 'F635') {
        const abcd = inHouse + paid + spent + other;
        for (const [line, a] of [
          ['A', inHouse],
          ['B', paid],
          ['C', spent],
          ['D', other],
          ['E', 0],
          ['ABCD', abcd],
        ] as const) {
          this.smry(ctx.fid, amend, 'F635', line, a, a * cum);
        }
      } else {
        this.smry(ctx.fid, amend, 'F625', 'A', paid, paid * cum);
        this.smry(ctx.fid, amend, 'F625', 'B', spent, spent * cum);
        this.smry(ctx.fid, amend, 'F625', 'C', 0, 0);
      }
    }
    if (versions > 1) this.amendedFilings++;
  }

  private genF635(year: number): void {
    this.genLobby(year, 'F635');
  }

  private genF625(year: number): void {
    this.genLobby(year, 'F625');
  }
}

// ---------------------------------------------------------------------------------------

/**
 * Writes a CAL-ACCESS bulk export with `rows` RCPT_CD lines to `out`, shaped like the
 * sample in `sampleDir`, and returns (and writes to generator-manifest.json) what it wrote.
 */
export async function generateCalaccess(opts: GenerateOptions): Promise<GeneratorManifest> {
  const seed = (opts.seed ?? 1) >>> 0;
  const dirtyRate = opts.dirtyRate ?? 0.002;
  if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error(`rows must be a whole number of at least 1 (got ${opts.rows})`);
  if (!(dirtyRate >= 0 && dirtyRate <= 0.5)) throw new Error(`dirtyRate must be from 0 to 0.5 (got ${dirtyRate})`);
  await mkdir(opts.out, { recursive: true });

  const names = (await readdir(opts.sampleDir)).filter((n) => n.toUpperCase().endsWith('.TSV')).sort();
  for (const g of GENERATED_FILES) {
    if (!names.includes(g)) throw new Error(`the sample folder ${opts.sampleDir} has no ${g}`);
  }
  const generated = new Set<string>(GENERATED_FILES);
  const files: Record<string, GeneratedFile> = {};
  const samples = new Map<string, SampleTable>();
  const headers = new Map<string, string>();
  for (const name of names) {
    const buf = await readFile(path.join(opts.sampleDir, name));
    if (generated.has(name)) {
      const text = buf.toString('latin1');
      const end = text.indexOf('\r\n');
      if (end <= 0) throw new Error(`the sample's ${name} has no header line`);
      headers.set(name, text.slice(0, end));
      samples.set(name, parseTable(text));
    } else {
      // Lookups and tables we do not model: copied as they are, dirt and all.
      await writeFile(path.join(opts.out, name), buf);
      const scan = scanTsv(buf);
      files[name] = { lines: scan.lines, bytes: buf.length, dirty: scan.dirty, generated: false };
    }
  }
  const pools = loadPools(samples);
  samples.clear();

  const dirt: DirtSource = { rate: dirtyRate, rng: new Rand(mixSeed(seed, 0xd127)) };
  const open = (file: GeneratedFileName): TableWriter =>
    new TableWriter(file, createWriteStream(path.join(opts.out, file), { highWaterMark: STREAM_BUFFER }), headers.get(file)!, dirt);
  const writers = Object.fromEntries(Object.entries(WRITER_FILES).map(([key, file]) => [key, open(file)])) as unknown as Writers;
  setProfiles(writers);

  const gen = new CalaccessGenerator(seed, opts.rows, dirtyRate, pools, writers);
  let closed: PromiseSettledResult<void>[] = [];
  try {
    await gen.run((rows) => opts.onProgress?.({ file: 'RCPT_CD.TSV', rows }));
  } finally {
    // Close every stream even after a failure, so no file descriptor is left open.
    closed = await Promise.allSettled(writerList(writers).map((w) => w.close()));
  }
  for (const c of closed) if (c.status === 'rejected') throw c.reason instanceof Error ? c.reason : new Error(String(c.reason));
  for (const w of writerList(writers)) {
    files[w.file] = { lines: w.lines, bytes: w.bytes, dirty: { ...w.dirty }, generated: true };
  }

  const manifest: GeneratorManifest = {
    seed,
    rows: opts.rows,
    dirty_rate: dirtyRate,
    files: Object.fromEntries(names.map((n) => [n, files[n]!])),
    filings: gen.filings,
    amended_filings: gen.amendedFilings,
    filers: gen.filers,
    smry_mismatched_versions: gen.mismatchedVersions,
  };
  await writeFile(path.join(opts.out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
