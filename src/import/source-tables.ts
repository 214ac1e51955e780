// Which CAL-ACCESS file loads into which table, and by which key. Column types are not
// repeated here: the importer reads them from the table the migration created.
// role: 'cover' = a filing version's cover page (decides the current amendment);
//       'rows' = rows of one filing version; 'index' = the state's filing index
//       (FILER_FILINGS_CD, FILING_SEQUENCE is the version); 'ref' = not tied to a filing.
// key: the source key; empty = rows are identified by a hash of their cleaned values
//      (tables with no natural key, FILERNAME_CD among them: its FILER_ID repeats).
import type { SourceTableName } from '../db/schema.js';

export type TableRole = 'cover' | 'rows' | 'index' | 'ref';

export interface SourceTableSpec {
  file: string;
  table: SourceTableName;
  role: TableRole;
  key: readonly string[];
}

export const SOURCE_TABLES: readonly SourceTableSpec[] = [
  { file: 'ACRONYMS_CD.TSV', table: 'acronyms', role: 'ref', key: [] },
  { file: 'ADDRESS_CD.TSV', table: 'addresses', role: 'ref', key: [] },
  { file: 'BALLOT_MEASURES_CD.TSV', table: 'ballot_measures', role: 'ref', key: [] },
  { file: 'EFS_FILING_LOG_CD.TSV', table: 'efile_log', role: 'ref', key: [] },
  { file: 'FILERNAME_CD.TSV', table: 'filer_names', role: 'ref', key: [] },
  { file: 'FILERS_CD.TSV', table: 'filer_ids', role: 'ref', key: ['filer_id'] },
  { file: 'FILER_ACRONYMS_CD.TSV', table: 'filer_acronyms', role: 'ref', key: [] },
  { file: 'FILER_ADDRESS_CD.TSV', table: 'filer_addresses', role: 'ref', key: [] },
  { file: 'FILER_ETHICS_CLASS_CD.TSV', table: 'filer_ethics_classes', role: 'ref', key: [] },
  { file: 'FILER_INTERESTS_CD.TSV', table: 'filer_interests', role: 'ref', key: [] },
  { file: 'FILER_LINKS_CD.TSV', table: 'filer_links', role: 'ref', key: [] },
  { file: 'FILER_STATUS_TYPES_CD.TSV', table: 'filer_status_codes', role: 'ref', key: [] },
  { file: 'FILER_TO_FILER_TYPE_CD.TSV', table: 'filer_types_by_session', role: 'ref', key: [] },
  { file: 'FILER_TYPES_CD.TSV', table: 'filer_type_codes', role: 'ref', key: ['filer_type'] },
  { file: 'FILER_XREF_CD.TSV', table: 'filer_xrefs', role: 'ref', key: [] },
  { file: 'FILINGS_CD.TSV', table: 'filing_media', role: 'ref', key: ['filing_id'] },
  { file: 'FILING_PERIOD_CD.TSV', table: 'filing_periods', role: 'ref', key: [] },
  { file: 'GROUP_TYPES_CD.TSV', table: 'group_types', role: 'ref', key: [] },
  { file: 'HEADER_CD.TSV', table: 'form_line_labels', role: 'ref', key: [] },
  { file: 'IMAGE_LINKS_CD.TSV', table: 'image_links', role: 'ref', key: [] },
  { file: 'LEGISLATIVE_SESSIONS_CD.TSV', table: 'legislative_sessions', role: 'ref', key: [] },
  { file: 'LOBBYING_CHG_LOG_CD.TSV', table: 'lobbying_change_log', role: 'ref', key: [] },
  { file: 'LOBBYIST_CONTRIBUTIONS1_CD.TSV', table: 'legacy_lobbyist_contributions1', role: 'ref', key: [] },
  { file: 'LOBBYIST_CONTRIBUTIONS2_CD.TSV', table: 'legacy_lobbyist_contributions2', role: 'ref', key: [] },
  { file: 'LOBBYIST_CONTRIBUTIONS3_CD.TSV', table: 'legacy_lobbyist_contributions3', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMPLOYER1_CD.TSV', table: 'legacy_lobbyist_employer1', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMPLOYER2_CD.TSV', table: 'legacy_lobbyist_employer2', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMPLOYER3_CD.TSV', table: 'legacy_lobbyist_employer3', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMPLOYER_FIRMS1_CD.TSV', table: 'legacy_lobbyist_employer_firms1', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMPLOYER_FIRMS2_CD.TSV', table: 'legacy_lobbyist_employer_firms2', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMP_LOBBYIST1_CD.TSV', table: 'legacy_lobbyist_emp_lobbyist1', role: 'ref', key: [] },
  { file: 'LOBBYIST_EMP_LOBBYIST2_CD.TSV', table: 'legacy_lobbyist_emp_lobbyist2', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM1_CD.TSV', table: 'legacy_lobbyist_firm1', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM2_CD.TSV', table: 'legacy_lobbyist_firm2', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM3_CD.TSV', table: 'legacy_lobbyist_firm3', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM_EMPLOYER1_CD.TSV', table: 'legacy_lobbyist_firm_employer1', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM_EMPLOYER2_CD.TSV', table: 'legacy_lobbyist_firm_employer2', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM_LOBBYIST1_CD.TSV', table: 'legacy_lobbyist_firm_lobbyist1', role: 'ref', key: [] },
  { file: 'LOBBYIST_FIRM_LOBBYIST2_CD.TSV', table: 'legacy_lobbyist_firm_lobbyist2', role: 'ref', key: [] },
  { file: 'LOOKUP_CODES_CD.TSV', table: 'lookup_codes', role: 'ref', key: ['code_type', 'code_id'] },
  { file: 'NAMES_CD.TSV', table: 'names', role: 'ref', key: [] },
  { file: 'RECEIVED_FILINGS_CD.TSV', table: 'received_filings', role: 'ref', key: [] },
  { file: 'REPORTS_CD.TSV', table: 'report_definitions', role: 'ref', key: [] },
  { file: 'CVR_CAMPAIGN_DISCLOSURE_CD.TSV', table: 'campaign_covers', role: 'cover', key: ['filing_id', 'amend_id', 'rec_type', 'form_type'] },
  { file: 'CVR_E530_CD.TSV', table: 'issue_ad_covers', role: 'cover', key: ['filing_id', 'amend_id', 'rec_type', 'form_type'] },
  { file: 'CVR_LOBBY_DISCLOSURE_CD.TSV', table: 'lobbying_report_covers', role: 'cover', key: ['filing_id', 'amend_id', 'rec_type', 'form_type'] },
  { file: 'CVR_REGISTRATION_CD.TSV', table: 'registration_covers', role: 'cover', key: ['filing_id', 'amend_id', 'rec_type', 'form_type'] },
  { file: 'CVR_SO_CD.TSV', table: 'organization_statement_covers', role: 'cover', key: ['filing_id', 'amend_id', 'rec_type', 'form_type'] },
  { file: 'F501_502_CD.TSV', table: 'candidate_intention_statements', role: 'cover', key: ['filing_id', 'amend_id', 'rec_type', 'form_type'] },
  { file: 'FILER_FILINGS_CD.TSV', table: 'filer_filings', role: 'index', key: ['filer_id', 'filing_id', 'filing_sequence', 'form_id'] },
  { file: 'CVR2_CAMPAIGN_DISCLOSURE_CD.TSV', table: 'campaign_cover_names', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'CVR2_LOBBY_DISCLOSURE_CD.TSV', table: 'lobbying_report_cover_names', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'CVR2_REGISTRATION_CD.TSV', table: 'registration_cover_names', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'CVR2_SO_CD.TSV', table: 'organization_statement_names', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'CVR3_VERIFICATION_INFO_CD.TSV', table: 'cover_verifications', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'DEBT_CD.TSV', table: 'debts', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'EXPN_CD.TSV', table: 'expenditures', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'F495P2_CD.TSV', table: 'supplemental_preelection_statements', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'F690P2_CD.TSV', table: 'lobbying_report_amendments', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'HDR_CD.TSV', table: 'efile_headers', role: 'rows', key: ['filing_id', 'amend_id', 'rec_type'] },
  { file: 'LATT_CD.TSV', table: 'lobbying_payment_attachments', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'LCCM_CD.TSV', table: 'lobbying_campaign_contributions', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'LEMP_CD.TSV', table: 'lobbying_firm_clients', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'LEXP_CD.TSV', table: 'lobbying_activity_expenses', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'LOAN_CD.TSV', table: 'loans', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'LOBBY_AMENDMENTS_CD.TSV', table: 'registration_amendments', role: 'rows', key: [] },
  { file: 'LOTH_CD.TSV', table: 'lobbying_other_payments', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'LPAY_CD.TSV', table: 'lobbying_payments', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'RCPT_CD.TSV', table: 'contributions', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'S401_CD.TSV', table: 'slate_mailer_payments', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'S496_CD.TSV', table: 'late_independent_expenditures', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'S497_CD.TSV', table: 'late_contributions', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'S498_CD.TSV', table: 'slate_mailer_late_payments', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'SMRY_CD.TSV', table: 'summary_lines', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
  { file: 'SPLT_CD.TSV', table: 'election_splits', role: 'rows', key: [] },
  { file: 'TEXT_MEMO_CD.TSV', table: 'text_memos', role: 'rows', key: ['filing_id', 'amend_id', 'line_item', 'rec_type', 'form_type'] },
];

/** Files the export has that are empty in every copy we have seen, so their columns are
 *  unknown; lines in them are rejected (reason unknown_file) rather than guessed at. */
export const FILES_WITHOUT_TABLE: readonly string[] = [
  'CVR_F470_CD.TSV',
  'FILER_TYPE_PERIODS_CD.TSV',
  'LOBBYIST_EMPLOYER_HISTORY_CD.TSV',
  'LOBBYIST_FIRM_HISTORY_CD.TSV',
];

export function specForFile(file: string): SourceTableSpec | undefined {
  const name = file.toUpperCase();
  return SOURCE_TABLES.find((s) => s.file === name);
}

/** The tables of cover pages (role 'cover'), in the order a version's cover is looked for:
 *  report views read the first that holds it, the filings index follows all of them. */
export const COVER_TABLES = ['campaign_covers', 'lobbying_report_covers', 'registration_covers', 'organization_statement_covers', 'issue_ad_covers', 'candidate_intention_statements'] as const satisfies readonly SourceTableName[];
