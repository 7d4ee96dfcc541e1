import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const API_KEY = 'console-test-key';
const GITHUB_SECRET = 'console-github-secret';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

describe('web console in headless Chromium', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;
  let subscriber: Server;
  let subscriberUrl: string;
  let answer = 500;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      req.resume();
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'thanks' : 'subscriber is down');
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
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await new Promise<void>((r) => subscriber.close(() => r()));
    tmp?.cleanup();
  });

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
    await expect.poll(() => page.textContent('#status')).toMatch(/^Published ping as evt_/);
    const eventId = (await page.getAttribute('#event-detail [data-event]', 'data-event'))!;

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
    await expect.poll(() => page.textContent('#status')).toMatch(/^Published ping as evt_/);
    await page.click('#event-detail details summary');
    expect(await page.textContent('#event-detail pre')).toContain('<img src=x onerror=');
    expect(await page.locator('#event-detail img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('subscription actions: send test, rotate secret, disable', async () => {
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
});
