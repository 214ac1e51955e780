// Exports of a search: every row it matches, not a page, as CSV or XLSX, streamed from a
// point in time with backpressure (memory stays flat whatever the size). The rows are
// those of the search endpoint with the same parameters: the same query builder.
import type { Client, estypes } from '@elastic/elasticsearch';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { EXPORT_COLUMNS, selectColumns, type ExportColumn } from '../../exports/columns.js';
import { csvChunks } from '../../exports/csv-stream.js';
import { writeXlsx } from '../../exports/xlsx.js';
import { aliasName, type KindName } from '../../indexers/kinds.js';
import { buildQuery, missingLast } from '../../queries/build-search.js';
import { SEARCH_SPECS } from '../../queries/search-spec.js';
import { checkParams } from '../../queries/param-rules.js';
import { parseSearchRequest, type SearchRequest } from '../../queries/search-request.js';
import { InvalidParameterError } from '../errors.js';
import { scanDocuments } from '../search/scan.js';
import { ConcurrencyLimit } from './rate-limits.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  kind: KindName;
  format: ExportFormat;
  search: SearchRequest;
  columns: ExportColumn[];
  /** The parameters as given, for the file's description and for jobs. */
  params: Record<string, unknown>;
}

/** Paging parameters of the search endpoint mean nothing for an export of every row. */
const PAGING = ['page_size', 'facets', 'facet_size', 'exact_total'];

export function parseExportRequest(kind: KindName, format: ExportFormat, query: Record<string, unknown>): ExportRequest {
  checkParams(query);
  const { columns: columnsRaw, ...rest } = query;
  if ('cursor' in rest) throw new InvalidParameterError('cursor', 'an export always holds every row: leave cursor out');
  let keys: string[] | null = null;
  if (columnsRaw !== undefined) {
    const list = (Array.isArray(columnsRaw) ? columnsRaw : [columnsRaw]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((s) => s.trim()).filter(Boolean);
    const known = EXPORT_COLUMNS[kind].map((c) => c.key);
    const bad = list.find((k) => !known.includes(k));
    if (bad !== undefined || list.length === 0) {
      throw new InvalidParameterError('columns', `columns must be a comma-separated list of ${known.join(', ')}`);
    }
    keys = list;
  }
  const search = parseSearchRequest(kind, Object.fromEntries(Object.entries(rest).filter(([k]) => !PAGING.includes(k))));
  return { kind, format, search, columns: selectColumns(kind, keys), params: rest };
}

/** The order of an exported file: the search's own date or amount order, else index order. */
function exportSort(r: SearchRequest): estypes.SortCombinations[] {
  const spec = SEARCH_SPECS[r.kind];
  switch (r.sort) {
    case 'date':
    case '-date':
      return spec.dateField ? [missingLast(spec.dateField, 'date', r.sort === 'date' ? 'asc' : 'desc')] : [];
    case 'amount':
    case '-amount':
      return spec.amountField ? [missingLast(spec.amountField, 'number', r.sort === 'amount' ? 'asc' : 'desc')] : [];
    default:
      return [];
  }
}

export function describeExport(e: ExportRequest, rows: number | null, generatedAt: Date): [string, string][] {
  const filters = Object.entries(e.search.filters).map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return [
    ['Data', `California campaign-finance and lobbying records (CAL-ACCESS): ${e.kind}`],
    ['Source', 'California Secretary of State, CAL-ACCESS bulk export, as loaded into this service'],
    ['Search', e.search.q ?? '(everything)'],
    ['Filters', filters.length > 0 ? filters.join('; ') : '(none)'],
    ['Text searched', e.search.understood.text ?? '(none)'],
    ['Versions', e.search.versions === 'all' ? 'every version of each filing (superseded rows flagged)' : 'current version of each filing only'],
    ['Rows', rows === null ? '(see the data sheets)' : String(rows)],
    ['Generated', generatedAt.toISOString()],
    ['Columns', e.columns.map((c) => c.header).join('; ')],
  ];
}

export function exportFileName(e: ExportRequest, at: Date): string {
  const parts = [e.kind, ...(e.search.q ? [e.search.q] : []), ...Object.entries(e.search.filters).map(([k, v]) => `${k}-${Array.isArray(v) ? v.join('-') : String(v)}`)];
  const slug = parts
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 100)
    .replace(/^-|-$/g, '');
  return `${slug}_${at.toISOString().slice(0, 10)}.${e.format}`;
}

/**
 * The first page read before a byte is written: a store that is down is then an error
 * answer (503 naming it), not a download torn off after its headers. The rest follows as
 * it is read; an abandoned export still closes the source (its point in time).
 */
async function readingFirst<T>(it: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await it.next();
  return (async function* () {
    try {
      if (first.done) return;
      yield first.value;
      yield* it;
    } finally {
      await it.return(undefined);
    }
  })();
}

export class ExportService {
  private readonly slots: ConcurrencyLimit;

  constructor(
    private readonly es: Client,
    private readonly prefix: string,
    /** Streaming exports running at once; one more is a 429. */
    maxConcurrent = 4,
  ) {
    this.slots = new ConcurrencyLimit(maxConcurrent, 'exports', 10, ', or start an export job (POST /api/v1/exports)');
  }

  /** A slot for one export, or a 429 naming when to try again. */
  acquire(): () => void {
    return this.slots.acquire();
  }

  async count(e: ExportRequest): Promise<number> {
    const res = await this.es.count({ index: aliasName(this.prefix, e.kind), query: buildQuery(e.search) });
    return res.count;
  }

  /** Every matching document, pages of them, superseded rows flagged. */
  async *documents(e: ExportRequest, signal?: AbortSignal): AsyncGenerator<Record<string, unknown>[]> {
    const fields = [...new Set([...e.columns.map((c) => c.path.replace(/\.(label|code)$/, '')), 'current'])];
    const pages = scanDocuments(this.es, {
      index: aliasName(this.prefix, e.kind),
      query: buildQuery(e.search),
      sort: exportSort(e.search),
      fields,
      ...(signal ? { signal } : {}),
    });
    for await (const page of pages) {
      for (const d of page) if ('current' in d) d['superseded'] = d['current'] === false;
      yield page;
    }
  }

  async writeCsv(e: ExportRequest, out: Writable, signal?: AbortSignal, onRows?: (n: number) => void): Promise<void> {
    const docs = await readingFirst(this.documents(e, signal));
    await pipeline(Readable.from(csvChunks(docs, e.columns, onRows), { highWaterMark: 1 }), out, ...(signal ? [{ signal }] : []));
  }

  async writeXlsx(e: ExportRequest, out: Writable, signal?: AbortSignal, onRows?: (n: number) => void, maxRowsPerSheet?: number): Promise<number> {
    return writeXlsx(await readingFirst(this.documents(e, signal)), e.columns, out, {
      about: describeExport(e, null, new Date()),
      ...(signal ? { signal } : {}),
      ...(onRows ? { onRows } : {}),
      ...(maxRowsPerSheet ? { maxRowsPerSheet } : {}),
    });
  }
}
