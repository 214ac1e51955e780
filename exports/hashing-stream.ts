// Passes bytes through unchanged, counting them and computing their SHA-256 on the way:
// a file's checksum without reading it again.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  /** The SHA-256 of everything that passed, in hex (call once, at the end). */
  sha256(): string {
    return this.hash.digest('hex');
  }
}
