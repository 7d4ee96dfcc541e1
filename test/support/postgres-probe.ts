import pg from 'pg';

/** Where the test suites look for PostgreSQL: `TEST_POSTGRES_URL` alone when set, else the local defaults. */
export function postgresCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.TEST_POSTGRES_URL) return [env.TEST_POSTGRES_URL];
  return ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];
}

export const POSTGRES_CANDIDATES_HINT =
  'To run them, start PostgreSQL on 127.0.0.1:5432 with a database "test" (trust auth, user postgres or root), ' +
  'or set TEST_POSTGRES_URL=postgres://user@host:port/db.';

/** The first candidate that answers `SELECT 1` and may create a schema, or undefined. */
export async function findPostgres(): Promise<string | undefined> {
  for (const url of postgresCandidates()) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return url;
    } catch {
      // try the next candidate
    } finally {
      await client.end().catch(() => {});
    }
  }
  return undefined;
}
