// The generated tables: one writer per table with the column indexes the forms fill in, and
// the dirt each table may get.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { DirtProfile, DirtSource } from './dirt.js';
import type { GeneratedFileName } from './manifest.js';
import { TableWriter } from './table-writer.js';

const STREAM_BUFFER = 1024 * 1024;

/** One writer per generated table, under a short name. */
export interface Writers {
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

/** The indexes of the columns the forms fill in, found once by name in the sample's headers. */
export function columnsOf(w: Writers) {
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
export type Columns = ReturnType<typeof columnsOf>;

export function writerList(w: Writers): TableWriter[] {
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

/** Opens every generated table in `out`, each starting with the sample's header line. */
export function openWriters(out: string, headers: ReadonlyMap<string, string>, dirt: DirtSource): Writers {
  const open = (file: GeneratedFileName): TableWriter =>
    new TableWriter(file, createWriteStream(path.join(out, file), { highWaterMark: STREAM_BUFFER }), headers.get(file)!, dirt);
  const writers = Object.fromEntries(Object.entries(WRITER_FILES).map(([key, file]) => [key, open(file)])) as unknown as Writers;
  setProfiles(writers);
  return writers;
}
