import { logger, type Logger } from './logger.js';

/** The ids a log line can be about; snake_case like the API, so logs and API answers grep alike. */
export interface LogIds {
  event_id?: string;
  delivery_id?: string;
  subscription_id?: string;
  inbound_id?: string;
}

const PREFIX_TO_FIELD: Record<string, keyof LogIds> = {
  evt: 'event_id',
  dlv: 'delivery_id',
  sub: 'subscription_id',
  in: 'inbound_id',
};

const ID_SEGMENT = /^(evt|dlv|sub|in)_[A-Za-z0-9]+$/;

/** A child logger that writes the given ids on every line (pass the parent to nest). */
export function loggerFor(ids: LogIds, parent: Logger = logger): Logger {
  const bindings = Object.fromEntries(Object.entries(ids).filter(([, v]) => typeof v === 'string' && v !== ''));
  return parent.child(bindings);
}

/** The prefixed ids in a URL path (`/v1/events/evt_1/deliveries` → `{ event_id: 'evt_1' }`). */
export function idsFromPath(path: string): LogIds {
  const ids: LogIds = {};
  for (const segment of path.split('/')) {
    const match = ID_SEGMENT.exec(segment);
    const field = match ? PREFIX_TO_FIELD[match[1]!] : undefined;
    if (field) ids[field] = segment;
  }
  return ids;
}
