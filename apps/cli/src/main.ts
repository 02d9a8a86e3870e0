// Only the CLI's grammar loads up front: `--help` and usage errors answer at once, before any
// config, database or Nest module; a command's work (./run, ./commands/*) loads when it runs.
import { commandHelp, describeError, plan, UsageError } from './cli';
import { COMMANDS } from './commands';

function usageError(message: string, usage: string): number {
  process.stderr.write(`error: ${message}\n\n${usage}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const what = plan(COMMANDS, argv);
  if (what.kind === 'help') {
    process.stdout.write(what.text);
    return 0;
  }
  if (what.kind === 'usage-error') return usageError(what.message, what.usage);
  const { command, parsed } = what;
  if (!command.load) return usageError(`${command.name} needs a subcommand`, commandHelp(command));
  const impl = await command.load();
  let input: unknown;
  try {
    input = impl.input ? await impl.input(parsed) : undefined;
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message, commandHelp(command));
    throw e;
  }
  const { runWithApp } = await import('./run.js');
  return runWithApp(command.env ?? {}, (app) => impl.run(app, input));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: ${describeError(err)}\n`);
    process.exit(1);
  },
);
