import type { Store } from '../store.js';
import { openSqlite } from './database.js';

/** The embedded store: one better-sqlite3 connection in WAL mode shared by every room. */
export function openSqliteStore(file: string): Store {
  const db = openSqlite(file);
  return {
    dialect: 'sqlite',
    inbound: {},
    outbound: {},
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}
