import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import { newId } from '../ids.js';
import { generateSecret, rotateSecrets, secretProblem } from '../outbound/secrets.js';
import { assertUrlAllowed, SsrfError } from '../outbound/ssrf.js';
import type { SubscriptionRecord } from '../store/outbound-store.js';
import type { ApiContext } from './context.js';
import { parseInstant } from './instant.js';
import { idPattern, page, pageQuery } from './pagination.js';
import { presentSubscription } from './presenters.js';

const SUBSCRIPTION_ID = idPattern('sub');

type SubscriptionOperations = Pick<
  OperationHandlers,
  | 'createSubscription'
  | 'listSubscriptions'
  | 'getSubscription'
  | 'updateSubscription'
  | 'deleteSubscription'
  | 'rotateSubscriptionSecret'
  | 'testSubscription'
  | 'recoverSubscription'
>;

/** `/v1/subscriptions`: create, read, update, delete, rotate the secret, ping, recover. */
export function subscriptionOperations(ctx: ApiContext): SubscriptionOperations {
  const { outbound } = ctx.store;
  const allowPrivate = ctx.config.outbound.allowPrivateNetworks;

  async function found(id: string): Promise<SubscriptionRecord> {
    const sub = await outbound.getSubscription(id);
    if (!sub) throw new HttpError(404, 'not_found', `No subscription ${id}`);
    return sub;
  }

  function checkEvents(events: string[]): void {
    const known = new Set(ctx.publisher.eventTypes);
    const unknown = events.filter((e) => e !== '*' && !known.has(e));
    if (unknown.length > 0) {
      throw new HttpError(422, 'unknown_event_type', `Unknown event type(s): ${unknown.join(', ')}`, {
        extra: { valid_event_types: ['*', ...ctx.publisher.eventTypes] },
      });
    }
  }

  async function checkUrl(url: string): Promise<void> {
    try {
      await assertUrlAllowed(url, allowPrivate);
    } catch (err) {
      if (err instanceof SsrfError) throw new HttpError(422, 'url_not_allowed', `The URL cannot receive deliveries: ${err.reason}`, { cause: err });
      throw err;
    }
  }

  function checkSecret(secret: string): void {
    const problem = secretProblem(secret);
    if (problem) throw new HttpError(422, 'invalid_secret', problem);
  }

  return {
    async createSubscription({ body }) {
      checkEvents(body.events);
      await checkUrl(body.url);
      if (body.secret !== undefined) checkSecret(body.secret);
      const sub = await outbound.createSubscription({
        id: newId('sub'),
        url: body.url,
        events: body.events,
        description: body.description ?? null,
        metadata: body.metadata ?? {},
        rate_limit_per_second: body.rate_limit_per_second ?? null,
        secret: body.secret ?? generateSecret(),
        created_at: new Date(),
      });
      return { status: 201, body: presentSubscription(sub, true) };
    },

    async listSubscriptions({ query }) {
      const q = pageQuery(query, SUBSCRIPTION_ID);
      const rows = await outbound.listSubscriptions({ ...q, limit: q.limit + 1 });
      return { status: 200, body: page(rows, q.limit, (s) => presentSubscription(s)) };
    },

    async getSubscription({ params }) {
      return { status: 200, body: presentSubscription(await found(params.id)) };
    },

    async updateSubscription({ params, body }) {
      await found(params.id);
      if (body.events) checkEvents(body.events);
      if (body.url) await checkUrl(body.url);
      const updated = await outbound.updateSubscription(params.id, {
        url: body.url,
        events: body.events,
        description: body.description,
        metadata: body.metadata,
        rate_limit_per_second: body.rate_limit_per_second,
        disabled: body.status === undefined ? undefined : body.status === 'disabled',
        updated_at: new Date(),
      });
      if (!updated) throw new HttpError(404, 'not_found', `No subscription ${params.id}`);
      // Re-enabling makes its queued deliveries claimable again.
      if (body.status === 'active') ctx.wakeWorker();
      return { status: 200, body: presentSubscription(updated) };
    },

    async deleteSubscription({ params }) {
      if (!(await outbound.deleteSubscription(params.id, new Date()))) throw new HttpError(404, 'not_found', `No subscription ${params.id}`);
      return { status: 204, body: undefined };
    },

    async rotateSubscriptionSecret({ params, body }) {
      const sub = await found(params.id);
      if (body?.secret !== undefined) checkSecret(body.secret);
      // Rotating to the current secret would only retire nothing and take a signing slot.
      if (sub.secrets.some((s) => s.expires_at === null && s.secret === body?.secret)) {
        throw new HttpError(422, 'secret_unchanged', 'The given secret is already the current one; give another secret or none to have one generated.');
      }
      const now = new Date();
      const next = body?.secret ?? generateSecret();
      const secrets = rotateSecrets(sub.secrets, next, now, ctx.config.outbound.secretGraceMs);
      await outbound.setSubscriptionSecrets(sub.id, secrets, now);
      return {
        status: 200,
        body: { secret: next, previous_secret_expires_at: new Date(now.getTime() + ctx.config.outbound.secretGraceMs).toISOString() },
      };
    },

    async testSubscription({ params }) {
      const sub = await found(params.id);
      if (sub.status !== 'active') {
        throw new HttpError(409, 'subscription_disabled', `Subscription ${sub.id} is disabled (${sub.disabled_reason}); re-enable it first`);
      }
      const event = await ctx.publisher.publishTo(sub.id, 'ping', { message: `Test event for ${sub.id}` });
      return { status: 202, body: event };
    },

    async recoverSubscription({ params, body }) {
      const since = parseInstant('since', body.since);
      const sub = await found(params.id);
      // As a single retry is refused: queued for a disabled subscription, they would wait unseen until it is re-enabled.
      if (sub.status !== 'active') {
        throw new HttpError(409, 'subscription_disabled', `Subscription ${sub.id} is disabled (${sub.disabled_reason}); re-enable it first`);
      }
      const queued = await outbound.requeueFailedSince(sub.id, since, new Date());
      if (queued > 0) ctx.wakeWorker();
      return { status: 202, body: { queued } };
    },
  };
}
