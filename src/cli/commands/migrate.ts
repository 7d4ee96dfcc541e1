import type { Command } from 'commander';
import { databaseUrlSource } from '../options.js';

/** `hookspec migrate`: applies pending migrations for DATABASE_URL and says which. */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations for DATABASE_URL (SQLite or PostgreSQL) and print what was applied.')
    .option('--database-url <url>', 'sqlite:<file> or postgres://… (default: DATABASE_URL or sqlite:data/hookspec.db)')
    .action(async (opts: { databaseUrl?: string }) => {
      const [{ migrate }, { DEFAULT_DATABASE_URL }] = await Promise.all([import('../../store/open.js'), import('../../config/server.js')]);
      // An empty DATABASE_URL is unset, as the server reads it.
      const url = opts.databaseUrl ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
      const from = databaseUrlSource(opts.databaseUrl);
      // Every failure names the setting it came from: the URL is the usual culprit.
      const applied = await migrate(url).catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(message.startsWith('DATABASE_URL ') ? `${from}${message.slice('DATABASE_URL'.length)}` : `${message} (${from})`);
      });
      if (applied.length === 0) {
        process.stdout.write('No pending migrations.\n');
        return;
      }
      for (const version of applied) process.stdout.write(`applied ${version}\n`);
      process.stdout.write(`${applied.length} migration${applied.length === 1 ? '' : 's'} applied.\n`);
    });
}
