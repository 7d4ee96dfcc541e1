import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors/http-error.js';
import { catalogValidator } from '../../src/outbound/catalog-validator.js';
import { OutboxPublisher } from '../../src/outbound/publish.js';
import type { Store } from '../../src/store/store.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';

// A real push payload: it passes the catalog's github.push schema, so only the idempotency decides.
const push = JSON.parse(readFileSync(new URL('../fixtures/payloads/github-push.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('OutboxPublisher idempotency', () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  function publisher(): OutboxPublisher {
    store = openSqliteStore(':memory:');
    return new OutboxPublisher({ store: store.outbound, validator: catalogValidator(), idempotencyTtlMs: 60_000 });
  }

  it('a key-only publish (a received delivery forwarded again) is answered with its first event, whatever the body', async () => {
    const p = publisher();
    const first = await p.publish('github.push', push, { idempotencyKey: 'inbound:in_1', keyOnly: true });
    const changed = { ...push, ref: 'refs/heads/other' };
    const again = await p.publish('github.push', changed, { idempotencyKey: 'inbound:in_1', keyOnly: true });
    expect(again).toEqual(first);
    expect((await store!.outbound.listEvents({ limit: 10 })).map((e) => e.id)).toEqual([first.id]);
    // The same change under a key that names a body is a conflict: key-only is what lets the first one through.
    await p.publish('github.push', push, { idempotencyKey: 'order-1' });
    await expect(p.publish('github.push', changed, { idempotencyKey: 'order-1' })).rejects.toMatchObject({ status: 409 } satisfies Partial<HttpError>);
  });

  it('a key stored with a body hash (an earlier version) is still replayed by a key-only retry of the same delivery', async () => {
    const p = publisher();
    const first = await p.publish('github.push', push, { idempotencyKey: 'inbound:in_2' });
    const retried = await p.publish('github.push', push, { idempotencyKey: 'inbound:in_2', keyOnly: true });
    expect(retried).toEqual(first);
  });
});
