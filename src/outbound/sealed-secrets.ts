import { SealedSecretError, type SecretSealer } from '../crypto/secret-sealer.js';
import { logger } from '../observability/logger.js';
import type { ClaimedDelivery, OutboundStore, SubscriptionSecret } from '../store/outbound-store.js';

/**
 * The outbound store with signing secrets sealed at rest: every secret written is sealed, every one read is opened,
 * so neither the API nor the worker sees the difference. The methods that carry no secret pass through as they are.
 */
export function withSealedSecrets(store: OutboundStore, sealer: SecretSealer): OutboundStore {
  const seal = (id: string, secrets: SubscriptionSecret[]) => secrets.map((s) => ({ ...s, secret: sealer.seal(s.secret, id) }));
  const open = <T extends { id: string; secrets: SubscriptionSecret[] }>(sub: T): T => ({
    ...sub,
    secrets: sub.secrets.map((s) => ({ ...s, secret: sealer.open(s.secret, sub.id) })),
  });
  /**
   * Claims whose secrets open, each alone: one that cannot (written since the start by an instance with another key)
   * is left leased until its lease runs out, and logged, instead of failing every other delivery of the claim.
   */
  const openClaims = (claims: ClaimedDelivery[]): ClaimedDelivery[] =>
    claims.flatMap((claim) => {
      try {
        return [{ ...claim, subscription: open(claim.subscription) }];
      } catch (err) {
        if (!(err instanceof SealedSecretError)) throw err;
        logger.error({ delivery: claim.id, subscription: claim.subscription.id, err: err.message }, 'cannot open a signing secret; the delivery waits');
        return [];
      }
    });
  const openMaybe = <T extends { id: string; secrets: SubscriptionSecret[] }>(sub: T | undefined) => sub && open(sub);
  // Every method is listed (none spread in): a method added to OutboundStore fails to compile here until someone
  // decides whether it carries secrets.
  return {
    deleteSubscription: (id, at) => store.deleteSubscription(id, at),
    disableSubscription: (id, reason, at) => store.disableSubscription(id, reason, at),
    findStaleSubscriptions: (known, limit) => store.findStaleSubscriptions(known, limit),
    rewriteSecrets: (rewrite) => store.rewriteSecrets(rewrite),
    getEvent: (id) => store.getEvent(id),
    listEvents: (query) => store.listEvents(query),
    getDelivery: (id) => store.getDelivery(id),
    listDeliveriesForEvent: (eventId) => store.listDeliveriesForEvent(eventId),
    listAttempts: (ids) => store.listAttempts(ids),
    requeueDelivery: (id, at) => store.requeueDelivery(id, at),
    requeueFailedSince: (subscriptionId, since, at) => store.requeueFailedSince(subscriptionId, since, at),
    recordOutcomes: (outcomes) => store.recordOutcomes(outcomes),
    releaseClaims: (owner, ids, now, options) => store.releaseClaims(owner, ids, now, options),
    sweepExpiredLeases: (now) => store.sweepExpiredLeases(now),
    purgeIdempotencyKeys: (now) => store.purgeIdempotencyKeys(now),
    heartbeat: (owner, seenAt, liveWindowMs) => store.heartbeat(owner, seenAt, liveWindowMs),
    createSubscription: async (input) => open(await store.createSubscription({ ...input, secret: sealer.seal(input.secret, input.id) })),
    getSubscription: async (id) => openMaybe(await store.getSubscription(id)),
    listSubscriptions: async (page) => (await store.listSubscriptions(page)).map(open),
    updateSubscription: async (id, patch) => openMaybe(await store.updateSubscription(id, patch)),
    setSubscriptionSecrets: async (id, secrets, at) => openMaybe(await store.setSubscriptionSecrets(id, seal(id, secrets), at)),
    claimDue: async (input) => openClaims(await store.claimDue(input)),
    // A publish may lease its deliveries at once (`NewEvent.lease`): those carry secrets too.
    insertEvent: async (input) => {
      const result = await store.insertEvent(input);
      return result.kind === 'created' && result.leased ? { ...result, leased: openClaims(result.leased) } : result;
    },
  };
}

/**
 * Seals every stored secret that is plain or sealed under an older key with the current key, at start. It opens each
 * one first, so a secret this process could not open later (a key missing from HOOKSPEC_SECRETS_KEY) stops the
 * start instead of failing deliveries. Without a key it only checks that nothing is sealed. Resolves with how many
 * subscriptions changed.
 */
export function resealSecrets(store: OutboundStore, sealer: SecretSealer): Promise<number> {
  return store.rewriteSecrets((id, secrets) => {
    const opened = secrets.map((s) => sealer.open(s.secret, id));
    if (!secrets.some((s) => sealer.stale(s.secret))) return undefined;
    return secrets.map((s, i) => ({ ...s, secret: sealer.seal(opened[i]!, id) }));
  });
}
