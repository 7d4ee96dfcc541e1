import type { Command } from 'commander';
import { receiverRoutes } from '../../../generated/operations.js';
import { apiClient, call, withApiOptions, type ApiFlags } from '../api.js';
import { parseLimit } from '../options.js';
import { formatTable, nextPageArgs } from '../table.js';

interface RefusalsFlags extends ApiFlags {
  source?: string;
  receiver?: string;
  reason?: string;
  limit: number;
  cursor?: string;
}

/** `hookspec refusals`: who sent requests the receivers refused (bad signatures, stale timestamps, …). */
export function register(program: Command): void {
  withApiOptions(
    program
      .command('refusals')
      .description('List requests the receivers refused, newest first: source address, receiver, status, reason and its detail (never the body).')
      .option('--source <address>', 'only requests from this address')
      .option('--receiver <operationId>', 'only refusals by this receiver, for example receiveGithubWebhook')
      .option('--reason <code>', 'only this reason, for example invalid_signature')
      .option('--limit <n>', 'page size (1..100)', parseLimit, 20)
      .option('--cursor <cursor>', 'the next_cursor of the previous page'),
  ).action(async (flags: RefusalsFlags) => {
    const client = apiClient(flags);
    const query = { source: flags.source, receiver: flags.receiver, reason: flags.reason, limit: flags.limit, cursor: flags.cursor };
    const page = await call('listing refusals', client.GET('/v1/inbound-refusals', { params: { query } }), flags.timeout);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    if (page.data.length === 0) {
      // A receiver the spec does not have refuses nothing, ever: a typo should not read as "nothing refused".
      const known = receiverRoutes.map((r) => r.operationId);
      if (flags.receiver !== undefined && !known.includes(flags.receiver)) throw new Error(`unknown receiver "${flags.receiver}"; valid receivers: ${known.join(', ')}`);
      process.stdout.write('No refusals.\n');
      return;
    }
    // The detail last: it is the long column, and the one that tells refusals with one reason apart.
    const rows = page.data.map((r) => [r.at, r.source, r.receiver, r.status, r.reason, r.body_size ?? '', r.detail ?? '']);
    process.stdout.write(formatTable(['AT', 'SOURCE', 'RECEIVER', 'STATUS', 'REASON', 'BYTES', 'DETAIL'], rows));
    if (page.next_cursor) {
      const args = [
        ['--source', flags.source], ['--receiver', flags.receiver], ['--reason', flags.reason],
        ['--limit', flags.limit === 20 ? undefined : String(flags.limit)], ['--cursor', page.next_cursor],
      ];
      process.stdout.write(`More: hookspec refusals${nextPageArgs(args)}\n`);
    }
  });
}
