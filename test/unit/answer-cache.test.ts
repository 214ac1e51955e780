import assert from 'node:assert/strict';
import { AnswerCache } from '../../src/services/answer-cache.js';

/** An answer of n bytes whose content names it, so a mix-up of bytes cannot pass. */
function answer(name: string, n: number): Buffer {
  const b = Buffer.alloc(n, `${name};`);
  return b;
}

describe('answer cache (a ring of bytes behind an LRU index)', () => {
  it('gives an answer back byte for byte, with its version, as a copy of its own', () => {
    const c = new AnswerCache({ bytes: 64 * 1024, ttlMs: 60_000 });
    const a = answer('a', 3000);
    c.set('a', a, 'v1');
    const got = c.get('a');
    assert.ok(got);
    assert.equal(got.version, 'v1');
    assert.ok(got.json.equals(a));
    got.json.fill(0);
    c.set('b', answer('b', 3000), 'v2');
    assert.ok(c.get('a')?.json.equals(a), 'changing a copy changes nothing in the cache');
    assert.equal(c.get('missing'), undefined);
  });

  it('an answer written over is a miss, and the answers after it are whole', () => {
    const c = new AnswerCache({ bytes: 10_000, ttlMs: 60_000 });
    for (let i = 0; i < 12; i++) c.set(`k${i}`, answer(`k${i}`, 1000), `v${i}`);
    // 12,000 bytes into a ring of 10,000: the first two are gone.
    assert.equal(c.get('k0'), undefined);
    assert.equal(c.get('k1'), undefined);
    for (let i = 2; i < 12; i++) assert.ok(c.get(`k${i}`)?.json.equals(answer(`k${i}`, 1000)), `k${i}`);
  });

  it('keeps every answer whole across many laps of answers of random sizes', () => {
    const bytes = 50_000;
    const c = new AnswerCache({ bytes, ttlMs: 60_000 });
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sent = new Map<string, Buffer>();
    const order: string[] = [];
    let hits = 0;
    for (let i = 0; i < 3000; i++) {
      const key = `q${i % 700}`; // keys come back: a newer answer replaces an older one
      const a = answer(`${key}.${i}`, 1 + Math.floor(rnd() * c.maxAnswerBytes));
      c.set(key, a, String(i));
      sent.set(key, a);
      order.push(key);
      // Whatever the cache gives back must be exactly the newest answer of that key.
      const probe = `q${Math.floor(rnd() * 700)}`;
      const got = c.get(probe);
      if (got) {
        hits++;
        assert.ok(got.json.equals(sent.get(probe)!), `${probe} at ${i}`);
      }
    }
    assert.ok(hits > 0);
    // The newest answers, up to half the ring, are all there.
    let total = 0;
    const seen = new Set<string>();
    for (const key of [...order].reverse()) {
      if (seen.has(key)) continue;
      seen.add(key);
      total += sent.get(key)!.length;
      if (total > bytes / 2) break;
      assert.ok(c.get(key)?.json.equals(sent.get(key)!), `recent ${key}`);
    }
  });

  it('an answer read from the older half moves to the head and outlives one-off answers', () => {
    const c = new AnswerCache({ bytes: 10_000, ttlMs: 60_000 });
    const hot = answer('hot', 1000);
    c.set('hot', hot, 'h');
    for (let i = 0; i < 30; i++) {
      c.set(`once${i}`, answer(`once${i}`, 1000), String(i));
      assert.ok(c.get('hot')?.json.equals(hot), `hot after ${i + 1} one-off answers`);
    }
    assert.equal(c.get('once0'), undefined, 'one-off answers fall out');
  });

  it('does not keep an answer over an eighth of the ring, and drops the older one of that key', () => {
    const c = new AnswerCache({ bytes: 8_000, ttlMs: 60_000 });
    assert.equal(c.maxAnswerBytes, 1_000);
    c.set('k', answer('small', 500), 'v1');
    c.set('k', answer('large', 1_001), 'v2');
    assert.equal(c.get('k'), undefined, 'not the older, smaller answer either');
    assert.equal(c.size, 0);
  });

  it('serves an answer only for its time to live', async () => {
    const c = new AnswerCache({ bytes: 8_000, ttlMs: 30 });
    c.set('k', answer('k', 100), 'v');
    assert.ok(c.get('k'));
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(c.get('k'), undefined);
  });
});
