import type { components } from '../../../generated/types.js';
import { badge, byId, clearTable, fillTable, h, timeCell } from './dom.js';
import { Generation } from './generation.js';
import { call, requireClient } from './session.js';

type InboundRefusal = components['schemas']['InboundRefusal'];

interface RefusalFilter {
  source?: string;
  reason?: string;
}

const PAGE_SIZE = 50;
let nextCursor: string | null = null;
// "More" continues the filter the table was loaded with, not what has since been typed into the form.
let filter: RefusalFilter = {};
const listLoads = new Generation();

/** The refusals tab: requests the receivers refused (who sends bad signatures), newest first, filtered by source and reason. */
export async function loadRefusals(append = false): Promise<void> {
  const client = requireClient();
  if (!append) filter = readFilter();
  const generation = listLoads.next();
  const page = await call(
    'Loading refusals',
    client.GET('/v1/inbound-refusals', {
      params: { query: { ...filter, limit: PAGE_SIZE, ...(append && nextCursor ? { cursor: nextCursor } : {}) } },
    }),
  );
  if (!listLoads.isCurrent(generation)) return;
  nextCursor = page.next_cursor;
  const rows = page.data.map(row);
  const table = byId<HTMLTableElement>('refusals-table');
  if (append) table.tBodies[0]!.append(...rows);
  else fillTable(table, rows, filter.source || filter.reason ? 'No refusals match this filter.' : 'No refusals yet.');
  byId('refusals-more').hidden = !nextCursor;
}

/** Forgets everything the tab shows (the key was forgotten or refused). */
export function clearRefusals(): void {
  listLoads.invalidate();
  nextCursor = null;
  clearTable('refusals-table', 'refusals-more');
}

/** Empty fields mean "any"; the API rejects empty strings. */
function readFilter(): RefusalFilter {
  const source = byId<HTMLInputElement>('refusals-source').value.trim();
  const reason = byId<HTMLInputElement>('refusals-reason').value.trim();
  return { ...(source ? { source } : {}), ...(reason ? { reason } : {}) };
}

function row(r: InboundRefusal): HTMLTableRowElement {
  return h('tr', { 'data-id': String(r.id) },
    timeCell(r.at),
    h('td', { class: 'mono refusal-source' }, r.source),
    h('td', { class: 'refusal-receiver' }, r.receiver),
    h('td', { class: 'refusal-status' }, badge(String(r.status), 'rejected')),
    h('td', { class: 'mono refusal-reason' }, r.reason),
    h('td', { class: 'refusal-size' }, r.body_size === null ? '-' : String(r.body_size)),
    h('td', {},
      h('details', {}, h('summary', {}, `${r.header_names.length} header${r.header_names.length === 1 ? '' : 's'}`),
        h('ul', { class: 'header-names' }, r.header_names.map((name) => h('li', { class: 'mono' }, name)))),
    ),
  );
}
