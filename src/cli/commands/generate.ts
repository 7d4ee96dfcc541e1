import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import type { StaleHandler } from '../../../generator/index.js';

interface GenerateFlags {
  spec: string;
  out: string;
  check?: boolean;
  handlers?: string;
  cache: boolean;
  cacheDir?: string;
}

/** `hookspec generate --spec FILE --out DIR [--check] [--handlers DIR]`: delegates to `generator/`. */
export function register(program: Command): void {
  program
    .command('generate')
    .description('generate types, validators, handler contracts, clients and the event catalog from an OpenAPI 3.1 document')
    .requiredOption('--spec <file>', 'OpenAPI 3.1 document (YAML or JSON)', 'openapi.yaml')
    .requiredOption('--out <dir>', 'output directory', 'generated')
    .option('--check', 'write nothing; exit non-zero naming each file that differs from what the spec produces')
    .option('--handlers <dir>', 'write handler scaffolds here where missing (never overwrites)')
    .option('--no-cache', 'ignore and do not update the content-hash cache')
    .option('--cache-dir <dir>', 'content-hash cache directory (default node_modules/.cache/hookspec)')
    .action(async (flags: GenerateFlags) => {
      // Said here, as lint says it: the generator would place a file it could not open at "line 1".
      if (!existsSync(flags.spec)) throw new Error(`${flags.spec} does not exist (--spec)`);
      if (!statSync(flags.spec).isFile()) throw new Error(`${flags.spec} is not a file (--spec)`);
      // Imported on use so other commands do not load the generator's dependencies.
      const { generate } = await import('../../../generator/index.js');
      const result = await generate({
        spec: flags.spec,
        out: flags.out,
        check: flags.check ?? false,
        ...(flags.handlers === undefined ? {} : { handlers: flags.handlers }),
        ...(flags.cache ? (flags.cacheDir === undefined ? {} : { cacheDir: flags.cacheDir }) : { cacheDir: false as const }),
      });
      if (flags.check) {
        process.stdout.write(`${flags.out} is up to date with ${flags.spec}\n`);
      } else {
        for (const file of [...result.written, ...result.scaffolds]) process.stdout.write(`wrote ${file}\n`);
        if (result.written.length === 0) process.stdout.write(`${flags.out} is up to date${result.cached ? ' (cached)' : ''}\n`);
      }
      for (const stale of result.staleHandlers) process.stderr.write(`${staleNote(stale, flags.spec)}\n`);
    });
}

/** One line per leftover handler: the generator never deletes a hand-written file, so it says what to do. */
function staleNote({ file, sameButCase }: StaleHandler, spec: string): string {
  if (sameButCase === undefined) return `note: ${file} matches no webhook in ${spec} (renamed or removed?); delete it or rename it`;
  return `note: ${file} matches no webhook in ${spec}; "${sameButCase}" differs only in case, and Linux loads only ${sameButCase}.ts for it; rename it`;
}
