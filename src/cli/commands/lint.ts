import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** `hookspec lint`: redocly lint with the project's redocly.yaml (recommended rules, webhooks included). */
export function register(program: Command): void {
  program
    .command('lint')
    .description('Lint an OpenAPI document with redocly (the rules in redocly.yaml).')
    .argument('[spec]', 'the OpenAPI document', 'openapi.yaml')
    .option('--format <format>', 'redocly output format (stylish, codeframe, json, …)', 'stylish')
    .action(async (spec: string, opts: { format: string }) => {
      if (!existsSync(spec)) throw new Error(`${spec} does not exist`);
      const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, 'lint', spec, `--format=${opts.format}`], { stdio: 'inherit' });
        child.once('error', reject);
        child.once('exit', (exitCode) => resolve(exitCode));
      });
      if (code !== 0) throw new Error(`lint found problems in ${spec}`);
    });
}
