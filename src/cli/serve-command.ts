import { startServer } from '../server.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './commands.js';

export const serveCommand: Command = {
  summary: 'run the API and portal (HOST, PORT)',
  async run({ config, log, args }) {
    parseCommandArgs(args, {}, false);
    const running = await startServer(config, log);
    await new Promise<void>((resolve) => {
      const onSignal = (signal: NodeJS.Signals): void => {
        log.info('stopping', { signal });
        running.stop().then(resolve, resolve);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    });
  },
};
