// `pnpm db:seed`: the demo data into the configured database (embedded or DATABASE_URL).
import { loadConfig } from '../config/load-config';
import { ConfigError } from '../config/env.schema';
import { PrismaService } from './prisma.service';
import { seedDemo } from './seed';

async function main(): Promise<void> {
  const prisma = await PrismaService.create(loadConfig());
  try {
    await seedDemo(prisma);
    console.log('Demo data is in place (admin@, dispatch@, alice@, bob@example.com / demo1234).');
  } finally {
    await prisma.onModuleDestroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
