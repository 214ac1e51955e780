// A cache of answers as JSON bytes, kept in one ring buffer allocated once.
//
// Why not one Buffer per answer in the LRU: nearly every search is new, so each one puts an
// answer in and pushes an old one out. An answer that has lived in the cache for a while is
// in V8's old generation; pushed out, it is garbage that only a full mark-compact frees.
// Measured at 1 client (test/bench/search-bench.ts): with a Buffer per answer, V8 ran a
// mark-compact every ~200 searches, and its marking work, beside Elasticsearch on the same
// cores, cost 4-5% of the API's median latency. Here an answer is copied into the ring and the
// LRU keeps only where it is (a few small objects), so an answer pushed out leaves nothing
// for the collector; the ring's bytes are simply written over.
//
// The ring is written in a circle. An answer whose bytes were written over is gone (a miss).
// An answer read from the older half of the ring is copied to its head again, so answers
// people keep asking for stay while one-off ones fall out: an approximation of LRU by bytes.
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  /** the answer's JSON, a copy of its own (safe to hand to a socket) */
  json: Buffer;
  /** a name for this build of the answer (an ETag's value) */
  version: string;
}

interface Slot {
  /** where the answer starts, in bytes ever written to the ring */
  start: number;
  length: number;
  version: string;
}

export interface AnswerCacheOptions {
  /** the ring's size in bytes: a bound on the memory the cached answers take */
  bytes: number;
  /** how long an answer may be served */
  ttlMs: number;
}

/** A bound on the number of answers (each one costs a small index entry). */
const MAX_ENTRIES = 10_000;

export class AnswerCache {
  private readonly ring: Buffer;
  /** bytes ever written to the ring; written % ring.length is where the next answer goes */
  private written = 0;
  private readonly slots: LRUCache<string, Slot>;
  /** larger answers are not kept: one would push out many others */
  readonly maxAnswerBytes: number;

  constructor(options: AnswerCacheOptions) {
    if (!Number.isInteger(options.bytes) || options.bytes < 1024) throw new RangeError('an answer cache needs at least 1 kB');
    this.ring = Buffer.allocUnsafeSlow(options.bytes);
    this.maxAnswerBytes = Math.floor(options.bytes / 8);
    this.slots = new LRUCache<string, Slot>({ max: MAX_ENTRIES, ttl: options.ttlMs });
  }

  get(key: string): CachedAnswer | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (!this.intact(slot)) {
      this.slots.delete(key);
      return undefined;
    }
    const at = slot.start % this.ring.length;
    // A copy: the ring's bytes may be written over while a slow client's socket still
    // holds the answer. The copy dies young, which costs the collector next to nothing.
    const json = Buffer.from(this.ring.subarray(at, at + slot.length));
    // Read from the older half: written again at the head, so that it outlives new ones.
    if (this.written - slot.start > this.ring.length / 2) this.put(key, json, slot.version);
    return { json, version: slot.version };
  }

  /** Keeps an answer (unless it is larger than maxAnswerBytes); `json` is copied. */
  set(key: string, json: Buffer, version: string): void {
    if (json.length > this.maxAnswerBytes) {
      this.slots.delete(key);
      return;
    }
    this.put(key, json, version);
  }

  /** answers held (some may have been written over, found out when read) */
  get size(): number {
    return this.slots.size;
  }

  private put(key: string, json: Buffer, version: string): void {
    const size = this.ring.length;
    let at = this.written % size;
    // An answer is kept in one piece: when it does not fit before the end, the rest of
    // the lap is skipped.
    if (at + json.length > size) {
      this.written += size - at;
      at = 0;
    }
    json.copy(this.ring, at);
    this.slots.set(key, { start: this.written, length: json.length, version });
    this.written += json.length;
  }

  /** Whether nothing was written over the slot's bytes since it was written. */
  private intact(slot: Slot): boolean {
    return this.written - slot.start <= this.ring.length;
  }
}
