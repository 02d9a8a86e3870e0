import { ApiKeysService } from '@app/auth';
import { ROLES, Role } from '@app/common';
import { CommandImpl, UsageError } from '../cli';

// keys create|list|revoke: the same service as /api/v1/keys, audited as "system".

export const keysCreate: CommandImpl<{ name: string; role: Role }> = {
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

export const keysList: CommandImpl = {
  async run(app) {
    process.stdout.write(`${JSON.stringify(await app.get(ApiKeysService).list(), null, 2)}\n`);
    return 0;
  },
};

export const keysRevoke: CommandImpl<{ id: string }> = {
  input: ({ positionals }) => ({ id: positionals[0] }),
  async run(app, { id }) {
    await app.get(ApiKeysService).revoke(id);
    process.stdout.write(`revoked ${id}\n`);
    return 0;
  },
};
