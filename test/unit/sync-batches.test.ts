import assert from 'node:assert/strict';
import { entryAgeSeconds } from '../../indexers/sync.js';

describe('sync: the age of a change-log entry', () => {
  const now = Date.parse('2026-11-24T13:21:35Z');

  it('reads timestamptz text as PostgreSQL writes it, in any zone, with microseconds', () => {
    assert.equal(entryAgeSeconds('2026-11-24 13:21:25.123456+00', now), 9.877);
    assert.equal(entryAgeSeconds('2026-11-24 05:21:25.5-08', now), 9.5);
    assert.equal(entryAgeSeconds('2026-11-24 18:51:25+05:30', now), 10);
  });

  it('counts an unreadable or future time as no age, so the follower keeps small batches', () => {
    assert.equal(entryAgeSeconds('yesterday', now), 0);
    assert.equal(entryAgeSeconds('2026-11-24 13:22:00+00', now), 0);
  });
});
