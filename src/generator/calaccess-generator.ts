// The run: the filers first, then filings in FILING_ID order until RCPT_CD has exactly
// `rows` lines, each F460 followed by the other forms in proportion to its size.
import { genF460, genF496, genF497 } from './campaign.js';
import { GeneratorContext } from './context.js';
import { writeFilers } from './filers.js';
import { genLobby } from './lobbying.js';
import type { Pools } from './pools.js';
import { writerList, type Writers } from './tables.js';

export class CalaccessGenerator {
  private readonly g: GeneratorContext;

  constructor(
    seed: number,
    private readonly rows: number,
    dirtyRate: number,
    pools: Pools,
    private readonly w: Writers,
  ) {
    this.g = new GeneratorContext(seed, rows, dirtyRate, pools, w);
    w.rcpt.lineLimit = rows;
  }

  get filers(): number {
    return this.g.filerCount;
  }

  get filings(): number {
    return this.g.filings;
  }

  get amendedFilings(): number {
    return this.g.amendedFilings;
  }

  get mismatchedVersions(): number {
    return this.g.mismatchedVersions;
  }

  async run(onProgress: (rows: number) => void): Promise<void> {
    const g = this.g;
    await writeFilers(g);
    const step = Math.max(100_000, Math.ceil(this.rows / 20));
    let nextReport = step;
    const all = writerList(this.w);
    while (!this.w.rcpt.full) {
      // FILING_IDs grow with time, as in the real export: the year follows progress.
      const year = 2000 + Math.min(16, Math.floor((17 * this.w.rcpt.lines) / this.rows));
      const k = genF460(g, year);
      // Companion filings keep the other tables at realistic ratios to RCPT_CD.
      for (let i = g.rng.round(k * 0.022); i > 0; i--) genF497(g, year);
      for (let i = g.rng.round(k * 0.0028); i > 0; i--) genF496(g, year);
      for (let i = g.rng.round(k * 0.01); i > 0; i--) genLobby(g, year, 'F635');
      for (let i = g.rng.round(k * 0.0018); i > 0; i--) genLobby(g, year, 'F625');
      await Promise.all(all.map((t) => t.drain()));
      if (this.w.rcpt.lines >= nextReport && !this.w.rcpt.full) {
        onProgress(this.w.rcpt.lines);
        nextReport += step;
      }
    }
    onProgress(this.w.rcpt.lines);
  }
}
