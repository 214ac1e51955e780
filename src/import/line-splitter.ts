// Splits a byte stream into records on CRLF only (format notes §1, §2): a lone CR or LF
// is data. Yields batches of lines (views into the chunk where a record does not straddle
// two chunks) so the caller's loop stays tight and memory stays at about one chunk.
export interface RawLine {
  /** The record's bytes without its CRLF. */
  bytes: Buffer;
  /** Physical line number in the file; the header is line 1. */
  lineNo: number;
  /** False for a last line that ends without CRLF (a truncated file). */
  terminated: boolean;
}

const CRLF = Buffer.from('\r\n', 'latin1');

export async function* splitCrlf(source: AsyncIterable<Buffer | string>): AsyncGenerator<RawLine[]> {
  let carry: Buffer | null = null;
  let lineNo = 0;
  for await (const piece of source) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece;
    // A record (or a CRLF) cut by the chunk boundary is carried into the next chunk.
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    const batch: RawLine[] = [];
    let start = 0;
    for (let end = buf.indexOf(CRLF, start); end !== -1; end = buf.indexOf(CRLF, start)) {
      batch.push({ bytes: buf.subarray(start, end), lineNo: ++lineNo, terminated: true });
      start = end + 2;
    }
    if (start < buf.length) carry = Buffer.from(buf.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (carry && carry.length > 0) yield [{ bytes: carry, lineNo: ++lineNo, terminated: false }];
}
