import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const API_KEY = 'console-test-key';
const GITHUB_SECRET = 'console-github-secret';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');
/** The test subscriber answers paths under /slow/ this late, so a retry's attempt is still running while the page watches it. */
const SLOW_ANSWER_MS = 1_500;
/** More subscriptions than one page of the list (50) and of an event's deliveries (100). */
const BULK_SUBSCRIPTIONS = 101;
const KEY_STORAGE = 'hookspec.apiKey';

interface Page_<T> {
  data: T[];
  next_cursor: string | null;
}
interface DeliveryBody {
  id: string;
  status: string;
  attempt_count: number;
  attempts: { attempt: number }[];
}

describe('web console in headless Chromium', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;
  let subscriber: Server;
  let subscriberUrl: string;
  let answer = 500;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  let dialogAnswer: 'accept' | 'dismiss' = 'accept';

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      req.resume();
      const reply = () => res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'thanks' : 'subscriber is down');
      if (req.url?.startsWith('/slow/')) setTimeout(reply, SLOW_ANSWER_MS);
      else reply();
    });
    await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', () => r()));
    subscriberUrl = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hook`;
    tmp = makeTempDir();
    running = await startHookspec(
      loadConfig({
        DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: API_KEY, HOOKSPEC_PRUNE_INTERVAL_MS: '0',
        HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true', HOOKSPEC_RETRY_SCHEDULE_MS: '0', GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      }),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (dialogAnswer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await new Promise<void>((r) => subscriber.close(() => r()));
    tmp?.cleanup();
  });

  /** The id of the event just published, once the page shows its details (the status line says so first). */
  async function shownPublishedEvent(): Promise<string> {
    await expect.poll(() => page.textContent('#status')).toMatch(/^Published ping as evt_\w+\.$/);
    const eventId = /(evt_\w+)\.$/.exec((await page.textContent('#status'))!)![1]!;
    await page.waitForSelector(`#event-detail [data-event="${eventId}"]`);
    return eventId;
  }

  it('serves the page with a strict content security policy and asks for the key', async () => {
    const res = await page.goto(`${running.url}/console`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect.poll(() => page.textContent('#status')).toContain('Enter the API key');
  });

  it('shows a clear error for a wrong key', async () => {
    await page.fill('#api-key', 'wrong-key');
    await page.click('#key-form button[type=submit]');
    await expect.poll(() => page.textContent('#status')).toMatch(/Loading events: 401 .*Enter a valid API key/);
  });

  it('create subscription → publish event → see the failed delivery → retry → see it succeed', async () => {
    await page.fill('#api-key', API_KEY);
    await page.click('#key-form button[type=submit]');

    await page.click('.tab[data-tab="subscriptions"]');
    await page.click('#subscriptions summary');
    await page.fill('#subscription-url', subscriberUrl);
    await page.fill('#subscription-events', 'ping');
    await page.fill('#subscription-description', 'console test');
    await page.click('#subscription-form button[type=submit]');
    await expect.poll(() => page.textContent('#secret-once .secret-value')).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const row = page.locator('#subscriptions-table tbody tr', { hasText: subscriberUrl });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('active');

    await page.click('.tab[data-tab="events"]');
    await page.click('#events summary');
    await expect.poll(() => page.inputValue('#publish-type')).toBe('ping');
    await page.fill('#publish-data', JSON.stringify({ message: 'from the console' }));
    await page.click('#publish-form button[type=submit]');
    const eventId = await shownPublishedEvent();

    // The first attempt fails (500); re-open the event until it is recorded.
    const attemptRows = page.locator('#event-detail tr.attempt');
    await expect
      .poll(async () => {
        await page.click(`#events-table tr[data-id="${eventId}"] .show-event`);
        return attemptRows.count();
      }, { timeout: 10_000 })
      .toBe(1);
    expect(await attemptRows.first().locator('.attempt-status').textContent()).toBe('500');
    expect(await page.textContent('#event-detail .delivery')).toContain('subscriber is down');

    answer = 200;
    await page.click('#event-detail .delivery button.retry');
    await expect.poll(() => attemptRows.count(), { timeout: 15_000 }).toBe(2);
    expect(await attemptRows.nth(1).locator('.attempt-status').textContent()).toBe('200');
    expect(await page.textContent('#event-detail .delivery')).toContain('succeeded');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'console.png'), fullPage: true });
  });

  it('shows payloads and responses as text, never as markup', async () => {
    await page.click('.tab[data-tab="events"]');
    await page.fill('#publish-data', JSON.stringify({ message: '<img src=x onerror="window.__xss = 1">' }));
    await page.click('#publish-form button[type=submit]');
    await shownPublishedEvent();
    await page.click('#event-detail details summary');
    expect(await page.textContent('#event-detail pre')).toContain('<img src=x onerror=');
    expect(await page.locator('#event-detail img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('subscription actions: send test, rotate secret, disable, enable, recover', async () => {
    await page.click('.tab[data-tab="subscriptions"]');
    const row = page.locator('#subscriptions-table tbody tr', { hasText: subscriberUrl });
    await row.locator('button.send-test').click();
    await expect.poll(() => page.textContent('#status')).toMatch(/^Test event evt_\w+ queued for sub_/);
    const before = await page.textContent('#secret-once .secret-value');
    await row.locator('button.rotate').click();
    await expect.poll(() => page.textContent('#secret-once')).toMatch(/^New secret for sub_/);
    expect(await page.textContent('#secret-once .secret-value')).not.toBe(before);
    await row.locator('button.disable').click();
    await expect.poll(() => page.locator('#subscriptions-table tbody tr', { hasText: subscriberUrl }).textContent()).toContain('disabled');
    const disabledRow = page.locator('#subscriptions-table tbody tr', { hasText: subscriberUrl });
    // The API refuses a test or a recovery for a disabled subscription (409); the console offers neither.
    expect(await disabledRow.locator('button.recover').isDisabled()).toBe(true);
    expect(await disabledRow.locator('button.send-test').isDisabled()).toBe(true);
    await disabledRow.locator('button.enable').click();
    await expect.poll(() => page.locator('#subscriptions-table tbody tr', { hasText: subscriberUrl }).textContent()).toContain('active');
    await page.locator('#subscriptions-table tbody tr', { hasText: subscriberUrl }).locator('button.recover').click();
    await expect.poll(() => page.textContent('#status')).toMatch(/^Queued \d+ failed deliver(y|ies) of sub_/);
    await page.screenshot({ path: join(ARTIFACTS, 'console-subscriptions.png'), fullPage: true });
  });

  it('inbound log flags schema drift and replays a delivery', async () => {
    // A GitHub push whose payload misses required fields: the lenient receiver accepts it and records drift.
    const body = JSON.stringify({ ref: 'refs/heads/main', unexpected: true });
    const signature = `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`;
    const res = await fetch(`${running.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
      body,
    });
    expect(res.status, await res.text()).toBeLessThan(300);

    await page.click('.tab[data-tab="inbound"]');
    const row = page.locator('#inbound-table tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('github');
    expect(await row.locator('.badge.drift').textContent()).toMatch(/^drift \(\d+\)$/);
    await row.locator('button.show-inbound').click();
    // The list carries no bodies: the details read the whole delivery.
    await expect.poll(() => page.textContent('#inbound-detail')).toContain(`Body (${Buffer.byteLength(body)} bytes)`);
    expect(await page.textContent('#inbound-detail')).toContain('Schema drift');
    await row.locator('button.replay').click();
    await expect.poll(() => page.textContent('#status')).toMatch(/^in_\w+ queued for processing again/);
    await page.screenshot({ path: join(ARTIFACTS, 'console-inbound.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('refusals tab lists a bad signature and filters by reason', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const signature = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
    const res = await fetch(`${running.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
      body,
    });
    expect(res.status, await res.text()).toBe(401);

    await page.click('.tab[data-tab="refusals"]');
    const row = page.locator('#refusals-table tbody tr').first();
    // The audit is written in batches, so refresh until the refusal is there.
    await expect
      .poll(async () => {
        await page.click('#refusals-refresh');
        return page.textContent('#refusals-table tbody');
      }, { timeout: 10_000 })
      .toContain('invalid_signature');
    expect(await row.locator('.refusal-reason').textContent()).toBe('invalid_signature');
    expect(await row.locator('.refusal-source').textContent()).toBe('127.0.0.1');
    expect(await row.locator('.refusal-receiver').textContent()).toBe('receiveGithubWebhook');
    expect(await row.locator('.refusal-status').textContent()).toBe('401');
    expect(await row.locator('.refusal-size').textContent()).toBe(String(Buffer.byteLength(body)));
    await row.locator('details summary').click();
    expect(await row.locator('.header-names').textContent()).toContain('x-hub-signature-256');

    await page.fill('#refusals-source', '127.0.0.1');
    await page.fill('#refusals-reason', 'invalid_signature');
    await page.click('#refusals-filter button[type=submit]');
    await expect.poll(() => row.locator('.refusal-reason').textContent()).toBe('invalid_signature');
    await page.screenshot({ path: join(ARTIFACTS, 'console-refusals.png'), fullPage: true });

    await page.fill('#refusals-reason', 'no_such_reason');
    await page.click('#refusals-filter button[type=submit]');
    await expect.poll(() => page.textContent('#refusals-table tbody')).toBe('No refusals match this filter.');
    expect(await page.isHidden('#refusals-more')).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  // ---- Fixes from the console audit. Each test below fails on the console as it was before them. ----

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    expect(res.ok, `${method} ${path}: ${res.status} ${text}`).toBe(true);
    return JSON.parse(text) as T;
  }

  /** Every item of a list endpoint, following `next_cursor`. */
  async function listAll<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page_<T> = await api('GET', `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  }

  const subscriberOrigin = () => new URL(subscriberUrl).origin;
  const rowIds = (tableId: string) => page.locator(`#${tableId} tbody tr[data-id]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  const statusText = async () => (await page.textContent('#status')) ?? '';
  const shownEvent = async () => {
    const detail = page.locator('#event-detail [data-event]');
    return (await detail.count()) > 0 ? detail.getAttribute('data-event') : null;
  };
  const postsTo = (pathname: string, into: Request[]) => (req: Request) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === pathname) into.push(req);
  };

  async function useKey(key: string): Promise<void> {
    await page.fill('#api-key', key);
    await page.click('#key-form button[type=submit]');
  }

  let bulkCreated = false;
  /** Enough subscriptions to need a second page, all listening to order.created only. */
  async function bulkSubscriptions(): Promise<void> {
    if (bulkCreated) return;
    for (let i = 0; i < BULK_SUBSCRIPTIONS; i++) {
      await api('POST', '/v1/subscriptions', { url: `${subscriberOrigin()}/bulk/${i}`, events: ['order.created'] });
    }
    bulkCreated = true;
  }

  async function exampleData(type: string): Promise<unknown> {
    return (await api<{ example?: { data?: unknown } }>('GET', `/v1/event-types/${type}`)).example?.data ?? {};
  }

  let slowSubscription: string | undefined;
  /** An event whose one delivery goes to the slow path, once its first attempt is recorded. */
  async function eventWithSlowDelivery(): Promise<{ eventId: string; deliveryId: string }> {
    // A type no other subscription of this file listens to (system types such as subscription.disabled cannot be published).
    slowSubscription ??= (await api<{ id: string }>('POST', '/v1/subscriptions', { url: `${subscriberOrigin()}/slow/retry`, events: ['stripe.charge.failed'] })).id;
    const event = await api<{ id: string }>('POST', '/v1/events', { type: 'stripe.charge.failed', data: await exampleData('stripe.charge.failed') });
    const delivery = await attemptsReach(event.id, 1);
    return { eventId: event.id, deliveryId: delivery.id };
  }

  /** Waits until the event's delivery to the slow subscription has `count` attempts recorded. */
  async function attemptsReach(eventId: string, count: number): Promise<DeliveryBody> {
    let found: DeliveryBody | undefined;
    await expect
      .poll(async () => {
        found = (await listAll<DeliveryBody & { subscription_id: string }>(`/v1/events/${eventId}/deliveries`)).find((d) => d.subscription_id === slowSubscription);
        return found?.attempts.length ?? 0;
      }, { timeout: 10_000 })
      .toBe(count);
    return found!;
  }

  async function openEvent(eventId: string): Promise<void> {
    await page.click('#events-refresh');
    await page.click(`#events-table tr[data-id="${eventId}"] .show-event`);
    await page.waitForSelector(`#event-detail [data-event="${eventId}"]`);
  }

  it('a hash that names no tab (#toString, #__proto__) opens the events tab, not a blank page', async () => {
    for (const hash of ['toString', '__proto__']) {
      await page.goto('about:blank');
      await page.goto(`${running.url}/console#${hash}`);
      await expect.poll(() => page.isVisible('#events')).toBe(true);
      await expect.poll(() => page.locator('#events-table tbody tr[data-id]').count()).toBeGreaterThan(0);
    }
    expect(pageErrors).toEqual([]);
  });

  it('a double click on Publish publishes once, each submission under its own Idempotency-Key', async () => {
    const posts: Request[] = [];
    const onRequest = postsTo('/v1/events', posts);
    page.on('request', onRequest);
    await page.click('.tab[data-tab="events"]');
    await page.click('#events summary');
    await expect.poll(() => page.inputValue('#publish-type')).toBe('ping');
    await page.fill('#publish-data', JSON.stringify({ message: 'double click' }));
    await page.dblclick('#publish-form button[type=submit]');
    await expect.poll(statusText).toMatch(/^Published ping as evt_/);
    await expect.poll(() => page.isEnabled('#publish-form button[type=submit]')).toBe(true);
    const published = (await listAll<{ data: { message?: string } }>('/v1/events')).filter((e) => e.data.message === 'double click');
    expect(posts).toHaveLength(1);
    expect(published).toHaveLength(1);

    await page.click('#publish-form button[type=submit]');
    await expect.poll(() => posts.length).toBe(2);
    page.off('request', onRequest);
    const keys = posts.map((r) => r.headers()['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('a double click on Create makes one subscription', async () => {
    const posts: Request[] = [];
    const onRequest = postsTo('/v1/subscriptions', posts);
    page.on('request', onRequest);
    const url = `${subscriberOrigin()}/double`;
    await page.click('.tab[data-tab="subscriptions"]');
    await page.click('#subscriptions summary');
    await page.fill('#subscription-url', url);
    await page.fill('#subscription-events', 'ping');
    await page.dblclick('#subscription-form button[type=submit]');
    await expect.poll(statusText).toMatch(/^Created sub_/);
    await expect.poll(() => page.isEnabled('#subscription-form button[type=submit]')).toBe(true);
    page.off('request', onRequest);
    expect(posts).toHaveLength(1);
    expect((await listAll<{ url: string }>('/v1/subscriptions')).filter((s) => s.url === url)).toHaveLength(1);
  });

  it('a double click on More appends the next page once', async () => {
    await bulkSubscriptions();
    const pageRequests: Request[] = [];
    const onRequest = (req: Request) => {
      if (req.url().includes('/v1/subscriptions?') && req.url().includes('cursor=')) pageRequests.push(req);
    };
    await page.click('#subscriptions-refresh');
    await expect.poll(async () => (await rowIds('subscriptions-table')).length).toBe(50);
    page.on('request', onRequest);
    await page.dblclick('#subscriptions-more');
    await expect.poll(async () => (await rowIds('subscriptions-table')).length).toBeGreaterThanOrEqual(100);
    await expect.poll(() => page.isEnabled('#subscriptions-more')).toBe(true);
    page.off('request', onRequest);
    const ids = await rowIds('subscriptions-table');
    expect(pageRequests).toHaveLength(1);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
  });

  it('a More answer that arrives after a Refresh is dropped, not appended to the fresh list', async () => {
    await page.click('#subscriptions-refresh');
    await expect.poll(async () => (await rowIds('subscriptions-table')).length).toBe(50);
    await page.route('**/v1/subscriptions?*cursor=*', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    const lateMore = page.waitForResponse((res) => res.url().includes('/v1/subscriptions?') && res.url().includes('cursor='));
    await page.click('#subscriptions-more');
    await page.click('#subscriptions-refresh');
    await lateMore;
    // Give the page the moment it needs to handle the late answer.
    await page.waitForTimeout(300);
    await page.unrouteAll({ behavior: 'wait' });
    const ids = await rowIds('subscriptions-table');
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(await page.isVisible('#subscriptions-more')).toBe(true);
  });

  it('a later success clears an old error from the status line', async () => {
    await page.route('**/v1/subscriptions?*', (route) => route.abort('connectionrefused'));
    await page.click('#subscriptions-refresh');
    await expect.poll(statusText).toMatch(/^Loading subscriptions: the server did not answer/);
    expect(await page.getAttribute('#status', 'class')).toContain('error');
    await page.unrouteAll({ behavior: 'wait' });
    await page.click('#subscriptions-refresh');
    await expect.poll(statusText).toBe('');
    expect(await page.getAttribute('#status', 'class')).not.toContain('error');
  });

  it("an HTML 502 from a proxy says what it was, not just the code", async () => {
    await page.route('**/v1/subscriptions?*', (route) =>
      route.fulfill({
        status: 502,
        contentType: 'text/html',
        body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      }),
    );
    await page.click('#subscriptions-refresh');
    await expect.poll(statusText).toMatch(/^Loading subscriptions: 502 \S/);
    expect(await statusText()).toContain('Bad Gateway');
    expect(await statusText()).not.toContain('<');
    await page.unrouteAll({ behavior: 'wait' });
    await page.click('#subscriptions-refresh');
    await expect.poll(statusText).toBe('');
  });

  it('a failed row action leaves no unhandled promise rejection', async () => {
    pageErrors.length = 0;
    await page.route('**/v1/subscriptions/*/test', (route) => route.abort('connectionrefused'));
    await page.locator('#subscriptions-table tbody tr[data-id]').first().locator('button.send-test').click();
    await expect.poll(statusText).toMatch(/^Sending a test event: the server did not answer/);
    await page.unrouteAll({ behavior: 'wait' });
    await page.waitForTimeout(300);
    expect(pageErrors).toEqual([]);
  });

  it('asks before Rotate secret, Disable, Recover, Replay and Retry, naming the id, and does nothing when declined', async () => {
    dialogs.length = 0;
    dialogAnswer = 'dismiss';
    try {
      const row = page.locator('#subscriptions-table tbody tr[data-id]').first();
      const subscriptionId = (await row.getAttribute('data-id'))!;
      const secretBefore = await page.textContent('#secret-once');
      for (const button of ['button.rotate', 'button.disable', 'button.recover']) {
        const before = dialogs.length;
        await row.locator(button).click();
        await expect.poll(() => dialogs.length).toBe(before + 1);
        expect(dialogs.at(-1)).toContain(subscriptionId);
      }
      expect(await page.textContent('#secret-once')).toBe(secretBefore);
      expect((await api<{ status: string }>('GET', `/v1/subscriptions/${subscriptionId}`)).status).toBe('active');

      await page.click('.tab[data-tab="inbound"]');
      const inbound = page.locator('#inbound-table tbody tr[data-id]').first();
      const inboundId = (await inbound.getAttribute('data-id'))!;
      await inbound.locator('button.replay').click();
      await expect.poll(() => dialogs.at(-1)).toContain(inboundId);

      // The "double" subscription (active) listens to ping.
      const event = await api<{ id: string }>('POST', '/v1/events', { type: 'ping', data: { message: 'confirm the retry' } });
      await page.click('.tab[data-tab="events"]');
      await openEvent(event.id);
      const delivery = page.locator('#event-detail .delivery').first();
      const deliveryId = (await delivery.getAttribute('data-delivery'))!;
      await delivery.locator('button.retry').click();
      await expect.poll(() => dialogs.at(-1)).toContain(deliveryId);
      expect(await statusText()).not.toMatch(/queued/);
      expect(dialogs).toHaveLength(5);
    } finally {
      dialogAnswer = 'accept';
    }
  });

  it('a 2048-character subscription URL wraps instead of widening the page', async () => {
    const prefix = `${subscriberOrigin()}/long?pad=`;
    const created = await api<{ id: string }>('POST', '/v1/subscriptions', { url: `${prefix}${'a'.repeat(2048 - prefix.length)}`, events: ['ping'] });
    await page.click('.tab[data-tab="subscriptions"]');
    await page.click('#subscriptions-refresh');
    await page.waitForSelector(`#subscriptions-table tr[data-id="${created.id}"]`);
    const widths = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return { page: document.documentElement.scrollWidth, viewport: innerWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  });

  it('an event with more than 100 deliveries shows them all, a page at a time', async () => {
    await bulkSubscriptions();
    const event = await api<{ id: string }>('POST', '/v1/events', { type: 'order.created', data: await exampleData('order.created') });
    const total = (await listAll(`/v1/events/${event.id}/deliveries`)).length;
    expect(total).toBeGreaterThan(100);
    await page.click('.tab[data-tab="events"]');
    await openEvent(event.id);
    await expect.poll(() => page.locator('#event-detail .delivery').count()).toBe(100);
    await page.click('#event-detail button.deliveries-more');
    await expect.poll(() => page.locator('#event-detail .delivery').count()).toBe(total);
    expect(await page.isHidden('#event-detail button.deliveries-more')).toBe(true);
  });

  it('after Retry, an event the operator opened meanwhile stays on screen', async () => {
    answer = 200;
    const retried = await eventWithSlowDelivery();
    const other = await api<{ id: string }>('POST', '/v1/events', { type: 'ping', data: { message: 'opened while a retry runs' } });
    await openEvent(retried.eventId);
    await page.click(`#event-detail [data-delivery="${retried.deliveryId}"] button.retry`);
    await expect.poll(statusText).toBe(`Retry of ${retried.deliveryId} queued.`);
    await openEvent(other.id);
    // Until the retry's attempt is reported, or the page has jumped back to the retried event.
    await expect.poll(async () => /attempt #/.test(await statusText()) || (await shownEvent()) === retried.eventId, { timeout: 10_000 }).toBe(true);
    expect(await shownEvent()).toBe(other.id);
    expect(await statusText()).toBe(`Retry of ${retried.deliveryId}: attempt #2 succeeded.`);
  });

  it("after Retry, the page waits for the retry's own attempt, not one that ended after the page was drawn", async () => {
    const { eventId, deliveryId } = await eventWithSlowDelivery();
    await openEvent(eventId);
    const attemptRows = page.locator(`#event-detail [data-delivery="${deliveryId}"] tr.attempt`);
    expect(await attemptRows.count()).toBe(1);
    // A second attempt runs and ends while the page still shows one.
    await api('POST', `/v1/deliveries/${deliveryId}/retry`);
    await attemptsReach(eventId, 2);
    // The page may look before the worker picks the retry up: answer as the server does then.
    await page.route(`**/v1/deliveries/${deliveryId}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as DeliveryBody;
      await route.fulfill({ response, json: { ...body, status: body.status === 'delivering' ? 'pending' : body.status } });
    });
    try {
      await page.click(`#event-detail [data-delivery="${deliveryId}"] button.retry`);
      await expect.poll(() => attemptRows.count(), { timeout: 10_000 }).toBe(3);
      expect(await statusText()).toBe(`Retry of ${deliveryId}: attempt #3 succeeded.`);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  it('asks the server every time, not the browser cache', async () => {
    const fresh = await browser.newPage();
    try {
      const lists: Request[] = [];
      fresh.on('request', (req) => {
        if (req.url().includes('/v1/subscriptions?')) lists.push(req);
      });
      await fresh.goto(`${running.url}/console#subscriptions`);
      await fresh.fill('#api-key', API_KEY);
      await fresh.click('#key-form button[type=submit]');
      await expect.poll(() => fresh.locator('#subscriptions-table tbody tr[data-id]').count()).toBeGreaterThan(0);
      const second = fresh.waitForResponse((res) => res.url().includes('/v1/subscriptions?'));
      await fresh.click('#subscriptions-refresh');
      await second;
      const headers = await Promise.all(lists.map((req) => req.allHeaders()));
      expect(headers).toHaveLength(2);
      expect(headers.map((h) => h['if-none-match'])).toEqual([undefined, undefined]);
    } finally {
      await fresh.close();
    }
  });

  it('Forget takes every piece of data off the page, a secret shown once included', async () => {
    await page.click('.tab[data-tab="events"]');
    await page.locator('#events-table tbody tr[data-id] .show-event').first().click();
    await page.waitForSelector('#event-detail .detail');
    await page.click('.tab[data-tab="inbound"]');
    await page.locator('#inbound-table tbody tr[data-id] .show-inbound').first().click();
    await page.waitForSelector('#inbound-detail .detail');
    await page.click('.tab[data-tab="subscriptions"]');
    await page.locator('#subscriptions-table tbody tr[data-id]').first().locator('button.rotate').click();
    await expect.poll(() => page.isVisible('#secret-once .secret-value')).toBe(true);

    await page.click('#forget-key');
    await expect.poll(statusText).toBe('Key forgotten.');
    expect(await page.locator('main tbody tr').count()).toBe(0);
    expect(await page.isHidden('#secret-once')).toBe(true);
    expect(await page.textContent('#secret-once')).toBe('');
    expect(await page.textContent('#event-detail')).toBe('');
    expect(await page.textContent('#inbound-detail')).toBe('');
    for (const more of ['events-more', 'subscriptions-more', 'inbound-more', 'refusals-more']) expect(await page.isHidden(`#${more}`)).toBe(true);
    await useKey(API_KEY);
    await expect.poll(() => page.locator('#subscriptions-table tbody tr[data-id]').count()).toBeGreaterThan(0);
  });

  it('a refused key (401) takes the data off the page too, with one full stop before the hint', async () => {
    await page.locator('#subscriptions-table tbody tr[data-id]').first().locator('button.rotate').click();
    await expect.poll(() => page.isVisible('#secret-once .secret-value')).toBe(true);
    await useKey('wrong-key');
    await expect.poll(statusText).toBe('Loading subscriptions: 401 The API key is wrong. Enter a valid API key above.');
    expect(await page.locator('main tbody tr').count()).toBe(0);
    expect(await page.isHidden('#secret-once')).toBe(true);
    await useKey(API_KEY);
    await expect.poll(() => page.locator('#subscriptions-table tbody tr[data-id]').count()).toBeGreaterThan(0);
  });

  it('a key with an invisible character is refused with a reason and not stored', async () => {
    await useKey(`${API_KEY}\u200b`);
    await expect.poll(statusText).toMatch(/invisible .*not saved/);
    const stored = await page.evaluate((name) => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem(name), KEY_STORAGE);
    expect(stored).toBe(API_KEY);
    expect(pageErrors).toEqual([]);
  });
});
