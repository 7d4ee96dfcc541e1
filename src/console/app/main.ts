import { byId, whileDisabled } from './dom.js';
import { clearEvents, fillExample, loadEvents, publish } from './events.js';
import { clearInbound, loadInbound } from './inbound.js';
import { clearRefusals, loadRefusals } from './refusals.js';
import { clearSubscriptions, createSubscription, loadSubscriptions } from './subscriptions.js';
import { currentClient, forgetKey, onUnauthorized, saveKey, say } from './session.js';

type Tab = 'events' | 'subscriptions' | 'inbound' | 'refusals';
const TABS: Record<Tab, () => Promise<void>> = {
  events: () => loadEvents(),
  subscriptions: () => loadSubscriptions(),
  inbound: () => loadInbound(),
  refusals: () => loadRefusals(),
};

function currentTab(): Tab {
  const tab = location.hash.slice(1);
  // hasOwn, not `in`: "#toString" must not pick up what every object inherits.
  return Object.hasOwn(TABS, tab) ? (tab as Tab) : 'events';
}

/** Shows the tab in the URL hash and loads its data (when a key is set). */
async function show(tab: Tab = currentTab()): Promise<void> {
  for (const name of Object.keys(TABS) as Tab[]) {
    byId(name).hidden = name !== tab;
    document.querySelector(`.tab[data-tab="${name}"]`)?.setAttribute('aria-selected', String(name === tab));
  }
  if (!currentClient()) {
    say('Enter the API key (HOOKSPEC_API_KEY) to load data.');
    return;
  }
  await TABS[tab]().catch(() => {});
}

/** Takes every piece of API data off the page: rows, details, a secret shown once, cursors. */
function clearData(): void {
  clearEvents();
  clearSubscriptions();
  clearInbound();
  clearRefusals();
}

/** Runs a form's action without reloading the page, its submit button disabled meanwhile; errors are already on the status line. */
function onSubmit(id: string, action: () => Promise<void>): void {
  const form = byId<HTMLFormElement>(id);
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void whileDisabled(submit, action);
  });
}

/** Runs a button's action, the button disabled meanwhile so a double click runs it once. */
function onClick(id: string, action: () => Promise<void>): void {
  const button = byId<HTMLButtonElement>(id);
  button.addEventListener('click', () => void whileDisabled(button, action));
}

document.querySelectorAll<HTMLButtonElement>('.tab').forEach((button) => {
  button.addEventListener('click', () => {
    location.hash = button.dataset.tab ?? 'events';
  });
});
window.addEventListener('hashchange', () => void show());
onUnauthorized(clearData);

onSubmit('key-form', async () => {
  const input = byId<HTMLInputElement>('api-key');
  const key = input.value.trim();
  input.value = '';
  if (!saveKey(key)) return;
  say('Key set for this tab.');
  await show();
});
onClick('forget-key', async () => {
  forgetKey();
  clearData();
  say('Key forgotten.');
});
onSubmit('publish-form', publish);
onSubmit('subscription-form', createSubscription);
byId('publish-type').addEventListener('change', fillExample);
onClick('events-refresh', () => loadEvents());
onClick('events-more', () => loadEvents(true));
onClick('subscriptions-refresh', () => loadSubscriptions());
onClick('subscriptions-more', () => loadSubscriptions(true));
onClick('inbound-refresh', () => loadInbound());
onClick('inbound-more', () => loadInbound(true));
onSubmit('refusals-filter', () => loadRefusals());
onClick('refusals-refresh', () => loadRefusals());
onClick('refusals-more', () => loadRefusals(true));

void show();
