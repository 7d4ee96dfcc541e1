import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from './spec-ajv.js';

const run = promisify(execFile);
const ROOT = join(SPEC_PATH, '..');
const REDOCLY = join(ROOT, 'node_modules', '.bin', 'redocly');
const outDir = mkdtempSync(join(tmpdir(), 'hookspec-docs-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs the redocly CLI from the repository root (so it picks up redocly.yaml), without telemetry. */
function redocly(...args: string[]) {
  return run(REDOCLY, args, { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
}

describe('redocly', () => {
  it('lints openapi.yaml with no errors and no warnings', async () => {
    const { stdout, stderr } = await redocly('lint', 'openapi.yaml', '--format=json');
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems, stderr).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('builds a self-contained Redoc page (no CDN script) with the webhooks rendered', async () => {
    const out = join(outDir, 'index.html');
    await redocly('build-docs', 'openapi.yaml', '--inlineBundle', '-o', out);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
    expect(html).toContain('stripe.payment_intent.payment_failed');
    expect(html).toContain('receiveGithubWebhook');
  }, 60_000);
});
