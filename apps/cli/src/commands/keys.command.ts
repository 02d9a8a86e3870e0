import { ApiKeysService } from '@app/auth';
import { ROLES, Role } from '@app/common';
import { Command, UsageError } from '../cli';

// keys create|list|revoke: the same service as /api/v1/keys, audited as "system".

const create: Command<{ name: string; role: Role }> = {
  name: 'keys create',
  summary: 'create an API key (shown once)',
  description:
    'Create an API key and print it as JSON. The key itself is shown only once: store it now.',
  options: {
    name: { spec: { type: 'string' }, value: 'NAME', help: 'who or what the key is for' },
    role: { spec: { type: 'string' }, value: 'ROLE', help: ROLES.join(', ') },
  },
  input({ values }) {
    if (typeof values.name !== 'string' || !values.name.trim())
      throw new UsageError('--name is required');
    if (!ROLES.includes(values.role as Role))
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    return { name: values.name, role: values.role as Role };
  },
  async run(app, { name, role }) {
    const created = await app.get(ApiKeysService).create(name, role);
    process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
    process.stderr.write('Store the key now: it is not shown again.\n');
    return 0;
  },
};

const list: Command = {
  name: 'keys list',
  summary: 'list API keys (never their secrets)',
  async run(app) {
    process.stdout.write(`${JSON.stringify(await app.get(ApiKeysService).list(), null, 2)}\n`);
    return 0;
  },
};

const revoke: Command<{ id: string }> = {
  name: 'keys revoke',
  summary: 'revoke an API key by its id',
  args: 'ID',
  positionals: { min: 1, max: 1 },
  input: ({ positionals }) => ({ id: positionals[0] }),
  async run(app, { id }) {
    await app.get(ApiKeysService).revoke(id);
    process.stdout.write(`revoked ${id}\n`);
    return 0;
  },
};

export const keysCommand: Command = {
  name: 'keys',
  summary: 'manage API keys: keys create | keys list | keys revoke ID',
  description: 'Manage API keys, as /api/v1/keys does (roles: journalist < reviewer < admin).',
  subcommands: [create, list, revoke] as Command[],
};
