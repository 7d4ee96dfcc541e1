import type { Store } from '../store.js';
import { openPostgres } from './database.js';

/** The shared store: one pg pool per process, many processes per database; every guarantee lives in SQL. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = await openPostgres(url);
  return {
    dialect: 'postgres',
    inbound: {},
    outbound: {},
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
