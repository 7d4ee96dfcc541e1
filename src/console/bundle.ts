import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'app', 'main.ts');

let bundled: Promise<string> | undefined;

/**
 * The console's browser module, bundled once per process on first request (about 100 ms) and kept in memory,
 * so there is no build step and no generated asset to commit.
 */
export function consoleBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  // A failed build is retried on the next request rather than cached forever.
  bundled.catch(() => (bundled = undefined));
  return bundled;
}
