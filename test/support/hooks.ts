// Root hooks of the whole run. Integration tests need the real stores: `npm test`
// starts them before mocha; fail fast here, with the reason, if they do not answer.
import { probeStore, STORES } from '../../src/services/local-stores.js';
import { testConfig } from './env.js';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    const config = testConfig();
    for (const store of STORES) {
      const health = await probeStore(config, store);
      if (health.status !== 'up') {
        throw new Error(`${store} does not answer (${health.error ?? 'down'}); run "npm test", which starts it`);
      }
    }
  },
};
