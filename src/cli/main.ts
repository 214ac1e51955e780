#!/usr/bin/env node
// `disclosure`: the one command-line entry point for operators. Each subcommand is a
// thin module: parse arguments, call a service, print.
import { ConfigError, loadConfig } from '../config.js';
import { UsageError } from './args.js';
import { createLogger } from '../logger.js';
import { commands, type CommandContext } from './commands.js';

async function usage(): Promise<string> {
  const lines = await Promise.all(Object.entries(commands).map(async ([name, load]) => `  disclosure ${name.padEnd(26)} ${(await load()).summary}`));
  return ['usage:', ...lines, '', 'Settings come from environment variables; see README.md.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  // Longest command name first, so "services up" wins over a shorter prefix.
  const names = Object.keys(commands).sort((a, b) => b.split(' ').length - a.split(' ').length);
  const name = names.find((n) => n.split(' ').every((word, i) => argv[i] === word));
  if (name === undefined) {
    const wantsHelp = argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h';
    (wantsHelp ? process.stdout : process.stderr).write((await usage()) + '\n');
    return wantsHelp ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel, { cmd: name });
  const ctx: CommandContext = { config, log, args: argv.slice(name.split(' ').length) };
  const command = await commands[name]!();
  return (await command.run(ctx)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bad setting or bad arguments: the message says which; no stack trace.
    if (err instanceof ConfigError || err instanceof UsageError) {
      process.stderr.write(`disclosure: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`disclosure: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env['LOG_LEVEL'] === 'debug' && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
    process.exitCode = 1;
  },
);

