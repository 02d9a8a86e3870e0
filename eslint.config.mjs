// Lint is part of the build (.ci/run): typescript-eslint's recommended rules, Prettier owns
// the layout, and import rules keep the lib boundaries: other code imports `@app/<lib>`, never a
// deep path into a lib, and never climbs out of its folder with `../` chains.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'apps/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/*/*'],
              message: 'Import a lib through its index: `@app/<lib>`, not a deep path.',
            },
            {
              group: ['**/libs/**', '**/apps/**', '../../migrations', '../migrations'],
              message: 'Reach another lib or app through its `@app/` alias, not a relative path.',
            },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks measure the repositories' own SQL, and Jest's globalSetup runs without the
    // module mapper, so these reach inside libs on purpose.
    files: [
      'bench/**',
      'test/harness/global-*.ts',
      'test/harness/postgres-server.ts',
      'test/harness/template.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
