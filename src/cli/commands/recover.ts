import type { Command } from 'commander';
import { apiClient, call, parseId, withApiOptions, type ApiFlags } from '../api.js';
import { parseSince } from '../options.js';
import { createProgress } from '../progress.js';

interface RecoverFlags extends ApiFlags {
  since: string;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** `hookspec recover <subscription-id> --since …`: re-send what failed since a time. */
export function register(program: Command): void {
  withApiOptions(
    program
      .command('recover')
      .description('Queue again every failed or dead delivery of a subscription created since the given time.')
      .argument('<subscription-id>', 'the subscription, for example sub_01j…', parseId)
      .requiredOption('--since <time>', 'ISO 8601 time, or a duration ago (90m, 24h, 7d)', (v) => parseSince(v)),
  ).action(async (subscriptionId: string, flags: RecoverFlags) => {
    const client = apiClient(flags);
    const progress = createProgress();
    let frame = 0;
    const tick = setInterval(() => progress.update(`${SPINNER[frame++ % SPINNER.length]} recovering deliveries of ${subscriptionId} since ${flags.since}…`), 100);
    try {
      const result = await call(
        `recovering ${subscriptionId}`,
        client.POST('/v1/subscriptions/{id}/recover', { params: { path: { id: subscriptionId } }, body: { since: flags.since } }),
        flags.timeout,
      );
      progress.done();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      process.stdout.write(`Queued ${result.queued} deliver${result.queued === 1 ? 'y' : 'ies'} of ${subscriptionId} failed since ${flags.since}.\n`);
    } finally {
      clearInterval(tick);
      progress.done();
    }
  });
}
