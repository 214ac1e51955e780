// The CAL-ACCESS export as a list of files, from a folder or straight from the published
// zip (entries are streamed out of the zip, never extracted or read whole).
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ExportEntry {
  /** Upper-case file name, e.g. RCPT_CD.TSV */
  name: string;
  size: number;
  open(): Promise<Readable>;
}

export interface ExportSource {
  entries: ExportEntry[];
  close(): void;
}

export async function openExport(location: string): Promise<ExportSource> {
  const info = await stat(location);
  if (info.isDirectory()) {
    const names = (await readdir(location)).filter((n) => /\.tsv$/i.test(n));
    const entries = await Promise.all(
      names.map(async (n) => {
        const full = path.join(location, n);
        return { name: n.toUpperCase(), size: (await stat(full)).size, open: () => Promise.resolve(createReadStream(full, { highWaterMark: 1 << 20 })) };
      }),
    );
    return { entries, close: () => {} };
  }
  if (/\.zip$/i.test(location)) return openZip(location);
  throw new Error(`${location} is neither a folder nor a .zip file`);
}

function openZip(file: string): Promise<ExportSource> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${file}`));
      const entries: ExportEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        const base = path.posix.basename(entry.fileName);
        if (/\.tsv$/i.test(base) && !entry.fileName.endsWith('/')) {
          entries.push({
            name: base.toUpperCase(),
            size: entry.uncompressedSize,
            open: () =>
              new Promise<Readable>((res, rej) => zip.openReadStream(entry, (e, s) => (e || !s ? rej(e ?? new Error('no stream')) : res(s)))),
          });
        }
        zip.readEntry();
      });
      zip.once('end', () => resolve({ entries, close: () => zip.close() }));
      zip.once('error', reject);
      zip.readEntry();
    });
  });
}
