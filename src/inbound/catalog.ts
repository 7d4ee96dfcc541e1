import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateWebhook, webhookNames } from '../../generated/validators.js';
import type { InboundValidationError } from '../store/inbound-store.js';
import type { Provider } from './receivers/receiver.js';

const CATALOG_FILE = fileURLToPath(new URL('../../generated/catalog.json', import.meta.url));

interface CatalogEntry {
  name: string;
  inbound?: { provider: string; event: string };
}

export type ValidationOutcome = { ok: true } | { ok: false; errors: InboundValidationError[] };

/** The outbound catalog as the receivers see it: which webhook a provider event maps to, and its validator. */
export interface InboundCatalog {
  /** Catalog name for a provider event (`github` + `push` → `github.push`); for Standard Webhooks the name itself. */
  typeFor(provider: Provider, match: string | undefined): string | undefined;
  /** Validates a `{ type, timestamp, data }` envelope against the catalog schema of `type`. */
  validate(type: string, envelope: unknown): ValidationOutcome;
}

/** Builds the catalog lookup from the generated `catalog.json` and validators (`make generate`). */
export function loadInboundCatalog(): InboundCatalog {
  const entries = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogEntry[];
  const byProviderEvent = new Map<string, string>();
  for (const entry of entries) {
    if (entry.inbound) byProviderEvent.set(`${entry.inbound.provider}:${entry.inbound.event}`, entry.name);
  }
  const names = new Set<string>(webhookNames);
  return {
    typeFor(provider, match) {
      if (match === undefined) return undefined;
      if (provider === 'standard-webhooks') return names.has(match) ? match : undefined;
      return byProviderEvent.get(`${provider}:${match}`);
    },
    validate(type, envelope) {
      // The generated errors already are `{ pointer, keyword, message }`, the inbound log's shape.
      return validateWebhook(type, envelope);
    },
  };
}
