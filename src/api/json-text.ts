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
