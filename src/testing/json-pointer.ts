/** Escapes one JSON pointer segment (RFC 6901). Its own module: the CLI uses it without loading the validator. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
