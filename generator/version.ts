import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(GENERATOR_DIR, '..');
/** Packages whose version changes the output. */
const OUTPUT_PACKAGES = ['ajv', 'ajv-formats', 'openapi-typescript', '@redocly/openapi-core', 'handlebars'];

let cached: string | undefined;

/** A hash of the generator's own sources, templates and output-shaping packages: part of every cache key. */
export function generatorVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const file of [...listFiles(GENERATOR_DIR), ...listFiles(join(ROOT, 'templates'))].sort()) {
    hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  const require = createRequire(join(ROOT, 'package.json'));
  for (const name of OUTPUT_PACKAGES) {
    const version = (require(`${name}/package.json`) as { version: string }).version;
    hash.update(`${name}@${version}\0`);
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
