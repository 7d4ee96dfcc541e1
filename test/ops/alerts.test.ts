import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

const ALERTS_FILE = join(import.meta.dirname, '..', '..', 'deploy', 'alerts.yml');

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const document = parse(readFileSync(ALERTS_FILE, 'utf8')) as { groups: { name: string; rules: Rule[] }[] };
const rules = document.groups.flatMap((g) => g.rules);

/** Metric names an expression reads. */
function metricsIn(expr: string): string[] {
  return [...new Set([...expr.matchAll(/\bhookspec_[a-z0-9_]+\b/g)].map((m) => m[0]))];
}

/** Histograms and summaries expose `_bucket`, `_sum`, `_count` series under their registered name. */
function registeredName(name: string, registered: Map<string, string>): string | undefined {
  if (registered.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return ['histogram', 'summary'].includes(registered.get(base) ?? '') ? base : undefined;
}

/** `make unit` unpacks Debian's promtool into .tools/bin (scripts/install-promtool.sh); else whatever is on PATH. */
const LOCAL_PROMTOOL = join(import.meta.dirname, '..', '..', '.tools', 'bin', 'promtool');
const PROMTOOL = existsSync(LOCAL_PROMTOOL) ? LOCAL_PROMTOOL : 'promtool';

function hasPromtool(): boolean {
  try {
    execFileSync(PROMTOOL, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Skipped only on a developer's machine without promtool; in CI a missing promtool fails instead of passing silently. */
const skipPromtool = !hasPromtool() && !process.env.CI;

describe('deploy/alerts.yml', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;
  /** name → type, from the `# TYPE` lines the running server exposes. */
  const registered = new Map<string, string>();

  beforeAll(async () => {
    tmp = makeTempDir();
    running = await startHookspec(loadConfig({ DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: 'k', HOOKSPEC_PRUNE_INTERVAL_MS: '0' }));
    const text = await (await fetch(`${running.url}/metrics`)).text();
    for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) registered.set(name!, type!);
  });

  afterAll(async () => {
    await running?.close();
    tmp?.cleanup();
  });

  it('covers the four conditions the issue names', () => {
    const exprs = rules.map((r) => r.expr).join('\n');
    expect(exprs).toMatch(/hookspec_outbound_attempts_total\{outcome="succeeded"\}/); // falling success rate
    expect(exprs).toMatch(/hookspec_outbound_oldest_due_age_seconds/); // growing queue age
    expect(exprs).toMatch(/hookspec_inbound_requests_total\{outcome=~"invalid_signature/); // bad signature spike
    expect(exprs).toMatch(/hookspec_outbound_subscriptions_disabled/); // disabled subscription
  });

  it.each(rules.map((r) => [r.alert, r] as const))('%s is a complete rule', (_name, rule) => {
    expect(rule.alert).toMatch(/^Hookspec[A-Z]\w+$/);
    expect(rule.expr.trim()).not.toBe('');
    expect(['warning', 'critical']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toBeTruthy();
    expect(rule.annotations?.description).toBeTruthy();
    if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    // Cheap syntax checks promtool would do: balanced brackets, every rate()/increase()/delta() over a range.
    for (const [open, close] of ['()', '[]', '{}']) {
      expect(rule.expr.split(open!).length, `${open}${close} balanced`).toBe(rule.expr.split(close!).length);
    }
    for (const call of rule.expr.matchAll(/\b(rate|increase|delta|deriv)\(([^()]*(\([^()]*\))?[^()]*)\)/g)) {
      expect(call[2], `${call[1]}() needs a range`).toMatch(/\[\d+[smh](:\d+[smh])?\]\s*$/);
    }
  });

  it.each(rules.map((r) => [r.alert, r] as const))('%s reads only metrics the server registers', (_name, rule) => {
    const names = metricsIn(rule.expr);
    expect(names.length).toBeGreaterThan(0);
    const missing = names.filter((n) => registeredName(n, registered) === undefined);
    expect(missing, `not exposed on /metrics: ${missing.join(', ')}`).toEqual([]);
  });

  it.skipIf(skipPromtool)('passes promtool check rules', () => {
    execFileSync(PROMTOOL, ['check', 'rules', ALERTS_FILE], { stdio: 'pipe' });
  });

  // deploy/alerts.test.yml feeds series to each rule and states when it must (and must not) fire.
  it.skipIf(skipPromtool)('passes its promtool unit tests (fires on the bad cases, stays quiet on the good ones)', () => {
    execFileSync(PROMTOOL, ['test', 'rules', join(import.meta.dirname, '..', '..', 'deploy', 'alerts.test.yml')], { stdio: 'pipe' });
  });
});
