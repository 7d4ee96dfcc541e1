/** Header names kept in one refusal row; a request can carry thousands, the audit needs to see what kind it was. */
export const MAX_AUDITED_HEADER_NAMES = 50;
/** Characters kept of one header name. */
export const MAX_AUDITED_HEADER_NAME_LENGTH = 64;
/** Ends a shortened name and precedes the count of names left out; never part of a real header name (not a token character). */
export const TRUNCATED = '…';

/**
 * The header names a refusal row stores: at most {@link MAX_AUDITED_HEADER_NAMES}, each at most
 * {@link MAX_AUDITED_HEADER_NAME_LENGTH} characters. A shortened name ends with `…`; names left out are counted in a
 * last entry `…+N`. So a row weighs at most a few KB whatever the request sent.
 */
export function auditedHeaderNames(names: readonly string[]): string[] {
  const kept = names.length > MAX_AUDITED_HEADER_NAMES ? names.slice(0, MAX_AUDITED_HEADER_NAMES) : [...names];
  for (let i = 0; i < kept.length; i++) {
    const name = kept[i]!;
    if (name.length > MAX_AUDITED_HEADER_NAME_LENGTH) kept[i] = name.slice(0, MAX_AUDITED_HEADER_NAME_LENGTH - 1) + TRUNCATED;
  }
  if (names.length > MAX_AUDITED_HEADER_NAMES) kept.push(`${TRUNCATED}+${names.length - MAX_AUDITED_HEADER_NAMES}`);
  return kept;
}
