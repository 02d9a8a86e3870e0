export * from './database.module';
export * from './snake-naming.strategy';
export * from './embedded-postgres';
export * from './database-url';
export * from './bootstrap-database';
export * from './transactions';
export * from './database-roles';
export * from './owner-step';
