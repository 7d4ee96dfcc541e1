// `make build`: compiles the server's TypeScript (src/, generated/) to plain JavaScript in build/, file by file, with
// the same layout, so `node build/src/main.js` runs without tsx: no loader thread (~30 MB resident), no per-closure
// name-keeping, no transpiling at start. Other files the code reads at run time (catalog, migrations, docs, the
// console's sources that it bundles on first request) are copied beside it.
import { transform } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `node --import tsx scripts/build.ts [dir]`: build/ unless told otherwise (the build test writes to a temporary one). */
const OUT = resolve(process.argv[2] ?? join(ROOT, 'build'));
const SOURCES = ['src', 'generated', 'docs'];
/** The project's compiler options (target, class-field semantics), as tsx and tsc read them. */
const TSCONFIG = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
/** Bundled by the server itself on first request (src/console/bundle.ts): kept as TypeScript. */
const KEPT_AS_SOURCE = join('src', 'console', 'app');

/** Every file under `dir`, subdirectories included. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function compile(file: string, target: string): Promise<void> {
  const source = readFileSync(file, 'utf8');
  const rel = relative(dirname(target), file);
  const out = await transform(source, {
    loader: 'ts', format: 'esm', platform: 'node', target: 'node20', sourcemap: 'external', sourcefile: rel,
    tsconfigRaw: { compilerOptions: TSCONFIG.compilerOptions },
  }).catch((err: { errors?: { text: string; location?: { line: number; column: number } | null }[]; message: string }) => {
    // esbuild's report names line and column; one line of it, with the path from the project root.
    const first = err.errors?.[0];
    throw new Error(`${relative(ROOT, file)}${first?.location ? `:${first.location.line}:${first.location.column}` : ''}: ${first?.text ?? err.message}`);
  });
  const js = target.replace(/\.ts$/, '.js');
  writeFileSync(js, `${out.code}//# sourceMappingURL=${basename(js)}.map\n`);
  writeFileSync(`${js}.map`, out.map);
}

const staging = `${OUT}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const started = performance.now();
const jobs: Promise<void>[] = [];
let compiled = 0;
for (const top of SOURCES) {
  for (const file of files(join(ROOT, top))) {
    const rel = relative(ROOT, file);
    const target = join(staging, rel);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !rel.startsWith(KEPT_AS_SOURCE)) {
      compiled++;
      jobs.push(compile(file, target));
    } else {
      copyFileSync(file, target);
    }
  }
}
try {
  await Promise.all(jobs);
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`make build: ${(err as Error).message}`);
  process.exit(1);
}
// Swapped in whole, so a failed build never leaves a half-written build/ behind.
rmSync(OUT, { recursive: true, force: true });
renameSync(staging, OUT);
console.log(`${relative(process.cwd(), OUT) || '.'}/: ${compiled} TypeScript files compiled in ${Math.round(performance.now() - started)} ms`);
