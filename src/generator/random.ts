// Random values. Everything the generator draws comes from seeded mulberry32 streams, so
// the same seed gives the same export byte for byte; that also means the order of the
// draws is part of the output: moving a draw changes every value after it.

export class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }
  /** Number of successes before the first failure, at most cap. */
  geometric(pContinue: number, cap: number): number {
    let n = 0;
    while (n < cap && this.next() < pContinue) n++;
    return n;
  }
  /** floor(x), plus one with probability frac(x): an integer with mean x. */
  round(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }
}

/** One seed from two, so each purpose (content, dirt, one filer) has a stream of its own. */
export function mixSeed(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let t = 0;
    for (const [, w] of items) this.cum.push((t += w));
    this.total = t;
  }
  pick(r: Rand): T {
    const x = r.next() * this.total;
    for (let i = 0; i < this.cum.length; i++) if (x < this.cum[i]!) return this.items[i]![0];
    return this.items[this.items.length - 1]![0];
  }
}

// Amounts in whole dollars with their weights: the round sums people give most often.
export const COMMON_RCPT = new Weighted<number>([
  [100, 200],
  [250, 90],
  [500, 90],
  [1000, 100],
  [50, 60],
  [25, 50],
  [200, 50],
  [10, 40],
  [150, 30],
  [2000, 20],
  [20, 25],
  [1500, 15],
  [5000, 12],
  [300, 15],
  [75, 10],
  [15, 12],
  [125, 10],
  [2500, 10],
  [3000, 6],
  [3900, 5],
  [4100, 5],
  [5, 10],
  [30, 8],
  [40, 8],
  [35, 5],
]);
// Late contributions (reported from $1,000), loan principals and lobbyists' contributions.
export const COMMON_LATE = new Weighted<number>([
  [1000, 40],
  [1500, 10],
  [2000, 12],
  [2500, 8],
  [3000, 6],
  [3900, 6],
  [4100, 5],
  [5000, 10],
  [10000, 6],
  [25000, 3],
]);
