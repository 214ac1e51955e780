// What every integration test shares: the configuration of the real stores that
// `npm test` brought up, and a way to wait on a condition with a deadline (no sleeps).
import { loadConfig, type Config } from '../../src/config.js';

export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ ...process.env, ...overrides });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
