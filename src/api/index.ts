import type { OperationHandlers } from '../../generated/operations.js';
import type { ApiContext } from './context.js';
import { deliveryOperations } from './deliveries.js';
import { eventTypeOperations } from './event-types.js';
import { eventOperations } from './events.js';
import { healthOperations } from './health.js';
import { inboundOperations } from './inbound.js';
import { withNotImplemented } from './not-implemented.js';
import { subscriptionOperations } from './subscriptions.js';

/**
 * Every operation of the spec's `paths` (receivers aside), one module per resource; a missing one fails to
 * compile, and where nothing type-checked (`make run`) it answers 501 instead.
 */
export function createOperationHandlers(ctx: ApiContext): OperationHandlers {
  const handlers: OperationHandlers = {
    ...healthOperations(ctx),
    ...eventTypeOperations(),
    ...subscriptionOperations(ctx),
    ...eventOperations(ctx),
    ...deliveryOperations(ctx),
    ...inboundOperations(ctx),
  };
  return withNotImplemented(handlers);
}

export type { ApiContext } from './context.js';
