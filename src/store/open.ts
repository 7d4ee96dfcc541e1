import { parseDatabaseUrl } from './database-url.js';
import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/store.js';

/** Opens the store a `DATABASE_URL` selects, with migrations applied. */
export async function openStore(databaseUrl: string): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'sqlite') return openSqliteStore(target.file);
  throw new Error('The PostgreSQL store is not available yet; use DATABASE_URL=sqlite:<file>');
}
