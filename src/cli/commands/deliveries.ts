import type { Command } from 'commander';
import { apiClient, call, parseId, withApiOptions, type ApiFlags } from '../api.js';
import { MAX_PAGE_SIZE } from '../../api/pagination.js';
import { attemptSummary } from '../attempts.js';
import { formatTable } from '../table.js';

/** `hookspec deliveries <event-id>`: where an event went, with every attempt. */
export function register(program: Command): void {
  withApiOptions(
    program
      .command('deliveries')
      .description('Show the deliveries of an event, one per subscription, with every attempt (status, latency, response).')
      .argument('<event-id>', 'the event, for example evt_01j…', parseId),
  ).action(async (eventId: string, flags: ApiFlags) => {
    const client = apiClient(flags);
    // Every delivery, not the first page: an event can match more subscriptions than one page holds.
    const page = await call(`listing deliveries of ${eventId}`, client.GET('/v1/events/{id}/deliveries', { params: { path: { id: eventId }, query: { limit: MAX_PAGE_SIZE } } }), flags.timeout);
    for (let cursor = page.next_cursor; cursor; ) {
      const next = await call(
        `listing deliveries of ${eventId}`,
        client.GET('/v1/events/{id}/deliveries', { params: { path: { id: eventId }, query: { limit: MAX_PAGE_SIZE, cursor } } }),
        flags.timeout,
      );
      page.data.push(...next.data);
      cursor = next.next_cursor;
    }
    page.next_cursor = null;
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    if (page.data.length === 0) {
      process.stdout.write(`No deliveries for ${eventId} (no subscription matched).\n`);
      return;
    }
    for (const d of page.data) {
      const next = d.next_attempt_at ? `, next attempt ${d.next_attempt_at}` : '';
      process.stdout.write(`${d.id}  ${d.status}  ${d.subscription_id}  ${d.url}  (${attemptSummary(d)}${next})\n`);
      if (d.attempts.length > 0) {
        // The subscriber's own words first; our error (timeout, refused, …) when it said nothing.
        const rows = d.attempts.map((a) => [`#${a.attempt}`, a.started_at, a.status_code, `${a.latency_ms} ms`, a.outcome, a.response_body || a.error]);
        const table = formatTable(['#', 'STARTED', 'STATUS', 'LATENCY', 'OUTCOME', 'RESPONSE'], rows);
        process.stdout.write(table.replace(/^/gm, '  ').replace(/ +$/, ''));
      }
    }
  });
}
