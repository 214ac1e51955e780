import assert from 'node:assert/strict';
import { errors as esErrors } from '@elastic/elasticsearch';
import { InvalidParameterError, StoreUnavailableError, toHttpError, unavailableStore } from '../../src/errors.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('the error mapper', () => {
  it('reads a store that is down from its client\'s errors: 503 naming it', () => {
    const cases: [unknown, 'postgresql' | 'elasticsearch'][] = [
      [withCode('connect ECONNREFUSED 127.0.0.1:5433', 'ECONNREFUSED'), 'postgresql'],
      [withCode('terminating connection due to administrator command', '57P01'), 'postgresql'],
      [withCode('the database system is starting up', '57P03'), 'postgresql'],
      [withCode('connection failure', '08006'), 'postgresql'],
      [new Error('Connection terminated unexpectedly'), 'postgresql'],
      [new Error('timeout exceeded when trying to connect'), 'postgresql'],
      [new esErrors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9201'), 'elasticsearch'],
      [new esErrors.TimeoutError('Request timed out'), 'elasticsearch'],
      [new esErrors.NoLivingConnectionsError('none', { body: undefined, statusCode: 0, headers: {}, warnings: null, meta: {} as never }), 'elasticsearch'],
    ];
    for (const [err, store] of cases) {
      assert.equal(unavailableStore(err), store, String(err));
      const m = toHttpError(err);
      assert.equal(m.status, 503, String(err));
      assert.equal(m.body.error.store, store);
      assert.equal(m.body.error.code, 'store_unavailable');
      assert.doesNotMatch(m.body.error.message, /ECONNREFUSED|127\.0\.0\.1|administrator/);
      assert.equal(m.headers?.['Retry-After'], '5');
    }
  });

  it('leaves every other error as it was', () => {
    assert.equal(toHttpError(new Error('boom')).status, 500);
    assert.equal(toHttpError(withCode('syntax error', '42601')).status, 500);
    assert.equal(toHttpError(withCode('no such file', 'ENOENT')).status, 500);
    assert.equal(toHttpError(new InvalidParameterError('q', 'bad')).status, 400);
    assert.equal(toHttpError(new StoreUnavailableError('elasticsearch', 'the search index has not been built yet')).body.error.message, 'the search index has not been built yet');
    assert.equal(unavailableStore('ECONNREFUSED'), null);
  });
});
