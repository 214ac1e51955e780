// The quick version of test/reliability/fuzz.ts: 800 generated bad requests with a fixed
// seed against the app on the sample, every endpoint, every answer checked.
import assert from 'node:assert/strict';
import http from 'node:http';
import { discoverKnownValues, exportSlotsFree, formatReport, generateRequests, runFuzz } from '../reliability/fuzz-cases.js';
import { startFuzzTarget, type FuzzTarget } from '../reliability/fuzz-target.js';

describe('bad input at every endpoint (fuzz, 800 requests)', function () {
  this.timeout(300_000);
  let target: FuzzTarget;
  before(async () => {
    target = await startFuzzTarget('fuzztest');
  });
  after(async () => {
    await target?.close();
  });

  it('no 5xx, nothing slower than the timeout, every 4xx a readable error, no stack trace', async () => {
    const known = await discoverKnownValues(target.url);
    assert.ok(known.filerIds.length > 0 && known.filingIds.length > 0 && known.cursors.length > 0, 'real ids and cursors to start from');
    const report = await runFuzz(target.url, generateRequests(20261124, 800, known), { timeoutMs: target.timeoutMs, concurrency: 2 });
    assert.equal(report.failures.length, 0, formatReport(report));
    // It reached every endpoint, and got past the first checks often enough to mean something.
    assert.ok(report.byEndpoint.size >= 25, `${report.byEndpoint.size} endpoints`);
    assert.ok((report.byStatus.get(200) ?? 0) > 50, formatReport(report));
    assert.ok(await exportSlotsFree(target.url), 'every export slot is free again after the run');
  });

  it('downloads abandoned at the first byte or near their end free their export slot', async () => {
    // Found by the fuzz: an XLSX abandoned after its last rows waited for ever on the
    // workbook's commit (its slot lost: four such downloads, and every export was a 429);
    // an abandoned scan could end the process with an unhandled rejection.
    const abandon = (url: string, after: number): Promise<void> =>
      new Promise((resolve) => {
        const req = http.get(new URL(url, target.url), (res) => {
          let got = 0;
          res.on('data', (c: Buffer) => {
            got += c.length;
            if (got >= after) {
              req.destroy();
              resolve();
            }
          });
          res.on('end', () => resolve());
        });
        req.on('error', () => resolve());
      });
    const full = async (url: string): Promise<number> => (await (await fetch(new URL(url, target.url))).arrayBuffer()).byteLength;
    for (const url of ['/api/v1/filers.xlsx', '/api/v1/filers.csv', '/api/v1/contributions.xlsx', '/api/v1/contributions.csv']) {
      const size = await full(url);
      for (const after of [1, Math.max(1, size - 2_000)]) for (let i = 0; i < 5; i++) await abandon(url, after);
    }
    assert.ok(await exportSlotsFree(target.url), 'every export slot is free again');
  });

  it('an address too long for the HTTP parser is a JSON 431, not an empty answer', async () => {
    const res = await fetch(new URL(`/api/v1/contributions?q=${'a'.repeat(20_000)}`, target.url));
    assert.equal(res.status, 431);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'request_too_large');
  });
});
