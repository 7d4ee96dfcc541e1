import { byId } from './dom.js';
import { fillExample, loadEvents, publish } from './events.js';
import { loadInbound } from './inbound.js';
import { loadRefusals } from './refusals.js';
import { createSubscription, loadSubscriptions } from './subscriptions.js';
import { currentClient, forgetKey, saveKey, say } from './session.js';

type Tab = 'events' | 'subscriptions' | 'inbound' | 'refusals';
const TABS: Record<Tab, () => Promise<void>> = {
  events: () => loadEvents(),
  subscriptions: () => loadSubscriptions(),
  inbound: () => loadInbound(),
  refusals: () => loadRefusals(),
};

function currentTab(): Tab {
  const tab = location.hash.slice(1);
  return tab in TABS ? (tab as Tab) : 'events';
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

/** Runs a form's action without reloading the page; errors are already on the status line. */
function onSubmit(id: string, action: () => Promise<void>): void {
  byId<HTMLFormElement>(id).addEventListener('submit', (ev) => {
    ev.preventDefault();
    action().catch(() => {});
  });
}

function onClick(id: string, action: () => Promise<void>): void {
  byId(id).addEventListener('click', () => {
    action().catch(() => {});
  });
}

document.querySelectorAll<HTMLButtonElement>('.tab').forEach((button) => {
  button.addEventListener('click', () => {
    location.hash = button.dataset.tab ?? 'events';
  });
});
window.addEventListener('hashchange', () => void show());

onSubmit('key-form', async () => {
  const input = byId<HTMLInputElement>('api-key');
  saveKey(input.value.trim());
  input.value = '';
  say('Key set for this tab.');
  await show();
});
onClick('forget-key', async () => {
  forgetKey();
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
