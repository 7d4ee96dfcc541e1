import type { NewInboundDelivery } from '../../src/store/inbound-store.js';

let seq = 0;
/** A verified delivery as the receivers hand it to the store; ids increase so "newest first" is checkable. */
export function inboundDelivery(overrides: Partial<NewInboundDelivery> = {}): NewInboundDelivery {
  seq++;
  return {
    id: `in_${String(Date.now()).padStart(14, '0')}${String(seq).padStart(6, '0')}`,
    provider: 'github',
    receiver: 'receiveGithubWebhook',
    deliveryId: `gh-${seq}-${Math.random().toString(36).slice(2)}`,
    eventType: 'push',
    catalogType: 'github.push',
    headers: { 'x-github-event': 'push', 'content-type': 'application/json' },
    body: Buffer.from(`{"n":${seq},"bytes":"\u00e9\u0000"}`),
    source: '127.0.0.1',
    secretIndex: 0,
    validationOk: true,
    validationErrors: [],
    status: 'received',
    receivedAt: new Date(1_700_000_000_000 + seq).toISOString(),
    nextAttemptAt: 1_000,
    ...overrides,
  };
}
