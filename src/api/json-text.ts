const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * For the scanners that check a JSON text before it is parsed: given the index of a string's opening quote, the index
 * of its closing one (or the text's length when it never closes). A backslash escapes the character after it.
 */
export function endOfString(json: string, open: number): number {
  const n = json.length;
  let i = open + 1;
  for (; i < n && json.charCodeAt(i) !== QUOTE; i++) if (json.charCodeAt(i) === BACKSLASH) i++;
  return i;
}

export const isQuote = (c: number): boolean => c === QUOTE;

/**
 * Visits the backslash escapes inside the strings of a JSON text, in order: `visit` gets a backslash's index and
 * answers true to stop (found), or the index of the escape's last character read. Escapes are read whole, so `\\u0000`
 * (an escaped backslash, then `u0000`) holds no `\u0000`. Whether `visit` stopped. One pass, whatever the text.
 */
export function someEscape(json: string, visit: (backslash: number) => true | number): boolean {
  const n = json.length;
  let inString = false;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      inString = !inString;
    } else if (inString && c === BACKSLASH) {
      const last = visit(i);
      if (last === true) return true;
      i = last;
    }
  }
  return false;
}
