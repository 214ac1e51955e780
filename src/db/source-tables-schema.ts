// Row types of the source tables (one per CAL-ACCESS file), generated with their migration.
// Dates and amounts arrive as strings (pg type parsers are set to keep them exact).

/** ACRONYMS_CD.TSV */
export interface AcronymsRow {
  acronym: string | null;
  stands_for: string | null;
  effect_dt: string | null;
  a_desc: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** ADDRESS_CD.TSV */
export interface AddressesRow {
  adrid: number | null;
  city: string | null;
  st: string | null;
  zip4: string | null;
  phon: string | null;
  fax: string | null;
  email: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** BALLOT_MEASURES_CD.TSV */
export interface BallotMeasuresRow {
  election_date: string | null;
  filer_id: string | null;
  measure_no: string | null;
  measure_name: string | null;
  measure_short_name: string | null;
  jurisdiction: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR2_CAMPAIGN_DISCLOSURE_CD.TSV */
export interface CampaignCoverNamesRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  title: string | null;
  mail_city: string | null;
  mail_st: string | null;
  mail_zip4: string | null;
  f460_part: string | null;
  cmte_id: string | null;
  enty_naml: string | null;
  enty_namf: string | null;
  enty_namt: string | null;
  enty_nams: string | null;
  enty_city: string | null;
  enty_st: string | null;
  enty_zip4: string | null;
  enty_phon: string | null;
  enty_fax: string | null;
  enty_email: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  control_yn: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  sup_opp_cd: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR2_LOBBY_DISCLOSURE_CD.TSV */
export interface LobbyingReportCoverNamesRow {
  amend_id: number;
  entity_cd: string | null;
  entity_id: string | null;
  enty_namf: string | null;
  enty_naml: string | null;
  enty_nams: string | null;
  enty_namt: string | null;
  enty_title: string | null;
  filing_id: number;
  form_type: string;
  line_item: number;
  rec_type: string;
  tran_id: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR2_REGISTRATION_CD.TSV */
export interface RegistrationCoverNamesRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  entity_id: string | null;
  enty_naml: string | null;
  enty_namf: string | null;
  enty_namt: string | null;
  enty_nams: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR2_SO_CD.TSV */
export interface OrganizationStatementNamesRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  enty_naml: string | null;
  enty_namf: string | null;
  enty_namt: string | null;
  enty_nams: string | null;
  item_cd: string | null;
  mail_city: string | null;
  mail_st: string | null;
  mail_zip4: string | null;
  day_phone: string | null;
  fax_phone: string | null;
  email_adr: string | null;
  cmte_id: string | null;
  ind_group: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  non_pty_cb: string | null;
  party_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  sup_opp_cd: string | null;
  year_elect: string | null;
  pof_title: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR3_VERIFICATION_INFO_CD.TSV */
export interface CoverVerificationsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  sig_date: string | null;
  sig_loc: string | null;
  sig_naml: string | null;
  sig_namf: string | null;
  sig_namt: string | null;
  sig_nams: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR_CAMPAIGN_DISCLOSURE_CD.TSV */
export interface CampaignCoversRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  form_type: string;
  filer_id: string | null;
  entity_cd: string | null;
  filer_naml: string | null;
  filer_namf: string | null;
  filer_namt: string | null;
  filer_nams: string | null;
  report_num: string | null;
  rpt_date: string | null;
  stmt_type: string | null;
  late_rptno: string | null;
  from_date: string | null;
  thru_date: string | null;
  elect_date: string | null;
  filer_city: string | null;
  filer_st: string | null;
  filer_zip4: string | null;
  filer_phon: string | null;
  filer_fax: string | null;
  file_email: string | null;
  mail_city: string | null;
  mail_st: string | null;
  mail_zip4: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  tres_city: string | null;
  tres_st: string | null;
  tres_zip4: string | null;
  tres_phon: string | null;
  tres_fax: string | null;
  tres_email: string | null;
  cmtte_type: string | null;
  control_yn: string | null;
  sponsor_yn: string | null;
  primfrm_yn: string | null;
  brdbase_yn: string | null;
  amendexp_1: string | null;
  amendexp_2: string | null;
  amendexp_3: string | null;
  rpt_att_cb: string | null;
  cmtte_id: string | null;
  reportname: string | null;
  rptfromdt: string | null;
  rptthrudt: string | null;
  emplbus_cb: string | null;
  bus_name: string | null;
  bus_city: string | null;
  bus_st: string | null;
  bus_zip4: string | null;
  bus_inter: string | null;
  busact_cb: string | null;
  busactvity: string | null;
  assoc_cb: string | null;
  assoc_int: string | null;
  other_cb: string | null;
  other_int: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  cand_city: string | null;
  cand_st: string | null;
  cand_zip4: string | null;
  cand_phon: string | null;
  cand_fax: string | null;
  cand_email: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  sup_opp_cd: string | null;
  employer: string | null;
  occupation: string | null;
  selfemp_cb: string | null;
  bal_id: string | null;
  cand_id: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR_E530_CD.TSV */
export interface IssueAdCoversRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  form_type: string;
  entity_cd: string | null;
  filer_naml: string | null;
  filer_namf: string | null;
  filer_namt: string | null;
  filer_nams: string | null;
  report_num: string | null;
  rpt_date: string | null;
  filer_city: string | null;
  filer_st: string | null;
  filer_zip4: string | null;
  occupation: string | null;
  employer: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  district_cd: string | null;
  office_cd: string | null;
  pmnt_dt: string | null;
  pmnt_amount: string | null;
  type_literature: string | null;
  type_printads: string | null;
  type_radio: string | null;
  type_tv: string | null;
  type_it: string | null;
  type_billboards: string | null;
  type_other: string | null;
  other_desc: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR_LOBBY_DISCLOSURE_CD.TSV */
export interface LobbyingReportCoversRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  form_type: string;
  sender_id: string | null;
  filer_id: string | null;
  entity_cd: string | null;
  filer_naml: string | null;
  filer_namf: string | null;
  filer_namt: string | null;
  filer_nams: string | null;
  report_num: string | null;
  rpt_date: string | null;
  from_date: string | null;
  thru_date: string | null;
  cum_beg_dt: string | null;
  firm_id: string | null;
  firm_name: string | null;
  firm_city: string | null;
  firm_st: string | null;
  firm_zip4: string | null;
  firm_phon: string | null;
  mail_city: string | null;
  mail_st: string | null;
  mail_zip4: string | null;
  mail_phon: string | null;
  sig_date: string | null;
  sig_loc: string | null;
  sig_naml: string | null;
  sig_namf: string | null;
  sig_namt: string | null;
  sig_nams: string | null;
  prn_naml: string | null;
  prn_namf: string | null;
  prn_namt: string | null;
  prn_nams: string | null;
  sig_title: string | null;
  nopart1_cb: string | null;
  nopart2_cb: string | null;
  part1_1_cb: string | null;
  part1_2_cb: string | null;
  ctrib_n_cb: string | null;
  ctrib_y_cb: string | null;
  lby_actvty: string | null;
  lobby_n_cb: string | null;
  lobby_y_cb: string | null;
  major_naml: string | null;
  major_namf: string | null;
  major_namt: string | null;
  major_nams: string | null;
  rcpcmte_nm: string | null;
  rcpcmte_id: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR_REGISTRATION_CD.TSV */
export interface RegistrationCoversRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  form_type: string;
  sender_id: string | null;
  filer_id: string | null;
  entity_cd: string | null;
  filer_naml: string | null;
  filer_namf: string | null;
  filer_namt: string | null;
  filer_nams: string | null;
  report_num: string | null;
  rpt_date: string | null;
  ls_beg_yr: string | null;
  ls_end_yr: string | null;
  qual_date: string | null;
  eff_date: string | null;
  bus_city: string | null;
  bus_st: string | null;
  bus_zip4: string | null;
  bus_phon: string | null;
  bus_fax: string | null;
  bus_email: string | null;
  mail_city: string | null;
  mail_st: string | null;
  mail_zip4: string | null;
  mail_phon: string | null;
  sig_date: string | null;
  sig_loc: string | null;
  sig_naml: string | null;
  sig_namf: string | null;
  sig_namt: string | null;
  sig_nams: string | null;
  prn_naml: string | null;
  prn_namf: string | null;
  prn_namt: string | null;
  prn_nams: string | null;
  sig_title: string | null;
  stmt_firm: string | null;
  ind_cb: string | null;
  bus_cb: string | null;
  trade_cb: string | null;
  oth_cb: string | null;
  a_b_name: string | null;
  a_b_city: string | null;
  a_b_st: string | null;
  a_b_zip4: string | null;
  descrip_1: string | null;
  descrip_2: string | null;
  c_less50: string | null;
  c_more50: string | null;
  ind_class: string | null;
  ind_descr: string | null;
  bus_class: string | null;
  bus_descr: string | null;
  auth_name: string | null;
  auth_city: string | null;
  auth_st: string | null;
  auth_zip4: string | null;
  lobby_int: string | null;
  influen_yn: string | null;
  firm_name: string | null;
  newcert_cb: string | null;
  rencert_cb: string | null;
  complet_dt: string | null;
  lby_reg_cb: string | null;
  lby_604_cb: string | null;
  st_leg_yn: string | null;
  st_agency: string | null;
  lobby_cb: string | null;
  l_firm_cb: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** CVR_SO_CD.TSV */
export interface OrganizationStatementCoversRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  form_type: string;
  filer_id: string | null;
  entity_cd: string | null;
  filer_naml: string | null;
  filer_namf: string | null;
  filer_namt: string | null;
  filer_nams: string | null;
  report_num: string | null;
  rpt_date: string | null;
  qual_cb: string | null;
  qualfy_dt: string | null;
  term_date: string | null;
  city: string | null;
  st: string | null;
  zip4: string | null;
  phone: string | null;
  county_res: string | null;
  county_act: string | null;
  mail_city: string | null;
  mail_st: string | null;
  mail_zip4: string | null;
  cmte_fax: string | null;
  cmte_email: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  tres_city: string | null;
  tres_st: string | null;
  tres_zip4: string | null;
  tres_phon: string | null;
  actvty_lvl: string | null;
  com82013yn: string | null;
  com82013nm: string | null;
  com82013id: string | null;
  control_cb: string | null;
  bank_nam: string | null;
  bank_adr1: string | null;
  bank_adr2: string | null;
  bank_city: string | null;
  bank_st: string | null;
  bank_zip4: string | null;
  bank_phon: string | null;
  acct_opendt: string | null;
  surplusdsp: string | null;
  primfc_cb: string | null;
  genpurp_cb: string | null;
  gpc_descr: string | null;
  sponsor_cb: string | null;
  brdbase_cb: string | null;
  smcont_qualdt: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** DEBT_CD.TSV */
export interface DebtsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  payee_naml: string | null;
  payee_namf: string | null;
  payee_namt: string | null;
  payee_nams: string | null;
  payee_city: string | null;
  payee_st: string | null;
  payee_zip4: string | null;
  beg_bal: string | null;
  amt_incur: string | null;
  amt_paid: string | null;
  end_bal: string | null;
  expn_code: string | null;
  expn_dscr: string | null;
  cmte_id: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  tres_city: string | null;
  tres_st: string | null;
  tres_zip4: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  xref_schnm: string | null;
  xref_match: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** EFS_FILING_LOG_CD.TSV */
export interface EfileLogRow {
  filing_date: string | null;
  filingstatus: string | null;
  vendor: string | null;
  filer_id: string | null;
  form_type: string | null;
  error_no: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** EXPN_CD.TSV */
export interface ExpendituresRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  payee_naml: string | null;
  payee_namf: string | null;
  payee_namt: string | null;
  payee_nams: string | null;
  payee_city: string | null;
  payee_st: string | null;
  payee_zip4: string | null;
  expn_date: string | null;
  amount: string | null;
  cum_ytd: string | null;
  cum_oth: string | null;
  expn_chkno: string | null;
  expn_code: string | null;
  expn_dscr: string | null;
  agent_naml: string | null;
  agent_namf: string | null;
  agent_namt: string | null;
  agent_nams: string | null;
  cmte_id: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  tres_city: string | null;
  tres_st: string | null;
  tres_zip4: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  sup_opp_cd: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  g_from_e_f: string | null;
  xref_schnm: string | null;
  xref_match: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** F495P2_CD.TSV */
export interface SupplementalPreelectionStatementsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  elect_date: string | null;
  electjuris: string | null;
  contribamt: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** F501_502_CD.TSV */
export interface CandidateIntentionStatementsRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  form_type: string;
  filer_id: string | null;
  committee_id: string | null;
  entity_cd: string | null;
  report_num: string | null;
  rpt_date: string | null;
  stmt_type: string | null;
  from_date: string | null;
  thru_date: string | null;
  elect_date: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  can_namm: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  moniker_pos: string | null;
  moniker: string | null;
  cand_city: string | null;
  cand_st: string | null;
  cand_zip4: string | null;
  cand_phon: string | null;
  cand_fax: string | null;
  cand_email: string | null;
  fin_naml: string | null;
  fin_namf: string | null;
  fin_namt: string | null;
  fin_nams: string | null;
  fin_city: string | null;
  fin_st: string | null;
  fin_zip4: string | null;
  fin_phon: string | null;
  fin_fax: string | null;
  fin_email: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  agency_nam: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  party: string | null;
  yr_of_elec: string | null;
  elec_type: string | null;
  execute_dt: string | null;
  can_sig: string | null;
  account_no: string | null;
  acct_op_dt: string | null;
  party_cd: string | null;
  district_cd: string | null;
  accept_limit_yn: string | null;
  did_exceed_dt: string | null;
  cntrb_prsnl_fnds_dt: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** F690P2_CD.TSV */
export interface LobbyingReportAmendmentsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  exec_date: string | null;
  from_date: string | null;
  thru_date: string | null;
  chg_parts: string | null;
  chg_sects: string | null;
  amend_txt1: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILERNAME_CD.TSV */
export interface FilerNamesRow {
  xref_filer_id: string | null;
  filer_id: string | null;
  filer_type: string | null;
  status: string | null;
  effect_dt: string | null;
  naml: string | null;
  namf: string | null;
  namt: string | null;
  nams: string | null;
  adr1: string | null;
  adr2: string | null;
  city: string | null;
  st: string | null;
  zip4: string | null;
  phon: string | null;
  fax: string | null;
  email: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILERS_CD.TSV */
export interface FilerIdsRow {
  filer_id: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_ACRONYMS_CD.TSV */
export interface FilerAcronymsRow {
  acronym: string | null;
  filer_id: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_ADDRESS_CD.TSV */
export interface FilerAddressesRow {
  filer_id: string | null;
  adrid: number | null;
  effect_dt: string | null;
  add_type: string | null;
  session_id: number | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_ETHICS_CLASS_CD.TSV */
export interface FilerEthicsClassesRow {
  filer_id: string | null;
  session_id: number | null;
  ethics_date: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_FILINGS_CD.TSV */
export interface FilerFilingsRow {
  filer_id: string;
  filing_id: number;
  period_id: number | null;
  form_id: string;
  filing_sequence: number;
  filing_date: string | null;
  stmnt_type: number | null;
  stmnt_status: number | null;
  session_id: number | null;
  user_id: string | null;
  special_audit: number | null;
  fine_audit: number | null;
  rpt_start: string | null;
  rpt_end: string | null;
  rpt_date: string | null;
  filing_type: number | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_INTERESTS_CD.TSV */
export interface FilerInterestsRow {
  filer_id: string | null;
  session_id: number | null;
  interest_cd: string | null;
  effect_date: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_LINKS_CD.TSV */
export interface FilerLinksRow {
  filer_id_a: string | null;
  filer_id_b: string | null;
  active_flg: string | null;
  session_id: number | null;
  link_type: number | null;
  link_desc: string | null;
  effect_dt: string | null;
  dominate_filer: string | null;
  termination_dt: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_STATUS_TYPES_CD.TSV */
export interface FilerStatusCodesRow {
  status_type: string | null;
  status_desc: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_TO_FILER_TYPE_CD.TSV */
export interface FilerTypesBySessionRow {
  filer_id: string | null;
  filer_type: number | null;
  active: string | null;
  race: string | null;
  session_id: number | null;
  category: string | null;
  category_type: string | null;
  sub_category: string | null;
  effect_dt: string | null;
  sub_category_type: string | null;
  election_type: string | null;
  sub_category_a: string | null;
  nyq_dt: string | null;
  party_cd: string | null;
  county_cd: string | null;
  district_cd: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_TYPES_CD.TSV */
export interface FilerTypeCodesRow {
  filer_type: number;
  description: string | null;
  grp_type: number | null;
  calc_use: string | null;
  grace_period: number | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILER_XREF_CD.TSV */
export interface FilerXrefsRow {
  filer_id: string | null;
  xref_id: string | null;
  effect_dt: string | null;
  migration_source: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILINGS_CD.TSV */
export interface FilingMediaRow {
  filing_id: number;
  filing_type: number | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** FILING_PERIOD_CD.TSV */
export interface FilingPeriodsRow {
  period_id: number | null;
  start_date: string | null;
  end_date: string | null;
  period_type: number | null;
  per_grp_type: number | null;
  period_desc: string | null;
  deadline: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** GROUP_TYPES_CD.TSV */
export interface GroupTypesRow {
  grp_id: number | null;
  grp_name: string | null;
  grp_desc: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** HDR_CD.TSV */
export interface EfileHeadersRow {
  filing_id: number;
  amend_id: number;
  rec_type: string;
  ef_type: string | null;
  state_cd: string | null;
  cal_ver: string | null;
  soft_name: string | null;
  soft_ver: string | null;
  hdrcomment: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** HEADER_CD.TSV */
export interface FormLineLabelsRow {
  line_number: number | null;
  form_id: string | null;
  rec_type: string | null;
  section_label: string | null;
  comments1: string | null;
  comments2: string | null;
  label: string | null;
  column_a: string | null;
  column_b: string | null;
  column_c: string | null;
  show_c: string | null;
  show_b: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** IMAGE_LINKS_CD.TSV */
export interface ImageLinksRow {
  img_link_id: number | null;
  img_link_type: number | null;
  img_id: number | null;
  img_type: string | null;
  img_dt: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LATT_CD.TSV */
export interface LobbyingPaymentAttachmentsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  recip_naml: string | null;
  recip_namf: string | null;
  recip_namt: string | null;
  recip_nams: string | null;
  recip_city: string | null;
  recip_st: string | null;
  recip_zip4: string | null;
  pmt_date: string | null;
  amount: string | null;
  cum_amt: string | null;
  cumbeg_dt: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LCCM_CD.TSV */
export interface LobbyingCampaignContributionsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  recip_naml: string | null;
  recip_namf: string | null;
  recip_namt: string | null;
  recip_nams: string | null;
  recip_city: string | null;
  recip_st: string | null;
  recip_zip4: string | null;
  recip_id: string | null;
  ctrib_naml: string | null;
  ctrib_namf: string | null;
  ctrib_namt: string | null;
  ctrib_nams: string | null;
  ctrib_date: string | null;
  amount: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LEGISLATIVE_SESSIONS_CD.TSV */
export interface LegislativeSessionsRow {
  session_id: number | null;
  begin_date: string | null;
  end_date: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LEMP_CD.TSV */
export interface LobbyingFirmClientsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  client_id: string | null;
  cli_naml: string | null;
  cli_namf: string | null;
  cli_namt: string | null;
  cli_nams: string | null;
  cli_city: string | null;
  cli_st: string | null;
  cli_zip4: string | null;
  cli_phon: string | null;
  eff_date: string | null;
  con_period: string | null;
  agencylist: string | null;
  descrip: string | null;
  subfirm_id: string | null;
  sub_name: string | null;
  sub_city: string | null;
  sub_st: string | null;
  sub_zip4: string | null;
  sub_phon: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LEXP_CD.TSV */
export interface LobbyingActivityExpensesRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  recsubtype: number | null;
  entity_cd: string | null;
  payee_naml: string | null;
  payee_namf: string | null;
  payee_namt: string | null;
  payee_nams: string | null;
  payee_city: string | null;
  payee_st: string | null;
  payee_zip4: string | null;
  credcardco: string | null;
  bene_name: string | null;
  bene_posit: string | null;
  bene_amt: string | null;
  expn_dscr: string | null;
  expn_date: string | null;
  amount: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOAN_CD.TSV */
export interface LoansRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  loan_type: string | null;
  entity_cd: string | null;
  lndr_naml: string | null;
  lndr_namf: string | null;
  lndr_namt: string | null;
  lndr_nams: string | null;
  loan_city: string | null;
  loan_st: string | null;
  loan_zip4: string | null;
  loan_date1: string | null;
  loan_date2: string | null;
  loan_amt1: string | null;
  loan_amt2: string | null;
  loan_amt3: string | null;
  loan_amt4: string | null;
  loan_rate: string | null;
  loan_emp: string | null;
  loan_occ: string | null;
  loan_self: string | null;
  cmte_id: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  tres_city: string | null;
  tres_st: string | null;
  tres_zip4: string | null;
  intr_naml: string | null;
  intr_namf: string | null;
  intr_namt: string | null;
  intr_nams: string | null;
  intr_city: string | null;
  intr_st: string | null;
  intr_zip4: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  xref_schnm: string | null;
  xref_match: string | null;
  loan_amt5: string | null;
  loan_amt6: string | null;
  loan_amt7: string | null;
  loan_amt8: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYING_CHG_LOG_CD.TSV */
export interface LobbyingChangeLogRow {
  filer_id: string | null;
  change_no: number | null;
  session_id: number | null;
  log_dt: string | null;
  filer_type: number | null;
  correction_flg: string | null;
  action: string | null;
  attribute_changed: string | null;
  ethics_dt: string | null;
  interests: string | null;
  filer_full_name: string | null;
  filer_city: string | null;
  filer_st: string | null;
  filer_zip: string | null;
  filer_phone: string | null;
  entity_type: string | null;
  entity_name: string | null;
  entity_city: string | null;
  entity_st: string | null;
  entity_zip: string | null;
  entity_phone: string | null;
  entity_id: string | null;
  responsible_officer: string | null;
  effect_dt: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_CONTRIBUTIONS1_CD.TSV */
export interface LegacyLobbyistContributions1Row {
  filer_id: string | null;
  filing_period_start_dt: string | null;
  filing_period_end_dt: string | null;
  contribution_dt: string | null;
  recipient_name: string | null;
  recipient_id: string | null;
  amount: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_CONTRIBUTIONS2_CD.TSV */
export interface LegacyLobbyistContributions2Row {
  filer_id: string | null;
  filing_period_start_dt: string | null;
  filing_period_end_dt: string | null;
  contribution_dt: string | null;
  recipient_name: string | null;
  recipient_id: string | null;
  amount: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_CONTRIBUTIONS3_CD.TSV */
export interface LegacyLobbyistContributions3Row {
  filer_id: string | null;
  filing_period_start_dt: string | null;
  filing_period_end_dt: string | null;
  contribution_dt: string | null;
  recipient_name: string | null;
  recipient_id: string | null;
  amount: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMPLOYER1_CD.TSV */
export interface LegacyLobbyistEmployer1Row {
  employer_id: string | null;
  session_id: number | null;
  employer_name: string | null;
  current_qtr_amt: string | null;
  session_total_amt: string | null;
  contributor_id: string | null;
  interest_cd: string | null;
  interest_name: string | null;
  session_yr_1: string | null;
  session_yr_2: string | null;
  yr_1_ytd_amt: string | null;
  yr_2_ytd_amt: string | null;
  qtr_1: string | null;
  qtr_2: string | null;
  qtr_3: string | null;
  qtr_4: string | null;
  qtr_5: string | null;
  qtr_6: string | null;
  qtr_7: string | null;
  qtr_8: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMPLOYER2_CD.TSV */
export interface LegacyLobbyistEmployer2Row {
  employer_id: string | null;
  session_id: number | null;
  employer_name: string | null;
  current_qtr_amt: string | null;
  session_total_amt: string | null;
  contributor_id: string | null;
  interest_cd: string | null;
  interest_name: string | null;
  session_yr_1: string | null;
  session_yr_2: string | null;
  yr_1_ytd_amt: string | null;
  yr_2_ytd_amt: string | null;
  qtr_1: string | null;
  qtr_2: string | null;
  qtr_3: string | null;
  qtr_4: string | null;
  qtr_5: string | null;
  qtr_6: string | null;
  qtr_7: string | null;
  qtr_8: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMPLOYER3_CD.TSV */
export interface LegacyLobbyistEmployer3Row {
  employer_id: string | null;
  session_id: number | null;
  employer_name: string | null;
  current_qtr_amt: string | null;
  session_total_amt: string | null;
  contributor_id: string | null;
  interest_cd: string | null;
  interest_name: string | null;
  session_yr_1: string | null;
  session_yr_2: string | null;
  yr_1_ytd_amt: string | null;
  yr_2_ytd_amt: string | null;
  qtr_1: string | null;
  qtr_2: string | null;
  qtr_3: string | null;
  qtr_4: string | null;
  qtr_5: string | null;
  qtr_6: string | null;
  qtr_7: string | null;
  qtr_8: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMPLOYER_FIRMS1_CD.TSV */
export interface LegacyLobbyistEmployerFirms1Row {
  employer_id: string | null;
  firm_id: string | null;
  firm_name: string | null;
  session_id: number | null;
  termination_dt: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMPLOYER_FIRMS2_CD.TSV */
export interface LegacyLobbyistEmployerFirms2Row {
  employer_id: string | null;
  firm_id: string | null;
  firm_name: string | null;
  session_id: number | null;
  termination_dt: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMP_LOBBYIST1_CD.TSV */
export interface LegacyLobbyistEmpLobbyist1Row {
  lobbyist_id: string | null;
  employer_id: string | null;
  lobbyist_last_name: string | null;
  lobbyist_first_name: string | null;
  employer_name: string | null;
  session_id: number | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_EMP_LOBBYIST2_CD.TSV */
export interface LegacyLobbyistEmpLobbyist2Row {
  lobbyist_id: string | null;
  employer_id: string | null;
  lobbyist_last_name: string | null;
  lobbyist_first_name: string | null;
  employer_name: string | null;
  session_id: number | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM1_CD.TSV */
export interface LegacyLobbyistFirm1Row {
  firm_id: string | null;
  session_id: number | null;
  firm_name: string | null;
  current_qtr_amt: string | null;
  session_total_amt: string | null;
  contributor_id: string | null;
  session_yr_1: string | null;
  session_yr_2: string | null;
  yr_1_ytd_amt: string | null;
  yr_2_ytd_amt: string | null;
  qtr_1: string | null;
  qtr_2: string | null;
  qtr_3: string | null;
  qtr_4: string | null;
  qtr_5: string | null;
  qtr_6: string | null;
  qtr_7: string | null;
  qtr_8: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM2_CD.TSV */
export interface LegacyLobbyistFirm2Row {
  firm_id: string | null;
  session_id: number | null;
  firm_name: string | null;
  current_qtr_amt: string | null;
  session_total_amt: string | null;
  contributor_id: string | null;
  session_yr_1: string | null;
  session_yr_2: string | null;
  yr_1_ytd_amt: string | null;
  yr_2_ytd_amt: string | null;
  qtr_1: string | null;
  qtr_2: string | null;
  qtr_3: string | null;
  qtr_4: string | null;
  qtr_5: string | null;
  qtr_6: string | null;
  qtr_7: string | null;
  qtr_8: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM3_CD.TSV */
export interface LegacyLobbyistFirm3Row {
  firm_id: string | null;
  session_id: number | null;
  firm_name: string | null;
  current_qtr_amt: string | null;
  session_total_amt: string | null;
  contributor_id: string | null;
  session_yr_1: string | null;
  session_yr_2: string | null;
  yr_1_ytd_amt: string | null;
  yr_2_ytd_amt: string | null;
  qtr_1: string | null;
  qtr_2: string | null;
  qtr_3: string | null;
  qtr_4: string | null;
  qtr_5: string | null;
  qtr_6: string | null;
  qtr_7: string | null;
  qtr_8: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM_EMPLOYER1_CD.TSV */
export interface LegacyLobbyistFirmEmployer1Row {
  firm_id: string | null;
  filing_id: number | null;
  filing_sequence: number | null;
  firm_name: string | null;
  employer_name: string | null;
  rpt_start: string | null;
  rpt_end: string | null;
  per_total: string | null;
  cum_total: string | null;
  lby_actvty: string | null;
  ext_lby_actvty: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM_EMPLOYER2_CD.TSV */
export interface LegacyLobbyistFirmEmployer2Row {
  firm_id: string | null;
  filing_id: number | null;
  filing_sequence: number | null;
  firm_name: string | null;
  employer_name: string | null;
  rpt_start: string | null;
  rpt_end: string | null;
  per_total: string | null;
  cum_total: string | null;
  lby_actvty: string | null;
  ext_lby_actvty: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM_LOBBYIST1_CD.TSV */
export interface LegacyLobbyistFirmLobbyist1Row {
  lobbyist_id: string | null;
  firm_id: string | null;
  lobbyist_last_name: string | null;
  lobbyist_first_name: string | null;
  firm_name: string | null;
  session_id: number | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBYIST_FIRM_LOBBYIST2_CD.TSV */
export interface LegacyLobbyistFirmLobbyist2Row {
  lobbyist_id: string | null;
  firm_id: string | null;
  lobbyist_last_name: string | null;
  lobbyist_first_name: string | null;
  firm_name: string | null;
  session_id: number | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOBBY_AMENDMENTS_CD.TSV */
export interface RegistrationAmendmentsRow {
  filing_id: number | null;
  amend_id: number | null;
  rec_type: string | null;
  form_type: string | null;
  exec_date: string | null;
  from_date: string | null;
  thru_date: string | null;
  add_l_cb: string | null;
  add_l_eff: string | null;
  a_l_naml: string | null;
  a_l_namf: string | null;
  a_l_namt: string | null;
  a_l_nams: string | null;
  del_l_cb: string | null;
  del_l_eff: string | null;
  d_l_naml: string | null;
  d_l_namf: string | null;
  d_l_namt: string | null;
  d_l_nams: string | null;
  add_le_cb: string | null;
  add_le_eff: string | null;
  a_le_naml: string | null;
  a_le_namf: string | null;
  a_le_namt: string | null;
  a_le_nams: string | null;
  del_le_cb: string | null;
  del_le_eff: string | null;
  d_le_naml: string | null;
  d_le_namf: string | null;
  d_le_namt: string | null;
  d_le_nams: string | null;
  add_lf_cb: string | null;
  add_lf_eff: string | null;
  a_lf_name: string | null;
  del_lf_cb: string | null;
  del_lf_eff: string | null;
  d_lf_name: string | null;
  other_cb: string | null;
  other_eff: string | null;
  other_desc: string | null;
  f606_yes: string | null;
  f606_no: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOOKUP_CODES_CD.TSV */
export interface LookupCodesRow {
  code_type: number;
  code_id: number;
  code_desc: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LOTH_CD.TSV */
export interface LobbyingOtherPaymentsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  firm_name: string | null;
  firm_city: string | null;
  firm_st: string | null;
  firm_zip4: string | null;
  firm_phon: string | null;
  subj_naml: string | null;
  subj_namf: string | null;
  subj_namt: string | null;
  subj_nams: string | null;
  pmt_date: string | null;
  amount: string | null;
  cum_amt: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** LPAY_CD.TSV */
export interface LobbyingPaymentsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  emplr_naml: string | null;
  emplr_namf: string | null;
  emplr_namt: string | null;
  emplr_nams: string | null;
  emplr_city: string | null;
  emplr_st: string | null;
  emplr_zip4: string | null;
  emplr_phon: string | null;
  lby_actvty: string | null;
  fees_amt: string | null;
  reimb_amt: string | null;
  advan_amt: string | null;
  advan_dscr: string | null;
  per_total: string | null;
  cum_total: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  emplr_id: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** NAMES_CD.TSV */
export interface NamesRow {
  namid: number | null;
  naml: string | null;
  namf: string | null;
  namt: string | null;
  nams: string | null;
  moniker: string | null;
  moniker_pos: string | null;
  namm: string | null;
  fullname: string | null;
  naml_search: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** RCPT_CD.TSV */
export interface ContributionsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  ctrib_naml: string | null;
  ctrib_namf: string | null;
  ctrib_namt: string | null;
  ctrib_nams: string | null;
  ctrib_city: string | null;
  ctrib_st: string | null;
  ctrib_zip4: string | null;
  ctrib_emp: string | null;
  ctrib_occ: string | null;
  ctrib_self: string | null;
  tran_type: string | null;
  rcpt_date: string | null;
  date_thru: string | null;
  amount: string | null;
  cum_ytd: string | null;
  cum_oth: string | null;
  ctrib_dscr: string | null;
  cmte_id: string | null;
  tres_naml: string | null;
  tres_namf: string | null;
  tres_namt: string | null;
  tres_nams: string | null;
  tres_city: string | null;
  tres_st: string | null;
  tres_zip4: string | null;
  intr_naml: string | null;
  intr_namf: string | null;
  intr_namt: string | null;
  intr_nams: string | null;
  intr_city: string | null;
  intr_st: string | null;
  intr_zip4: string | null;
  intr_emp: string | null;
  intr_occ: string | null;
  intr_self: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  sup_opp_cd: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  xref_schnm: string | null;
  xref_match: string | null;
  int_rate: string | null;
  intr_cmteid: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** RECEIVED_FILINGS_CD.TSV */
export interface ReceivedFilingsRow {
  filer_id: string | null;
  filing_file_name: string | null;
  received_date: string | null;
  filing_directory: string | null;
  filing_id: number | null;
  form_id: string | null;
  receive_comment: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** REPORTS_CD.TSV */
export interface ReportDefinitionsRow {
  rpt_id: string | null;
  rpt_name: string | null;
  rpt_desc_: string | null;
  path: string | null;
  data_object: string | null;
  parms_flg_y_n: string | null;
  rpt_type: string | null;
  parm_definition: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** S401_CD.TSV */
export interface SlateMailerPaymentsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  agent_naml: string | null;
  agent_namf: string | null;
  agent_namt: string | null;
  agent_nams: string | null;
  payee_naml: string | null;
  payee_namf: string | null;
  payee_namt: string | null;
  payee_nams: string | null;
  payee_city: string | null;
  payee_st: string | null;
  payee_zip4: string | null;
  amount: string | null;
  aggregate: string | null;
  expn_dscr: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  sup_opp_cd: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bakref_tid: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** S496_CD.TSV */
export interface LateIndependentExpendituresRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  amount: string | null;
  exp_date: string | null;
  expn_dscr: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  date_thru: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** S497_CD.TSV */
export interface LateContributionsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  enty_naml: string | null;
  enty_namf: string | null;
  enty_namt: string | null;
  enty_nams: string | null;
  enty_city: string | null;
  enty_st: string | null;
  enty_zip4: string | null;
  ctrib_emp: string | null;
  ctrib_occ: string | null;
  ctrib_self: string | null;
  elec_date: string | null;
  ctrib_date: string | null;
  date_thru: string | null;
  amount: string | null;
  cmte_id: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  bal_id: string | null;
  cand_id: string | null;
  sup_off_cd: string | null;
  sup_opp_cd: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** S498_CD.TSV */
export interface SlateMailerLatePaymentsRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  tran_id: string | null;
  entity_cd: string | null;
  cmte_id: string | null;
  payor_naml: string | null;
  payor_namf: string | null;
  payor_namt: string | null;
  payor_nams: string | null;
  payor_city: string | null;
  payor_st: string | null;
  payor_zip4: string | null;
  date_rcvd: string | null;
  amt_rcvd: string | null;
  cand_naml: string | null;
  cand_namf: string | null;
  cand_namt: string | null;
  cand_nams: string | null;
  office_cd: string | null;
  offic_dscr: string | null;
  juris_cd: string | null;
  juris_dscr: string | null;
  dist_no: string | null;
  off_s_h_cd: string | null;
  bal_name: string | null;
  bal_num: string | null;
  bal_juris: string | null;
  sup_opp_cd: string | null;
  amt_attrib: string | null;
  memo_code: string | null;
  memo_refno: string | null;
  employer: string | null;
  occupation: string | null;
  selfemp_cb: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** SMRY_CD.TSV */
export interface SummaryLinesRow {
  filing_id: number;
  amend_id: number;
  line_item: string;
  rec_type: string;
  form_type: string;
  amount_a: string | null;
  amount_b: string | null;
  amount_c: string | null;
  elec_dt: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

/** SPLT_CD.TSV */
export interface ElectionSplitsRow {
  filing_id: number | null;
  amend_id: number | null;
  line_item: number | null;
  pform_type: string | null;
  ptran_id: string | null;
  elec_date: string | null;
  elec_amount: string | null;
  elec_code: string | null;
  row_hash: string;
  odd_dates: string[] | null;
  source_line: number;
}

/** TEXT_MEMO_CD.TSV */
export interface TextMemosRow {
  filing_id: number;
  amend_id: number;
  line_item: number;
  rec_type: string;
  form_type: string;
  ref_no: string | null;
  text4000: string | null;
  odd_dates: string[] | null;
  source_line: number;
}

export interface SourceTables {
  acronyms: AcronymsRow;
  addresses: AddressesRow;
  ballot_measures: BallotMeasuresRow;
  campaign_cover_names: CampaignCoverNamesRow;
  lobbying_report_cover_names: LobbyingReportCoverNamesRow;
  registration_cover_names: RegistrationCoverNamesRow;
  organization_statement_names: OrganizationStatementNamesRow;
  cover_verifications: CoverVerificationsRow;
  campaign_covers: CampaignCoversRow;
  issue_ad_covers: IssueAdCoversRow;
  lobbying_report_covers: LobbyingReportCoversRow;
  registration_covers: RegistrationCoversRow;
  organization_statement_covers: OrganizationStatementCoversRow;
  debts: DebtsRow;
  efile_log: EfileLogRow;
  expenditures: ExpendituresRow;
  supplemental_preelection_statements: SupplementalPreelectionStatementsRow;
  candidate_intention_statements: CandidateIntentionStatementsRow;
  lobbying_report_amendments: LobbyingReportAmendmentsRow;
  filer_names: FilerNamesRow;
  filer_ids: FilerIdsRow;
  filer_acronyms: FilerAcronymsRow;
  filer_addresses: FilerAddressesRow;
  filer_ethics_classes: FilerEthicsClassesRow;
  filer_filings: FilerFilingsRow;
  filer_interests: FilerInterestsRow;
  filer_links: FilerLinksRow;
  filer_status_codes: FilerStatusCodesRow;
  filer_types_by_session: FilerTypesBySessionRow;
  filer_type_codes: FilerTypeCodesRow;
  filer_xrefs: FilerXrefsRow;
  filing_media: FilingMediaRow;
  filing_periods: FilingPeriodsRow;
  group_types: GroupTypesRow;
  efile_headers: EfileHeadersRow;
  form_line_labels: FormLineLabelsRow;
  image_links: ImageLinksRow;
  lobbying_payment_attachments: LobbyingPaymentAttachmentsRow;
  lobbying_campaign_contributions: LobbyingCampaignContributionsRow;
  legislative_sessions: LegislativeSessionsRow;
  lobbying_firm_clients: LobbyingFirmClientsRow;
  lobbying_activity_expenses: LobbyingActivityExpensesRow;
  loans: LoansRow;
  lobbying_change_log: LobbyingChangeLogRow;
  legacy_lobbyist_contributions1: LegacyLobbyistContributions1Row;
  legacy_lobbyist_contributions2: LegacyLobbyistContributions2Row;
  legacy_lobbyist_contributions3: LegacyLobbyistContributions3Row;
  legacy_lobbyist_employer1: LegacyLobbyistEmployer1Row;
  legacy_lobbyist_employer2: LegacyLobbyistEmployer2Row;
  legacy_lobbyist_employer3: LegacyLobbyistEmployer3Row;
  legacy_lobbyist_employer_firms1: LegacyLobbyistEmployerFirms1Row;
  legacy_lobbyist_employer_firms2: LegacyLobbyistEmployerFirms2Row;
  legacy_lobbyist_emp_lobbyist1: LegacyLobbyistEmpLobbyist1Row;
  legacy_lobbyist_emp_lobbyist2: LegacyLobbyistEmpLobbyist2Row;
  legacy_lobbyist_firm1: LegacyLobbyistFirm1Row;
  legacy_lobbyist_firm2: LegacyLobbyistFirm2Row;
  legacy_lobbyist_firm3: LegacyLobbyistFirm3Row;
  legacy_lobbyist_firm_employer1: LegacyLobbyistFirmEmployer1Row;
  legacy_lobbyist_firm_employer2: LegacyLobbyistFirmEmployer2Row;
  legacy_lobbyist_firm_lobbyist1: LegacyLobbyistFirmLobbyist1Row;
  legacy_lobbyist_firm_lobbyist2: LegacyLobbyistFirmLobbyist2Row;
  registration_amendments: RegistrationAmendmentsRow;
  lookup_codes: LookupCodesRow;
  lobbying_other_payments: LobbyingOtherPaymentsRow;
  lobbying_payments: LobbyingPaymentsRow;
  names: NamesRow;
  contributions: ContributionsRow;
  received_filings: ReceivedFilingsRow;
  report_definitions: ReportDefinitionsRow;
  slate_mailer_payments: SlateMailerPaymentsRow;
  late_independent_expenditures: LateIndependentExpendituresRow;
  late_contributions: LateContributionsRow;
  slate_mailer_late_payments: SlateMailerLatePaymentsRow;
  summary_lines: SummaryLinesRow;
  election_splits: ElectionSplitsRow;
  text_memos: TextMemosRow;
}
