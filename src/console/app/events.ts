import type { components } from '../../../generated/types.js';
import { actionButton, badge, byId, clearTable, confirmed, fillTable, h, jsonBlock, timeCell, when } from './dom.js';
import { Generation } from './generation.js';
import { call, requireClient, say } from './session.js';

type Delivery = components['schemas']['Delivery'];
type EventType = components['schemas']['EventType'];

const PAGE_SIZE = 25;
/** Deliveries per page of one event (the API's maximum); more come behind a button. */
const DELIVERIES_PAGE_SIZE = 100;
/** After a retry, how long the page watches the delivery for its next attempt. */
const WATCH_MS = 10_000;
const WATCH_INTERVAL_MS = 300;

let nextCursor: string | null = null;
let eventTypes: EventType[] = [];
const listLoads = new Generation();
const detailLoads = new Generation();

/** The events tab: newest events; each opens its deliveries with every attempt and a retry button. */
export async function loadEvents(append = false): Promise<void> {
  const client = requireClient();
  const generation = listLoads.next();
  const page = await call(
    'Loading events',
    client.GET('/v1/events', { params: { query: { limit: PAGE_SIZE, ...(append && nextCursor ? { cursor: nextCursor } : {}) } } }),
  );
  if (!listLoads.isCurrent(generation)) return;
  nextCursor = page.next_cursor;
  const rows = page.data.map((e) =>
    h('tr', { 'data-id': e.id },
      h('td', { class: 'mono' }, e.id),
      h('td', {}, e.type),
      timeCell(e.created_at),
      h('td', {}, actionButton('Deliveries', () => showEvent(e.id), { class: 'show-event', 'aria-label': `Deliveries of ${e.id}` })),
    ),
  );
  const table = byId<HTMLTableElement>('events-table');
  if (append) table.tBodies[0]!.append(...rows);
  else fillTable(table, rows, 'No events yet.');
  byId('events-more').hidden = !nextCursor;
  if (eventTypes.length === 0) await loadEventTypes();
}

/** Forgets everything the tab shows (the key was forgotten or refused). */
export function clearEvents(): void {
  listLoads.invalidate();
  detailLoads.invalidate();
  nextCursor = null;
  clearTable('events-table', 'events-more');
  byId('event-detail').replaceChildren();
}

/** The event whose deliveries are on screen, if any. */
function shownEventId(): string | undefined {
  return byId('event-detail').querySelector<HTMLElement>('[data-event]')?.dataset.event;
}

/** One event: its payload, then one block per delivery with every attempt. */
export async function showEvent(eventId: string): Promise<void> {
  const client = requireClient();
  const generation = detailLoads.next();
  const [event, deliveries] = await Promise.all([
    call('Loading the event', client.GET('/v1/events/{id}', { params: { path: { id: eventId } } })),
    loadDeliveries(eventId, null),
  ]);
  if (!detailLoads.isCurrent(generation)) return;
  const list = h('div', { class: 'deliveries' }, deliveries.data.map((d) => deliveryBlock(d, eventId)));
  byId('event-detail').replaceChildren(
    h('div', { class: 'detail', 'data-event': event.id },
      h('h3', {}, `${event.type} `, h('span', { class: 'mono' }, event.id)),
      h('details', {}, h('summary', {}, 'Payload'), jsonBlock(event.data)),
      deliveries.data.length === 0 ? h('p', {}, 'No subscription matched this event.') : list,
      moreDeliveriesButton(list, eventId, deliveries.next_cursor),
    ),
  );
}

function loadDeliveries(eventId: string, cursor: string | null) {
  const client = requireClient();
  const query = { limit: DELIVERIES_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  return call('Loading deliveries', client.GET('/v1/events/{id}/deliveries', { params: { path: { id: eventId }, query } }));
}

/** An event can fan out to more deliveries than one page holds; this button appends the next page. */
function moreDeliveriesButton(list: HTMLElement, eventId: string, firstCursor: string | null): HTMLButtonElement {
  let cursor = firstCursor;
  const button = actionButton('More deliveries', async () => {
    const page = await loadDeliveries(eventId, cursor);
    list.append(...page.data.map((d) => deliveryBlock(d, eventId)));
    cursor = page.next_cursor;
    button.hidden = !cursor;
  }, { class: 'deliveries-more' });
  button.hidden = !cursor;
  return button;
}

function deliveryBlock(d: Delivery, eventId: string): HTMLElement {
  const attempts = d.attempts.map((a) =>
    h('tr', { class: 'attempt' },
      h('td', {}, `#${a.attempt}`),
      timeCell(a.started_at),
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
      actionButton('Retry', () => retry(d, eventId), { class: 'retry', 'aria-label': `Retry ${d.id}` }),
    ),
    attempts.length > 0
      ? h('table', { class: 'attempts' },
          h('thead', {}, h('tr', {}, ['#', 'Started', 'Status', 'Latency', 'Outcome', 'Response'].map((t) => h('th', {}, t)))),
          h('tbody', {}, attempts))
      : h('p', {}, 'No attempt yet.'),
  );
}

async function retry(d: Delivery, eventId: string): Promise<void> {
  if (!confirmed(`Send delivery ${d.id} to ${d.url} again now?`)) return;
  const client = requireClient();
  const queued = await call('Retrying', client.POST('/v1/deliveries/{id}/retry', { params: { path: { id: d.id } } }));
  say(`Retry of ${d.id} queued.`);
  // Nothing was in flight when the server queued the retry, so its attempt is the first past those already recorded.
  const outcome = await watchForAttempt(d.id, Math.max(0, ...queued.attempts.map((a) => a.attempt)));
  say(outcome ? `Retry of ${d.id}: attempt #${outcome.attempt} ${outcome.outcome}.` : `Retry of ${d.id} queued; no attempt within ${WATCH_MS / 1000} s.`);
  // The operator may have opened another event meanwhile; that one stays on screen.
  if (shownEventId() === eventId) await showEvent(eventId);
}

/** Polls the delivery until an attempt numbered past `lastRecorded` is recorded; undefined when time runs out. */
async function watchForAttempt(deliveryId: string, lastRecorded: number): Promise<Delivery['attempts'][number] | undefined> {
  const client = requireClient();
  const until = Date.now() + WATCH_MS;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, WATCH_INTERVAL_MS));
    const now = await call('Checking the delivery', client.GET('/v1/deliveries/{id}', { params: { path: { id: deliveryId } } }));
    const recorded = now.attempts.find((a) => a.attempt > lastRecorded);
    if (recorded) return recorded;
  }
  return undefined;
}

async function loadEventTypes(): Promise<void> {
  const client = requireClient();
  const page = await call('Loading event types', client.GET('/v1/event-types', { params: { query: { limit: 100 } } }));
  eventTypes = page.data;
  const select = byId<HTMLSelectElement>('publish-type');
  // The server refuses to publish its own (system) events: offering them would only earn a 422.
  const publishable = eventTypes.filter((t) => !t.system);
  select.replaceChildren(...publishable.map((t) => h('option', { value: t.name }, t.name)));
  select.value = publishable.some((t) => t.name === 'ping') ? 'ping' : (publishable[0]?.name ?? '');
  fillExample();
}

/** Puts the example `data` of the chosen type in the editor, as a starting point. */
export function fillExample(): void {
  const type = eventTypes.find((t) => t.name === byId<HTMLSelectElement>('publish-type').value);
  const example = (type?.example as { data?: unknown } | undefined)?.data ?? {};
  byId<HTMLTextAreaElement>('publish-data').value = JSON.stringify(example, null, 2);
}

/** 128 random bits in hex; crypto.randomUUID would need HTTPS, and the console may be served over plain HTTP. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
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
  // One key per submission: if the same submission reaches the server twice, it publishes once.
  const header = { 'Idempotency-Key': randomKey() };
  const published = await call('Publishing', client.POST('/v1/events', { params: { header }, body: { type, data } }));
  say(`Published ${published.type} as ${published.id}.`);
  await loadEvents();
  await showEvent(published.id);
}
