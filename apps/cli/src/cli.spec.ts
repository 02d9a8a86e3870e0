import { ROLES } from '@app/common';
import { SHEET_FORMATS } from '@app/exports';
import { describeError, plan } from './cli';
import { COMMANDS, FORMAT_NAMES, ROLE_NAMES } from './commands';

// The grammar alone: no database, no app. The built CLI is driven in test/e2e/cli.e2e-spec.ts.
describe('CLI grammar', () => {
  const kind = (argv: string[]) => plan(COMMANDS, argv).kind;

  it('answers --help for every command and subcommand, wherever the flag is', () => {
    const every = COMMANDS.flatMap((c) => [c, ...(c.subcommands ?? [])]);
    for (const c of every) {
      const argv = c.name.split(' ');
      expect([argv, kind([...argv, '--help'])]).toEqual([argv, 'help']);
      expect([argv, kind([...argv, '-h'])]).toEqual([argv, 'help']);
      expect([argv, kind(['help', ...argv])]).toEqual([argv, 'help']);
    }
    expect(kind(['reextract', '--all', '--help'])).toBe('help');
    expect(kind(['reextract', '--bogus', '--help'])).toBe('help');
    expect(kind(['import', 'seeds', '--help'])).toBe('help');
    expect(kind(['--help'])).toBe('help');
  });

  it('treats --help after `--` as an argument', () => {
    const p = plan(COMMANDS, ['import', '--', '--help']);
    expect(p).toMatchObject({ kind: 'run', parsed: { positionals: ['--help'] } });
  });

  it.each([
    [[], 'a command is required'],
    [['--bogus'], "unknown option '--bogus'"],
    [['frob'], "unknown command 'frob'"],
    [['keys'], 'keys needs a subcommand'],
    [['keys', 'frob'], "unknown keys subcommand 'frob'"],
    [['reextract', '--bogus'], "unknown option '--bogus'"],
    [['reextract', 'now'], "unexpected argument 'now'"],
    [['keys', 'revoke'], 'keys revoke needs ID'],
    [['keys', 'revoke', 'a', 'b'], "unexpected argument 'b'"],
    [['keys', 'create', '--name'], "option '--name <value>' argument missing"],
    [['import'], 'import needs <file|folder>...'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(plan(COMMANDS, argv)).toMatchObject({ kind: 'usage-error', message });
  });

  it('parses what a command declares', () => {
    expect(plan(COMMANDS, ['export', '--format', 'xlsx', '--speaker', 'Wang'])).toMatchObject({
      kind: 'run',
      command: { name: 'export' },
      parsed: { values: { format: 'xlsx', speaker: 'Wang' } },
    });
    expect(plan(COMMANDS, ['reextract'])).toMatchObject({ parsed: { values: { all: false } } });
    expect(plan(COMMANDS, ['import', 'a', 'b'])).toMatchObject({
      parsed: { positionals: ['a', 'b'] },
    });
  });

  it('names the roles and formats the app knows', () => {
    expect(ROLE_NAMES).toEqual([...ROLES]);
    expect(FORMAT_NAMES).toEqual([...SHEET_FORMATS]);
  });

  it('describes any error in one line, never "undefined"', () => {
    expect(describeError(undefined)).toBe('failed without an error message');
    expect(describeError(new Error('first\nsecond'))).toBe('first');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(describeError(new AggregateError([refused], ''))).toBe(
      'connect ECONNREFUSED 127.0.0.1:1',
    );
    expect(describeError(Object.assign(new Error(''), { code: 'EPIPE' }))).toBe('Error: EPIPE');
    expect(describeError('plain')).toBe('plain');
  });
});
