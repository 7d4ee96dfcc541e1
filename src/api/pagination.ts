import { HttpError } from '../errors/http-error.js';

/** Page size when the client gives none (the spec's default for `limit`). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** The page query, defaulted once; the validator has already bounded `limit`. */
export function pageQuery(query: { limit?: number | string; cursor?: string }): { limit: number; cursor?: string } {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new HttpError(400, 'invalid_parameter', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
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
