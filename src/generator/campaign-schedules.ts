// Campaign schedules: the rows of Form 460's Schedules A, C and I (RCPT_CD), E and G
// (EXPN_CD), B1 (LOAN_CD) and F (DEBT_CD), one Item each, before a version writes them.
import type { FilingCtx, GeneratorContext, Item } from './context.js';
import { dayOf, fmtDate, money } from './formats.js';
import { COMMON_LATE, COMMON_RCPT } from './random.js';

const MEMO_SHARE = 0.02;

/** A contribution in cents: mostly the round sums people give, else a long tail. */
function rcptCents(g: GeneratorContext): number {
  if (g.rng.chance(0.8)) return COMMON_RCPT.pick(g.rng) * 100;
  const dollars = Math.min(500_000, g.rng.logNormal(5, 1.4));
  return g.rng.chance(0.6) ? Math.max(1, Math.round(dollars * 100)) : Math.max(1, Math.round(dollars)) * 100;
}

/** A payment in cents: fewer round sums than contributions and a longer tail. */
function expnCents(g: GeneratorContext): number {
  if (g.rng.chance(0.35)) return COMMON_RCPT.pick(g.rng) * 100;
  const dollars = Math.min(2_000_000, g.rng.logNormal(5.5, 1.5));
  return g.rng.chance(0.8) ? Math.max(1, Math.round(dollars * 100)) : Math.max(1, Math.round(dollars)) * 100;
}

export function makeRcpt(g: GeneratorContext, form: 'A' | 'C' | 'I', ctx: FilingCtx): Item {
  const r = g.rng;
  const p = g.pools;
  const c = g.c.rcpt;
  const v = g.w.rcpt.blank();
  const tranId = g.tran(ctx, form);
  v[c.REC_TYPE] = 'RCPT';
  v[c.FORM_TYPE] = form;
  v[c.TRAN_ID] = tranId;
  const entity = form === 'A' ? r.pick(p.rcptEntityA) : r.chance(0.6) ? 'OTH' : 'IND';
  v[c.ENTITY_CD] = entity;
  let place = r.pick(p.places);
  if (entity === 'IND') {
    const who = g.person();
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
    const cm = g.committee(ctx.year);
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
  v[c.RCPT_DATE] = fmtDate(g.day(ctx.from, ctx.thru));
  let cents = form === 'I' ? Math.max(1, Math.round(r.logNormal(4, 1.6) * 100)) : rcptCents(g);
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
  const it = g.item(v, cents, memo);
  g.memoFor(it, tranId, 0.01);
  return it;
}

export function makeExpn(g: GeneratorContext, ctx: FilingCtx, prev: Item | undefined): Item {
  const r = g.rng;
  const p = g.pools;
  const c = g.c.expn;
  const v = g.w.expn.blank();
  const tranId = g.tran(ctx, 'E');
  v[c.REC_TYPE] = 'EXPN';
  v[c.FORM_TYPE] = 'E';
  v[c.TRAN_ID] = tranId;
  const [code, dscr] = r.pick(p.expnCodes);
  const toCommittee = (code === 'CTB' || code === 'MON' || code === 'TSF') && r.chance(0.75);
  const entity = toCommittee ? 'COM' : r.pick(p.expnEntity);
  v[c.ENTITY_CD] = entity;
  let place = r.pick(p.places);
  if (entity === 'COM' || entity === 'RCP' || entity === 'SCC') {
    const cm = g.committee(ctx.year);
    v[c.PAYEE_NAML] = cm.name;
    v[c.CMTE_ID] = cm.id;
    place = cm.place;
  } else if (entity === 'IND') {
    const who = g.person();
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
  if (r.chance(0.65)) v[c.EXPN_DATE] = fmtDate(g.day(ctx.from, ctx.thru));
  // Refunds and adjustments appear as negative payments (§3 Amounts).
  const cents = r.chance(0.006) ? -expnCents(g) : expnCents(g);
  v[c.AMOUNT] = money(cents);
  if (r.chance(0.3)) v[c.CUM_YTD] = money(cents * (r.chance(0.5) ? 1 : r.between(2, 6)));
  if (r.chance(0.15)) v[c.EXPN_CHKNO] = String(r.between(100, 9999));
  v[c.EXPN_CODE] = code;
  v[c.EXPN_DSCR] = dscr;
  if (code === 'IND') {
    const target = g.pickFiler('committee', ctx.year).candidate;
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
  const it = g.item(v, cents, memo);
  g.memoFor(it, tranId, 0.01);
  // Schedule G: payments made by an agent or contractor on this payment's behalf.
  if (!memo && r.chance(0.12)) {
    const n = 1 + r.geometric(0.4, 4);
    it.kids = [];
    let left = cents;
    for (let k = 0; k < n && left > 100; k++) {
      const gv = g.w.expn.blank();
      gv[c.REC_TYPE] = 'EXPN';
      gv[c.FORM_TYPE] = 'G';
      gv[c.TRAN_ID] = g.tran(ctx, 'G');
      gv[c.ENTITY_CD] = 'OTH';
      gv[c.PAYEE_NAML] = r.pick(p.payeeOrgs);
      const gp = r.pick(p.places);
      gv[c.PAYEE_CITY] = gp.city;
      gv[c.PAYEE_ST] = gp.st;
      gv[c.PAYEE_ZIP4] = gp.zip;
      if (r.chance(0.8)) gv[c.EXPN_DATE] = fmtDate(g.day(ctx.from, ctx.thru));
      const part = k === n - 1 ? left : Math.max(1, Math.round(left * (0.2 + 0.5 * r.next())));
      left -= part;
      gv[c.AMOUNT] = money(part);
      gv[c.EXPN_CODE] = r.pick(p.expnCodes)[0];
      gv[c.AGENT_NAML] = v[c.PAYEE_NAML]!;
      gv[c.BAKREF_TID] = tranId;
      gv[c.G_FROM_E_F] = 'E';
      it.kids.push(g.item(gv, part, false));
    }
  }
  return it;
}

export function makeLoan(g: GeneratorContext, ctx: FilingCtx): Item {
  const r = g.rng;
  const p = g.pools;
  const c = g.c.loan;
  const v = g.w.loan.blank();
  const tranId = g.tran(ctx, 'B1');
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
    const who = self ? { last: cand.last, first: cand.first } : g.person();
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
    const cm = g.committee(ctx.year);
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
  v[c.LOAN_DATE1] = fmtDate(fresh ? g.day(ctx.from, ctx.thru) : Math.max(dayOf(2000, 1, 1), ctx.from - r.between(30, 700)));
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
  const it = g.item(v, received, memo, [received, paid, outstanding]);
  g.memoFor(it, tranId, 0.05);
  return it;
}

export function makeDebt(g: GeneratorContext, ctx: FilingCtx): Item {
  const r = g.rng;
  const p = g.pools;
  const c = g.c.debt;
  const v = g.w.debt.blank();
  const tranId = g.tran(ctx, 'F');
  v[c.REC_TYPE] = 'DEBT';
  v[c.FORM_TYPE] = 'F';
  v[c.TRAN_ID] = tranId;
  const ind = r.chance(0.22);
  v[c.ENTITY_CD] = ind ? 'IND' : 'OTH';
  if (ind) {
    const who = g.person();
    v[c.PAYEE_NAML] = who.last;
    v[c.PAYEE_NAMF] = who.first;
  } else {
    v[c.PAYEE_NAML] = r.pick(p.payeeOrgs);
  }
  const place = r.pick(p.places);
  v[c.PAYEE_CITY] = place.city;
  v[c.PAYEE_ST] = place.st;
  v[c.PAYEE_ZIP4] = place.zip;
  const begin = r.chance(0.5) ? 0 : expnCents(g);
  const incurred = begin === 0 || r.chance(0.4) ? expnCents(g) : 0;
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
  const it = g.item(v, incurred, memo, [incurred, paid, begin + incurred - paid]);
  g.memoFor(it, tranId, 0.01);
  return it;
}
