// Dates and amounts in the source's text forms (docs/calaccess-raw-format.md §3). Days are
// counted from 1970-01-01 (UTC), so date arithmetic is integer arithmetic.

const MS_PER_DAY = 86_400_000;

export function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function civil(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const longDates = new Map<number, string>();
/** `M/D/YYYY 12:00:00 AM`, the form of nearly every date column. */
export function fmtDate(day: number): string {
  let s = longDates.get(day);
  if (s === undefined) {
    const { y, m, d } = civil(day);
    s = `${m}/${d}/${y} 12:00:00 AM`;
    longDates.set(day, s);
  }
  return s;
}

/** `MM/DD/YYYY`, the form of FILERNAME_CD.EFFECT_DT. */
export function fmtShortDate(day: number): string {
  const { y, m, d } = civil(day);
  return `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
}

/** FILER_FILINGS_CD.FILING_DATE often carries the real time of filing. */
export function fmtStamp(day: number, secondOfDay: number): string {
  const { y, m, d } = civil(day);
  const h = Math.floor(secondOfDay / 3600);
  const min = Math.floor(secondOfDay / 60) % 60;
  const sec = secondOfDay % 60;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${m}/${d}/${y} ${h12}:${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** First Tuesday after the first Monday of the month: California's election days. */
export function electionDay(year: number, month: number): number {
  const first = dayOf(year, month, 1);
  const dow = new Date(first * MS_PER_DAY).getUTCDay();
  const firstMonday = first + ((8 - dow) % 7);
  return firstMonday + 1;
}

/** Amounts are kept in cents so that SMRY totals add up exactly; 0 or 2 decimals. */
export function money(cents: number): string {
  if (cents % 100 === 0) return String(cents / 100);
  const a = Math.abs(cents);
  const s = `${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${s}` : s;
}

const DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}:\d{2} [AP]M)?$/;

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Either form from parts that need not make a real day: dirt writes 2/30 and year 0201. */
export function formatParts(m: number, d: number, y: number, short: boolean): string {
  const yyyy = String(y).padStart(4, '0');
  return short ? `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${yyyy}` : `${m}/${d}/${yyyy} 12:00:00 AM`;
}

/** The parts of a date in either form, not checked against the calendar. */
export function dateParts(v: string): { m: number; d: number; y: number } | undefined {
  const mt = DATE_RE.exec(v);
  return mt === null ? undefined : { m: Number(mt[1]), d: Number(mt[2]), y: Number(mt[3]) };
}
