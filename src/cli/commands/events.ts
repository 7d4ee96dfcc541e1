import type { Command } from 'commander';
import { apiClient, call, withApiOptions, type ApiFlags } from '../api.js';
import { loadCatalog } from '../catalog.js';
import { parseLimit, parseSince } from '../options.js';
import { formatTable, nextPageArgs } from '../table.js';

interface EventsFlags extends ApiFlags {
  type?: string;
  since?: string;
  limit: number;
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
      .option('--limit <n>', 'page size (1..100)', parseLimit, 20)
      .option('--cursor <cursor>', 'the next_cursor of the previous page'),
  ).action(async (flags: EventsFlags) => {
    const client = apiClient(flags);
    const page = await call(
      'listing events',
      client.GET('/v1/events', { params: { query: { type: flags.type, since: flags.since, limit: flags.limit, cursor: flags.cursor } } }),
      flags.timeout,
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    if (page.data.length === 0) {
      // A type the catalog does not know matches nothing, ever: a typo should not read as "no events yet".
      const known = loadCatalog().map((e) => e.name);
      if (flags.type !== undefined && !known.includes(flags.type)) throw new Error(`unknown event type "${flags.type}"; valid types: ${known.join(', ')}`);
      process.stdout.write('No events.\n');
      return;
    }
    process.stdout.write(formatTable(['ID', 'TYPE', 'CREATED'], page.data.map((e) => [e.id, e.type, e.created_at])));
    if (page.next_cursor) {
      // The same filters, or the next page would be of something else.
      const args = [['--type', flags.type], ['--since', flags.since], ['--limit', flags.limit === 20 ? undefined : String(flags.limit)], ['--cursor', page.next_cursor]];
      process.stdout.write(`More: hookspec events${nextPageArgs(args)}\n`);
    }
  });
}
