// Typed checks of cleaned values, producing the text PostgreSQL's COPY reads
// (format notes §3). A value that cannot be read is a reject reason; a readable date
// with a placeholder or typo year is kept and flagged (odd year), never rejected.

export type ColumnKind = 'text' | 'integer' | 'numeric' | 'date' | 'timestamp';

export class ValueError extends Error {
  constructor(
    readonly reason: 'invalid_integer' | 'invalid_amount' | 'invalid_date',
    message: string,
  ) {
    super(message);
  }
}

/** Years a real date of these records falls in; others are placeholders or typos (1/1/1900,
 *  0200, 2999): flagged in `odd_dates`, and never a year of a facet or a chart. */
export const PLAUSIBLE_YEARS = { from: 1970, to: 2030 } as const;

export interface DateResult {
  /** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' */
  value: string;
  /** outside 1970..2030: 1/1/1900 placeholders, 0200, 2999 ... */
  oddYear: boolean;
  /** a time other than midnight dropped because the column holds dates only */
  timeDropped: boolean;
}

const INT_RE = /^[-+]?\d{1,10}$/;
const NUM_RE = /^-?(\d+(\.\d*)?|\.\d+)$/;
// M/D/YYYY h:mm:ss AM|PM (most columns), MM/DD/YYYY (FILERNAME_CD.EFFECT_DT), and ISO.
const US_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{1,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseInteger(v: string, column: string): string {
  if (!INT_RE.test(v)) throw new ValueError('invalid_integer', `invalid_integer: ${column} ${JSON.stringify(v)}`);
  const n = Number(v);
  if (n > 2147483647 || n < -2147483648) throw new ValueError('invalid_integer', `invalid_integer: ${column} ${JSON.stringify(v)} out of range`);
  return String(n);
}

export function parseAmount(v: string, column: string): string {
  if (!NUM_RE.test(v)) throw new ValueError('invalid_amount', `invalid_amount: ${column} ${JSON.stringify(v)}`);
  return v;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + String(n);

export function parseDate(v: string, column: string, withTime: boolean): DateResult {
  let y: number, mo: number, d: number;
  let h = 0,
    mi = 0,
    s = 0;
  let m = US_DATE_RE.exec(v);
  if (m) {
    mo = Number(m[1]);
    d = Number(m[2]);
    y = Number(m[3]);
    if (m[4] !== undefined) {
      h = Number(m[4]);
      mi = Number(m[5]);
      s = m[6] !== undefined ? Number(m[6]) : 0;
      const ampm = m[7]?.toUpperCase();
      if (ampm !== undefined) {
        if (h < 1 || h > 12) throw bad(v, column);
        if (ampm === 'AM' && h === 12) h = 0;
        else if (ampm === 'PM' && h !== 12) h += 12;
      }
    }
  } else if ((m = ISO_DATE_RE.exec(v))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    if (m[4] !== undefined) {
      h = Number(m[4]);
      mi = Number(m[5]);
      s = m[6] !== undefined ? Number(m[6]) : 0;
    }
  } else {
    throw bad(v, column);
  }
  // Year 0 does not exist in PostgreSQL's calendar; an impossible day (2/30) is unreadable.
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) throw bad(v, column);
  const date = `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
  const hasTime = h !== 0 || mi !== 0 || s !== 0;
  return {
    value: withTime ? `${date} ${pad2(h)}:${pad2(mi)}:${pad2(s)}` : date,
    oddYear: y < PLAUSIBLE_YEARS.from || y > PLAUSIBLE_YEARS.to,
    timeDropped: !withTime && hasTime,
  };
}

function bad(v: string, column: string): ValueError {
  return new ValueError('invalid_date', `invalid_date: ${column} ${JSON.stringify(v)}`);
}

/** COPY text format: backslash, TAB, LF and CR inside a value must be escaped. */
export function copyEscape(v: string): string {
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
