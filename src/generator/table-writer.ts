// File writing: one TableWriter per generated table, buffering lines into large chunks for
// its stream and turning a share of the records into dirty lines (§2) as it writes them.
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { BAD_DAYS, emptyDirty, ODD_YEARS, withLostPunctuation, type DirtKind, type DirtProfile, type DirtSource } from './dirt.js';
import { dateParts, formatParts, isLeap } from './formats.js';

const CHUNK_CHARS = 64 * 1024;
/** bad_date is rarer than the other kinds: this share of the dirty rate. */
const BAD_DATE_SHARE = 0.05;

export class TableWriter {
  lines = 0;
  bytes = 0;
  readonly dirty = emptyDirty();
  /** RCPT_CD stops at exactly `rows` lines; the others are unlimited. */
  lineLimit = Number.POSITIVE_INFINITY;
  readonly width: number;
  profile: DirtProfile | undefined;
  private readonly index = new Map<string, number>();
  private parts: string[] = [];
  private pending = 0;
  private failure: Error | undefined;

  constructor(
    readonly file: string,
    private readonly stream: WriteStream,
    headerLine: string,
    private readonly dirt: DirtSource,
  ) {
    const names = headerLine.split('\t');
    this.width = names.length;
    names.forEach((n, i) => this.index.set(n, i));
    stream.on('error', (err) => {
      this.failure = err;
    });
    this.push(headerLine + '\r\n');
  }

  col(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`${this.file}: the sample's header has no column ${name}`);
    return i;
  }

  cols<const K extends string>(names: readonly K[]): { [P in K]: number } {
    const out = {} as { [P in K]: number };
    for (const n of names) out[n] = this.col(n);
    return out;
  }

  get full(): boolean {
    return this.lines >= this.lineLimit;
  }

  blank(): string[] {
    return new Array<string>(this.width).fill('');
  }

  /** Writes one record, dirty at the configured rate; returns the bytes written. */
  writeRow(v: string[]): string {
    const p = this.profile;
    if (p !== undefined && this.dirt.rate > 0) {
      const r = this.dirt.rng.next();
      if (r < this.dirt.rate) return this.writeDirty(v.slice(), this.pickKind(p), p);
      if (r < this.dirt.rate * (1 + BAD_DATE_SHARE) && p.reject && p.dates.length > 0) return this.writeDirty(v.slice(), 'bad_date', p);
    }
    const text = v.join('\t') + '\r\n';
    this.push(text);
    this.lines++;
    return text;
  }

  /** An exact copy of a line already written (FILERNAME_CD has such repeats). */
  writeDuplicate(text: string): void {
    this.push(text);
    this.lines++;
    this.dirty.duplicate++;
  }

  async drain(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure !== undefined) throw this.failure;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    // Every character is below 0x100 (sample values are read as latin1), so latin1 writes
    // the sample's bytes back unchanged and the length is the byte count.
    this.bytes += chunk.length;
    this.stream.write(chunk, 'latin1');
  }

  private pickKind(p: DirtProfile): DirtKind {
    const hasText = p.text.length > 0;
    const options: [DirtKind, number][] = [['stray_cr', 12]];
    if (p.reject && hasText) options.push(['wrong_field_count', 14]);
    if (p.reject && p.splitAt.length > 0 && this.lines + 2 <= this.lineLimit) options.push(['split_record_lines', 8]);
    if (p.sub.length > 0) options.push(['sub_byte', 10]);
    if (hasText) options.push(['c0_punctuation', 14], ['nul', 5]);
    if (p.dates.length > 0) options.push(['odd_year', 14]);
    if (p.pad.length > 0) options.push(['padded', 18]);
    let total = 0;
    for (const [, w] of options) total += w;
    let x = this.dirt.rng.next() * total;
    for (const [k, w] of options) {
      if ((x -= w) < 0) return k;
    }
    return 'stray_cr';
  }

  private pickFilled(v: string[], cols: number[]): number | undefined {
    const r = this.dirt.rng;
    const filled = cols.filter((i) => v[i] !== '');
    return filled.length > 0 ? r.pick(filled) : undefined;
  }

  private writeDirty(v: string[], wanted: DirtKind, p: DirtProfile): string {
    const r = this.dirt.rng;
    let kind = wanted;
    switch (kind) {
      case 'wrong_field_count': {
        const i = this.pickFilled(v, p.text) ?? r.pick(p.text);
        const s = v[i]!;
        const space = s.indexOf(' ', r.int(Math.max(1, s.length)));
        const tab = r.chance(0.2) ? '\t\t' : '\t';
        v[i] = space > 0 ? s.slice(0, space) + tab + s.slice(space + 1) : s + tab;
        break;
      }
      case 'split_record_lines': {
        const i = this.pickFilled(v, p.splitAt) ?? r.pick(p.splitAt);
        const s = v[i]!;
        const at = s.length > 1 ? 1 + r.int(s.length - 1) : s.length;
        const head = v.slice(0, i);
        head.push(s.slice(0, at));
        const tail = [s.slice(at), ...v.slice(i + 1)];
        const text = head.join('\t') + '\r\n' + tail.join('\t') + '\r\n';
        this.push(text);
        this.lines += 2;
        this.dirty.split_record_lines += 2;
        return text;
      }
      case 'sub_byte':
        v[r.pick(p.sub)] = '\x1a';
        break;
      case 'c0_punctuation': {
        const i = this.pickFilled(v, p.text);
        if (i === undefined) {
          kind = 'stray_cr';
          break;
        }
        v[i] = withLostPunctuation(v[i]!, r);
        break;
      }
      case 'nul': {
        const i = this.pickFilled(v, p.text);
        if (i === undefined) {
          kind = 'stray_cr';
          break;
        }
        const s = v[i]!;
        const at = 1 + r.int(Math.max(1, s.length - 1));
        v[i] = s.slice(0, at) + '\x00' + s.slice(at);
        break;
      }
      case 'odd_year':
      case 'bad_date': {
        const i = this.pickFilled(v, p.dates) ?? r.pick(p.dates);
        const was = dateParts(v[i]!) ?? { m: 1 + r.int(12), d: 1 + r.int(28), y: 2000 + r.int(17) };
        if (kind === 'bad_date') {
          const [m, d] = !isLeap(was.y) && r.chance(0.3) ? [2, 29] : r.pick(BAD_DAYS);
          v[i] = formatParts(m, d, was.y, p.shortDates);
        } else {
          const y = r.pick(ODD_YEARS);
          if (y === 1900) v[i] = formatParts(1, 1, 1900, p.shortDates);
          else if (y === 1899) v[i] = formatParts(12, 30, 1899, p.shortDates);
          else v[i] = formatParts(was.m, was.m === 2 && was.d === 29 ? 28 : was.d, y, p.shortDates);
        }
        break;
      }
      case 'padded': {
        const i = this.pickFilled(v, p.pad);
        if (i === undefined) {
          kind = 'stray_cr';
          break;
        }
        const spaces = ' '.repeat(1 + r.int(4));
        v[i] = r.chance(0.75) ? v[i] + spaces : spaces + v[i];
        break;
      }
      default:
        kind = 'stray_cr';
    }
    // A CR at the end of the last field: the line ends \r\r\n and still has the right count.
    if (kind === 'stray_cr') v[v.length - 1] += '\r';
    const text = v.join('\t') + '\r\n';
    this.push(text);
    this.lines++;
    this.dirty[kind]++;
    return text;
  }
}
