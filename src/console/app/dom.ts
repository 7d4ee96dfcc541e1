type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | boolean | ((ev: Event) => void) | undefined>;

/**
 * Builds an element. Text always goes in as text nodes, never as HTML, so data from the API (payloads,
 * subscriber responses) cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A status badge; the class colours it. */
export function badge(text: string, kind: string = text): HTMLSpanElement {
  return h('span', { class: `badge ${kind}` }, text);
}

/** Runs an action with the button disabled, so a double click cannot start it twice. */
export async function whileDisabled(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  if (button.disabled) return;
  button.disabled = true;
  try {
    await action();
  } catch {
    // call() has already put the error on the status line; nothing is left to handle.
  } finally {
    button.disabled = false;
  }
}

/** A button that runs an async action, disabled while it runs. */
export function actionButton(label: string, action: () => Promise<void>, attrs: Attrs = {}): HTMLButtonElement {
  const button = h('button', { type: 'button', ...attrs }, label);
  button.addEventListener('click', () => void whileDisabled(button, action));
  return button;
}

/** Asks before an action that cannot be undone from the console. */
export function confirmed(question: string): boolean {
  return window.confirm(question);
}

/** Pretty JSON in a scrollable block. */
export function jsonBlock(value: unknown): HTMLPreElement {
  return h('pre', {}, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

/** Replaces the rows of a table body. */
export function fillTable(table: HTMLTableElement, rows: HTMLTableRowElement[], empty: string): void {
  const body = table.tBodies[0]!;
  const columns = table.tHead?.rows[0]?.cells.length ?? 1;
  body.replaceChildren(...(rows.length > 0 ? rows : [h('tr', {}, h('td', { colspan: String(columns), class: 'empty' }, empty))]));
}

/** The element with this id (the page is static, so a missing one is a bug). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

/** Local time to the second with its time zone, for people reading the page. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'long' });
}

/** A time as text, with the exact ISO instant on hover. */
export function timeCell(iso: string | null | undefined): HTMLTableCellElement {
  return h('td', { title: iso ?? undefined }, when(iso));
}

/** Empties a table body and a list's cursor-driven "More" button. */
export function clearTable(tableId: string, moreId?: string): void {
  byId<HTMLTableElement>(tableId).tBodies[0]!.replaceChildren();
  if (moreId) byId(moreId).hidden = true;
}
