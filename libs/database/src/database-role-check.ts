import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { excessPrivileges } from './database-roles';

// At start: a clear warning when the app's role can do more than read and write rows, which is
// the case when DATABASE_URL is the schema owner (no MIGRATION_DATABASE_URL) or a superuser.
@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('DatabaseRoles');

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const found = await excessPrivileges((sql, params) => this.dataSource.query(sql, params));
    if (found.length === 0) return;
    const [{ role }] = await this.dataSource.query<{ role: string }[]>(
      'SELECT current_user AS role',
    );
    this.logger.warn(
      `The database role "${role}" of DATABASE_URL can do more than the app needs: ${found.join('; ')}. ` +
        'The append-only history (audit log, claim reviews) is then protected by triggers only, ' +
        'which this role can disable. Connect the app as a role with row access only and run the ' +
        'migrations as the owner with MIGRATION_DATABASE_URL (README, "Database roles").',
    );
  }
}
