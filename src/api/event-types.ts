import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Schemas } from '../../generated/aliases.js';
import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';

const CATALOG_FILE = fileURLToPath(new URL('../../generated/catalog.json', import.meta.url));

type CatalogEntry = Schemas['EventType'] & { operationId?: string; inbound?: unknown };

type EventTypeOperations = Pick<OperationHandlers, 'listEventTypes' | 'getEventType'>;

/** `/v1/event-types`: the catalog `make generate` built from the `webhooks` section (sorted by name). */
export function eventTypeOperations(): EventTypeOperations {
  const catalog = (JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogEntry[]).map(
    (e): { id: string; entry: Schemas['EventType'] } => ({
      id: e.name,
      entry: { name: e.name, summary: e.summary ?? '', description: e.description ?? '', schema: e.schema ?? {}, example: e.example ?? {} },
    }),
  );
  return {
    async listEventTypes() {
      // The catalog is small and fixed per build: one page.
      return { status: 200, body: { data: catalog.map((e) => e.entry), next_cursor: null } };
    },
    async getEventType({ params }) {
      const found = catalog.find((e) => e.id === params.name);
      if (!found) throw new HttpError(404, 'not_found', `No event type ${params.name}`);
      return { status: 200, body: found.entry };
    },
  };
}
