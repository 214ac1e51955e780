// Every timestamp the API writes is RFC 3339 in UTC, to the second (2026-12-02T00:56:34Z):
// PostgreSQL's text form ("2026-12-02 00:56:34.12+00", as the pool reads timestamptz) and
// JavaScript dates alike pass through here.

const PG_TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)$/;

/** A moment as RFC 3339 in UTC (seconds); a value that names no moment throws. */
export function rfc3339(value: string | Date): string {
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else {
    const m = PG_TIMESTAMPTZ.exec(value.trim());
    if (!m) throw new Error(`not a timestamp with a time zone: ${value}`);
    const [, day, time, fraction = '', zone] = m;
    // "+05" and "+0530" as "+05:00" and "+05:30", which Date reads.
    const offset = zone === 'Z' ? 'Z' : `${zone!.slice(0, 3)}:${zone!.slice(3).replace(':', '').slice(0, 2) || '00'}`;
    date = new Date(`${day!}T${time!}${fraction.slice(0, 4)}${offset}`);
  }
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${String(value)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The same for a value that may be missing. */
export function rfc3339OrNull(value: string | Date | null | undefined): string | null {
  return value === null || value === undefined ? null : rfc3339(value);
}
