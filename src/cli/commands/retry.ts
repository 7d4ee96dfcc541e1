import type { Command } from 'commander';
import { apiClient, call, parseId, withApiOptions, type ApiFlags } from '../api.js';
import { attemptSummary } from '../attempts.js';

/** `hookspec retry <delivery-id>`: one more attempt now, same webhook-id. */
export function register(program: Command): void {
  withApiOptions(
    program
      .command('retry')
      .description('Queue a delivery for an immediate new attempt, whatever its status (the webhook-id stays the same).')
      .argument('<delivery-id>', 'the delivery, for example dlv_01j…', parseId),
  ).action(async (deliveryId: string, flags: ApiFlags) => {
    const client = apiClient(flags);
    const delivery = await call(`retrying ${deliveryId}`, client.POST('/v1/deliveries/{id}/retry', { params: { path: { id: deliveryId } } }), flags.timeout);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(delivery, null, 2)}\n`);
      return;
    }
    process.stdout.write(`Queued ${delivery.id} for ${delivery.url} (status ${delivery.status}, ${attemptSummary(delivery)} so far).\n`);
  });
}
