// Lobbying: the quarterly reports of lobbyist employers (Form 635) and lobbying firms
// (Form 625), each with its amendments: a CVR_LOBBY_DISCLOSURE_CD cover, payments (LPAY_CD),
// activity expenses (LEXP_CD), contributions (LCCM_CD) and the summary lines:
//   F635 B = sum LPAY PER_TOTAL, C = sum LEXP AMOUNT (main rows), ABCD = A+B+C+D
//   F625 A = sum LPAY PER_TOTAL, B = sum LEXP AMOUNT
import type { FilingCtx, GeneratorContext, Item, Memo } from './context.js';
import { civil, dayOf, daysInMonth, fmtDate, money } from './formats.js';
import { COMMON_LATE } from './random.js';

function writeLobbyCover(g: GeneratorContext, ctx: FilingCtx, form: string, amend: number, rpt: number, hasCtrib: boolean): void {
  const w = g.w.cvrl;
  const c = g.c.cvrl;
  const r = g.rng;
  const f = ctx.filer;
  const v = w.blank();
  const signer = g.person();
  const session = ctx.year % 2 === 1 ? ctx.year : ctx.year - 1;
  v[c.FILING_ID] = ctx.fid;
  v[c.AMEND_ID] = String(amend);
  v[c.REC_TYPE] = 'CVR';
  v[c.FORM_TYPE] = form;
  v[c.SENDER_ID] = f.coverId;
  v[c.FILER_ID] = f.coverId;
  v[c.ENTITY_CD] = f.entityCd;
  v[c.FILER_NAML] = f.name;
  v[c.REPORT_NUM] = g.reportNum(amend);
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
  v[c.SIG_TITLE] = r.pick(g.pools.sigTitles);
  v[c.PRN_NAML] = signer.last;
  v[c.PRN_NAMF] = signer.first;
  if (form === 'F625') {
    v[c.PART1_1_CB] = 'X';
    v[c.LOBBY_N_CB] = 'X';
  } else {
    v[c.LBY_ACTVTY] = r.pick(g.pools.lbyActvty);
  }
  if (hasCtrib) v[c.CTRIB_Y_CB] = 'X';
  else v[c.CTRIB_N_CB] = 'X';
  if (form === 'F635' && r.chance(0.1)) {
    const cm = g.committee(ctx.year);
    v[c.RCPCMTE_NM] = cm.name;
    v[c.RCPCMTE_ID] = cm.id;
  }
  w.writeRow(v);
}

function makeLpay(g: GeneratorContext, ctx: FilingCtx, form: 'F625P2' | 'F635P3B'): Item {
  const r = g.rng;
  const c = g.c.lpay;
  const v = g.w.lpay.blank();
  const other = g.pickFiler(form === 'F625P2' ? 'employer' : 'firm', ctx.year);
  v[c.REC_TYPE] = 'LPAY';
  v[c.FORM_TYPE] = form;
  v[c.TRAN_ID] = g.tran(ctx, 'LPAY');
  if (r.chance(0.75)) v[c.ENTITY_CD] = other.entityCd;
  v[c.EMPLR_NAML] = other.name;
  v[c.EMPLR_CITY] = other.place.city;
  v[c.EMPLR_ST] = other.place.st;
  v[c.EMPLR_ZIP4] = other.place.zip;
  if (r.chance(0.75)) v[c.EMPLR_PHON] = other.phone;
  if (form === 'F625P2' && r.chance(0.8)) v[c.LBY_ACTVTY] = r.pick(g.pools.lbyActvty);
  const fees = r.chance(0.5) ? r.between(1, 60) * 50_000 : Math.round(r.logNormal(9, 1) * 100);
  const reimb = r.chance(0.3) ? Math.round(r.logNormal(5, 1.2) * 100) : 0;
  v[c.FEES_AMT] = money(fees);
  v[c.REIMB_AMT] = money(reimb);
  v[c.ADVAN_AMT] = '0';
  if (r.chance(0.2)) v[c.ADVAN_DSCR] = r.pick(['none', '0', 'None', 'N/A']);
  v[c.PER_TOTAL] = money(fees + reimb);
  v[c.CUM_TOTAL] = money((fees + reimb) * r.between(1, 8));
  if (r.chance(0.05)) v[c.EMPLR_ID] = other.coverId;
  return g.item(v, fees + reimb, false);
}

function makeLexp(g: GeneratorContext, ctx: FilingCtx, form: string): Item {
  const r = g.rng;
  const p = g.pools;
  const c = g.c.lexp;
  const v = g.w.lexp.blank();
  const tranId = g.tran(ctx, 'LEXP');
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
  v[c.EXPN_DATE] = fmtDate(g.day(ctx.from, ctx.thru));
  const it = g.item(v, bene, false);
  // A payment for several officials: detail rows (RECSUBTYPE 2) point back to it.
  if (r.chance(0.2)) {
    it.kids = [];
    let total = bene;
    for (let i = 1 + r.geometric(0.4, 5); i > 0; i--) {
      const d = g.w.lexp.blank();
      const amount = Math.round(r.logNormal(3.5, 0.9) * 100);
      total += amount;
      d[c.REC_TYPE] = 'LEXP';
      d[c.FORM_TYPE] = form;
      d[c.TRAN_ID] = g.tran(ctx, 'LEXP');
      d[c.RECSUBTYPE] = '2';
      d[c.BENE_NAME] = r.pick(p.beneNames);
      d[c.BENE_POSIT] = r.pick(p.benePosits);
      d[c.BENE_AMT] = money(amount);
      d[c.BAKREF_TID] = tranId;
      // Detail rows are part of the main row's AMOUNT: excluded from sums like memos.
      it.kids.push(g.item(d, 0, true));
    }
    it.cents = total;
  }
  v[c.AMOUNT] = money(it.cents);
  return it;
}

function makeLccm(g: GeneratorContext, ctx: FilingCtx, form: string): Item {
  const r = g.rng;
  const c = g.c.lccm;
  const v = g.w.lccm.blank();
  const cm = g.pickFiler('committee', ctx.year);
  v[c.REC_TYPE] = 'LCCM';
  v[c.FORM_TYPE] = form;
  v[c.TRAN_ID] = g.tran(ctx, 'LCCM');
  if (r.chance(0.77)) v[c.ENTITY_CD] = r.chance(0.85) ? 'COM' : 'RCP';
  v[c.RECIP_NAML] = cm.name;
  if (r.chance(0.2)) {
    v[c.RECIP_CITY] = cm.place.city;
    v[c.RECIP_ST] = cm.place.st;
    v[c.RECIP_ZIP4] = cm.place.zip;
  }
  v[c.RECIP_ID] = cm.id;
  v[c.CTRIB_DATE] = fmtDate(g.day(ctx.from, ctx.thru));
  const cents = COMMON_LATE.pick(r) * (r.chance(0.5) ? 100 : 25);
  v[c.AMOUNT] = money(cents);
  return g.item(v, cents, false);
}

/** One F625 or F635 filing with its amendments. */
export function genLobby(g: GeneratorContext, year: number, form: 'F625' | 'F635'): void {
  const r = g.rng;
  const filer = g.pickFiler(form === 'F625' ? 'firm' : 'employer', year);
  const q = r.int(4);
  const from = dayOf(year, q * 3 + 1, 1);
  const thru = dayOf(year, q * 3 + 3, daysInMonth(year, q * 3 + 3));
  const ctx = g.newFiling(filer, year, from, thru);
  const payForm = form === 'F625' ? 'F625P2' : 'F635P3B';
  const lexpForm = form === 'F625' ? 'F625P3A' : 'F635P3C';
  const lccmForm = form === 'F625' ? 'F625P4B' : 'F635P4B';
  let pay: Item[] = [];
  let lexp: Item[] = [];
  let lccm: Item[] = [];
  const nPay = form === 'F625' ? 1 + r.geometric(0.75, 40) : 1 + r.geometric(0.5, 15);
  for (let i = 0; i < nPay; i++) pay.push(makeLpay(g, ctx, payForm));
  const nLexp = form === 'F625' ? (r.chance(0.2) ? 1 + r.geometric(0.3, 3) : 0) : r.chance(0.6) ? 1 + r.geometric(0.5, 20) : 0;
  for (let i = 0; i < nLexp; i++) lexp.push(makeLexp(g, ctx, lexpForm));
  const nLccm = form === 'F625' ? (r.chance(0.1) ? 1 : 0) : r.chance(0.35) ? 1 + r.geometric(0.55, 15) : 0;
  for (let i = 0; i < nLccm; i++) lccm.push(makeLccm(g, ctx, lccmForm));
  const inHouse = form === 'F635' && r.chance(0.5) ? r.int(2_000_000) * 10 : 0;
  const other = form === 'F635' && r.chance(0.4) ? r.int(500_000) * 10 : 0;

  let filed = thru + r.between(10, 30);
  const versions = g.versionCount();
  for (let v = 0; v < versions; v++) {
    if (v > 0) {
      pay = g.amendList(pay, () => makeLpay(g, ctx, payForm), (it) => it);
      lexp = g.amendList(lexp, () => makeLexp(g, ctx, lexpForm), (it) => it);
      lccm = g.amendList(lccm, () => makeLccm(g, ctx, lccmForm), (it) => it);
      filed += r.between(10, 300);
    }
    const amend = String(v);
    writeLobbyCover(g, ctx, form, v, filed, lccm.length > 0);
    g.writeFilerFiling(ctx, form, v, filed, from, thru, undefined);
    const memos: Memo[] = [];
    const paid = g.writeItems(g.w.lpay, g.c.lpay, pay, ctx.fid, amend, payForm, memos);
    const rows: Item[] = [];
    for (const it of lexp) rows.push(it, ...(it.kids ?? []));
    const spent = g.writeItems(g.w.lexp, g.c.lexp, rows, ctx.fid, amend, lexpForm, memos);
    g.writeItems(g.w.lccm, g.c.lccm, lccm, ctx.fid, amend, lccmForm, memos);
    g.writeMemos(ctx.fid, amend, memos);
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
        g.smry(ctx.fid, amend, 'F635', line, a, a * cum);
      }
    } else {
      g.smry(ctx.fid, amend, 'F625', 'A', paid, paid * cum);
      g.smry(ctx.fid, amend, 'F625', 'B', spent, spent * cum);
      g.smry(ctx.fid, amend, 'F625', 'C', 0, 0);
    }
  }
  if (versions > 1) g.amendedFilings++;
}
