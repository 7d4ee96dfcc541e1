import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_BUDGET_WINDOW_MS, AuditBudget, MAX_AUDIT_BUDGETS, type Suppressed } from '../../src/inbound/audit-budget.js';
import { auditedHeaderNames, MAX_AUDITED_HEADER_NAME_LENGTH, MAX_AUDITED_HEADER_NAMES } from '../../src/inbound/audited-header-names.js';
import { AUDIT_SUPPRESSED, RefusalAudit } from '../../src/inbound/refusal-audit.js';
import type { InboundRefusal } from '../../src/store/inbound-store.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

let now = 1_800_000_000_000;
const refusal = (source: string, status = 405, reason = status === 401 ? 'invalid_signature' : 'method_not_allowed'): InboundRefusal => ({
  at: new Date(now).toISOString(), source, receiver: 'receiveGithubWebhook', status, reason, detail: null, headerNames: ['host', 'content-type'], bodySize: null,
});

// [name, { given, want }]
const headerTable: [string, { given: string[]; want: string[] }][] = [
  ['a real request: unchanged', { given: ['host', 'content-type', 'x-hub-signature-256'], want: ['host', 'content-type', 'x-hub-signature-256'] }],
  ['no headers', { given: [], want: [] }],
  ['a name of exactly the limit: unchanged', { given: ['x'.repeat(MAX_AUDITED_HEADER_NAME_LENGTH)], want: ['x'.repeat(MAX_AUDITED_HEADER_NAME_LENGTH)] }],
  ['a longer name: cut, ending in the marker', { given: ['host', 'y'.repeat(1000)], want: ['host', 'y'.repeat(MAX_AUDITED_HEADER_NAME_LENGTH - 1) + '…'] }],
  ['exactly the limit of names: all kept', { given: names(MAX_AUDITED_HEADER_NAMES), want: names(MAX_AUDITED_HEADER_NAMES) }],
  ['more names: the first ones kept, the rest counted', { given: names(1000), want: [...names(MAX_AUDITED_HEADER_NAMES), '…+950'] }],
];

function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `x-h${i}`);
}

describe('the header names a refusal row keeps', () => {
  it.each(headerTable)('%s', (_name, { given, want }) => {
    expect(auditedHeaderNames(given)).toEqual(want);
  });

  it('a row weighs a few KB at most, whatever the request sent', () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `${i}-`.padEnd(1000, 'z'));
    expect(JSON.stringify(auditedHeaderNames(huge)).length).toBeLessThan(4 * 1024);
  });
});

describe('AuditBudget', () => {
  it('keeps at most MAX_AUDIT_BUDGETS sources; the oldest goes first and hands over what it held back', () => {
    const counts: Suppressed[] = [];
    const budget = new AuditBudget(1, () => now);
    expect([budget.take(refusal('198.51.100.1'), (s) => counts.push(s)), budget.take(refusal('198.51.100.1'), (s) => counts.push(s))]).toEqual([true, false]);
    for (let i = 0; i < MAX_AUDIT_BUDGETS; i++) budget.take(refusal(`2001:db8::${i.toString(16)}`), (s) => counts.push(s));
    expect(counts).toEqual([{ source: '198.51.100.1', count: 1, last: expect.objectContaining({ source: '198.51.100.1' }) }]);
    // Forgotten, so the address starts a new budget.
    expect(budget.take(refusal('198.51.100.1'), (s) => counts.push(s))).toBe(true);
  });
});

describe('RefusalAudit over a real SQLite file', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(async () => {
    tmp = makeTempDir('hookspec-audit-');
    store = await openStore(sqliteUrl(tmp.dir));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
    tmp.cleanup();
  });

  const rows = async () => (await store.inbound.listRefusals({ limit: 10_000 })).reverse();

  it('writes a source\'s first refusals of the minute, then one counted row; other sources and signature failures are not crowded out', async () => {
    const audit = new RefusalAudit(store.inbound, 1000, 5, () => now);
    audit.record(refusal('203.0.113.7', 401));
    for (let i = 0; i < 20; i++) audit.record(refusal('203.0.113.7', i % 2 ? 415 : 405, i % 2 ? 'unsupported_media_type' : 'method_not_allowed'));
    audit.record(refusal('203.0.113.7', 401));
    audit.record(refusal('198.51.100.9', 401));
    await audit.flush();
    const written = await rows();
    expect(written.filter((r) => r.source === '203.0.113.7' && r.reason !== AUDIT_SUPPRESSED)).toHaveLength(7);
    expect(written.filter((r) => r.reason === 'invalid_signature').map((r) => r.source)).toEqual(['203.0.113.7', '203.0.113.7', '198.51.100.9']);
    expect(written.filter((r) => r.reason === AUDIT_SUPPRESSED)).toEqual([
      expect.objectContaining({ source: '203.0.113.7', status: 415, receiver: 'receiveGithubWebhook', bodySize: 15, headerNames: [] }),
    ]);
  });

  it('a new minute opens a new budget, and the count of the last one is written when the next refusal comes', async () => {
    const audit = new RefusalAudit(store.inbound, 1000, 2, () => now);
    for (let i = 0; i < 5; i++) audit.record(refusal('203.0.113.7'));
    now += AUDIT_BUDGET_WINDOW_MS;
    for (let i = 0; i < 3; i++) audit.record(refusal('203.0.113.7'));
    await audit.flush();
    expect((await rows()).map((r) => [r.reason, r.bodySize])).toEqual([
      ['method_not_allowed', null], ['method_not_allowed', null], [AUDIT_SUPPRESSED, 3],
      ['method_not_allowed', null], ['method_not_allowed', null], [AUDIT_SUPPRESSED, 1],
    ]);
  });

  it('a source that goes quiet gets its count written once its minute is over, without a flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const audit = new RefusalAudit(store.inbound, 1000, 1, () => now);
    for (let i = 0; i < 4; i++) audit.record(refusal('203.0.113.7'));
    await vi.advanceTimersByTimeAsync(1000);
    expect((await rows()).map((r) => r.reason)).toEqual(['method_not_allowed']);
    now += AUDIT_BUDGET_WINDOW_MS;
    await vi.advanceTimersByTimeAsync(AUDIT_BUDGET_WINDOW_MS);
    expect((await rows()).map((r) => [r.reason, r.bodySize])).toEqual([['method_not_allowed', null], [AUDIT_SUPPRESSED, 3]]);
  });

  it('stores capped header names', async () => {
    const audit = new RefusalAudit(store.inbound, 1000, 5, () => now);
    audit.record({ ...refusal('203.0.113.7'), headerNames: Array.from({ length: 15 }, (_, i) => `x-${i}-`.padEnd(1000, 'a')) });
    await audit.flush();
    const [row] = await rows();
    expect(row!.headerNames).toHaveLength(15);
    for (const name of row!.headerNames) expect(name).toMatch(new RegExp(`^x-\\d+-a+…$`));
    expect(row!.headerNames.every((n) => n.length === MAX_AUDITED_HEADER_NAME_LENGTH)).toBe(true);
  });

  it('0 per source: every refusal is written, as before', async () => {
    const audit = new RefusalAudit(store.inbound, 1000, 0, () => now);
    for (let i = 0; i < 100; i++) audit.record(refusal('203.0.113.7'));
    await audit.flush();
    expect(await rows()).toHaveLength(100);
  });
});
