import assert from 'node:assert/strict';
import { allowedMethods, type RouterStack } from '../../src/routes/allowed-methods.js';
import { Router } from 'express';
import { rfc3339, rfc3339OrNull } from '../../src/timestamps.js';

describe('timestamps: RFC 3339 in UTC, to the second', () => {
  it("reads PostgreSQL's text form of timestamptz, whatever its offset and fraction", () => {
    assert.equal(rfc3339('2026-12-02 00:56:34+00'), '2026-12-02T00:56:34Z');
    assert.equal(rfc3339('2026-12-02 00:56:34.62279+00'), '2026-12-02T00:56:34Z');
    assert.equal(rfc3339('2026-12-01 16:56:34-08'), '2026-12-02T00:56:34Z');
    assert.equal(rfc3339('2026-12-02 06:26:34+05:30'), '2026-12-02T00:56:34Z');
    assert.equal(rfc3339('2026-12-02T00:56:34.680Z'), '2026-12-02T00:56:34Z');
  });
  it('writes dates, and null as null', () => {
    assert.equal(rfc3339(new Date(Date.UTC(2026, 11, 2, 0, 56, 34, 999))), '2026-12-02T00:56:34Z');
    assert.equal(rfc3339OrNull(null), null);
  });
  it('refuses what names no moment (a bare day, a time without a zone)', () => {
    assert.throws(() => rfc3339('2026-12-02'));
    assert.throws(() => rfc3339('2026-12-02 00:56:34'));
  });
});

describe('allowed methods of a path, from the routes', () => {
  it('names the methods of every route matching the path, HEAD with GET, and OPTIONS', () => {
    const inner = Router();
    inner.get('/things/:id', () => {});
    inner.delete('/things/:id', () => {});
    const outer = Router();
    outer.use(inner);
    outer.post('/things', () => {});
    const stack = outer as unknown as RouterStack;
    assert.deepEqual(allowedMethods(stack, '/things/7'), ['DELETE', 'GET', 'HEAD', 'OPTIONS']);
    assert.deepEqual(allowedMethods(stack, '/things'), ['OPTIONS', 'POST']);
    assert.deepEqual(allowedMethods(stack, '/nothing'), []);
  });
});
