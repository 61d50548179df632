// One lint configuration for the whole workspace (run per package by `pnpm lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// One writer per table: each Prisma model is created, updated or deleted only in the files
// named here (its repository; the dev seed for people and interventions; `pnpm tokens:reseal`,
// an admin command outside the app, for the sealed columns only). Reads are free.
const RESEAL = 'apps/api/src/integrations/oauth/token-reseal.ts';
const TABLE_WRITERS = {
  calendarIntegration: ['apps/api/src/integrations/integration.repository.ts', RESEAL],
  syncJob: ['apps/api/src/integrations/sync/sync-job.repository.ts'],
  interventionSync: ['apps/api/src/integrations/sync/intervention-sync.repository.ts'],
  eventPrivacySettings: ['apps/api/src/integrations/privacy/event-privacy.repository.ts'],
  busyBlock: ['apps/api/src/integrations/availability/busy-block.repository.ts'],
  busyRefresh: ['apps/api/src/integrations/availability/busy-block.repository.ts'],
  oAuthState: ['apps/api/src/integrations/oauth/oauth-state.service.ts', RESEAL],
  intervention: ['apps/api/src/interventions/interventions.repository.ts', 'apps/api/src/database/seed.ts'],
  user: ['apps/api/src/database/seed.ts'],
  icsFeed: ['apps/api/src/feeds/ics-feed.repository.ts'],
  calendarPull: ['apps/api/src/integrations/inbound/calendar-pull.repository.ts'],
  calendarChange: ['apps/api/src/calendar-changes/calendar-change.repository.ts'],
  calendarChangeSettings: ['apps/api/src/calendar-changes/calendar-change-settings.repository.ts'],
  organisationConnection: ['apps/api/src/integrations/organisation/organisation-connection.repository.ts', RESEAL],
  watchChannel: ['apps/api/src/integrations/push/watch-channel.repository.ts'],
};
const WRITE = '/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/';
const writesOutsideOwner = (tables) =>
  tables.map((table) => ({
    selector: `CallExpression[callee.object.property.name='${table}'][callee.property.name=${WRITE}]`,
    message: `Only ${TABLE_WRITERS[table].join(' or ')} writes ${table}: add a method there.`,
  }));
const ownerFiles = [...new Set(Object.values(TABLE_WRITERS).flat())];
const oneWriterPerTable = [
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts', ...ownerFiles],
    rules: { 'no-restricted-syntax': ['error', ...writesOutsideOwner(Object.keys(TABLE_WRITERS))] },
  },
  ...ownerFiles.map((file) => ({
    files: [file],
    rules: {
      'no-restricted-syntax': ['error', ...writesOutsideOwner(Object.keys(TABLE_WRITERS).filter((t) => !TABLE_WRITERS[t].includes(file)))],
    },
  })),
];

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
    ignores: ['apps/api/src/integrations/providers/google/**', 'apps/api/src/integrations/providers/microsoft/**', 'apps/api/src/integrations/providers/caldav/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['googleapis', 'googleapis/*', '@googleapis/*', 'google-auth-library', 'google-auth-library/*', '@azure/msal-*', '@microsoft/microsoft-graph-*', 'tsdav', 'tsdav/*'],
              message: 'Only the provider adapters (integrations/providers/google|microsoft|caldav) import a provider SDK.',
            },
          ],
        },
      ],
    },
  },
  ...oneWriterPerTable,
);
