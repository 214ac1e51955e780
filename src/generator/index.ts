// Synthetic CAL-ACCESS bulk export for benchmarks and tests (`disclosure generate calaccess`).
// A tool, not part of the import: nothing in src/import depends on it.
//
// It writes every file of the sample folder, byte for byte in the source layout
// (docs/calaccess-raw-format.md §1: TAB, CRLF after every line, no quoting, the sample's
// own header line). The key tables are generated so that they join, which the sample does
// not (§4 "How well the sample joins"): filer -> FILERNAME rows -> filings -> one cover and
// one FILER_FILINGS row per version -> schedule rows -> SMRY totals. Every other table is
// a small lookup or a table we do not model, and is copied from the sample unchanged.
//
// Values are drawn from pools read once from the sample (names, employers, places, codes,
// descriptions), so the text has the real shapes; amounts, dates, ids and counts are
// synthetic. Everything comes from one seeded PRNG (mulberry32): the same seed and row
// count give byte-identical output. Dirt (§2) uses a second PRNG stream, so the dirty
// rate changes the dirt, not the clean content.
//
// The parts: random.ts (the PRNG) and pools.ts (values from the sample); formats.ts (dates
// and amounts as text); table-writer.ts, tables.ts and dirt.ts (writing the tables, dirty
// lines); context.ts (one run's state and the pieces every form shares); filers.ts;
// campaign.ts and campaign-schedules.ts (F460, F497, F496); lobbying.ts (F625, F635);
// calaccess-generator.ts (the run).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CalaccessGenerator } from './calaccess-generator.js';
import { scanTsv, type DirtSource } from './dirt.js';
import { GENERATED_FILES, MANIFEST_FILE, type GeneratedFile, type GenerateOptions, type GeneratorManifest } from './manifest.js';
import { loadPools, parseTable, type SampleTable } from './pools.js';
import { mixSeed, Rand } from './random.js';
import { openWriters, writerList } from './tables.js';

export { DIRT_KINDS, scanTsv, type DirtKind, type DirtyCounts } from './dirt.js';
export { GENERATED_FILES, MANIFEST_FILE, type GeneratedFile, type GenerateOptions, type GeneratorManifest } from './manifest.js';

/**
 * Writes a CAL-ACCESS bulk export with `rows` RCPT_CD lines to `out`, shaped like the
 * sample in `sampleDir`, and returns (and writes to generator-manifest.json) what it wrote.
 */
export async function generateCalaccess(opts: GenerateOptions): Promise<GeneratorManifest> {
  const seed = (opts.seed ?? 1) >>> 0;
  const dirtyRate = opts.dirtyRate ?? 0.002;
  if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error(`rows must be a whole number of at least 1 (got ${opts.rows})`);
  if (!(dirtyRate >= 0 && dirtyRate <= 0.5)) throw new Error(`dirtyRate must be from 0 to 0.5 (got ${dirtyRate})`);
  await mkdir(opts.out, { recursive: true });

  const names = (await readdir(opts.sampleDir)).filter((n) => n.toUpperCase().endsWith('.TSV')).sort();
  for (const g of GENERATED_FILES) {
    if (!names.includes(g)) throw new Error(`the sample folder ${opts.sampleDir} has no ${g}`);
  }
  const generated = new Set<string>(GENERATED_FILES);
  const files: Record<string, GeneratedFile> = {};
  const samples = new Map<string, SampleTable>();
  const headers = new Map<string, string>();
  for (const name of names) {
    const buf = await readFile(path.join(opts.sampleDir, name));
    if (generated.has(name)) {
      const text = buf.toString('latin1');
      const end = text.indexOf('\r\n');
      if (end <= 0) throw new Error(`the sample's ${name} has no header line`);
      headers.set(name, text.slice(0, end));
      samples.set(name, parseTable(text));
    } else {
      // Lookups and tables we do not model: copied as they are, dirt and all.
      await writeFile(path.join(opts.out, name), buf);
      const scan = scanTsv(buf);
      files[name] = { lines: scan.lines, bytes: buf.length, dirty: scan.dirty, generated: false };
    }
  }
  const pools = loadPools(samples);
  samples.clear();

  const dirt: DirtSource = { rate: dirtyRate, rng: new Rand(mixSeed(seed, 0xd127)) };
  const writers = openWriters(opts.out, headers, dirt);

  const gen = new CalaccessGenerator(seed, opts.rows, dirtyRate, pools, writers);
  let closed: PromiseSettledResult<void>[] = [];
  try {
    await gen.run((rows) => opts.onProgress?.({ file: 'RCPT_CD.TSV', rows }));
  } finally {
    // Close every stream even after a failure, so no file descriptor is left open.
    closed = await Promise.allSettled(writerList(writers).map((w) => w.close()));
  }
  for (const c of closed) if (c.status === 'rejected') throw c.reason instanceof Error ? c.reason : new Error(String(c.reason));
  for (const w of writerList(writers)) {
    files[w.file] = { lines: w.lines, bytes: w.bytes, dirty: { ...w.dirty }, generated: true };
  }

  const manifest: GeneratorManifest = {
    seed,
    rows: opts.rows,
    dirty_rate: dirtyRate,
    files: Object.fromEntries(names.map((n) => [n, files[n]!])),
    filings: gen.filings,
    amended_filings: gen.amendedFilings,
    filers: gen.filers,
    smry_mismatched_versions: gen.mismatchedVersions,
  };
  await writeFile(path.join(opts.out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
