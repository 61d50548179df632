// One lint configuration for the whole workspace (run per package by `pnpm lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '**/dev-dist/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Only the provider adapters speak a provider SDK; everything else sees CalendarProvider
    // and ProviderError. A build error, not a convention.
    files: ['apps/api/src/**/*.ts', 'apps/pwa/src/**/*.{ts,tsx}', 'packages/contracts/src/**/*.ts'],
    ignores: ['apps/api/src/integrations/providers/google/**', 'apps/api/src/integrations/providers/microsoft/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['googleapis', 'googleapis/*', '@googleapis/*', 'google-auth-library', 'google-auth-library/*', '@azure/msal-*', '@microsoft/microsoft-graph-*'],
              message: 'Only the provider adapters (integrations/providers/google|microsoft) import a provider SDK.',
            },
          ],
        },
      ],
    },
  },
);
