import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    // The reliability suites (crash, fuzz, concurrency, backups) print what they measured, for
    // CI's log and the README's figures.
    files: ['test/**/*.api.test.ts', 'src/cli/backup.api.test.ts'],
    rules: { 'no-console': ['error', { allow: ['info'] }] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Every query lives in a repository: a function over a Kysely executor that the service
    // calls. Elsewhere a query builder or raw SQL is refused.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      'src/platform/db/**',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|with)$/]',
          message: 'Queries belong in the module’s repository (*.repository.ts); call it from the service.',
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'Raw SQL belongs in a repository (*.repository.ts) or src/platform/db.' },
        {
          // A versioned update (id, version, changes) answers false when someone changed the row first.
          selector: 'ExpressionStatement > AwaitExpression > CallExpression[callee.property.name=/^update/][arguments.length=3]',
          message: 'A versioned update that lost its version check must fail: check its result (staleVersion), never discard it.',
        },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'kysely', importNames: ['sql'], message: 'Raw SQL belongs in a repository (*.repository.ts) or src/platform/db.' }] }],
    },
  },
  {
    // The layers point one way: routes → service → repository → database.
    files: ['src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/*.repository.js', '**/db/schema.js', 'kysely'], message: 'Routes talk to services, never to the database.' }] }],
    },
  },
  {
    files: ['src/platform/db/migrations/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../../*', '../../*'], message: 'Migrations never import application code.' }] }],
    },
  },
);
