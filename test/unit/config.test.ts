import assert from 'node:assert/strict';
import { heapFlagGiven, youngGenerationMb } from '../../src/cli/serve-command.js';
import { ConfigError, DEFAULT_API_HEAP_MB, DEFAULT_DATABASE_URL, DEFAULT_ELASTICSEARCH_URL, loadConfig } from '../../src/config.js';

function rejects(env: Record<string, string>, variable: string, mentions: RegExp): void {
  assert.throws(
    () => loadConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
      assert.equal(err.variable, variable);
      assert.match(err.message, new RegExp(`\\b${variable}\\b`));
      assert.match(err.message, mentions);
      return true;
    },
  );
}

describe('configuration', () => {
  it('has working defaults for local use, loopback only', () => {
    const c = loadConfig({});
    assert.equal(c.databaseUrl, DEFAULT_DATABASE_URL);
    assert.equal(c.elasticsearchUrl, DEFAULT_ELASTICSEARCH_URL);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3000);
    assert.equal(c.esHeap, '1g');
    assert.ok(Object.isFrozen(c));
  });

  it('reads every setting from the environment', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db.example:6543/x',
      ELASTICSEARCH_URL: 'https://es.example:9243',
      PORT: '8081',
      ES_HEAP: '512m',
      LOG_LEVEL: 'debug',
      ES_INDEX_PREFIX: 'test-1',
      DISCLOSURE_CACHE_DIR: '/tmp/x',
    });
    assert.deepEqual(
      [c.databaseUrl, c.elasticsearchUrl, c.port, c.esHeap, c.logLevel, c.esIndexPrefix, c.cacheDir],
      ['postgresql://u:p@db.example:6543/x', 'https://es.example:9243', 8081, '512m', 'debug', 'test-1', '/tmp/x'],
    );
  });

  it('gives the API a reader role on the same database, and generous per-client limits', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://owner:secret@db.example:6543/x' });
    assert.equal(c.apiDatabaseUrl, 'postgres://disclosure_reader:disclosure_reader@db.example:6543/x');
    assert.equal(loadConfig({ API_DATABASE_URL: 'postgres://r:p@h:1/y' }).apiDatabaseUrl, 'postgres://r:p@h:1/y');
    assert.deepEqual([c.rateLimit, c.expensiveRateLimit, c.trustProxy], [{ perMinute: 600, burst: 200 }, { perMinute: 60, burst: 30 }, 0]);
    const d = loadConfig({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_BURST: '2', TRUST_PROXY: '1', EXPENSIVE_FACET_SIZE: '5', MAX_CONCURRENT_EXPENSIVE_SEARCHES: '1' });
    assert.deepEqual([d.rateLimit.perMinute, d.expensiveRateLimit.burst, d.trustProxy, d.expensiveFacetSize, d.maxConcurrentExpensiveSearches], [0, 2, 1, 5, 1]);
    rejects({ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE', /whole number/);
    rejects({ RATE_LIMIT_BURST: '0' }, 'RATE_LIMIT_BURST', /from 1/);
    rejects({ TRUST_PROXY: 'yes' }, 'TRUST_PROXY', /whole number from 0 to 10/);
    rejects({ API_DATABASE_URL: 'mysql://x/y' }, 'API_DATABASE_URL', /postgres/);
  });

  it('bounds the API heap by itself (API_HEAP_MB); 0 is no bound; a Node heap flag is seen', () => {
    assert.equal(loadConfig({}).apiHeapMb, DEFAULT_API_HEAP_MB);
    assert.equal(loadConfig({ API_HEAP_MB: '512' }).apiHeapMb, 512);
    assert.equal(loadConfig({ API_HEAP_MB: '0' }).apiHeapMb, 0);
    rejects({ API_HEAP_MB: '32' }, 'API_HEAP_MB', /0 \(no bound\) or from 64/);
    rejects({ API_HEAP_MB: '1g' }, 'API_HEAP_MB', /whole number/);
    assert.equal(heapFlagGiven([], ''), false);
    assert.equal(heapFlagGiven(['--max-old-space-size=256'], ''), true);
    assert.equal(heapFlagGiven([], '--enable-source-maps --max_old_space_size=300'), true);
    assert.equal(heapFlagGiven(['--max-heap-size=300'], ''), true);
    assert.equal(heapFlagGiven(['--max-semi-space-size=16'], '--expose-gc'), false);
    assert.deepEqual([64, 160, 256, 1024].map(youngGenerationMb), [16, 16, 26, 48]);
  });

  it('rejects a bad value with a message naming the variable and what is allowed', () => {
    rejects({ PORT: 'eighty' }, 'PORT', /whole number from 0 to 65535/);
    rejects({ PORT: '70000' }, 'PORT', /from 0 to 65535/);
    rejects({ DATABASE_URL: 'not a url' }, 'DATABASE_URL', /not a URL/);
    rejects({ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL', /postgres/);
    rejects({ ELASTICSEARCH_URL: 'ftp://x' }, 'ELASTICSEARCH_URL', /http/);
    rejects({ ES_HEAP: 'lots' }, 'ES_HEAP', /512m or 1g/);
    rejects({ ES_HEAP: '64m' }, 'ES_HEAP', /256m to 16g/);
    rejects({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /debug, info, warn, error/);
    rejects({ ES_INDEX_PREFIX: 'Has Spaces' }, 'ES_INDEX_PREFIX', /lower-case/);
    rejects({ DISCLOSURE_CACHE_DIR: 'relative/dir' }, 'DISCLOSURE_CACHE_DIR', /absolute/);
  });
});
