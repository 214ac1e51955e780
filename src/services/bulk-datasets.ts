// `disclosure export bulk [<out>]`: whole datasets (per kind, and per year of the row's
// date) as CSV files written by PostgreSQL's COPY, each hashed on the way to disk, with
// a manifest (rows, bytes, SHA-256, generated time) that the API lists and serves.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { HashingStream } from '../../exports/hashing-stream.js';
import type { Logger } from '../logger.js';
import { rfc3339 } from '../timestamps.js';
import { BULK_DATASETS, bulkSelect, copyCsv, datasetYears, type BulkDataset } from '../repositories/bulk-repository.js';

export interface BulkFile {
  name: string;
  dataset: string;
  description: string;
  year: number | 'undated' | null;
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  generated_at: string;
  columns: string[];
}

export interface BulkManifest {
  generated_at: string;
  source: string;
  files: BulkFile[];
}

export const MANIFEST = 'manifest.json';

/** One dataset file (a year of it, or the whole of it when year is null). */
export async function writeBulkFile(client: pg.ClientBase, d: BulkDataset, year: number | 'undated' | null, dir: string): Promise<BulkFile> {
  const name = year === null ? d.name : `${d.name}-${year}`;
  const file = `${name}.csv`;
  const target = path.join(dir, file);
  const copy = copyCsv(client, bulkSelect(d, year));
  const hashing = new HashingStream();
  // A UTF-8 byte order mark first, so that Excel reads the accents; then COPY's own
  // output (RFC 4180 quoting, LF line ends as PostgreSQL writes them).
  async function* withBom(): AsyncGenerator<Buffer> {
    yield Buffer.from('\ufeff', 'utf8');
    for await (const chunk of copy) yield chunk as Buffer;
  }
  await pipeline(withBom(), hashing, createWriteStream(`${target}.part`));
  // The row count arrives with COPY's completion message, after the last data: the next
  // statement on the same connection is answered only once it has been read.
  await client.query('SELECT 1');
  await rename(`${target}.part`, target);
  return {
    name,
    dataset: d.name,
    description: d.description,
    year,
    file,
    rows: copy.rowCount,
    bytes: hashing.bytes,
    sha256: hashing.sha256(),
    generated_at: rfc3339(new Date()),
    columns: d.columns.map((c) => c.header),
  };
}

export async function writeBulkDatasets(pool: pg.Pool, dir: string, log: Logger, only?: readonly string[]): Promise<BulkManifest> {
  await mkdir(dir, { recursive: true });
  // A raw client, not kysely: the COPY streams and the one read-only snapshot they share
  // need a single connection held for the whole run (see bulk-repository.ts).
  const client = await pool.connect();
  const files: BulkFile[] = [];
  try {
    // One snapshot for every file: the datasets agree with each other.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const d of BULK_DATASETS) {
      if (only && !only.includes(d.name)) continue;
      for (const year of [null, ...(await datasetYears(client, d))]) {
        const f = await writeBulkFile(client, d, year, dir);
        files.push(f);
        log.info('bulk file written', { file: f.file, rows: f.rows, bytes: f.bytes });
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  const manifest: BulkManifest = { generated_at: rfc3339(new Date()), source: 'California Secretary of State, CAL-ACCESS bulk export', files };
  await writeFile(path.join(dir, `${MANIFEST}.part`), JSON.stringify(manifest, null, 2));
  await rename(path.join(dir, `${MANIFEST}.part`), path.join(dir, MANIFEST));
  return manifest;
}

export async function readBulkManifest(dir: string): Promise<BulkManifest | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as BulkManifest;
  } catch {
    return null;
  }
}
