import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** A schema of its own on the shared test server: the URL selects it through `search_path`. */
export interface TestPostgres {
  /** `DATABASE_URL` for hookspec: the server URL plus `options=-c search_path=<schema>`. */
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** The server found by the global setup, or undefined when PostgreSQL is not reachable (suites then skip). */
export function postgresBaseUrl(): string | undefined {
  return inject('postgresBaseUrl') ?? undefined;
}

/** Creates `hs_test_<random>` and returns a URL bound to it, or undefined when PostgreSQL is not reachable. */
export async function freshPostgres(): Promise<TestPostgres | undefined> {
  const base = postgresBaseUrl();
  if (!base) return undefined;
  const schema = `hs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `CREATE SCHEMA ${schema}`);
  return {
    url: withSearchPath(base, schema),
    schema,
    drop: () => adminQuery(base, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

/** `base` with `search_path` pinned to `schema` for every connection made from it. */
export function withSearchPath(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
