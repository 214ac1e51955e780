// One JSON line per rejected source line: file, line number, reason code, message and the
// raw bytes (decoded as latin1, which maps every byte to one code point, so
// Buffer.from(raw, 'latin1') gives the exact bytes back). Files are created on the first
// reject only.
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

export interface RejectRecord {
  file: string;
  line: number;
  reason: string;
  message: string;
  raw: string;
}

export class RejectWriter {
  private readonly streams = new Map<string, WriteStream>();

  constructor(readonly dir: string) {}

  fileFor(sourceFile: string): string {
    return path.join(this.dir, `${sourceFile}.rejects.jsonl`);
  }

  async write(sourceFile: string, lineNo: number, reason: string, message: string, bytes: Buffer): Promise<void> {
    let out = this.streams.get(sourceFile);
    if (!out) {
      mkdirSync(this.dir, { recursive: true });
      out = createWriteStream(this.fileFor(sourceFile), { flags: 'w' });
      this.streams.set(sourceFile, out);
    }
    const record: RejectRecord = { file: sourceFile, line: lineNo, reason, message, raw: bytes.toString('latin1') };
    if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
  }

  /** Forgets what was written for one file (it is being read again from the start). */
  async discard(sourceFile: string): Promise<void> {
    const s = this.streams.get(sourceFile);
    if (!s) return;
    this.streams.delete(sourceFile);
    await new Promise<void>((resolve) => s.end(() => resolve()));
    rmSync(this.fileFor(sourceFile), { force: true });
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('error', reject);
            s.end(() => resolve());
          }),
      ),
    );
    this.streams.clear();
  }
}
