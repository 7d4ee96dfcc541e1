/**
 * How a webhook's handler file is named: `<webhook-name>` plus one of these extensions, for a name made of these
 * characters only. The dispatcher loads by it; the generator writes scaffolds and flags leftovers by it.
 */
export const HANDLER_NAME = /^[a-z0-9_.-]+$/i;
export const HANDLER_EXTENSIONS = ['.ts', '.js', '.mjs'] as const;
