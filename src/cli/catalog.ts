import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CATALOG_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'generated', 'catalog.json');

/** Providers whose requests `trigger --provider` can sign. */
export type Provider = 'github' | 'stripe' | 'slack';
export const PROVIDERS: readonly Provider[] = ['github', 'stripe', 'slack'];

/** One entry of `generated/catalog.json` (the fields the CLI uses). */
export interface CatalogEntry {
  name: string;
  summary: string;
  example: { type: string; timestamp: string; data: unknown };
  inbound?: { provider: Provider; event: string };
}

let cached: CatalogEntry[] | undefined;

/** The event catalog generated from the spec's `webhooks` section. */
export function loadCatalog(): CatalogEntry[] {
  cached ??= JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogEntry[];
  return cached;
}

/** The catalog entry for `name`, or an error that lists the valid names (of `provider` when given). */
export function findEvent(name: string, provider?: Provider): CatalogEntry {
  const candidates = loadCatalog().filter((e) => provider === undefined || e.inbound?.provider === provider);
  const entry = candidates.find((e) => e.name === name);
  if (entry) return entry;
  const what = provider ? `${provider} event type` : 'event type';
  throw new Error(`unknown ${what} "${name}"; valid types: ${candidates.map((e) => e.name).join(', ')}`);
}
