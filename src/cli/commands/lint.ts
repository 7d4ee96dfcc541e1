import { Option, type Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** redocly's output formats (`redocly lint --help`): anything else makes it print its whole usage. */
const FORMATS = ['stylish', 'codeframe', 'json', 'checkstyle', 'codeclimate', 'summary', 'markdown', 'github-actions', 'junit'];
/** hookspec's own rules, used when the working directory has no redocly.yaml of its own. */
const PROJECT_CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'redocly.yaml');

/** `hookspec lint`: redocly lint with the project's redocly.yaml (recommended rules, webhooks included). */
export function register(program: Command): void {
  program
    .command('lint')
    .description('Lint an OpenAPI document with redocly (the rules in redocly.yaml).')
    .argument('[spec]', 'the OpenAPI document', 'openapi.yaml')
    .addOption(new Option('--format <format>', 'redocly output format').choices(FORMATS).default('stylish'))
    .action(async (spec: string, opts: { format: string }) => {
      if (!existsSync(spec)) throw new Error(`${spec} does not exist`);
      if (!statSync(spec).isFile()) throw new Error(`${spec} is not a file`);
      const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
      // redocly reads redocly.yaml from the working directory only: run elsewhere, it would lint with its defaults.
      const config = existsSync('redocly.yaml') || !existsSync(PROJECT_CONFIG) ? [] : [`--config=${PROJECT_CONFIG}`];
      const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
        // As `make lint` runs it: no usage report sent from a lint, unless the user set REDOCLY_TELEMETRY.
        const env = { ...process.env, REDOCLY_TELEMETRY: process.env.REDOCLY_TELEMETRY || 'off' };
        const child = spawn(process.execPath, [cli, 'lint', spec, `--format=${opts.format}`, ...config], { stdio: 'inherit', env });
        child.once('error', reject);
        child.once('exit', (code, signal) => resolve({ code, signal }));
      });
      if (result.signal) throw new Error(`redocly lint was stopped by ${result.signal}`);
      if (result.code !== 0) throw new Error(`lint found problems in ${spec}`);
    });
}
