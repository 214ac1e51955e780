// One generation run's shared state and the pieces every form uses. The state: the
// content's PRNG, the pools, the writers and their columns, the next FILING_ID and the
// counts the manifest reports. The pieces: a new filing, its transaction ids and versions,
// itemized rows with their memos, SMRY_CD lines and the FILER_FILINGS_CD row.
import { filerInfo, type FilerInfo, type FilerKind } from './filers.js';
import { civil, fmtDate, fmtStamp, money, yearOf } from './formats.js';
import type { Place, Pools } from './pools.js';
import { mixSeed, Rand } from './random.js';
import type { TableWriter } from './table-writer.js';
import { columnsOf, type Columns, type Writers } from './tables.js';

// Generated ids start above the real ones, so a copied sample table (CVR2_*, SPLT_CD, ...)
// never seems to join a generated filing by accident.
const FIRST_FILING_ID = 3_000_000;

/** One schedule row before its version's keys are set: a version that keeps it writes it again. */
export interface Item {
  v: string[];
  cents: number;
  memo: boolean;
  memoRef: string;
  memoText: string;
  /** Per schedule: LOAN [received, paid, outstanding], DEBT [incurred, paid, end balance]. */
  n: number[];
  kids: Item[] | undefined;
}

export interface Memo {
  form: string;
  ref: string;
  text: string;
}

/** One filing while its versions are written. */
export interface FilingCtx {
  fid: string;
  filer: FilerInfo;
  year: number;
  from: number;
  thru: number;
  /** How this filer writes TRAN_IDs: one of two prefixes, random characters, or a bare number. */
  style: number;
  tranNo: number;
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

/** What every form of one run draws on and writes to; the forms are functions of it. */
export class GeneratorContext {
  readonly rng: Rand;
  readonly c: Columns;
  readonly filerCount: number;
  private nextFilingId = FIRST_FILING_ID;
  /** The manifest's counts: distinct FILING_IDs, amended filings, F460 versions whose SMRY disagrees. */
  filings = 0;
  amendedFilings = 0;
  mismatchedVersions = 0;

  constructor(
    readonly seed: number,
    rows: number,
    readonly dirtyRate: number,
    readonly pools: Pools,
    readonly w: Writers,
  ) {
    this.rng = new Rand(mixSeed(seed, 0x5eed));
    this.c = columnsOf(w);
    this.filerCount = Math.max(40, Math.round(rows / 200));
  }

  /** A filer of the kind, active in the year (filers appear over time, by index). */
  pickFiler(kind: FilerKind, year: number): FilerInfo {
    const slots = kind === 'committee' ? 15 : kind === 'employer' ? 3 : 1;
    const first = kind === 'committee' ? 0 : kind === 'ie' ? 15 : kind === 'firm' ? 16 : 17;
    const active = Math.max(20, Math.min(this.filerCount, Math.ceil((this.filerCount * (year - 1999)) / 17)));
    let i = this.rng.int(Math.ceil(active / 20)) * 20 + first + this.rng.int(slots);
    while (i >= active && i >= 20) i -= 20;
    return filerInfo(this, i);
  }

  newFiling(filer: FilerInfo, year: number, from: number, thru: number): FilingCtx {
    this.nextFilingId += 1 + this.rng.int(25);
    this.filings++;
    return { fid: String(this.nextFilingId), filer, year, from, thru, style: this.rng.int(4), tranNo: this.rng.between(1, 3000) };
  }

  tran(ctx: FilingCtx, kind: string): string {
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

  /** How many versions a filing has: nine in ten have one. */
  versionCount(): number {
    const r = this.rng.next();
    return r < 0.9 ? 1 : r < 0.98 ? 2 : 3;
  }

  day(from: number, thru: number): number {
    return from + this.rng.int(thru - from + 1);
  }

  person(): { last: string; first: string } {
    return { last: this.rng.pick(this.pools.lastNames), first: this.rng.pick(this.pools.firstNames) };
  }

  /** A committee named on a schedule row: a generated filer (with its id) or a pooled name. */
  committee(year: number): { name: string; id: string; place: Place } {
    if (this.rng.chance(0.6)) {
      const f = this.pickFiler('committee', year);
      return { name: f.name, id: f.id, place: f.place };
    }
    return { name: this.rng.pick(this.pools.committeeNames), id: '', place: this.rng.pick(this.pools.places) };
  }

  /** A TEXT_MEMO_CD note: always for a memo entry, else for `share` of the rows. */
  memoFor(item: Item, tranId: string, share: number): void {
    if (item.memo || this.rng.chance(share)) {
      item.memoRef = this.rng.chance(0.7) ? tranId : `XT${tranId.replace(/\D/g, '') || String(this.rng.int(9999))}`;
      item.memoText = this.rng.pick(this.pools.textMemos);
    }
  }

  item(v: string[], cents: number, memo: boolean, n: number[] = []): Item {
    return { v, cents, memo, memoRef: '', memoText: '', n, kids: undefined };
  }

  /** Writes items with LINE_ITEM 1..k; returns the sum of the non-memo amounts written. */
  writeItems(
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

  writeMemos(fid: string, amend: string, memos: readonly Memo[]): void {
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

  /** One SMRY_CD line; `b` is column B (calendar year to date) where the form has one. */
  smry(fid: string, amend: string, form: string, line: string, a: number, b?: number): void {
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

  /** REPORT_NUM as filers type it: 000, 001, ... and now and then a bare number. */
  reportNum(amend: number): string {
    if (amend > 0 && this.rng.chance(0.05)) return String(amend);
    return String(amend).padStart(3, '0');
  }

  /** A version's FILER_FILINGS_CD row. */
  writeFilerFiling(ctx: FilingCtx, form: string, amend: number, filed: number, start: number, end: number, rptDate: number | undefined): void {
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

  /** Amendment of a list: most rows kept as they are, a few changed, removed or added. */
  amendList(list: readonly Item[], make: () => Item, reprice: (it: Item) => Item): Item[] {
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
}
