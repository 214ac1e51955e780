// Documents in, CSV text out, as an async iterable of chunks: many rows per chunk, and
// nothing read ahead of what the consumer (a pipeline into a response or a file) takes.
import type { ExportColumn } from './columns.js';
import { CSV_BOM, csvHeader, csvRow } from './csv.js';

export async function* csvChunks(
  docs: AsyncIterable<Record<string, unknown>[]>,
  columns: readonly ExportColumn[],
  onRows?: (rows: number) => void,
): AsyncGenerator<string> {
  yield CSV_BOM + csvHeader(columns);
  let rows = 0;
  for await (const page of docs) {
    let chunk = '';
    for (const d of page) chunk += csvRow(columns, d);
    rows += page.length;
    onRows?.(rows);
    yield chunk;
  }
}
