/** Plain left-aligned columns for terminal output; long cells are cut so a row stays on one line. */
export function formatTable(headers: string[], rows: (string | number | null | undefined)[][], maxCell = 60): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => cut(c === null || c === undefined ? '-' : String(c), maxCell)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/** One line of at most `max` characters (newlines shown as spaces). */
export function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** ` --flag value …` for the flags that have a value, quoted for a POSIX shell where needed. */
export function nextPageArgs(args: (string | undefined)[][]): string {
  return args
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([flag, value]) => ` ${flag} ${/^[\w.:\-/+@=,]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`)
    .join('');
}
