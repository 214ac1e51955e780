// Per-client budgets: a token bucket per client key, and a bound on work running at once.
// Deadline-day traffic, crawlers and scripts share one portal; a client that asks faster
// than its budget gets a 429 naming when to try again, the others are not slowed.
import { LRUCache } from 'lru-cache';
import type { RateLimit } from '../config.js';
import { TooManyRequestsError } from '../errors.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** At most this many clients are remembered; the least recent is forgotten first. */
const MAX_CLIENTS = 50_000;

export class TokenBuckets {
  private readonly buckets: LRUCache<string, Bucket> | null;
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = limit.perMinute / 60_000;
    // A bucket untouched for as long as it takes to refill is full again: forgetting it
    // then changes nothing, so memory holds only the clients active in that time.
    const refillMs = Math.ceil(limit.burst / Math.max(this.perMs, 1e-9));
    this.buckets = limit.perMinute > 0 ? new LRUCache<string, Bucket>({ max: MAX_CLIENTS, ttl: Math.max(refillMs, 1_000), updateAgeOnGet: true }) : null;
  }

  get enabled(): boolean {
    return this.buckets !== null;
  }

  /**
   * Takes one token from the client's bucket. Returns 0 when it had one, else the seconds
   * until it will (nothing is taken: a refused request costs the client nothing).
   */
  take(client: string): number {
    if (!this.buckets) return 0;
    const now = this.now();
    const b = this.buckets.get(client) ?? { tokens: this.limit.burst, at: now };
    b.tokens = Math.min(this.limit.burst, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000));
  }

  /** Gives back a token taken for a request that another limit then refused. */
  refund(client: string): void {
    const b = this.buckets?.get(client);
    if (b) b.tokens = Math.min(this.limit.burst, b.tokens + 1);
  }

  get size(): number {
    return this.buckets?.size ?? 0;
  }
}

/** A count of running work with a ceiling: one more than the ceiling is a 429. */
export class ConcurrencyLimit {
  private active = 0;

  constructor(
    readonly max: number,
    private readonly what: string,
    private readonly retryAfterSeconds = 2,
    /** Said after the refusal, e.g. what to do instead. */
    private readonly hint = '',
  ) {}

  acquire(): () => void {
    if (this.active >= this.max) {
      throw new TooManyRequestsError(`${this.max} ${this.what} are already running; try again in ${this.retryAfterSeconds} s${this.hint}`, this.retryAfterSeconds);
    }
    this.active++;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.active--;
      }
    };
  }

  get running(): number {
    return this.active;
  }
}

/**
 * The key a client is counted under: its IPv4 address, or the /64 of an IPv6 address (one
 * subscriber usually holds a whole /64, and could otherwise take a fresh address per
 * request).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const a = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('::', 2);
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
