import type { ContractCases } from '../../../generated/contract/cases.js';

interface Outcome {
  passed: number;
  failures: string[];
}

/** What the run exercised: cases passed and failed per operation and webhook, and the declared responses seen. */
export class Coverage {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly responses = new Map<string, Set<string>>();

  /** Records that a case of `owner` (`operation x`, `webhook y`, `example z`) passed, or failed with `error`. */
  record(owner: string, error?: unknown): void {
    const outcome = this.outcomes.get(owner) ?? { passed: 0, failures: [] };
    if (error === undefined) outcome.passed++;
    else outcome.failures.push(error instanceof Error ? error.message : String(error));
    this.outcomes.set(owner, outcome);
  }

  /** Records that an operation was answered with one of its declared responses. */
  response(operationId: string, declared: string): void {
    const seen = this.responses.get(operationId) ?? new Set<string>();
    seen.add(declared);
    this.responses.set(operationId, seen);
  }

  /** The end-of-run report: every operation and webhook, passed or failed with the reason, and what was not exercised. */
  report(cases: ContractCases, target: string): string {
    const lines: string[] = [`Contract coverage against ${target}`];
    let declaredCount = 0;
    let seenCount = 0;
    const opLines: string[] = [];
    for (const op of cases.operations) {
      const seen = this.responses.get(op.operationId) ?? new Set<string>();
      const statuses = op.responses.map((r) => r.status);
      declaredCount += statuses.length;
      seenCount += statuses.filter((s) => seen.has(s)).length;
      const missing = statuses.filter((s) => !seen.has(s));
      const detail = `responses exercised: ${statuses.filter((s) => seen.has(s)).join(', ') || 'none'}${missing.length ? `; not exercised: ${missing.join(', ')}` : ''}`;
      opLines.push(this.line(`operation ${op.operationId}`, `${op.operationId} (${op.method.toUpperCase()} ${op.path})`, detail));
    }
    const exercisedOps = cases.operations.filter((op) => this.outcomes.has(`operation ${op.operationId}`)).length;
    lines.push(`Operations: ${exercisedOps}/${cases.operations.length} exercised, ${seenCount}/${declaredCount} declared responses seen`);
    lines.push(...opLines);
    const exercisedHooks = cases.webhooks.filter((w) => this.outcomes.has(`webhook ${w.name}`)).length;
    lines.push(`Webhooks: ${exercisedHooks}/${cases.webhooks.length} exercised`);
    // The checks are claimed only for a webhook whose case passed; a failure's own line says where it stopped.
    for (const w of cases.webhooks) {
      const checked = w.system ? 'emitted by the server only: publishing it refused' : 'published, delivered, signature verified, body valid';
      lines.push(this.line(`webhook ${w.name}`, w.name, this.outcomes.get(`webhook ${w.name}`)?.failures.length ? 'see below' : checked));
    }
    const exampleFailures = [...this.outcomes].filter(([owner, o]) => owner.startsWith('example ') && o.failures.length > 0);
    const exampleRuns = [...this.outcomes.keys()].filter((owner) => owner.startsWith('example ')).length;
    lines.push(`Examples: ${exampleRuns} owners checked, ${exampleFailures.length} with invalid examples`);
    for (const [owner, o] of exampleFailures) lines.push(`  FAIL ${owner.slice('example '.length)}: ${o.failures[0]}`);
    for (const gap of cases.gaps) lines.push(`  NO CASE ${gap.kind} ${gap.name}: ${gap.reason}`);
    return lines.join('\n');
  }

  private line(owner: string, label: string, detail: string): string {
    const outcome = this.outcomes.get(owner);
    if (!outcome) return `  NOT RUN ${label}`;
    if (outcome.failures.length === 0) return `  PASS ${label} (${outcome.passed} cases; ${detail})`;
    return `  FAIL ${label} (${outcome.failures.length} of ${outcome.passed + outcome.failures.length} cases failed; ${detail})\n       ${outcome.failures[0]}`;
  }
}
