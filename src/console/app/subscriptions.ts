import type { components } from '../../../generated/types.js';
import { actionButton, badge, byId, clearTable, confirmed, fillTable, h, when } from './dom.js';
import { Generation } from './generation.js';
import { call, requireClient, say } from './session.js';

type Subscription = components['schemas']['Subscription'];

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;
let nextCursor: string | null = null;
const listLoads = new Generation();

/** The subscriptions tab: list, create, disable/enable, rotate secret, send a test, recover failures. */
export async function loadSubscriptions(append = false): Promise<void> {
  const client = requireClient();
  const generation = listLoads.next();
  const page = await call(
    'Loading subscriptions',
    client.GET('/v1/subscriptions', { params: { query: { limit: PAGE_SIZE, ...(append && nextCursor ? { cursor: nextCursor } : {}) } } }),
  );
  if (!listLoads.isCurrent(generation)) return;
  nextCursor = page.next_cursor;
  const rows = page.data.map(row);
  const table = byId<HTMLTableElement>('subscriptions-table');
  if (append) table.tBodies[0]!.append(...rows);
  else fillTable(table, rows, 'No subscriptions yet.');
  byId('subscriptions-more').hidden = !nextCursor;
}

/** Forgets everything the tab shows, the one-time secret first (the key was forgotten or refused). */
export function clearSubscriptions(): void {
  listLoads.invalidate();
  nextCursor = null;
  hideSecret();
  clearTable('subscriptions-table', 'subscriptions-more');
}

function row(s: Subscription): HTMLTableRowElement {
  const since = h('input', { type: 'datetime-local', class: 'recover-since', 'aria-label': `Recover failures of ${s.id} since` });
  since.value = toLocalInput(new Date(Date.now() - DAY_MS));
  // The API refuses both for a disabled subscription (409): say so before the click, not after.
  const needsActive = s.status === 'active' ? {} : { disabled: true, title: 'Enable the subscription first' };
  return h('tr', { 'data-id': s.id },
    h('td', { class: 'mono' }, s.id),
    h('td', { class: 'mono' }, s.url, s.description ? h('div', {}, s.description) : null),
    h('td', {}, s.events.join(', ')),
    h('td', {}, badge(s.status), s.disabled_reason ? h('div', {}, s.disabled_reason) : null, h('div', {}, `since ${when(s.updated_at)}`)),
    h('td', {},
      h('div', { class: 'actions' },
        s.status === 'active'
          ? actionButton('Disable', () => setStatus(s.id, 'disabled'), { class: 'disable', 'aria-label': `Disable ${s.id}` })
          : actionButton('Enable', () => setStatus(s.id, 'active'), { class: 'enable', 'aria-label': `Enable ${s.id}` }),
        actionButton('Rotate secret', () => rotate(s.id), { class: 'rotate', 'aria-label': `Rotate the secret of ${s.id}` }),
        actionButton('Send test', () => sendTest(s.id), { class: 'send-test', 'aria-label': `Send a test event to ${s.id}`, ...needsActive }),
      ),
      h('div', { class: 'actions' }, since,
        actionButton('Recover', () => recover(s.id, since.value), { class: 'recover', 'aria-label': `Recover failures of ${s.id}`, ...needsActive })),
    ),
  );
}

/** Creates a subscription from the form and shows its secret, which the API returns only this once. */
export async function createSubscription(): Promise<void> {
  const client = requireClient();
  const url = byId<HTMLInputElement>('subscription-url').value.trim();
  const events = byId<HTMLInputElement>('subscription-events').value.split(',').map((e) => e.trim()).filter(Boolean);
  const description = byId<HTMLInputElement>('subscription-description').value.trim();
  const created = await call('Creating the subscription', client.POST('/v1/subscriptions', { body: { url, events, ...(description ? { description } : {}) } }));
  showSecret(`Subscription ${created.id} created. Its signing secret, shown only now:`, created.secret ?? '');
  say(`Created ${created.id}.`);
  await loadSubscriptions();
}

async function setStatus(id: string, status: 'active' | 'disabled'): Promise<void> {
  // Disabling stops deliveries; enabling is harmless and needs no question.
  if (status === 'disabled' && !confirmed(`Disable subscription ${id}? Its deliveries stop until it is enabled again.`)) return;
  const client = requireClient();
  await call('Updating the subscription', client.PATCH('/v1/subscriptions/{id}', { params: { path: { id } }, body: { status } }));
  say(`${id} is now ${status}.`);
  await loadSubscriptions();
}

async function rotate(id: string): Promise<void> {
  if (!confirmed(`Rotate the signing secret of subscription ${id}? The old secret stops working after a grace period.`)) return;
  const client = requireClient();
  const rotated = await call('Rotating the secret', client.POST('/v1/subscriptions/{id}/rotate-secret', { params: { path: { id } }, body: {} }));
  showSecret(`New secret for ${id} (the old one keeps signing until ${when(rotated.previous_secret_expires_at)}):`, rotated.secret);
  say(`Rotated the secret of ${id}.`);
}

async function sendTest(id: string): Promise<void> {
  const client = requireClient();
  const event = await call('Sending a test event', client.POST('/v1/subscriptions/{id}/test', { params: { path: { id } } }));
  say(`Test event ${event.id} queued for ${id}; see it under Events.`);
}

async function recover(id: string, sinceLocal: string): Promise<void> {
  const client = requireClient();
  const since = new Date(sinceLocal);
  if (Number.isNaN(since.getTime())) {
    say('Pick the time to recover from.', true);
    return;
  }
  if (!confirmed(`Send every failed delivery of subscription ${id} since ${when(since.toISOString())} again?`)) return;
  const result = await call('Recovering', client.POST('/v1/subscriptions/{id}/recover', { params: { path: { id } }, body: { since: since.toISOString() } }));
  say(`Queued ${result.queued} failed deliver${result.queued === 1 ? 'y' : 'ies'} of ${id} again.`);
}

function showSecret(text: string, secret: string): void {
  const box = byId('secret-once');
  box.replaceChildren(text, ' ', h('code', { class: 'secret-value' }, secret));
  box.hidden = false;
}

function hideSecret(): void {
  const box = byId('secret-once');
  box.replaceChildren();
  box.hidden = true;
}

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local input holds. */
function toLocalInput(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
