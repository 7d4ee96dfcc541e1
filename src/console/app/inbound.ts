import type { components } from '../../../generated/types.js';
import { actionButton, badge, byId, clearTable, confirmed, fillTable, h, jsonBlock, timeCell } from './dom.js';
import { Generation } from './generation.js';
import { call, requireClient, say } from './session.js';

type InboundDelivery = components['schemas']['InboundDelivery'];
type InboundDeliverySummary = components['schemas']['InboundDeliverySummary'];

const PAGE_SIZE = 50;
let nextCursor: string | null = null;
const listLoads = new Generation();
const detailLoads = new Generation();

/** The inbound tab: received webhooks with schema-drift flags, details and replay. */
export async function loadInbound(append = false): Promise<void> {
  const client = requireClient();
  const generation = listLoads.next();
  const page = await call(
    'Loading the inbound log',
    client.GET('/v1/inbound', { params: { query: { limit: PAGE_SIZE, ...(append && nextCursor ? { cursor: nextCursor } : {}) } } }),
  );
  if (!listLoads.isCurrent(generation)) return;
  nextCursor = page.next_cursor;
  const rows = page.data.map(row);
  const table = byId<HTMLTableElement>('inbound-table');
  if (append) table.tBodies[0]!.append(...rows);
  else fillTable(table, rows, 'Nothing received yet.');
  byId('inbound-more').hidden = !nextCursor;
}

/** Forgets everything the tab shows (the key was forgotten or refused). */
export function clearInbound(): void {
  listLoads.invalidate();
  detailLoads.invalidate();
  nextCursor = null;
  clearTable('inbound-table', 'inbound-more');
  byId('inbound-detail').replaceChildren();
}

function row(d: InboundDeliverySummary): HTMLTableRowElement {
  const drift = d.validation.ok ? badge('ok') : badge(`drift (${d.validation.errors.length})`, 'drift');
  return h('tr', { 'data-id': d.id },
    h('td', { class: 'mono' }, d.id),
    h('td', {}, d.provider),
    h('td', {}, d.event_type),
    h('td', {}, badge(d.status), d.last_error ? h('div', {}, d.last_error) : null),
    h('td', {}, drift),
    timeCell(d.received_at),
    h('td', {},
      h('div', { class: 'actions' },
        actionButton('Details', () => loadDetails(d.id), { class: 'show-inbound', 'aria-label': `Details of ${d.id}` }),
        actionButton('Replay', () => replay(d.id), { class: 'replay', 'aria-label': `Replay ${d.id}` }),
      ),
    ),
  );
}

/** The list leaves bodies out; the details read the whole delivery. */
async function loadDetails(id: string): Promise<void> {
  const client = requireClient();
  const generation = detailLoads.next();
  const delivery = await call('Loading the delivery', client.GET('/v1/inbound/{id}', { params: { path: { id } } }));
  if (detailLoads.isCurrent(generation)) showInbound(delivery);
}

function showInbound(d: InboundDelivery): void {
  byId('inbound-detail').replaceChildren(
    h('div', { class: 'detail', 'data-inbound': d.id },
      h('h3', {}, `${d.provider} ${d.event_type} `, h('span', { class: 'mono' }, d.id)),
      h('p', {}, `Provider delivery id ${d.delivery_id}; signature ${d.signature_valid ? 'valid' : 'invalid'}; ${d.attempts} handler attempt${d.attempts === 1 ? '' : 's'}.`),
      d.validation.ok
        ? h('p', {}, 'The payload matches the schema.')
        : h('div', {}, h('p', {}, 'Schema drift: the payload does not match the schema here:'),
            h('ul', {}, d.validation.errors.map((e) => h('li', {}, h('code', {}, e.pointer || '/'), ` ${e.keyword}: ${e.message}`)))),
      h('details', {}, h('summary', {}, 'Headers'), jsonBlock(d.headers)),
      d.body === null
        ? h('p', { class: 'error' }, `The raw body can no longer be read: ${d.body_lost ?? 'unknown reason'}.`)
        : h('details', {}, h('summary', {}, `Body (${d.body_size} bytes${d.body_encoding === 'base64' ? ', not UTF-8: shown as base64' : ''})`),
            jsonBlock(d.body_encoding === 'base64' ? d.body : prettyBody(d.body))),
    ),
  );
}

async function replay(id: string): Promise<void> {
  if (!confirmed(`Run the handlers of inbound delivery ${id} again?`)) return;
  const client = requireClient();
  const replayed = await call('Replaying', client.POST('/v1/inbound/{id}/replay', { params: { path: { id } } }));
  say(`${replayed.id} queued for processing again (status ${replayed.status}).`);
  await loadInbound();
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
