import type { INestApplicationContext } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { ApiKeysService } from '@app/auth';
import { ROLES, Role } from '@app/common';

const USAGE =
  'usage: keys create --name NAME --role admin|reviewer|journalist | keys list | keys revoke ID';

// keys create|list|revoke: the same service as /api/v1/keys, audited as "system".
export async function keysCommand(app: INestApplicationContext, args: string[]): Promise<number> {
  const keys = app.get(ApiKeysService);
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, role: { type: 'string' } },
    allowPositionals: true,
  });
  switch (sub) {
    case 'create': {
      if (!values.name || !ROLES.includes(values.role as Role)) throw new Error(USAGE);
      const created = await keys.create(values.name, values.role as Role);
      process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
      process.stderr.write('Store the key now: it is not shown again.\n');
      return 0;
    }
    case 'list':
      process.stdout.write(`${JSON.stringify(await keys.list(), null, 2)}\n`);
      return 0;
    case 'revoke':
      if (!positionals[0]) throw new Error(USAGE);
      await keys.revoke(positionals[0]);
      process.stdout.write(`revoked ${positionals[0]}\n`);
      return 0;
    default:
      throw new Error(USAGE);
  }
}
