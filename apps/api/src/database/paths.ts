// Where the repository's shared files are, wherever the API runs from (src or dist).
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');
