import type { components } from '../../../generated/types.js';
import { actionButton, badge, byId, fillTable, h, jsonBlock, when } from './dom.js';
import { call, requireClient, say } from './session.js';

type Delivery = components['schemas']['Delivery'];
type EventType = components['schemas']['EventType'];

const PAGE_SIZE = 25;
/** After a retry, how long the page watches the delivery for its next attempt. */
const WATCH_MS = 10_000;

let nextCursor: string | null = null;
let eventTypes: EventType[] = [];

/** The events tab: newest events; each opens its deliveries with every attempt and a retry button. */
export async function loadEvents(append = false): Promise<void> {
  const client = requireClient();
  const page = await call(
    'Loading events',
    client.GET('/v1/events', { params: { query: { limit: PAGE_SIZE, ...(append && nextCursor ? { cursor: nextCursor } : {}) } } }),
  );
  nextCursor = page.next_cursor;
  const rows = page.data.map((e) =>
    h('tr', { 'data-id': e.id },
      h('td', { class: 'mono' }, e.id),
      h('td', {}, e.type),
      h('td', {}, when(e.created_at)),
      h('td', {}, actionButton('Deliveries', () => showEvent(e.id), { class: 'show-event' })),
    ),
  );
  const table = byId<HTMLTableElement>('events-table');
  if (append) table.tBodies[0]!.append(...rows);
  else fillTable(table, rows, 'No events yet.');
  byId('events-more').hidden = !nextCursor;
  if (eventTypes.length === 0) await loadEventTypes();
}

/** One event: its payload, then one block per delivery with every attempt. */
export async function showEvent(eventId: string): Promise<void> {
  const client = requireClient();
  const [event, deliveries] = await Promise.all([
    call('Loading the event', client.GET('/v1/events/{id}', { params: { path: { id: eventId } } })),
    call('Loading deliveries', client.GET('/v1/events/{id}/deliveries', { params: { path: { id: eventId }, query: { limit: 100 } } })),
  ]);
  const detail = byId('event-detail');
  detail.replaceChildren(
    h('div', { class: 'detail', 'data-event': event.id },
      h('h3', {}, `${event.type} `, h('span', { class: 'mono' }, event.id)),
      h('details', {}, h('summary', {}, 'Payload'), jsonBlock(event.data)),
      deliveries.data.length === 0 ? h('p', {}, 'No subscription matched this event.') : deliveries.data.map((d) => deliveryBlock(d, eventId)),
    ),
  );
}

function deliveryBlock(d: Delivery, eventId: string): HTMLElement {
  const attempts = d.attempts.map((a) =>
    h('tr', { class: 'attempt' },
      h('td', {}, `#${a.attempt}`),
      h('td', {}, when(a.started_at)),
      h('td', { class: 'attempt-status' }, a.status_code === null ? '-' : String(a.status_code)),
      h('td', {}, `${a.latency_ms} ms`),
      h('td', {}, badge(a.outcome, a.outcome === 'succeeded' ? 'ok' : 'failed')),
      h('td', {}, a.response_body ? h('pre', {}, a.response_body) : (a.error ?? '')),
    ),
  );
  return h('div', { class: 'delivery', 'data-delivery': d.id },
    h('p', {},
      h('span', { class: 'mono' }, d.id), ' → ', h('span', { class: 'mono' }, d.url), ' ',
      badge(d.status), ` ${d.attempt_count} attempt${d.attempt_count === 1 ? '' : 's'}`,
      d.next_attempt_at ? `, next at ${when(d.next_attempt_at)}` : '', ' ',
      actionButton('Retry', () => retry(d, eventId), { class: 'retry' }),
    ),
    attempts.length > 0
      ? h('table', { class: 'attempts' },
          h('thead', {}, h('tr', {}, ['#', 'Started', 'Status', 'Latency', 'Outcome', 'Response'].map((t) => h('th', {}, t)))),
          h('tbody', {}, attempts))
      : h('p', {}, 'No attempt yet.'),
  );
}

async function retry(d: Delivery, eventId: string): Promise<void> {
  const client = requireClient();
  await call('Retrying', client.POST('/v1/deliveries/{id}/retry', { params: { path: { id: d.id } } }));
  say(`Retry of ${d.id} queued.`);
  // Watch until the new attempt is recorded, then show it.
  const until = Date.now() + WATCH_MS;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await call('Checking the delivery', client.GET('/v1/deliveries/{id}', { params: { path: { id: d.id } } }));
    if (now.attempts.length > d.attempts.length && now.status !== 'delivering') break;
  }
  await showEvent(eventId);
}

async function loadEventTypes(): Promise<void> {
  const client = requireClient();
  const page = await call('Loading event types', client.GET('/v1/event-types', { params: { query: { limit: 100 } } }));
  eventTypes = page.data;
  const select = byId<HTMLSelectElement>('publish-type');
  select.replaceChildren(...eventTypes.map((t) => h('option', { value: t.name }, t.name)));
  select.value = eventTypes.some((t) => t.name === 'ping') ? 'ping' : (eventTypes[0]?.name ?? '');
  fillExample();
}

/** Puts the example `data` of the chosen type in the editor, as a starting point. */
export function fillExample(): void {
  const type = eventTypes.find((t) => t.name === byId<HTMLSelectElement>('publish-type').value);
  const example = (type?.example as { data?: unknown } | undefined)?.data ?? {};
  byId<HTMLTextAreaElement>('publish-data').value = JSON.stringify(example, null, 2);
}

/** Publishes the event in the form through `POST /v1/events`. */
export async function publish(): Promise<void> {
  const client = requireClient();
  const type = byId<HTMLSelectElement>('publish-type').value;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(byId<HTMLTextAreaElement>('publish-data').value) as Record<string, unknown>;
  } catch (err) {
    say(`The data is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, true);
    return;
  }
  const published = await call('Publishing', client.POST('/v1/events', { body: { type, data } }));
  say(`Published ${published.type} as ${published.id}.`);
  await loadEvents();
  await showEvent(published.id);
}
