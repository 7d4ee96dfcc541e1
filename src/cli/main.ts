import { Command, CommanderError } from 'commander';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI_DIR = dirname(fileURLToPath(import.meta.url));
const COMMANDS_DIR = join(CLI_DIR, 'commands');

/** The package's version, for `hookspec --version`. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(CLI_DIR, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** A CLI command module: `src/cli/commands/<name>.ts` exports `register(program)`. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * Usage errors (unknown option, missing value, invalid argument) as one line, like every other error:
 * `hookspec events: option '--limit <n>' argument 'x' is invalid: … (see hookspec events --help)`.
 */
function oneLineUsageErrors(command: Command, path: string): void {
  command.configureOutput({
    outputError: (text, write) => {
      const message = text
        .replace(/^error: /, '')
        .replace(/ is invalid( for argument '[^']*')?\. /, ' is invalid$1: ')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
      write(`${path}: ${message} (see ${path} --help)\n`);
    },
  });
}

/**
 * Builds the `hookspec` program from the modules in `commands/`, so adding a command is adding a file.
 * With `only`, just that command's module is loaded: `hookspec generate` should not pay for the server's imports.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('hookspec')
    .description('Spec-first webhooks: generate typed code from openapi.yaml, receive, verify and deliver webhooks.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride();
  const all = readdirSync(COMMANDS_DIR).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const named = all.filter((f) => f.replace(/\.(ts|js)$/, '') === only);
  const files = named.length === 1 ? named : all;
  for (const file of files) {
    const mod = (await import(join(COMMANDS_DIR, file))) as Partial<CommandModule>;
    mod.register?.(program);
  }
  oneLineUsageErrors(program, 'hookspec');
  for (const command of program.commands) oneLineUsageErrors(command, `hookspec ${command.name()}`);
  return program;
}

/** Runs the CLI; every failure is one clear line on stderr and a non-zero exit, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  // `hookspec deliveries … | head -1`: a reader that has seen enough is not an error, and not a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
  const program = await buildProgram(argv[2]);
  if (argv.length <= 2) {
    // No command, as `git` and `npm` do: the help on stdout (it is what was asked for, and pages with `| less`), but
    // exit 1, since nothing was done: a script running `hookspec $CMD` with CMD empty must not pass.
    process.stdout.write(program.helpInformation());
    process.exitCode = 1;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(`hookspec: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.HOOKSPEC_DEBUG) console.error(err);
    // A command that failed half-way may leave timers or sockets behind (a server whose port was taken has
    // already opened its store and scheduled its worker): the error is final, so end the process now.
    process.exit(1);
  }
}
