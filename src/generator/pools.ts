// Name pools: values read once from the sample (names, employers, places, codes,
// descriptions), so generated text has the real shapes. Each pool falls back to a
// plausible value when the sample has none, so a trimmed sample still generates.

export interface SampleTable {
  header: string[];
  rows: string[][];
}

/** A sample table's lines with the header's field count: the others are dirt, not shapes. */
export function parseTable(text: string): SampleTable {
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

export interface Place {
  city: string;
  st: string;
  zip: string;
}

export interface Pools {
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

export function loadPools(tables: Map<string, SampleTable>): Pools {
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
