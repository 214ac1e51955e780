// Campaign forms: Form 460 (the campaign report: cover, schedules, summary page), Form 497
// (late contributions) and Form 496 (late independent expenditures). Each filing is drawn
// once and written in every version, with a cover and a FILER_FILINGS_CD row per version.
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
// On SMRY_MISMATCH_SHARE of F460 versions, line A 1 or E 1 deliberately disagrees with
// its rows (as real filings sometimes do); the manifest counts those versions.
import { makeDebt, makeExpn, makeLoan, makeRcpt } from './campaign-schedules.js';
import type { FilingCtx, GeneratorContext, Item, Memo } from './context.js';
import { OFFICES, type Candidate } from './filers.js';
import { civil, dayOf, daysInMonth, electionDay, fmtDate, money } from './formats.js';
import { COMMON_LATE } from './random.js';

const SMRY_MISMATCH_SHARE = 0.03;
const MAX_ROWS_PER_SCHEDULE = 2000;

interface F460Schedules {
  A: Item[];
  C: Item[];
  I: Item[];
  E: Item[];
  B1: Item[];
  F: Item[];
}

/** A version's CVR_CAMPAIGN_DISCLOSURE_CD row (F460, F497 or F496). */
function writeCampaignCover(
  g: GeneratorContext,
  ctx: FilingCtx,
  form: string,
  amend: number,
  rpt: number,
  extra: { stmt?: string; from?: number; thru?: number; elect?: number; lateNo?: string; target?: Candidate; sup?: string },
): void {
  const w = g.w.cvr;
  const c = g.c.cvr;
  const r = g.rng;
  const f = ctx.filer;
  const v = w.blank();
  v[c.FILING_ID] = ctx.fid;
  v[c.AMEND_ID] = String(amend);
  v[c.REC_TYPE] = 'CVR';
  v[c.FORM_TYPE] = form;
  v[c.FILER_ID] = f.id;
  v[c.ENTITY_CD] = f.entityCd;
  v[c.FILER_NAML] = f.name;
  v[c.REPORT_NUM] = g.reportNum(amend);
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
  if (amend > 0 && r.chance(0.4)) v[c.AMENDEXP_1] = r.pick(g.pools.amendExp);
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

/** An amended row with another amount (and CUM_YTD with it, when the row has one). */
function repriced(g: GeneratorContext, it: Item, amountCol: number, cumCol: number | undefined): Item {
  const v = it.v.slice();
  const factor = g.rng.chance(0.5) ? 2 : 0.5 + g.rng.next();
  const cents = Math.round(it.cents * factor) || it.cents + 100;
  v[amountCol] = money(cents);
  if (cumCol !== undefined && v[cumCol] !== '') v[cumCol] = money(cents);
  return { ...it, v, cents };
}

// -- F460: the campaign report ------------------------------------------------------

/** The period and dates of one F460, by its STMT_TYPE: SA, PE, QT or TS. */
function f460Period(g: GeneratorContext, year: number): { stmt: string; from: number; thru: number; elect: number | undefined; rpt: number } {
  const r = g.rng;
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

/** One F460 filing with its amendments; returns its count of Schedule A rows. */
export function genF460(g: GeneratorContext, year: number): number {
  const r = g.rng;
  const filer = g.pickFiler('committee', year);
  const per = f460Period(g, year);
  const ctx = g.newFiling(filer, year, per.from, per.thru);
  const k = Math.min(MAX_ROWS_PER_SCHEDULE, Math.max(1, Math.round(r.logNormal(3.4, 1.15))));
  let s: F460Schedules = { A: [], C: [], I: [], E: [], B1: [], F: [] };
  for (let i = 0; i < k; i++) s.A.push(makeRcpt(g, 'A', ctx));
  if (r.chance(0.3)) for (let i = 1 + r.geometric(0.5, 20); i > 0; i--) s.C.push(makeRcpt(g, 'C', ctx));
  if (r.chance(0.3)) for (let i = 1 + r.geometric(0.3, 5); i > 0; i--) s.I.push(makeRcpt(g, 'I', ctx));
  const nE = Math.min(MAX_ROWS_PER_SCHEDULE, r.round(k * (0.25 + 0.35 * r.next())));
  for (let i = 0; i < nE; i++) s.E.push(makeExpn(g, ctx, s.E[s.E.length - 1]));
  if (r.chance(0.22)) for (let i = 1 + r.geometric(0.35, 6); i > 0; i--) s.B1.push(makeLoan(g, ctx));
  if (r.chance(0.35)) for (let i = 1 + r.geometric(0.8, 40); i > 0; i--) s.F.push(makeDebt(g, ctx));

  const versions = g.versionCount();
  let filed = per.rpt;
  let written = 0;
  for (let v = 0; v < versions; v++) {
    if (g.w.rcpt.full) break;
    if (v > 0) {
      s = amendF460(g, s, ctx);
      filed += r.between(10, 200);
    }
    writeF460Version(g, ctx, per, v, filed, s);
    written++;
  }
  if (written > 1) g.amendedFilings++;
  return k;
}

function amendF460(g: GeneratorContext, s: F460Schedules, ctx: FilingCtx): F460Schedules {
  const rc = g.c.rcpt;
  const ec = g.c.expn;
  const next: F460Schedules = {
    A: g.amendList(s.A, () => makeRcpt(g, 'A', ctx), (it) => repriced(g, it, rc.AMOUNT, rc.CUM_YTD)),
    C: g.amendList(s.C, () => makeRcpt(g, 'C', ctx), (it) => repriced(g, it, rc.AMOUNT, rc.CUM_YTD)),
    I: g.amendList(s.I, () => makeRcpt(g, 'I', ctx), (it) => repriced(g, it, rc.AMOUNT, undefined)),
    E: g.amendList(s.E, () => makeExpn(g, ctx, undefined), (it) => repriced(g, it, ec.AMOUNT, ec.CUM_YTD)),
    B1: g.amendList(s.B1, () => makeLoan(g, ctx), (it) => it),
    F: g.amendList(s.F, () => makeDebt(g, ctx), (it) => it),
  };
  // Some amendments drop a whole schedule (§4: why the current version comes from the
  // cover, not from the largest AMEND_ID per table).
  if (g.rng.chance(0.15)) {
    const candidates = (['E', 'E', 'E', 'F', 'B1', 'C', 'I'] as const).filter((x) => next[x].length > 0);
    if (candidates.length > 0) next[g.rng.pick(candidates)] = [];
  }
  return next;
}

function writeF460Version(
  g: GeneratorContext,
  ctx: FilingCtx,
  per: { stmt: string; from: number; thru: number; elect: number | undefined },
  amendNo: number,
  filed: number,
  s: F460Schedules,
): void {
  const r = g.rng;
  const fid = ctx.fid;
  const amend = String(amendNo);
  writeCampaignCover(g, ctx, 'F460', amendNo, filed, {
    stmt: per.stmt,
    from: per.from,
    thru: per.thru,
    ...(per.elect === undefined ? {} : { elect: per.elect }),
  });
  g.writeFilerFiling(ctx, 'F460', amendNo, filed, per.from, per.thru, filed);

  const memos: Memo[] = [];
  const rcpt = g.w.rcpt;
  const rc = g.c.rcpt;
  const itemA = g.writeItems(rcpt, rc, s.A, fid, amend, 'A', memos);
  const itemC = g.writeItems(rcpt, rc, s.C, fid, amend, 'C', memos);
  const itemI = g.writeItems(rcpt, rc, s.I, fid, amend, 'I', memos);
  const ec = g.c.expn;
  const itemE = g.writeItems(g.w.expn, ec, s.E, fid, amend, 'E', memos);
  const kids: Item[] = [];
  for (const e of s.E) if (e.kids !== undefined) kids.push(...e.kids);
  g.writeItems(g.w.expn, ec, kids, fid, amend, 'G', memos);
  const loan = [0, 0, 0];
  g.writeItems(g.w.loan, g.c.loan, s.B1, fid, amend, 'B1', memos, loan);
  const debt = [0, 0, 0];
  g.writeItems(g.w.debt, g.c.debt, s.F, fid, amend, 'F', memos, debt);
  g.writeMemos(fid, amend, memos);

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
    g.mismatchedVersions++;
  }
  // Column B (calendar year to date) adds the earlier reports of the year.
  const prior = civil(per.from).m === 1 && civil(per.from).d === 1 ? 0 : 0.2 + r.next();
  const ytd = (x: number): number => x + Math.round(x * prior);
  g.smry(fid, amend, 'A', '1', shownA, ytd(itemA));
  g.smry(fid, amend, 'A', '2', unA, ytd(unA));
  g.smry(fid, amend, 'A', '3', totA, ytd(totA));
  if (s.B1.length > 0) {
    g.smry(fid, amend, 'B1', '1', loanIn);
    g.smry(fid, amend, 'B1', '2', loanPaid);
    g.smry(fid, amend, 'B1', '3', loanIn - loanPaid);
  }
  if (s.C.length > 0) {
    g.smry(fid, amend, 'C', '1', itemC, ytd(itemC));
    g.smry(fid, amend, 'C', '2', 0, 0);
    g.smry(fid, amend, 'C', '3', totC, ytd(totC));
  }
  g.smry(fid, amend, 'E', '1', shownE, ytd(itemE));
  g.smry(fid, amend, 'E', '2', unE, ytd(unE));
  g.smry(fid, amend, 'E', '3', 0, 0);
  g.smry(fid, amend, 'E', '4', totE, ytd(totE));
  if (s.F.length > 0) {
    g.smry(fid, amend, 'F', '1', incurred);
    g.smry(fid, amend, 'F', '2', debtPaid);
    g.smry(fid, amend, 'F', '3', incurred - debtPaid);
  }
  if (s.I.length > 0) {
    g.smry(fid, amend, 'I', '1', itemI, ytd(itemI));
    g.smry(fid, amend, 'I', '2', unI, ytd(unI));
    g.smry(fid, amend, 'I', '3', 0, 0);
    g.smry(fid, amend, 'I', '4', totI, ytd(totI));
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
  for (const [line, a, b] of lines) g.smry(fid, amend, 'F460', line, a, b);
}

// -- F497 late contributions and F496 late independent expenditures -----------------

function lateReportNo(g: GeneratorContext): string {
  const n = g.rng.between(1, 400);
  return g.rng.chance(0.5) ? String(n).padStart(6, '0') : String(n);
}

function makeS497(g: GeneratorContext, ctx: FilingCtx, rpt: number, elect: number | undefined): Item {
  const r = g.rng;
  const p = g.pools;
  const c = g.c.s497;
  const v = g.w.s497.blank();
  const received = r.chance(0.78);
  const form = received ? 'F497P1' : 'F497P2';
  const tranId = g.tran(ctx, received ? 'P1' : 'P2');
  v[c.REC_TYPE] = 'S497';
  v[c.FORM_TYPE] = form;
  v[c.TRAN_ID] = tranId;
  let place = r.pick(p.places);
  if (received) {
    const x = r.next();
    const entity = x < 0.45 ? 'IND' : x < 0.75 ? 'OTH' : x < 0.92 ? 'COM' : 'PTY';
    v[c.ENTITY_CD] = entity;
    if (entity === 'IND') {
      const who = g.person();
      v[c.ENTY_NAML] = who.last;
      v[c.ENTY_NAMF] = who.first;
      const [emp, occ] = r.pick(p.empOcc);
      v[c.CTRIB_EMP] = emp;
      v[c.CTRIB_OCC] = occ;
    } else if (entity === 'COM') {
      const cm = g.committee(ctx.year);
      v[c.ENTY_NAML] = cm.name;
      v[c.CMTE_ID] = cm.id;
      place = cm.place;
    } else {
      v[c.ENTY_NAML] = entity === 'PTY' ? r.pick(p.partyNames) : r.pick(p.orgNames);
    }
  } else {
    const target = g.pickFiler('committee', ctx.year);
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
  const it = g.item(v, cents, false);
  g.memoFor(it, tranId, 0.05);
  return it;
}

export function genF497(g: GeneratorContext, year: number): void {
  const r = g.rng;
  const filer = g.pickFiler(r.chance(0.85) ? 'committee' : 'ie', year);
  const start = dayOf(year, 1, 3);
  const rpt = start + r.int(dayOf(year, 12, 31) - start + 1);
  const nov = electionDay(year, 11);
  const elect = rpt < nov ? nov : undefined;
  const ctx = g.newFiling(filer, year, rpt - 2, rpt);
  const lateNo = lateReportNo(g);
  let items: Item[] = [];
  for (let i = 1 + r.geometric(0.6, 40); i > 0; i--) items.push(makeS497(g, ctx, rpt, elect));
  const withPeriod = r.chance(0.2);
  let filed = rpt;
  const versions = g.versionCount();
  for (let v = 0; v < versions; v++) {
    if (v > 0) {
      items = g.amendList(items, () => makeS497(g, ctx, rpt, elect), (it) => repriced(g, it, g.c.s497.AMOUNT, undefined));
      filed += r.between(1, 60);
    }
    const amend = String(v);
    writeCampaignCover(g, ctx, 'F497', v, filed, {
      lateNo,
      ...(withPeriod ? { from: rpt, thru: rpt } : {}),
      ...(elect === undefined || !r.chance(0.25) ? {} : { elect }),
    });
    g.writeFilerFiling(ctx, 'F497', v, filed, rpt, rpt, rpt);
    const memos: Memo[] = [];
    const received = items.filter((it) => it.v[g.c.s497.FORM_TYPE] === 'F497P1');
    const made = items.filter((it) => it.v[g.c.s497.FORM_TYPE] === 'F497P2');
    g.writeItems(g.w.s497, g.c.s497, received, ctx.fid, amend, 'F497P1', memos);
    g.writeItems(g.w.s497, g.c.s497, made, ctx.fid, amend, 'F497P2', memos);
    g.writeMemos(ctx.fid, amend, memos);
  }
  if (versions > 1) g.amendedFilings++;
}

function makeS496(g: GeneratorContext, ctx: FilingCtx, rpt: number): Item {
  const r = g.rng;
  const c = g.c.s496;
  const v = g.w.s496.blank();
  const tranId = g.tran(ctx, 'S496');
  v[c.REC_TYPE] = 'S496';
  v[c.FORM_TYPE] = 'F496';
  v[c.TRAN_ID] = tranId;
  const cents = Math.round(Math.min(2_000_000, 1000 + r.logNormal(8.5, 1.3)) * (r.chance(0.5) ? 1 : 100)) * (r.chance(0.5) ? 100 : 1);
  v[c.AMOUNT] = money(cents);
  v[c.EXP_DATE] = fmtDate(Math.max(ctx.from, rpt - r.int(2)));
  v[c.EXPN_DSCR] = r.pick(g.pools.s496Dscr);
  const it = g.item(v, cents, false);
  if (r.chance(0.35)) {
    it.memoRef = `EDT:S496:${tranId.replace(/\D/g, '') || String(ctx.tranNo)}`;
    it.memoText = r.pick(g.pools.textMemos);
  }
  return it;
}

export function genF496(g: GeneratorContext, year: number): void {
  const r = g.rng;
  const filer = g.pickFiler(r.chance(0.7) ? 'ie' : 'committee', year);
  const nov = electionDay(year, 11);
  const rpt = nov - r.between(1, 90);
  const ctx = g.newFiling(filer, year, rpt - 1, rpt);
  const target = g.pickFiler('committee', year).candidate ?? {
    first: r.pick(g.pools.firstNames),
    last: r.pick(g.pools.lastNames),
    office: OFFICES[0],
    dist: String(r.between(1, 80)),
  };
  const sup = r.chance(0.6) ? 'S' : 'O';
  const lateNo = lateReportNo(g);
  let items: Item[] = [];
  for (let i = 1 + r.geometric(0.4, 10); i > 0; i--) items.push(makeS496(g, ctx, rpt));
  let filed = rpt;
  const versions = g.versionCount();
  for (let v = 0; v < versions; v++) {
    if (v > 0) {
      items = g.amendList(items, () => makeS496(g, ctx, rpt), (it) => repriced(g, it, g.c.s496.AMOUNT, undefined));
      filed += r.between(1, 30);
    }
    const amend = String(v);
    writeCampaignCover(g, ctx, 'F496', v, filed, { lateNo, target, sup });
    g.writeFilerFiling(ctx, 'F496', v, filed, rpt, rpt, rpt);
    const memos: Memo[] = [];
    g.writeItems(g.w.s496, g.c.s496, items, ctx.fid, amend, 'F496', memos);
    g.writeMemos(ctx.fid, amend, memos);
  }
  if (versions > 1) g.amendedFilings++;
}
