import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import type { ApiContext } from './context.js';
import { presentDelivery } from './presenters.js';

type DeliveryOperations = Pick<OperationHandlers, 'getDelivery' | 'retryDelivery'>;

/** `/v1/deliveries/{id}`: one delivery with its attempt log, and a manual retry (same `webhook-id`). */
export function deliveryOperations(ctx: ApiContext): DeliveryOperations {
  const { outbound } = ctx.store;

  async function present(id: string) {
    const delivery = await outbound.getDelivery(id);
    if (!delivery) throw new HttpError(404, 'not_found', `No delivery ${id}`);
    return presentDelivery(delivery, await outbound.listAttempts([id]));
  }

  return {
    async getDelivery({ params }) {
      return { status: 200, body: await present(params.id) };
    },

    async retryDelivery({ params }) {
      const before = await outbound.getDelivery(params.id);
      if (!before) throw new HttpError(404, 'not_found', `No delivery ${params.id}`);
      // Queued behind a disabled subscription, "immediate" would be a 202 that sends nothing until someone re-enables it.
      const subscription = await outbound.getSubscription(before.subscription_id);
      if (subscription && subscription.status !== 'active') {
        throw new HttpError(409, 'subscription_disabled', `Subscription ${subscription.id} is disabled (${subscription.disabled_reason}); re-enable it first`);
      }
      if (!(await outbound.requeueDelivery(params.id, new Date()))) {
        const why = before.status === 'delivering' ? 'an attempt is in flight' : 'its subscription was deleted';
        throw new HttpError(409, 'delivery_not_retryable', `Delivery ${params.id} cannot be retried now: ${why}`);
      }
      ctx.wakeWorker();
      return { status: 202, body: await present(params.id) };
    },
  };
}
