import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor } from '../../src/server/docs-headers.js';
import { API_KEY, startServer, type TestServer } from '../api/support.js';

const CHROMIUM = '/usr/bin/chromium';
const DOCS_HTML = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'index.html'), 'utf8');

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.close();
});

const withKey = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };

describe('/v1 answers are never cached and never sniffed', () => {
  it.each([
    ['a 401 without the key', async () => fetch(`${s.url}/v1/subscriptions`)],
    ['a list', async () => fetch(`${s.url}/v1/subscriptions`, { headers: withKey })],
    ['a new subscription with its secret', async () => newSubscription()],
    ['a rotated secret', async () => {
      const { id } = (await (await newSubscription()).json()) as { id: string };
      return fetch(`${s.url}/v1/subscriptions/${id}/rotate-secret`, { method: 'POST', headers: withKey, body: '{}' });
    }],
    ['a 404 under /v1', async () => fetch(`${s.url}/v1/nothing-here`, { headers: withKey })],
  ])('%s', async (_name, request) => {
    const res = await request();
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  const newSubscription = () =>
    fetch(`${s.url}/v1/subscriptions`, { method: 'POST', headers: withKey, body: JSON.stringify({ url: 'https://hooks.example.org/h', events: ['*'] }) });
});

describe('/docs', () => {
  it('is served with a CSP that runs only its own inline scripts, reaches no other host and cannot be framed', async () => {
    const res = await fetch(`${s.url}/docs`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).not.toContain('https:');
    const scripts = directives.get('script-src') ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((source) => source.startsWith("'sha256-"))).toBe(true);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('hashes each script element as the HTML parser ends it, not at a </script> escaped inside the code', () => {
    const html = '<script>a()</script><p></p><script type="module">b("<script><\\/script>")</script>';
    const scriptSrc = /script-src ([^;]*)/.exec(headersFor(html)['content-security-policy']!)![1]!.split(' ');
    expect(scriptSrc).toEqual([
      "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='", // a()
      "'sha256-KwKNVxhv7IXCtsisaEzcExZzEf7Pk4Ge59U/xC4hy8k='", // b("<script><\/script>")
    ]);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in Chromium under that CSP, blocking only eval and images from other hosts', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (v: string) => void violations.push(v));
      // A string, not a function: this file is compiled without the DOM's types.
      await page.addInitScript({
        content: "document.addEventListener('securitypolicyviolation', (e) => reportViolation(e.violatedDirective + ' ' + e.blockedURI))",
      });
      await page.goto(`${s.url}/docs`);
      // The page comes pre-rendered: only its script opens a group of the navigation.
      await page.getByText('Subscriptions', { exact: true }).first().click({ timeout: 15_000 });
      await page.getByText('Rotate the signing secret').first().waitFor({ timeout: 15_000 });
      // Redoc probes for eval (its search then runs without a worker) and loads its logo from a CDN; nothing else is refused.
      expect(violations.filter((v) => v !== 'script-src eval' && !/^img-src https:\/\//.test(v))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});

it('the committed docs page has inline scripts, each hashed in the policy', () => {
  const csp = headersFor(DOCS_HTML)['content-security-policy']!;
  expect((csp.match(/'sha256-/g) ?? []).length).toBe((DOCS_HTML.match(/<\/script>/g) ?? []).length);
});
