import type { ContractParameter } from '../../../generated/contract/cases.js';
import type { SpecDocument } from '../spec-document.js';

/** Most values ever kept; old ones drop out first. */
const MAX_ENTRIES = 5000;

/**
 * Values the server returned (by the key they were found under), so later cases can name resources that
 * exist: `GET /v1/subscriptions/{id}` gets the `id` a create returned rather than the spec's example id.
 * Only what this run made is kept: against a server with data of its own, a list would otherwise hand the
 * suite someone's real subscription to rotate, disable and delete.
 */
export class IdPool {
  private readonly entries: { key: string; value: string }[] = [];

  /** Whether the run made this value (it came from a response the pool kept). */
  owns(value: string): boolean {
    return this.entries.some((e) => e.value === value);
  }

  /**
   * Keeps the string fields of a resource, or of each item of a `{ data: [...] }` page, newest last. Call it only
   * with what the run made: a create's answer, or an answer about resources the run owns.
   */
  harvest(body: unknown): void {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
    const record = body as Record<string, unknown>;
    const items = Array.isArray(record.data) ? record.data : [record];
    for (const item of items) {
      if (item === null || typeof item !== 'object') continue;
      for (const [key, value] of Object.entries(item)) if (typeof value === 'string') this.entries.push({ key, value });
    }
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** The newest value found under the parameter's name that its schema accepts. */
  pick(parameter: ContractParameter, spec: SpecDocument): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (!entry || entry.key !== parameter.name) continue;
      if (!parameter.schema || spec.validate(parameter.schema, entry.value).length === 0) return entry.value;
    }
    return undefined;
  }
}
