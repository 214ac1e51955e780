// What the generator writes and reports: the public types and names of src/generator/.
import type { DirtyCounts } from './dirt.js';

export interface GeneratedFile {
  /** Data lines written (CRLF-terminated, header excluded); a split record counts 2. */
  lines: number;
  /** File size in bytes, header included. */
  bytes: number;
  /** Lines per kind of dirt; each dirty line has exactly one kind. */
  dirty: DirtyCounts;
  /** false: copied from the sample unchanged (dirt counted by scanning it). */
  generated: boolean;
}

export interface GeneratorManifest {
  seed: number;
  /** RCPT_CD data lines, exactly. */
  rows: number;
  dirty_rate: number;
  files: Record<string, GeneratedFile>;
  /** Distinct FILING_IDs generated (campaign and lobbying). */
  filings: number;
  /** Filings that have at least one amendment (AMEND_ID > 0). */
  amended_filings: number;
  filers: number;
  /** F460 versions whose SMRY A 1 or E 1 deliberately disagrees with the itemized rows. */
  smry_mismatched_versions: number;
}

export interface GenerateOptions {
  rows: number;
  out: string;
  sampleDir: string;
  seed?: number;
  dirtyRate?: number;
  onProgress?: (p: { file: string; rows: number }) => void;
}

export const MANIFEST_FILE = 'generator-manifest.json';

/** Tables written by the generator; every other sample file is copied. */
export const GENERATED_FILES = [
  'FILERS_CD.TSV',
  'FILERNAME_CD.TSV',
  'FILER_FILINGS_CD.TSV',
  'CVR_CAMPAIGN_DISCLOSURE_CD.TSV',
  'RCPT_CD.TSV',
  'EXPN_CD.TSV',
  'LOAN_CD.TSV',
  'DEBT_CD.TSV',
  'S497_CD.TSV',
  'S496_CD.TSV',
  'SMRY_CD.TSV',
  'TEXT_MEMO_CD.TSV',
  'CVR_LOBBY_DISCLOSURE_CD.TSV',
  'LPAY_CD.TSV',
  'LEXP_CD.TSV',
  'LCCM_CD.TSV',
] as const;
export type GeneratedFileName = (typeof GENERATED_FILES)[number];
