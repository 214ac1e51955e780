// Plain-language labels for every CAL-ACCESS code a reader of the API or the pages would
// otherwise see bare: forms and schedules, kinds of party, offices, jurisdictions,
// expense and statement codes, filer types and statuses, link and record types.
//
// Sources, in order of preference: docs/calaccess-raw-format.md; the sample's own
// LOOKUP_CODES_CD.TSV, FILER_TYPES_CD.TSV and FILER_STATUS_TYPES_CD.TSV; the field notes
// and choice lists of the open-source django-calaccess-raw-data project (MIT), restated
// in our own words. Keys are stored the way labelFor() normalises a code (trimmed,
// upper case, inner runs of spaces collapsed), so a key here is always reachable.
// Official form names are written in title case like the forms themselves; office names
// are proper titles too; every other label is in sentence case.

export type CodeType =
  | 'form_type'
  | 'schedule'
  | 'entity_cd'
  | 'filer_type'
  | 'office_cd'
  | 'juris_cd'
  | 'expn_code'
  | 'stmt_type'
  | 'cmtte_type'
  | 'tran_type'
  | 'sup_opp_cd'
  | 'off_s_h_cd'
  | 'memo_code'
  | 'link_type'
  | 'statement_type'
  | 'statement_status'
  | 'filing_type'
  | 'filer_status'
  | 'rec_type'
  | 'interest_cd';

type Labels = Readonly<Record<string, string>>;

// Forms (cover FORM_TYPE, FILER_FILINGS_CD.FORM_ID): FPPC form titles as restated by the
// upstream project's forms list, plus the IDs the state's own index uses (format doc §5/6).
const FORM_TYPE: Labels = Object.freeze({
  // Campaign forms (Political Reform Act, 4xx and 5xx)
  F400: 'Statement of Organization, Slate Mailer Organization (Form 400)',
  F401: 'Slate Mailer Organization Campaign Statement (Form 401)',
  F402: 'Statement of Termination, Slate Mailer Organization (Form 402)',
  F405: 'Amendment to a Campaign Statement (Form 405)',
  F410: 'Statement of Organization, Recipient Committee (Form 410)',
  // Only ever seen with statement type 10003 (termination), many on one day in 2010:
  // the state's record of ending a committee itself. Inferred; not documented.
  'F410 AT': 'Committee Terminated by the State (Form 410 AT)',
  F415: 'Former Committee Statement, Replaced by Form 410 (Form 415)',
  F416: 'Former Committee Statement, Replaced by Form 410 (Form 416)',
  F419: 'Former Ballot Measure Committee Campaign Statement, Long Form (Form 419)',
  F420: 'Former Recipient Committee Campaign Statement, Long Form (Form 420)',
  F421: 'Former Semi-Annual Campaign Statement (Form 421)',
  F425: 'Semi-Annual Statement of No Activity (Form 425)',
  F430: 'Former Campaign Statement, No Longer Used (Form 430)',
  F450: 'Recipient Committee Campaign Statement, Short Form (Form 450)',
  F460: 'Recipient Committee Campaign Statement (Form 460)',
  F461: 'Major Donor and Independent Expenditure Committee Campaign Statement (Form 461)',
  F465: 'Supplemental Independent Expenditure Report (Form 465)',
  F470: 'Officeholder and Candidate Campaign Statement, Short Form (Form 470)',
  F470S: 'Officeholder and Candidate Short Form Supplement (Form 470 Supplement)',
  F490: 'Former Officeholder and Candidate Campaign Statement, Long Form (Form 490)',
  F495: 'Supplemental Pre-Election Campaign Statement (Form 495)',
  F496: 'Late Independent Expenditure Report (Form 496)',
  F497: 'Late Contribution Report (Form 497)',
  F498: 'Slate Mailer Late Payment Report (Form 498)',
  F501: 'Candidate Intention Statement (Form 501)',
  F502: 'Campaign Bank Account Statement (Form 502)',
  F501502: 'Candidate Intention and Campaign Bank Account Statements (Forms 501 and 502)',
  F511: 'Paid Spokesperson Report (Form 511)',
  F900: 'Public Employee Retirement Board Candidate Campaign Statement (Form 900)',
  E530: 'Issue Advocacy Report (Form E-530)',
  // Lobbying forms (6xx)
  F601: 'Lobbying Firm Registration Statement (Form 601)',
  F602: 'Lobbying Firm Activity Authorization (Form 602)',
  F603: 'Lobbyist Employer or Lobbying Coalition Registration Statement (Form 603)',
  F604: 'Lobbyist Certification Statement (Form 604)',
  F605: 'Amendment to a Lobbying Registration (Form 605)',
  F606: 'Notice of Termination of a Lobbying Registration (Form 606)',
  F607: 'Notice of Withdrawal of a Lobbying Registration (Form 607)',
  F615: 'Lobbyist Report (Form 615)',
  F625: 'Report of Lobbying Firm (Form 625)',
  F635: 'Report of Lobbyist Employer or Lobbying Coalition (Form 635)',
  F645: 'Report of Person Spending $5,000 or More to Influence Government (Form 645)',
  F690: 'Amendment to a Lobbying Report (Form 690)',
  // IDs in the state's filing index whose form the state does not document. Dates and
  // statement types in the sample: 777 = 1978-1990 originals, 888/999 = 2000s log entries.
  F777: 'Older Filing, Type Not Documented by the State (Form 777)',
  F888: 'Filing Logged by the State, Type Not Documented (Form 888)',
  F999: 'Filing Logged by the State, Type Not Documented (Form 999)',
});

// Schedules (FORM_TYPE of itemized rows): the form sections listed by the upstream project
// and format doc §5/6. A whole-form code in a schedule table (summary lines, extra cover
// names, memos on the whole form) takes the form's own name.
const SCHEDULE: Labels = Object.freeze({
  ...FORM_TYPE,
  // Form 460 (and 450) schedules
  A: 'Schedule A: Monetary contributions received',
  'A-1': 'Schedule A-1: Contributions transferred to a special election committee',
  B1: 'Schedule B part 1: Loans received',
  B2: 'Schedule B part 2: Loan guarantors',
  B3: 'Schedule B part 3: Outstanding loan balances (older form)',
  C: 'Schedule C: Non-monetary (in-kind) contributions received',
  D: 'Schedule D: Support for or opposition to candidates, measures and committees',
  E: 'Schedule E: Payments made',
  F: 'Schedule F: Unpaid bills',
  G: 'Schedule G: Payments made by an agent or contractor for the committee',
  H: 'Schedule H: Loans made to others',
  H1: 'Schedule H part 1: Loans made to others',
  H2: 'Schedule H part 2: Repayments received on loans made',
  H3: 'Schedule H part 3: Outstanding loans made to others',
  I: 'Schedule I: Other money received, such as interest and refunds',
  F450P5: 'Form 450 part 5: Payments made',
  // Form 401 (slate mailer organizations)
  F401A: 'Form 401 schedule A: Payments received by a slate mailer organization',
  F401B: 'Form 401 schedule B: Payments made by a slate mailer organization',
  'F401B-1': 'Form 401 schedule B-1: Payments made by an agent or contractor',
  F401C: 'Form 401 schedule C: People paid $1,000 or more',
  F401D: 'Form 401 schedule D: Candidates and measures not listed on schedule A',
  // Forms 461, 465, 496, 497, 498
  F461P1: 'Form 461 part 1: Name and address of the filer',
  F461P2: 'Form 461 part 2: Nature and interests of the filer',
  F461P5: 'Form 461 part 5: Contributions and expenditures made',
  F465P3: 'Form 465 part 3: Independent expenditures made',
  F496: 'Form 496: Late independent expenditures made',
  F496P3: 'Form 496 part 3: Contributions over $100 received',
  F497P1: 'Form 497 part 1: Late contributions received',
  F497P2: 'Form 497 part 2: Late contributions made',
  'F498-A': 'Form 498 part A: Late slate mailer payments credited to a candidate or measure',
  'F498-R': 'Form 498 part R: Late slate mailer payments received',
  // Lobbying forms
  F601P2A: 'Form 601 part 2A: Clients who employ the lobbying firm',
  F601P2B: 'Form 601 part 2B: Clients of subcontracted work',
  F615P1: 'Form 615 part 1: Gifts, meals and other activity expenses by a lobbyist',
  F615P2: 'Form 615 part 2: Campaign contributions made or delivered by a lobbyist',
  F625P2: 'Form 625 part 2: Payments received by a lobbying firm',
  F625P3A: 'Form 625 part 3A: Gifts, meals and other activity expenses',
  F625P3B: 'Form 625 part 3B: Other payments made by a lobbying firm',
  F625P3C: 'Form 625 part 3C: Summary of payments made',
  F625P4B: 'Form 625 part 4: Campaign contributions made',
  F635P3A: 'Form 635 part 3A: Payments to in-house lobbyists',
  F635P3B: 'Form 635 part 3B: Payments to lobbying firms',
  F635P3C: 'Form 635 part 3C: Gifts, meals and other activity expenses',
  F635P3D: 'Form 635 part 3D: Other payments to influence legislation or state agencies',
  F635P3E: 'Form 635 part 3E: Payments for testimony in utility rate cases',
  F635P4B: 'Form 635 part 4: Campaign contributions made',
  F645P2A: 'Form 645 part 2A: Gifts, meals and other activity expenses',
  F645P2B: 'Form 645 part 2B: Other payments to influence legislation or state agencies',
  F645P2C: 'Form 645 part 2C: Payments for testimony in utility rate cases',
  F645P3B: 'Form 645 part 3: Campaign contributions made',
  F690P2: 'Form 690 part 2: Changes to an earlier lobbying report',
  S630: 'Attachment 630: Payments made to lobbying coalitions',
  'S635-C': 'Attachment 635-C: Payments received by a lobbying coalition from its members',
  S640: 'Attachment 640: Lobbying payments reported by a government agency',
});

// ENTITY_CD: the kind of person or group a row names. Format doc §4 (schedule, cover and
// CVR2 codes) and the upstream entity-code lists; CLI, FIL and 8 occur in the sample.
const ENTITY_CD: Labels = Object.freeze({
  // Schedule rows
  IND: 'Individual',
  COM: 'Committee',
  OTH: 'Other (business or organization)',
  PTY: 'Political party',
  SCC: 'Small contributor committee',
  RCP: 'Recipient committee',
  // Campaign covers
  CTL: 'Committee controlled by a candidate',
  MDI: 'Major donor or independent expenditure committee',
  BMC: 'Ballot measure committee',
  CAO: 'Candidate or officeholder',
  SMO: 'Slate mailer organization',
  // Lobbying covers
  FRM: 'Lobbying firm',
  LEM: 'Lobbyist employer',
  LBY: 'Lobbyist',
  LCO: 'Lobbying coalition',
  CLI: 'Client of a lobbying firm',
  // Extra names on covers (CVR2) and signatures (CVR3)
  TRE: 'Treasurer',
  OFF: 'Officer',
  ATH: 'Person who approves slate mailer content',
  ATR: 'Assistant treasurer',
  POF: 'Principal officer',
  PRO: 'Ballot measure proponent',
  SPO: 'Sponsor',
  BNM: 'Ballot measure',
  AGY: 'State agency lobbied',
  EMP: 'Employee',
  MBR: 'Coalition member',
  OWN: 'Owner',
  PTN: 'Partner',
  SCL: 'Subcontracted client',
  // Form 465 part 5 names the filing officers a copy goes to (e.g. the Secretary of State).
  FIL: 'Filing officer',
  // F501_502_CD puts the filer type number here; 8 is candidate/officeholder.
  '8': 'Candidate or officeholder',
});

// Filer types: the 18 rows of FILER_TYPES_CD (number and description), since
// FILERNAME_CD.FILER_TYPE holds the description text rather than the number.
const FILER_TYPE: Labels = Object.freeze({
  '0': 'Type not recorded',
  '1': 'Client of a lobbying firm',
  '2': 'Lobbyist employer',
  '3': 'Lobbying firm',
  '4': 'Lobbyist',
  '5': 'Person spending $5,000 or more to influence government',
  '6': 'All filers',
  '8': 'Candidate or officeholder',
  '10': 'Major donor or independent expenditure committee',
  '12': 'Slate mailer organization',
  '14': 'Ballot measure proponent',
  '16': 'Recipient committee',
  '17': 'Proposition',
  '19': 'Initiative',
  '20': 'Treasurer or responsible officer',
  '21': 'Federal filer',
  '100': 'Prepaid account',
  '101': 'Individual',
  'NOT DEFINED': 'Type not recorded',
  CLIENT: 'Client of a lobbying firm',
  EMPLOYER: 'Lobbyist employer',
  FIRM: 'Lobbying firm',
  LOBBYIST: 'Lobbyist',
  'PAYMENT TO INFLUENCE': 'Person spending $5,000 or more to influence government',
  'ALL FILERS': 'All filers',
  'CANDIDATE/OFFICEHOLDER': 'Candidate or officeholder',
  'MAJOR DONOR/INDEPENDENT EXPENDITURE COMMITTEE': 'Major donor or independent expenditure committee',
  'SLATE MAILER ORGANIZATIONS': 'Slate mailer organization',
  PROPONENT: 'Ballot measure proponent',
  'RECIPIENT COMMITTEE': 'Recipient committee',
  PROPOSITION: 'Proposition',
  INITIATIVE: 'Initiative',
  'TREASURER/RESPONSIBLE OFFICER': 'Treasurer or responsible officer',
  FEDERAL: 'Federal filer',
  'PREPAID ACCOUNT': 'Prepaid account',
  INDIVIDUAL: 'Individual',
});

// OFFICE_CD: letter codes from the .CAL format (format doc §5, upstream office list), and
// the numeric race/office codes of LOOKUP group 30000 (plus the group-50000 codes seen in
// the sample's F501_502_CD and FILER_TO_FILER_TYPE_CD) used by newer tables.
const OFFICE_CD: Labels = Object.freeze({
  ASM: 'State Assembly',
  SEN: 'State Senate',
  GOV: 'Governor',
  LTG: 'Lieutenant Governor',
  ATT: 'Attorney General',
  CON: 'State Controller',
  TRE: 'State Treasurer',
  SOS: 'Secretary of State',
  INS: 'Insurance Commissioner',
  SUP: 'Superintendent of Public Instruction',
  SPI: 'Superintendent of Public Instruction',
  BOE: 'State Board of Equalization',
  PER: 'Public Employees Retirement System Board',
  APP: 'State Appellate Court Justice',
  SPM: 'State Supreme Court Justice',
  SCJ: 'Superior Court Judge',
  CCM: 'City Council Member',
  MAY: 'Mayor',
  CAT: 'City Attorney',
  BSU: 'Board of Supervisors',
  CSU: 'County Supervisor',
  DAT: 'District Attorney',
  PDR: 'Public Defender',
  SHC: 'Sheriff-Coroner',
  ASR: 'Assessor',
  COU: 'County Counsel',
  CTR: 'Local Controller',
  TRS: 'Local Treasurer',
  BED: 'Board of Education',
  CCB: 'Community College Board',
  PLN: 'Planning Commissioner',
  OTH: 'Other Office',
  // LOOKUP group 30000 (race/office codes)
  '30001': 'President',
  '30002': 'Governor',
  '30003': 'Lieutenant Governor',
  '30004': 'Secretary of State',
  '30005': 'State Controller',
  '30006': 'State Treasurer',
  '30007': 'Attorney General',
  '30008': 'Superintendent of Public Instruction',
  '30009': 'State Board of Equalization',
  '30010': 'Oxnard Harbor Commissioner',
  '30011': 'City Controller',
  '30012': 'State Senate',
  '30013': 'State Assembly',
  '30014': 'Insurance Commissioner',
  '30015': 'Judge',
  '30016': 'Board Member',
  '30017': 'Tax Collector',
  '30018': 'Trustee',
  '30019': 'Supervisor',
  '30020': 'Sheriff',
  '30021': 'Coroner',
  '30022': 'Marshal',
  '30023': 'City Clerk',
  '30024': 'School Board',
  '30025': 'Harbor Commissioner',
  '30026': 'District Attorney',
  '30027': 'County Clerk',
  '30028': 'Auditor',
  '30029': 'Mayor',
  '30030': 'City Attorney',
  '30031': 'Democratic County Central Committee',
  '30032': 'Town Council',
  '30033': 'Assessor',
  '30034': 'City Treasurer',
  '30035': 'City Council',
  '30036': 'Commissioner',
  '30037': 'Republican County Central Committee',
  '30038': 'Director',
  '30039': 'Director of Zone 7',
  '30040': 'Community College Board',
  '30041': 'Police Chief',
  '30042': 'Chief of Police',
  '30043': 'Central Committee',
  '30044': 'Board of Education',
  '30045': 'Board of Directors',
  '30046': 'College Board',
  '30047': 'BART Board Director',
  '30048': 'Board of Trustees',
  '30049': 'Irrigation District',
  '30050': 'Water Board',
  '30051': 'Community Planning Group',
  '30052': 'Board of Supervisors',
  '30053': 'Superior Court Judge',
  '30054': 'District Attorney/Public Defender',
  '30055': 'Ballot Measure (Not an Office)',
  '30056': 'City Prosecutor',
  '30057': 'State Supreme Court Justice',
  '30058': 'Public Employees Retirement System Board',
  '30059': 'State Appellate Court Justice',
  // LOOKUP group 50000 codes seen in the sample. 50050 is "Ic" in the lookup; the office
  // text typed beside it is "IC", in a column that also has "GOV", "TREAS", "LT GOV".
  '50002': 'State Assembly',
  '50014': 'Board Member',
  '50023': 'City Council',
  '50033': 'Commissioner',
  '50050': 'Insurance Commissioner',
  '50052': 'Judge',
  '50074': 'Supervisor',
  '50079': 'Treasurer/Tax Collector',
});

// JURIS_CD: format doc §5 and the .CAL format; CA (typed as "State of California") occurs
// in the sample; the numbers are LOOKUP group 40500 as used by F501_502_CD.
const JURIS_CD: Labels = Object.freeze({
  STW: 'Statewide',
  CA: 'Statewide',
  ASM: 'State Assembly district',
  SEN: 'State Senate district',
  BOE: 'Board of Equalization district',
  CIT: 'City',
  CTY: 'County',
  LOC: 'Local',
  OTH: 'Other jurisdiction',
  '40501': 'Local',
  '40502': 'State',
  '40503': 'County',
  '40504': 'More than one county',
  '40505': 'City',
  '40506': 'Federal',
  '40507': 'Superior court',
});

// EXPN_CODE: the 30 payment codes of format doc §5 (Form 460 schedule E list).
const EXPN_CODE: Labels = Object.freeze({
  CMP: 'Campaign paraphernalia and miscellaneous',
  CNS: 'Campaign consultants',
  CTB: 'Contribution',
  CVC: 'Civic donation',
  FIL: 'Candidate filing and ballot fees',
  FND: 'Fundraising events',
  IKD: 'In-kind contribution',
  IND: 'Independent expenditure supporting or opposing others',
  LEG: 'Legal defense',
  LIT: 'Campaign literature and mailings',
  LON: 'Loan',
  MBR: 'Member communications',
  MON: 'Monetary contribution',
  MTG: 'Meetings and appearances',
  OFC: 'Office expenses',
  PET: 'Petition circulating',
  PHO: 'Phone banks',
  POL: 'Polling and survey research',
  POS: 'Postage, delivery and messenger services',
  PRO: 'Professional services (legal, accounting)',
  PRT: 'Print ads',
  RAD: 'Radio airtime and production',
  RFD: 'Returned contributions',
  SAL: 'Campaign worker salaries',
  TEL: 'TV or cable airtime and production',
  TRC: 'Candidate travel, lodging and meals',
  TRS: 'Staff or spouse travel, lodging and meals',
  TSF: 'Transfer between committees of the same candidate or sponsor',
  VOT: 'Voter registration',
  WEB: 'Internet and information technology costs',
});

// STMT_TYPE on campaign covers: format doc §5; NA is what a filer typed in the sample.
const STMT_TYPE: Labels = Object.freeze({
  PE: 'Pre-election statement',
  QT: 'Quarterly statement',
  SA: 'Semi-annual statement',
  SE: 'Supplemental pre-election statement',
  SY: 'Special odd-year report',
  TS: 'Termination statement',
  S1: 'Semi-annual statement, January to June',
  S2: 'Semi-annual statement, July to December',
  NA: 'Not stated by the filer',
});

// CMTTE_TYPE on campaign covers: format doc §5.
const CMTTE_TYPE: Labels = Object.freeze({
  C: 'Committee controlled by a candidate',
  P: 'Committee formed for one candidate or measure',
  B: 'Ballot measure committee',
  G: 'General purpose committee',
});

// RCPT_CD.TRAN_TYPE: format doc §5.
const TRAN_TYPE: Labels = Object.freeze({
  I: 'Received through an intermediary',
  R: 'Returned contribution',
  X: 'Transfer',
  F: 'Loan forgiven',
  T: 'Loan repaid by a third party',
});

// SUP_OPP_CD: format doc §5.
const SUP_OPP_CD: Labels = Object.freeze({
  S: 'Support',
  O: 'Oppose',
});

// OFF_S_H_CD: whether the office named is sought or already held (.CAL format).
const OFF_S_H_CD: Labels = Object.freeze({
  S: 'Office sought',
  H: 'Office held',
});

// MEMO_CODE: format doc §4 (X in campaign tables, Y/N in lobbying tables).
const MEMO_CODE: Labels = Object.freeze({
  X: 'Memo entry, not counted in totals',
  Y: 'Memo entry, not counted in totals',
  N: 'Regular entry',
});

// FILER_LINKS_CD.LINK_TYPE: LOOKUP group 12000 of the sample, completed from the upstream
// list. A negative code is the same link read the other way. Each label names what the
// second filer (FILER_ID_B) is to the first, as the sample's rows show (in 12001 rows A is
// the client and B the firm).
const LINK_TYPE: Labels = Object.freeze({
  '12001': 'Lobbying firm of this client',
  '-12001': 'Client of this lobbying firm',
  '12002': 'In-house lobbyist of this employer',
  '-12002': 'Employer of this in-house lobbyist',
  '12004': 'Client (a lobbyist employer) of this lobbying firm',
  '-12004': 'Lobbying firm of this client (a lobbyist employer)',
  '12005': 'Client (another lobbying firm) of this lobbying firm',
  '-12005': 'Lobbying firm of this client (also a lobbying firm)',
  '12008': 'Lobbyist of this lobbying firm',
  '-12008': 'Lobbying firm of this lobbyist',
  '12011': 'Committee controlled by this candidate',
  '-12011': 'Candidate who controls this committee',
  '12013': 'Opposition link',
  '-12013': 'Opposition link, seen from the other side',
  '12014': 'Support link',
  '-12014': 'Support link, seen from the other side',
  '12015': 'Associated filer',
  '-12015': 'Associated filer, seen from the other side',
  '12016': 'Treasurer or responsible officer',
  '-12016': 'Filer this person is treasurer or responsible officer for',
  '12018': 'Ballot measure proponent',
  '-12018': 'Ballot measure proponent, seen from the other side',
  '12019': 'Caucus committee controlled by a candidate',
  '-12019': 'Caucus committee controlled by a candidate, seen from the other side',
});

// FILER_FILINGS_CD.STMNT_TYPE and F501_502_CD.STMT_TYPE: LOOKUP group 10000.
const STATEMENT_TYPE: Labels = Object.freeze({
  '10001': 'Original filing',
  '10002': 'Amendment',
  '10003': 'Termination',
  '10004': 'Account moved to a future election for the same office',
  '10005': 'Logged by the state',
  '10006': 'Amendment logged by the state',
  '10007': 'As filed by the committee',
});

// FILER_FILINGS_CD.STMNT_STATUS: LOOKUP group 11000 (11001 is missing from the sample's
// lookup; the upstream list names it).
const STATEMENT_STATUS: Labels = Object.freeze({
  '11001': 'Complete',
  '11002': 'Incomplete',
  '11003': 'Needs review',
});

// FILING_TYPE (FILER_FILINGS_CD, FILINGS_CD): LOOKUP group 22000 and format doc §7.
const FILING_TYPE: Labels = Object.freeze({
  '22001': 'Filed electronically',
  '22002': 'Paper filing typed in by state staff',
  '22003': 'Historical lobbying record',
  '22004': 'Historical campaign record',
  '22005': 'Record from the state agency management system',
  '22006': 'Filed online (Cal Online)',
});

// Filer status: FILERNAME_CD.STATUS words, FILER_STATUS_TYPES_CD letters (and their
// descriptions), and FILER_LINKS_CD.ACTIVE_FLG, whose I means inactive.
const FILER_STATUS: Labels = Object.freeze({
  ACTIVE: 'Active',
  INACTIVE: 'Inactive',
  TERMINATED: 'Terminated',
  WITHDRAWN: 'Withdrawn',
  SUSPENDED: 'Suspended',
  PENDING: 'Pending',
  REVOKED: 'Revoked',
  Y: 'Active',
  A: 'Active',
  N: 'Inactive',
  I: 'Inactive',
  T: 'Terminated',
  W: 'Withdrawn',
  S: 'Suspended',
  P: 'Pending',
  R: 'Revoked',
});

// REC_TYPE: the record kinds of format doc §4, plus SPLT rows.
const REC_TYPE: Labels = Object.freeze({
  CVR: 'Cover page',
  CVR2: 'Cover page, additional names',
  CVR3: 'Cover page, signature',
  RCPT: 'Money received',
  EXPN: 'Money spent',
  LOAN: 'Loan',
  DEBT: 'Unpaid bill',
  SMRY: 'Summary totals',
  TEXT: 'Explanatory memo',
  S401: 'Slate mailer payment',
  S496: 'Late independent expenditure',
  S497: 'Late contribution',
  S498: 'Late slate mailer payment',
  LPAY: 'Lobbying payment',
  LEXP: 'Lobbying gift, meal or other activity expense',
  LCCM: 'Campaign contribution by a lobbying filer',
  LEMP: 'Client of a lobbying firm',
  LOTH: 'Payment by a lobbying firm to another firm',
  LATT: 'Payment listed on a lobbying report attachment',
  F495: 'Supplemental pre-election statement entry',
  F605: 'Lobbying registration amendment',
  F690: 'Lobbying report amendment',
  HDR: 'Electronic filing header',
  SPLT: 'Amount split across elections',
});

// INTEREST_CD (FILER_INTERESTS_CD, LOBBYIST_EMPLOYER*_CD): LOOKUP group 40300, with 40314
// and 40318 from the upstream list.
const INTEREST_CD: Labels = Object.freeze({
  '40301': 'Agriculture',
  '40302': 'Education',
  '40303': 'Entertainment and recreation',
  '40304': 'Finance and insurance',
  '40305': 'Government',
  '40306': 'Health',
  '40307': 'Labor unions',
  '40308': 'Legal',
  '40309': 'Lodging and restaurants',
  '40310': 'Manufacturing and industry',
  '40311': 'Merchandise and retail',
  '40312': 'Miscellaneous',
  '40313': 'Oil and gas',
  '40314': 'Political organizations',
  '40315': 'Professional and trade groups',
  '40316': 'Public employees',
  '40317': 'Real estate',
  '40318': 'Transportation',
  '40319': 'Utilities',
});

export const CODE_LABELS: Readonly<Record<CodeType, Readonly<Record<string, string>>>> = Object.freeze({
  form_type: FORM_TYPE,
  schedule: SCHEDULE,
  entity_cd: ENTITY_CD,
  filer_type: FILER_TYPE,
  office_cd: OFFICE_CD,
  juris_cd: JURIS_CD,
  expn_code: EXPN_CODE,
  stmt_type: STMT_TYPE,
  cmtte_type: CMTTE_TYPE,
  tran_type: TRAN_TYPE,
  sup_opp_cd: SUP_OPP_CD,
  off_s_h_cd: OFF_S_H_CD,
  memo_code: MEMO_CODE,
  link_type: LINK_TYPE,
  statement_type: STATEMENT_TYPE,
  statement_status: STATEMENT_STATUS,
  filing_type: FILING_TYPE,
  filer_status: FILER_STATUS,
  rec_type: REC_TYPE,
  interest_cd: INTEREST_CD,
});

/** Every code type, in the order of CODE_LABELS. */
export const CODE_TYPES: readonly CodeType[] = Object.freeze(Object.keys(CODE_LABELS) as CodeType[]);

/**
 * The form a code is stored under: trimmed, upper case, inner runs of white space made one
 * space. CAL-ACCESS has case and padding variants of the same code ('pe', ' E', 'P  ').
 */
export function normalizeCode(code: string): string {
  return code.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The plain-language label of a code, or null when the code is empty or unknown. */
export function labelFor(type: CodeType, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const key = normalizeCode(code);
  if (key === '') return null;
  const labels = CODE_LABELS[type];
  return Object.hasOwn(labels, key) ? (labels[key] ?? null) : null;
}
