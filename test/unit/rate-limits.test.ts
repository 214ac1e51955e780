import assert from 'node:assert/strict';
import { TooManyRequestsError } from '../../src/errors.js';
import { ConcurrencyLimit, TokenBuckets, clientKey } from '../../src/services/rate-limits.js';

describe('rate limits', () => {
  it('a token bucket gives the burst at once, then the rate, and says when to come back', () => {
    let now = 0;
    const b = new TokenBuckets({ perMinute: 60, burst: 3 }, () => now);
    assert.deepEqual([b.take('a'), b.take('a'), b.take('a')], [0, 0, 0]);
    assert.equal(b.take('a'), 1, 'one token a second: back in 1 s');
    assert.equal(b.take('b'), 0, 'another client has its own bucket');
    now += 500;
    assert.equal(b.take('a'), 1, 'half a token is not a token');
    now += 500;
    assert.equal(b.take('a'), 0, 'a refused request took nothing: the token of the second is there');
    assert.equal(b.take('a'), 1);
    now += 60_000;
    assert.deepEqual([b.take('a'), b.take('a'), b.take('a'), b.take('a')], [0, 0, 0, 1], 'never more than the burst');
  });

  it('says how long to wait at a slow rate, and refunds', () => {
    const b = new TokenBuckets({ perMinute: 2, burst: 1 }, () => 0);
    assert.equal(b.take('a'), 0);
    assert.equal(b.take('a'), 30);
    b.refund('a');
    assert.equal(b.take('a'), 0);
  });

  it('a limit of 0 a minute is off', () => {
    const b = new TokenBuckets({ perMinute: 0, burst: 1 });
    assert.equal(b.enabled, false);
    for (let i = 0; i < 1000; i++) assert.equal(b.take('a'), 0);
    assert.equal(b.size, 0);
  });

  it('remembers a bounded number of clients', () => {
    const b = new TokenBuckets({ perMinute: 1, burst: 1 });
    for (let i = 0; i < 60_000; i++) b.take(`10.0.${i >> 8}.${i & 255}`);
    assert.ok(b.size <= 50_000, `${b.size} buckets`);
  });

  it('bounds work at once with a 429 that says when to retry', () => {
    const c = new ConcurrencyLimit(2, 'things');
    const r1 = c.acquire();
    const r2 = c.acquire();
    assert.throws(() => c.acquire(), (e: unknown) => e instanceof TooManyRequestsError && e.retryAfterSeconds > 0 && /2 things/.test(e.message));
    r1();
    r1();
    assert.equal(c.running, 1, 'a release counts once');
    c.acquire();
    r2();
    assert.equal(c.running, 1);
  });

  it('keys IPv4 clients by address and IPv6 clients by their /64', () => {
    assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey(undefined), 'unknown');
  });
});
