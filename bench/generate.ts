// make bench-generate: full generation on GitHub's webhooks document vs openapi-typescript alone, same run.
// Each contender is a fresh CLI process (start-up included for both); runs alternate; medians reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SPEC = process.env.BENCH_SPEC ?? join(ROOT, 'node_modules/@octokit/openapi-webhooks/generated/api.github.com.json');
/** Runs per contender; medians are taken over these. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const work = mkdtempSync(join(tmpdir(), 'hookspec-bench-gen-'));
const cacheDir = join(work, 'cache');
const otsCli = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const hookspecCli = join(ROOT, 'bin/hookspec.js');

/** CPU seconds (user + system) of each run, from GNU time, to read the wall-clock figures against a busy machine. */
const cpu: Record<string, number[]> = {};

function time(args: string[], cwd = ROOT, label?: string): number {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args], { cwd, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  const usage = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  if (label && usage) (cpu[label] ??= []).push(Number(usage[1]) + Number(usage[2]));
  return elapsed;
}

const contenders: Record<string, () => number> = {
  // Run outside the repo: the CLI would otherwise apply our redocly.yaml (strict rules) to GitHub's document.
  'openapi-typescript (types only)': () => time([otsCli, SPEC, '--output', join(work, 'ots.ts'), '--silent'], work, 'openapi-typescript (types only)'),
  'hookspec generate (full, cold: no cache)': () => {
    rmSync(join(work, 'full'), { recursive: true, force: true });
    return time([hookspecCli, 'generate', '--spec', SPEC, '--out', join(work, 'full'), '--no-cache'], ROOT, 'hookspec generate (full, cold: no cache)');
  },
  'hookspec generate (nothing changed)': () =>
    time([hookspecCli, 'generate', '--spec', SPEC, '--out', join(work, 'warm'), '--cache-dir', cacheDir], ROOT, 'hookspec generate (nothing changed)'),
};

// Prime the unchanged case: its output directory and cache exist before the first timed run.
time([hookspecCli, 'generate', '--spec', SPEC, '--out', join(work, 'warm'), '--cache-dir', cacheDir]);

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(contenders)) samples[name]?.push(run());
}
rmSync(work, { recursive: true, force: true });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const base = median(samples['openapi-typescript (types only)'] ?? []);
const lines = [
  `Document: ${SPEC.replace(`${ROOT}/`, '')}; ${RUNS} runs each, alternating; ${cpus().length} cores, Node ${process.version}.`,
  '',
  '| contender | median wall (ms) | runs (ms) | vs openapi-typescript | median CPU (s) |',
  '| --- | ---: | --- | ---: | ---: |',
  ...Object.entries(samples).map(
    ([name, xs]) =>
      `| ${name} | ${median(xs).toFixed(0)} | ${xs.map((x) => x.toFixed(0)).join(', ')} | ${(median(xs) / base).toFixed(2)}× | ${median(cpu[name] ?? [0]).toFixed(2)} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
