// Turns one record's bytes into trimmed field values, repairing what the export mangled
// and counting every repair (format notes §1 "Byte level", §2 kinds 2-5, §8 step 4):
// - bytes that are not valid UTF-8 are decoded as Windows-1252 for that value;
// - 0x12-0x16 are Windows-1252 punctuation that lost its high bit: mapped back;
// - NUL and SUB (0x1A) are dropped (PostgreSQL text cannot hold NUL);
// - a CR at the end of a value is dropped (the "\r\r\n" line ends);
// - spaces around a value are trimmed; an empty or all-space value is null.

export interface FixCounts {
  windows_1252: number;
  c0_punctuation: number;
  nul_removed: number;
  sub_removed: number;
  stray_cr: number;
  other_control: number;
}

export function emptyFixCounts(): FixCounts {
  return { windows_1252: 0, c0_punctuation: 0, nul_removed: 0, sub_removed: 0, stray_cr: 0, other_control: 0 };
}

const C0_PUNCTUATION: Record<number, string> = {
  0x12: '\u2019', // ’ from 0x92
  0x13: '\u201c', // “ from 0x93
  0x14: '\u201d', // ” from 0x94
  0x15: '\u2022', // • from 0x95
  0x16: '\u2013', // – from 0x96
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Windows-1252 differs from latin1 only in 0x80-0x9F. (Node's TextDecoder('windows-1252')
// decodes those bytes as latin1 control characters, so the table is spelled out.)
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Buffer): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    s += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  }
  return s;
}

/** Needs the slow path: a byte >= 0x80 or a control byte other than TAB. */
// eslint-disable-next-line no-control-regex -- control bytes are what it looks for
const NEEDS_REPAIR = /[^\x09\x20-\x7e]/;

function trimSpaces(v: string): string | null {
  if (v.length === 0) return null;
  if (v.charCodeAt(0) !== 32 && v.charCodeAt(v.length - 1) !== 32) return v;
  const t = v.replace(/^ +| +$/g, '');
  return t.length === 0 ? null : t;
}

/** Splits on TAB (no quoting: a '"' is an ordinary character) and cleans each value. */
export function cleanFields(bytes: Buffer, fixes: FixCounts): (string | null)[] {
  // latin1 maps each byte to one code point, so the test below sees every byte.
  const line = bytes.toString('latin1');
  if (!NEEDS_REPAIR.test(line)) {
    // Pure 7-bit text with no control bytes: latin1 decoding is exact.
    const parts = line.split('\t');
    const out: (string | null)[] = new Array<string | null>(parts.length);
    for (let i = 0; i < parts.length; i++) out[i] = trimSpaces(parts[i]!);
    return out;
  }
  const out: (string | null)[] = [];
  let start = 0;
  for (;;) {
    const tab = bytes.indexOf(0x09, start);
    const end = tab === -1 ? bytes.length : tab;
    out.push(repairValue(bytes.subarray(start, end), fixes));
    if (tab === -1) break;
    start = tab + 1;
  }
  return out;
}

function repairValue(field: Buffer, fixes: FixCounts): string | null {
  let text: string;
  let high = false;
  for (let i = 0; i < field.length; i++) {
    if (field[i]! >= 0x80) {
      high = true;
      break;
    }
  }
  if (!high) {
    text = field.toString('latin1');
  } else {
    try {
      text = utf8.decode(field);
    } catch {
      text = decodeWindows1252(field);
      fixes.windows_1252++;
    }
  }
  if (text.endsWith('\r')) {
    text = text.replace(/\r+$/, '');
    fixes.stray_cr++;
  }
  // eslint-disable-next-line no-control-regex -- control bytes are exactly what is repaired here
  if (/[\x00-\x08\x0b-\x1f]/.test(text)) {
    let s = '';
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if (c === 0x00) fixes.nul_removed++;
      else if (c === 0x1a) fixes.sub_removed++;
      else if (C0_PUNCTUATION[c] !== undefined) {
        fixes.c0_punctuation++;
        s += C0_PUNCTUATION[c];
      } else {
        if (c < 0x20 && c !== 0x0a && c !== 0x0d) fixes.other_control++;
        s += ch;
      }
    }
    text = s;
  }
  return trimSpaces(text);
}
