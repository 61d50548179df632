// `pnpm tokens:reseal`: re-encrypts every stored token with the first key of
// TOKEN_ENCRYPTION_KEY (see token-reseal.ts) and prints what it did. Exit code 0 when
// every value is now sealed with the first key, 2 when some are not (unreadable or busy):
// then the old key must not be removed yet.
import { loadConfig } from '../../config/load-config';
import { ConfigError } from '../../config/env.schema';
import { PrismaService } from '../../database/prisma.service';
import { TokenResealer, type ResealCounts, type ResealSummary } from './token-reseal';
import { TokenVault } from './token-vault';

async function main(): Promise<number> {
  const config = loadConfig();
  // PGlite is one process's database: a second process opening it beside a running API
  // would corrupt it. Embedded mode is for one machine, so the API can be stopped first.
  if (config.database.kind === 'embedded') {
    console.log(`Embedded database (${config.database.dir}): the API must be stopped while this runs.`);
  }
  const prisma = await PrismaService.create(config);
  try {
    const summary = await new TokenResealer(prisma, new TokenVault(config)).run();
    console.log(formatSummary(summary));
    const leftOver = [summary.integrations, summary.oauthStates, summary.organisationConnections].some((c) => c.unreadable.length > 0 || c.busy > 0);
    return leftOver ? 2 : 0;
  } finally {
    await prisma.onModuleDestroy();
  }
}

export function formatSummary(summary: ResealSummary): string {
  return [
    `Resealed with key "${summary.keyId}".`,
    ...section('Calendar integrations', summary.integrations),
    ...section('Pending OAuth states', summary.oauthStates),
    ...section('Organisation connection secrets', summary.organisationConnections),
  ].join('\n');
}

function section(title: string, counts: ResealCounts): string[] {
  return [
    `${title}: resealed ${counts.resealed}, already current ${counts.current}, unreadable ${counts.unreadable.length}` +
      (counts.busy > 0 ? `, changing too fast to reseal ${counts.busy} (run again)` : ''),
    ...counts.unreadable.map(
      (row) =>
        `  - ${row.provider ? `${row.provider.toLowerCase()} integration ` : 'state '}${row.id}: ` +
        (row.failure === 'UNKNOWN_KEY'
          ? `sealed with key "${row.keyId}", which TOKEN_ENCRYPTION_KEY does not hold`
          : row.failure === 'AUTHENTICATION_FAILED'
            ? `does not open with the key held under id "${row.keyId}"`
            : 'not in the vault format'),
    ),
  ];
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}
