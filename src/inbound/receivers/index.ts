import { githubReceiver } from './github.js';
import type { Receiver } from './receiver.js';
import { slackCommandsReceiver, slackEventsReceiver, slackInteractiveReceiver } from './slack.js';
import { standardWebhooksReceiver } from './standard-webhooks.js';
import { stripeReceiver } from './stripe.js';

/** Every receiver endpoint, keyed by its path (the spec's `receiverRoutes`). */
export const receivers: readonly Receiver[] = [
  githubReceiver,
  stripeReceiver,
  slackEventsReceiver,
  slackCommandsReceiver,
  slackInteractiveReceiver,
  standardWebhooksReceiver,
];

export type { Receiver, ParsedDelivery, Provider } from './receiver.js';
