import { InvalidArgumentError, type Command } from 'commander';
import { existsSync } from 'node:fs';
import type { RetentionCounts } from '../../store/retention-store.js';
import { databaseUrlSource, parsePositiveInt } from '../options.js';
import { createProgress } from '../progress.js';
import { MAX_RETENTION_DAYS as MAX_DAYS } from '../../config/ops.js';

function parseDays(raw: string): number {
  const days = parsePositiveInt(raw);
  if (days > MAX_DAYS) throw new InvalidArgumentError(`must be at most ${MAX_DAYS}`);
  return days;
}

interface PruneFlags {
  dryRun?: boolean;
  days?: number;
  batchSize?: number;
  databaseUrl?: string;
}

/** `hookspec prune`: deletes events, attempts and the inbound log older than the retention period. */
export function register(program: Command): void {
  program
    .command('prune')
    .description('Delete events (with deliveries and attempts) and inbound log entries older than the retention period.')
    .option('--dry-run', 'only count what would be deleted')
    .option('--days <days>', `retention in days, 1..${MAX_DAYS} (default: HOOKSPEC_RETENTION_DAYS or 30)`, parseDays)
    .option('--batch-size <rows>', 'rows per transaction (default: HOOKSPEC_PRUNE_BATCH_SIZE or 500)', parsePositiveInt)
    .option('--database-url <url>', 'sqlite:<file> or postgres://… (default: DATABASE_URL)')
    .addHelpText('after', '\nWork still in progress is kept: events with a pending delivery, inbound deliveries not yet processed.')
    .action(async (flags: PruneFlags) => {
      const [{ loadConfig }, { openStore }, { parseDatabaseUrl }, { countExpired, pruneExpired, retentionCutoff }] = await Promise.all([
        import('../../config/index.js'),
        import('../../store/open.js'),
        import('../../store/database-url.js'),
        import('../../retention/prune.js'),
      ]);
      const config = loadConfig();
      const retentionDays = flags.days ?? config.ops.retentionDays;
      if (retentionDays === 0) throw new Error('retention is off (HOOKSPEC_RETENTION_DAYS=0); pass --days to prune anyway');
      const databaseUrl = flags.databaseUrl ?? config.server.databaseUrl;
      // Opening a SQLite file creates it (and its directory): a mistyped path would "prune" an empty new database.
      const target = parseDatabaseUrl(databaseUrl);
      if (target.dialect === 'sqlite' && target.file !== ':memory:' && !existsSync(target.file)) {
        const from = databaseUrlSource(flags.databaseUrl);
        throw new Error(`no database at ${target.file} (${from}); nothing to prune`);
      }
      const store = await openStore(databaseUrl);
      try {
        const cutoff = retentionCutoff(retentionDays).toISOString();
        if (flags.dryRun) {
          const counts = await countExpired({ store: store.retention, retentionDays });
          process.stdout.write(`Would delete (older than ${retentionDays} days, before ${cutoff}):\n${formatCounts(counts)}`);
          return;
        }
        const progress = createProgress();
        const totals = await pruneExpired({
          store: store.retention,
          retentionDays,
          batchSize: flags.batchSize ?? config.ops.pruneBatchSize,
          onBatch: (t) => progress.update(`pruning… ${t.events} events, ${t.inbound} inbound, ${t.refusals} refusals`),
        });
        progress.done();
        process.stdout.write(`Deleted (older than ${retentionDays} days, before ${cutoff}):\n${formatCounts(totals)}`);
      } finally {
        await store.close();
      }
    });
}

function formatCounts(counts: RetentionCounts): string {
  const rows: [string, number][] = [
    ['events', counts.events],
    ['deliveries', counts.deliveries],
    ['attempts', counts.attempts],
    ['inbound', counts.inbound],
    ['refusals', counts.refusals],
  ];
  return rows.map(([name, n]) => `  ${name.padEnd(11)} ${n}\n`).join('');
}
