// Writes src/store/schema/{sqlite,postgres}.sql from the migrations; `--check` exits 1 naming each drifting dump.
// PostgreSQL comes from DUMP_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpPostgresSchema, dumpSqliteSchema } from '../src/store/schema/dump.js';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'store', 'schema');
const check = process.argv.includes('--check');
const postgresUrl = process.env.DUMP_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgres: string;
try {
  postgres = await dumpPostgresSchema(postgresUrl);
} catch (err) {
  process.stderr.write(`dump-schema: PostgreSQL at ${postgresUrl} failed (${(err as Error).message}); set DUMP_POSTGRES_URL\n`);
  process.exit(1);
}
const dumps: Record<string, string> = { 'sqlite.sql': dumpSqliteSchema(), 'postgres.sql': postgres };

let drift = false;
for (const [name, text] of Object.entries(dumps)) {
  const file = join(SCHEMA_DIR, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // a missing dump is drift too
    }
    if (current !== text) {
      drift = true;
      process.stderr.write(`dump-schema: src/store/schema/${name} is out of date with the migrations\n`);
    }
  } else {
    writeFileSync(file, text);
    process.stdout.write(`wrote src/store/schema/${name}\n`);
  }
}
if (drift) {
  process.stderr.write('dump-schema: run `node --import tsx scripts/dump-schema.ts` and commit the result\n');
  process.exit(1);
}
