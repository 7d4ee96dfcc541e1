import type { Command } from 'commander';
import { apiClient, call, withApiOptions, type ApiFlags } from '../api.js';
import { parsePositiveInt, parseSince } from '../options.js';
import { formatTable } from '../table.js';

interface EventsFlags extends ApiFlags {
  type?: string;
  since?: string;
  limit?: number;
  cursor?: string;
}

/** `hookspec events`: the newest published events. */
export function register(program: Command): void {
  withApiOptions(
    program
      .command('events')
      .description('List published events, newest first.')
      .option('--type <type>', 'only events of this type')
      .option('--since <time>', 'only events since this time (ISO 8601, or 90m / 24h / 7d ago)', (v) => parseSince(v))
      .option('--limit <n>', 'page size (1..100)', parsePositiveInt, 20)
      .option('--cursor <cursor>', 'the next_cursor of the previous page'),
  ).action(async (flags: EventsFlags) => {
    const client = apiClient(flags);
    const page = await call(
      'listing events',
      client.GET('/v1/events', { params: { query: { type: flags.type, since: flags.since, limit: flags.limit, cursor: flags.cursor } } }),
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    if (page.data.length === 0) {
      process.stdout.write('No events.\n');
      return;
    }
    process.stdout.write(formatTable(['ID', 'TYPE', 'CREATED'], page.data.map((e) => [e.id, e.type, e.created_at])));
    if (page.next_cursor) process.stdout.write(`More: hookspec events --cursor ${page.next_cursor}\n`);
  });
}
