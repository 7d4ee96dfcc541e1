import { HttpError } from '../errors/http-error.js';

/** Page size when the client gives none (the spec's default for `limit`). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Ids `newId` makes with this prefix (lowercase Crockford base32 after it): what a list's cursor can be. */
export const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}_[0-9a-z]+$`);

/**
 * The page query, defaulted once; the validator has already bounded `limit`. A cursor that cannot be one of this
 * list's `next_cursor` values is a 400: compared as it is, it would quietly give some other page.
 */
export function pageQuery(
  query: { limit?: number | string; cursor?: string },
  validCursor: RegExp | ((cursor: string) => boolean),
): { limit: number; cursor?: string } {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new HttpError(400, 'invalid_parameter', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const valid = typeof validCursor === 'function' ? validCursor : (cursor: string) => validCursor.test(cursor);
  if (query.cursor !== undefined && !valid(query.cursor)) {
    throw new HttpError(400, 'invalid_cursor', 'cursor must be a next_cursor value from a previous page');
  }
  return query.cursor ? { limit, cursor: query.cursor } : { limit };
}

/**
 * `{ data, next_cursor }` from rows fetched with `limit + 1`: the extra row only tells that another page
 * exists; the cursor is the last returned row's id (ids sort by creation time).
 */
export function page<Row extends { id: string | number }, Out>(rows: Row[], limit: number, present: (row: Row) => Out): { data: Out[]; next_cursor: string | null } {
  const shown = rows.slice(0, limit);
  return { data: shown.map(present), next_cursor: rows.length > limit ? String(shown[shown.length - 1]!.id) : null };
}
