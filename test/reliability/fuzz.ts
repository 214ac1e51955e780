// Bad input at every endpoint: several thousand generated query strings and parameter
// combinations (huge and negative numbers, unicode, control characters, query syntax,
// JSON and SQL fragments, strings of 10k-100k characters, repeated and unknown
// parameters, bad cursors and ids, bad bodies), deterministic by seed. Fails (exit 1) on
// any 5xx, any answer slower than the API's timeout, any 4xx that is not a readable error
// (JSON on the API, an HTML page on the portal), any stack trace.
//
//   node dist/test/reliability/fuzz.js [--requests 5000] [--seed 1] [--concurrency 4] [--url http://127.0.0.1:3000]
//
// Without --url it imports the sample into a database of its own, indexes it under its own
// prefix and serves it on 127.0.0.1 (the stores of `disclosure services up`); with --url
// it fuzzes that API (which should run with its rate limits off, or the 429s it counts
// are the limits working).
import { parseArgs } from 'node:util';
import { discoverKnownValues, exportSlotsFree, formatReport, generateRequests, runFuzz } from './fuzz-cases.js';
import { startFuzzTarget, type FuzzTarget } from './fuzz-target.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    url: { type: 'string' },
    'timeout-ms': { type: 'string', default: '30000' },
  },
  strict: true,
});
const count = Number(values.requests);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--requests must be from 1 to 100000');
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new Error('--concurrency must be from 1 to 32');

async function main(): Promise<number> {
  let target: FuzzTarget | null = null;
  const started = performance.now();
  try {
    if (values.url) {
      const u = new URL(values.url);
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error('--url must be a loopback address');
      target = { url: u, timeoutMs: Number(values['timeout-ms']), close: () => Promise.resolve() };
    } else {
      console.log('importing the sample and indexing it ...');
      target = await startFuzzTarget('fuzz');
      console.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${target.url.href}`);
    }
    const known = await discoverKnownValues(target.url);
    console.log(`known values: ${known.filerIds.length} filer ids, ${known.filingIds.length} filing ids, ${known.cursors.length} cursors, ${known.bulkFiles.length} bulk files`);
    const requests = generateRequests(seed, count, known);
    console.log(`${count} requests, seed ${seed}, ${concurrency} at a time, timeout ${target.timeoutMs} ms`);
    let last = 0;
    const report = await runFuzz(target.url, requests, {
      timeoutMs: target.timeoutMs,
      concurrency,
      onProgress: (done) => {
        if (done - last >= 1000) {
          last = done;
          console.log(`  ${done} sent`);
        }
      },
    });
    console.log(formatReport(report));
    const slotsFree = await exportSlotsFree(target.url);
    console.log(`export slots free again after the run: ${slotsFree ? 'yes' : 'NO'}`);
    const ok = report.failures.length === 0 && slotsFree;
    console.log(ok ? 'PASS: no violations' : `FAIL: ${report.failures.length + (slotsFree ? 0 : 1)} violations`);
    return ok ? 0 : 1;
  } finally {
    await target?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(2);
  },
);
