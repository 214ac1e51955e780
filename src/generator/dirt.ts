// Dirt (docs/calaccess-raw-format.md §2): the kinds of bad line the generator writes, what
// each table may get, and a scan that counts the dirt of any file (the copied sample
// tables are counted this way, and tests check the generated counts with it).
import { dateParts, daysInMonth } from './formats.js';
import type { Rand } from './random.js';

export const DIRT_KINDS = [
  'wrong_field_count',
  'split_record_lines',
  'stray_cr',
  'sub_byte',
  'c0_punctuation',
  'nul',
  'bad_date',
  'odd_year',
  'padded',
  'duplicate',
] as const;
export type DirtKind = (typeof DIRT_KINDS)[number];
export type DirtyCounts = Record<DirtKind, number>;

/** Where one table's dirt may go, as column indexes of that table. */
export interface DirtProfile {
  /** Names and descriptions: where a TAB, a CRLF, a C0 byte or a NUL can hide. */
  text: number[];
  /** Text columns with a column before and after: where a CRLF can cut the record. */
  splitAt: number[];
  /** Columns that may carry leading or trailing spaces. */
  pad: number[];
  dates: number[];
  /** Columns that may hold 0x1A as the whole value. */
  sub: number[];
  /** Kinds a loader must reject (wrong field count, split, bad date) are allowed. */
  reject: boolean;
  shortDates: boolean;
}

/** One dirt stream for all tables, apart from the content's: the rate changes the dirt only. */
export interface DirtSource {
  rate: number;
  rng: Rand;
}

export function emptyDirty(): DirtyCounts {
  return {
    wrong_field_count: 0,
    split_record_lines: 0,
    stray_cr: 0,
    sub_byte: 0,
    c0_punctuation: 0,
    nul: 0,
    bad_date: 0,
    odd_year: 0,
    padded: 0,
    duplicate: 0,
  };
}

/** Years outside 1970-2030 as the source has them; 1900 and 1899 come as whole placeholder dates. */
export const ODD_YEARS = [1900, 1900, 1899, 2999, 2999, 2034, 2039, 2103, 2505, 201, 723] as const;
/** Month and day pairs no year has (February 29 of a common year is drawn apart). */
export const BAD_DAYS = [
  [2, 30],
  [2, 31],
  [4, 31],
  [6, 31],
  [9, 31],
  [11, 31],
] as const;

/** Windows-1252 curly quotes and dashes that lost their high bit (§2 kind 4). */
export function withLostPunctuation(s: string, r: Rand): string {
  const apostrophe = s.indexOf("'");
  if (apostrophe >= 0) return s.slice(0, apostrophe) + '\x12' + s.slice(apostrophe + 1);
  const space = s.indexOf(' ');
  switch (r.int(3)) {
    case 0:
      if (space > 0) return `${s.slice(0, space)} \x16${s.slice(space)}`;
      return `\x13${s}\x14`;
    case 1:
      return `\x13${s}\x14`;
    default:
      return `\x15 ${s}`;
  }
}

function hasLostPunctuation(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x12 && c <= 0x16) return true;
  }
  return false;
}

/**
 * Counts the data lines and the dirt of one TSV file, each line under the first kind that
 * matches in this order: wrong field count (more fields: wrong_field_count, fewer:
 * split_record_lines), exact duplicate of an earlier line, stray CR, 0x1A value, NUL,
 * C0 punctuation, invalid calendar date, year outside 1970-2030, padded value.
 */
export function scanTsv(buf: Buffer): { lines: number; dirty: DirtyCounts } {
  const dirty = emptyDirty();
  if (buf.length === 0) return { lines: 0, dirty };
  const parts = buf.toString('latin1').split('\r\n');
  const width = parts[0]!.split('\t').length;
  const seen = new Set<string>();
  let lines = 0;
  // The text after the last CRLF is not a line (it is '' when the file ends with CRLF).
  for (let i = 1; i < parts.length - 1; i++) {
    const line = parts[i]!;
    lines++;
    const fields = line.split('\t');
    if (fields.length > width) dirty.wrong_field_count++;
    else if (fields.length < width) dirty.split_record_lines++;
    else if (seen.has(line)) dirty.duplicate++;
    else if (line.endsWith('\r')) dirty.stray_cr++;
    else if (fields.includes('\x1a')) dirty.sub_byte++;
    else if (line.includes('\x00')) dirty.nul++;
    else if (hasLostPunctuation(line)) dirty.c0_punctuation++;
    else {
      let bad = false;
      let odd = false;
      let padded = false;
      for (const f of fields) {
        if (f.length === 0) continue;
        if (f.charCodeAt(0) === 32 || f.charCodeAt(f.length - 1) === 32) padded = true;
        const d = dateParts(f);
        if (d !== undefined) {
          if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m)) bad = true;
          else if (d.y < 1970 || d.y > 2030) odd = true;
        }
      }
      if (bad) dirty.bad_date++;
      else if (odd) dirty.odd_year++;
      else if (padded) dirty.padded++;
    }
    seen.add(line);
  }
  return { lines, dirty };
}
