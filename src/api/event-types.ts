import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Schemas } from '../../generated/aliases.js';
import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import { page, pageQuery } from './pagination.js';

const CATALOG_FILE = fileURLToPath(new URL('../../generated/catalog.json', import.meta.url));

/** A `catalog.json` entry: `system` is written only when true. */
type CatalogEntry = Omit<Schemas['EventType'], 'system'> & { system?: boolean; operationId?: string; inbound?: unknown };

type EventTypeOperations = Pick<OperationHandlers, 'listEventTypes' | 'getEventType'>;

/** `/v1/event-types`: the catalog `make generate` built from the `webhooks` section (sorted by name). */
export function eventTypeOperations(): EventTypeOperations {
  const catalog = (JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogEntry[]).map(
    (e): { id: string; entry: Schemas['EventType'] } => ({
      id: e.name,
      entry: { name: e.name, summary: e.summary ?? '', description: e.description ?? '', system: e.system === true, schema: e.schema ?? {}, example: e.example ?? {} },
    }),
  );
  // Name order, code unit by code unit: the cursor is the last name shown, and the next page starts after it.
  catalog.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const names = new Set(catalog.map((e) => e.id));
  return {
    async listEventTypes({ query }) {
      // A cursor is a name the catalog has; any other could only give some other page.
      const q = pageQuery(query, (cursor) => names.has(cursor));
      const rest = q.cursor === undefined ? catalog : catalog.filter((e) => e.id > q.cursor!);
      return { status: 200, body: page(rest.slice(0, q.limit + 1), q.limit, (e) => e.entry) };
    },
    async getEventType({ params }) {
      const found = catalog.find((e) => e.id === params.name);
      if (!found) throw new HttpError(404, 'not_found', `No event type ${params.name}`);
      return { status: 200, body: found.entry };
    },
  };
}
