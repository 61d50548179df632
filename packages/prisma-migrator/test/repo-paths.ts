// Where the product's schema and migrations live, seen from this package's tests.
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');
export const SCHEMA_PATH = path.join(REPO_ROOT, 'prisma/schema.prisma');
