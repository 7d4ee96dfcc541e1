import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpPostgresSchema, dumpSqliteSchema } from '../../src/store/schema/dump.js';
import { postgresBaseUrl } from '../support/postgres.js';

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'src', 'store', 'schema');
const FIX = 'the migrations changed: run `node --import tsx scripts/dump-schema.ts` and commit src/store/schema/';

describe('committed schema dumps', () => {
  it('sqlite.sql matches what the SQLite migrations produce', () => {
    expect(dumpSqliteSchema(), FIX).toBe(readFileSync(join(SCHEMA_DIR, 'sqlite.sql'), 'utf8'));
  });

  it.skipIf(!postgresBaseUrl())('postgres.sql matches what the PostgreSQL migrations produce', async () => {
    expect(await dumpPostgresSchema(postgresBaseUrl()!), FIX).toBe(readFileSync(join(SCHEMA_DIR, 'postgres.sql'), 'utf8'));
  });
});
