import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_LABELS, CODE_TYPES, type CodeType, labelFor, normalizeCode } from '../../src/db/labels.js';

// Compiled to dist/test/unit/: three levels up is the repo root, and the sample sits
// beside the repo under shared/.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE_DIR = path.resolve(REPO_ROOT, 'data/calaccess-sample');

interface Table {
  header: string[];
  rows: Record<string, string>[];
}

const tables = new Map<string, Table>();

/**
 * One sample table, parsed the way the format doc prescribes: CRLF records, TAB fields,
 * no quoting, columns by header name. Lines with the wrong field count are left out, as
 * the loader rejects them. An empty file is a table without rows.
 */
function table(name: string): Table {
  const cached = tables.get(name);
  if (cached) return cached;
  const file = path.join(SAMPLE_DIR, `${name}.TSV`);
  assert.ok(existsSync(file), `sample file ${file} is missing`);
  // latin1 maps every byte to one character, so no line is lost to a decoding error.
  const lines = readFileSync(file, 'latin1').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').split('\t');
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(1)) {
    const fields = line.split('\t');
    if (fields.length !== header.length) continue;
    rows.push(Object.fromEntries(header.map((column, i) => [column, fields[i] ?? ''])));
  }
  const parsed = { header, rows };
  tables.set(name, parsed);
  return parsed;
}

/** Distinct non-empty values of a column, trimmed and in upper case. */
function distinct(tableName: string, column: string, zeroMeansNone: boolean): Set<string> {
  const t = table(tableName);
  assert.ok(t.header.includes(column), `${tableName} has no column ${column}`);
  const values = new Set<string>();
  for (const row of t.rows) {
    const value = (row[column] ?? '').trim().toUpperCase();
    if (value === '' || (zeroMeansNone && value === '0')) continue;
    values.add(value);
  }
  return values;
}

interface Check {
  type: CodeType;
  tables: readonly string[];
  column: string;
  /** In the numeric lookup columns 0 is CAL-ACCESS's "not applicable": treated as empty. */
  zeroMeansNone?: boolean;
}

const COVER_TABLES = [
  'CVR_CAMPAIGN_DISCLOSURE_CD',
  'CVR_LOBBY_DISCLOSURE_CD',
  'CVR_REGISTRATION_CD',
  'CVR_SO_CD',
  'CVR_E530_CD',
  'F501_502_CD',
  'LOBBY_AMENDMENTS_CD',
];

const SCHEDULE_TABLES = [
  'RCPT_CD',
  'EXPN_CD',
  'LOAN_CD',
  'DEBT_CD',
  'S401_CD',
  'S496_CD',
  'S497_CD',
  'S498_CD',
  'SMRY_CD',
  'TEXT_MEMO_CD',
  'LPAY_CD',
  'LEXP_CD',
  'LCCM_CD',
  'LOTH_CD',
  'LATT_CD',
  'LEMP_CD',
  'CVR2_CAMPAIGN_DISCLOSURE_CD',
  'CVR2_LOBBY_DISCLOSURE_CD',
  'CVR2_REGISTRATION_CD',
  'CVR2_SO_CD',
  'CVR3_VERIFICATION_INFO_CD',
  'F495P2_CD',
  'F690P2_CD',
];

const CANDIDATE_TABLES = [
  'RCPT_CD',
  'EXPN_CD',
  'S401_CD',
  'S497_CD',
  'S498_CD',
  'CVR_CAMPAIGN_DISCLOSURE_CD',
  'CVR2_CAMPAIGN_DISCLOSURE_CD',
  'CVR2_SO_CD',
];

const CHECKS: readonly Check[] = [
  { type: 'form_type', tables: COVER_TABLES, column: 'FORM_TYPE' },
  { type: 'form_type', tables: ['FILER_FILINGS_CD', 'RECEIVED_FILINGS_CD'], column: 'FORM_ID' },
  { type: 'schedule', tables: SCHEDULE_TABLES, column: 'FORM_TYPE' },
  { type: 'schedule', tables: ['SPLT_CD'], column: 'PFORM_TYPE' },
  { type: 'rec_type', tables: [...COVER_TABLES, ...SCHEDULE_TABLES, 'HDR_CD'], column: 'REC_TYPE' },
  {
    type: 'entity_cd',
    tables: [
      'RCPT_CD',
      'EXPN_CD',
      'LOAN_CD',
      'DEBT_CD',
      'S497_CD',
      'S498_CD',
      'LCCM_CD',
      'LPAY_CD',
      'LEXP_CD',
      'LATT_CD',
      'CVR_CAMPAIGN_DISCLOSURE_CD',
      'CVR_LOBBY_DISCLOSURE_CD',
      'CVR_REGISTRATION_CD',
      'CVR_SO_CD',
      'CVR_E530_CD',
      'F501_502_CD',
      'CVR2_CAMPAIGN_DISCLOSURE_CD',
      'CVR2_LOBBY_DISCLOSURE_CD',
      'CVR2_REGISTRATION_CD',
      'CVR2_SO_CD',
      'CVR3_VERIFICATION_INFO_CD',
    ],
    column: 'ENTITY_CD',
  },
  { type: 'expn_code', tables: ['EXPN_CD', 'DEBT_CD'], column: 'EXPN_CODE' },
  { type: 'office_cd', tables: CANDIDATE_TABLES, column: 'OFFICE_CD' },
  { type: 'office_cd', tables: ['F501_502_CD', 'CVR_E530_CD'], column: 'OFFICE_CD', zeroMeansNone: true },
  { type: 'office_cd', tables: ['FILER_TO_FILER_TYPE_CD'], column: 'RACE', zeroMeansNone: true },
  { type: 'juris_cd', tables: CANDIDATE_TABLES, column: 'JURIS_CD' },
  { type: 'juris_cd', tables: ['F501_502_CD'], column: 'JURIS_CD', zeroMeansNone: true },
  { type: 'sup_opp_cd', tables: CANDIDATE_TABLES, column: 'SUP_OPP_CD' },
  { type: 'off_s_h_cd', tables: CANDIDATE_TABLES, column: 'OFF_S_H_CD' },
  { type: 'filer_type', tables: ['FILER_TYPES_CD'], column: 'FILER_TYPE' },
  { type: 'filer_type', tables: ['FILER_TYPES_CD'], column: 'DESCRIPTION' },
  { type: 'filer_type', tables: ['FILERNAME_CD'], column: 'FILER_TYPE' },
  { type: 'filer_type', tables: ['FILER_TO_FILER_TYPE_CD', 'LOBBYING_CHG_LOG_CD'], column: 'FILER_TYPE' },
  { type: 'stmt_type', tables: ['CVR_CAMPAIGN_DISCLOSURE_CD'], column: 'STMT_TYPE' },
  { type: 'statement_type', tables: ['FILER_FILINGS_CD'], column: 'STMNT_TYPE' },
  { type: 'statement_type', tables: ['F501_502_CD'], column: 'STMT_TYPE' },
  { type: 'statement_status', tables: ['FILER_FILINGS_CD'], column: 'STMNT_STATUS' },
  { type: 'filing_type', tables: ['FILER_FILINGS_CD', 'FILINGS_CD'], column: 'FILING_TYPE' },
  { type: 'cmtte_type', tables: ['CVR_CAMPAIGN_DISCLOSURE_CD'], column: 'CMTTE_TYPE' },
  { type: 'tran_type', tables: ['RCPT_CD'], column: 'TRAN_TYPE' },
  {
    type: 'memo_code',
    tables: [
      'RCPT_CD',
      'EXPN_CD',
      'LOAN_CD',
      'DEBT_CD',
      'S496_CD',
      'S497_CD',
      'S498_CD',
      'LPAY_CD',
      'LEXP_CD',
      'LCCM_CD',
      'LOTH_CD',
      'LATT_CD',
    ],
    column: 'MEMO_CODE',
  },
  { type: 'link_type', tables: ['FILER_LINKS_CD'], column: 'LINK_TYPE' },
  { type: 'filer_status', tables: ['FILERNAME_CD'], column: 'STATUS' },
  { type: 'filer_status', tables: ['FILER_STATUS_TYPES_CD'], column: 'STATUS_TYPE' },
  { type: 'filer_status', tables: ['FILER_STATUS_TYPES_CD'], column: 'STATUS_DESC' },
  { type: 'filer_status', tables: ['FILER_LINKS_CD'], column: 'ACTIVE_FLG' },
  { type: 'filer_status', tables: ['FILER_TO_FILER_TYPE_CD'], column: 'ACTIVE' },
  { type: 'interest_cd', tables: ['FILER_INTERESTS_CD', 'LOBBYIST_EMPLOYER1_CD'], column: 'INTEREST_CD' },
];

interface Garbage {
  type: CodeType;
  table: string;
  column: string;
  value: string;
  why: string;
}

// Values in the sample that are plain garbage and must stay without a label.
const GARBAGE: readonly Garbage[] = [
  // Typed on one F460 amendment cover (Friends of Fabian Nunez); no statement type is "**".
  { type: 'stmt_type', table: 'CVR_CAMPAIGN_DISCLOSURE_CD', column: 'STMT_TYPE', value: '**', why: 'filler' },
  // One F460 cover (FILING_ID 1030359) has "F" in OFFICE_CD, JURIS_CD and OFF_S_H_CD
  // alike, with no candidate or office named: a keying slip, not a code.
  { type: 'office_cd', table: 'CVR_CAMPAIGN_DISCLOSURE_CD', column: 'OFFICE_CD', value: 'F', why: 'slip' },
  { type: 'juris_cd', table: 'CVR_CAMPAIGN_DISCLOSURE_CD', column: 'JURIS_CD', value: 'F', why: 'slip' },
  { type: 'off_s_h_cd', table: 'CVR_CAMPAIGN_DISCLOSURE_CD', column: 'OFF_S_H_CD', value: 'F', why: 'slip' },
  // Two controlled-committee rows (a water board and a supervisor race) carry "PAC" as
  // the office: the kind of committee typed where the office belongs.
  { type: 'office_cd', table: 'CVR2_CAMPAIGN_DISCLOSURE_CD', column: 'OFFICE_CD', value: 'PAC', why: 'wrong box' },
  // A signature row (F461, FILING_ID 1461698) whose ENTITY_CD is the digit 0.
  { type: 'entity_cd', table: 'CVR3_VERIFICATION_INFO_CD', column: 'ENTITY_CD', value: '0', why: 'placeholder' },
  // DEBT_CD rows with one padded letter ("P  ", "G  ", "L  ") as EXPN_CODE and no
  // description: cut-off codes no list defines.
  { type: 'expn_code', table: 'DEBT_CD', column: 'EXPN_CODE', value: 'G', why: 'truncated' },
  { type: 'expn_code', table: 'DEBT_CD', column: 'EXPN_CODE', value: 'L', why: 'truncated' },
  { type: 'expn_code', table: 'DEBT_CD', column: 'EXPN_CODE', value: 'P', why: 'truncated' },
];

function isGarbage(type: CodeType, tableName: string, column: string, value: string): boolean {
  return GARBAGE.some((g) => g.type === type && g.table === tableName && g.column === column && g.value === value);
}

describe('code labels', () => {
  describe('labelFor', () => {
    it('normalises case, padding and inner spaces the way the data needs', () => {
      const pe = labelFor('stmt_type', 'PE');
      assert.equal(pe, 'Pre-election statement');
      assert.equal(labelFor('stmt_type', 'pe'), pe);
      assert.equal(labelFor('stmt_type', ' PE '), pe);
      assert.equal(labelFor('stmt_type', 'pe\t'), pe);
      assert.equal(labelFor('schedule', ' E'), 'Schedule E: Payments made');
      assert.equal(labelFor('schedule', 'a'), 'Schedule A: Monetary contributions received');
      assert.equal(labelFor('expn_code', 'pro  '), labelFor('expn_code', 'PRO'));
      assert.equal(labelFor('form_type', 'f410  at'), labelFor('form_type', 'F410 AT'));
      assert.equal(labelFor('filer_type', 'PROPOSITION '), 'Proposition');
      assert.equal(labelFor('filer_type', ' NOT DEFINED'), labelFor('filer_type', '0'));
      assert.equal(normalizeCode('  p  e '), 'P E');
    });

    it('returns null for an empty, missing or unknown code', () => {
      assert.equal(labelFor('stmt_type', 'ZZ'), null);
      assert.equal(labelFor('stmt_type', '**'), null);
      assert.equal(labelFor('stmt_type', ''), null);
      assert.equal(labelFor('stmt_type', '   '), null);
      assert.equal(labelFor('stmt_type', null), null);
      assert.equal(labelFor('stmt_type', undefined), null);
      // A code of one type is not a code of another.
      assert.equal(labelFor('stmt_type', 'F460'), null);
      // Nothing inherited from Object.prototype counts as a code.
      assert.equal(labelFor('form_type', 'constructor'), null);
      assert.equal(labelFor('form_type', '__proto__'), null);
      assert.equal(labelFor('form_type', 'toString'), null);
    });

    it('gives the documented examples', () => {
      assert.equal(labelFor('form_type', 'F460'), 'Recipient Committee Campaign Statement (Form 460)');
      assert.equal(labelFor('form_type', 'F497'), 'Late Contribution Report (Form 497)');
      assert.equal(labelFor('schedule', 'A'), 'Schedule A: Monetary contributions received');
      assert.equal(labelFor('schedule', 'E'), 'Schedule E: Payments made');
      assert.equal(labelFor('office_cd', 'ASM'), 'State Assembly');
      assert.equal(labelFor('office_cd', 'CCM'), 'City Council Member');
    });
  });

  describe('the tables themselves', () => {
    it('store every key in normalised form, so that labelFor can reach it', () => {
      for (const type of CODE_TYPES) {
        for (const key of Object.keys(CODE_LABELS[type])) {
          assert.equal(normalizeCode(key), key, `${type} key ${JSON.stringify(key)} is not normalised`);
        }
      }
    });

    it('hold short, non-empty labels that never just repeat the code', () => {
      for (const type of CODE_TYPES) {
        const entries = Object.entries(CODE_LABELS[type]);
        assert.ok(entries.length > 0, `${type} has no labels`);
        for (const [code, label] of entries) {
          assert.equal(label, label.trim(), `${type} ${code}: label has outer spaces`);
          assert.ok(label.length >= 3 && label.length <= 100, `${type} ${code}: label length ${label.length}`);
          assert.notEqual(label, code, `${type} ${code}: label is the bare code`);
          assert.match(label, /^[A-Z0-9$]/, `${type} ${code}: label should start with a capital`);
        }
      }
    });

    it('name every campaign and lobbying form the brief lists', () => {
      const forms = [
        ...['F400', 'F401', 'F402', 'F405', 'F410', 'F415', 'F416', 'F419', 'F420', 'F425', 'F430', 'F450'],
        ...['F460', 'F461', 'F465', 'F470', 'F490', 'F495', 'F496', 'F497', 'F498', 'F501', 'F502', 'F511'],
        ...['F900', 'E530', 'F601', 'F602', 'F603', 'F604', 'F605', 'F606', 'F607', 'F615', 'F625', 'F635'],
        ...['F645', 'F690'],
      ];
      for (const form of forms) assert.notEqual(labelFor('form_type', form), null, `form ${form}`);
      const schedules = [
        ...['A', 'A-1', 'B1', 'B2', 'B3', 'C', 'D', 'E', 'F', 'G', 'H', 'H1', 'H2', 'H3', 'I', 'F401A', 'F401B'],
        ...['F401B-1', 'F401C', 'F401D', 'F450P5', 'F461P1', 'F461P2', 'F461P5', 'F465P3', 'F496', 'F496P3'],
        ...['F497P1', 'F497P2', 'F498-A', 'F498-R', 'F601P2A', 'F601P2B', 'F615P1', 'F615P2', 'F625P2'],
        ...['F625P3A', 'F625P3B', 'F625P4B', 'F635P3A', 'F635P3B', 'F635P3C', 'F635P3D', 'F635P3E'],
        ...['F635P4B', 'F645P2A', 'F645P3B', 'S630', 'S635-C', 'S640', 'F690P2'],
      ];
      for (const schedule of schedules) assert.notEqual(labelFor('schedule', schedule), null, `schedule ${schedule}`);
    });

    it('cover the 30 expense codes of the format doc, and no others', () => {
      const codes =
        'CMP CNS CTB CVC FIL FND IKD IND LEG LIT LON MBR MON MTG OFC PET PHO POL POS PRO PRT RAD RFD SAL TEL TRC TRS TSF VOT WEB';
      assert.deepEqual(Object.keys(CODE_LABELS.expn_code).sort(), codes.split(' '));
    });

    it('label every link type in both directions', () => {
      for (const code of Object.keys(CODE_LABELS.link_type)) {
        const reverse = code.startsWith('-') ? code.slice(1) : `-${code}`;
        assert.notEqual(labelFor('link_type', reverse), null, `link type ${code} has no reverse ${reverse}`);
        assert.notEqual(labelFor('link_type', code), labelFor('link_type', reverse), `link type ${code}`);
      }
    });
  });

  describe('every code in the CAL-ACCESS sample', () => {
    assert.ok(existsSync(SAMPLE_DIR), `the sample folder ${SAMPLE_DIR} is missing`);

    for (const type of CODE_TYPES) {
      const checks = CHECKS.filter((c) => c.type === type);
      if (checks.length === 0) continue;
      const columns = [...new Set(checks.map((c) => c.column))].join(', ');
      it(`labels every ${type} value (${columns})`, () => {
        const missing: string[] = [];
        let seen = 0;
        for (const check of checks) {
          for (const tableName of check.tables) {
            for (const value of distinct(tableName, check.column, check.zeroMeansNone === true)) {
              seen += 1;
              if (labelFor(type, value) === null && !isGarbage(type, tableName, check.column, value)) {
                missing.push(`${tableName}.${check.column} = ${JSON.stringify(value)}`);
              }
            }
          }
        }
        assert.ok(seen > 0, `no ${type} values found in the sample`);
        assert.deepEqual(missing, [], `${type}: values without a label`);
      });
    }

    it('lists as garbage only values that occur and stay unlabelled', () => {
      for (const g of GARBAGE) {
        assert.ok(distinct(g.table, g.column, false).has(g.value), `${g.table}.${g.column} has no ${g.value}`);
        assert.equal(labelFor(g.type, g.value), null, `${g.type} ${g.value} (${g.why}) now has a label`);
      }
    });

    it('has a label for each row of the lookup tables', () => {
      for (const row of table('FILER_TYPES_CD').rows) {
        const number = labelFor('filer_type', row.FILER_TYPE);
        assert.notEqual(number, null, `filer type ${row.FILER_TYPE}`);
        assert.equal(labelFor('filer_type', row.DESCRIPTION), number, `filer type ${row.DESCRIPTION}`);
      }
      assert.equal(table('FILER_TYPES_CD').rows.length, 18);
      for (const row of table('FILER_STATUS_TYPES_CD').rows) {
        assert.equal(labelFor('filer_status', row.STATUS_TYPE), labelFor('filer_status', row.STATUS_DESC));
      }
      // LOOKUP_CODES_CD groups we label; the row whose CODE_ID equals its CODE_TYPE names
      // the group, and 0 is "N/A".
      const groups: Record<string, CodeType> = {
        '10000': 'statement_type',
        '11000': 'statement_status',
        '12000': 'link_type',
        '22000': 'filing_type',
        '30000': 'office_cd',
        '40300': 'interest_cd',
        '40500': 'juris_cd',
      };
      const missing: string[] = [];
      for (const row of table('LOOKUP_CODES_CD').rows) {
        const group = (row.CODE_TYPE ?? '').trim();
        const code = (row.CODE_ID ?? '').trim();
        const type = groups[group];
        if (type === undefined || code === group || code === '0') continue;
        if (labelFor(type, code) === null) missing.push(`${group}/${code} ${row.CODE_DESC ?? ''}`);
      }
      assert.deepEqual(missing, []);
    });
  });
});
