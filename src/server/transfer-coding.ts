import type { IncomingHttpHeaders } from 'node:http';

/**
 * A Transfer-Encoding coding other than chunked (`gzip, chunked` → `gzip`), lower-cased; undefined when the body is
 * only chunked. node:http undoes the chunking but not the compression, so such a body would reach the signature
 * check and the JSON parser still compressed.
 */
export function compressedTransferCoding(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['transfer-encoding'];
  if (!raw) return undefined;
  for (const coding of raw.toLowerCase().split(',')) {
    const name = coding.split(';')[0]!.trim();
    if (name && name !== 'chunked' && name !== 'identity') return name;
  }
  return undefined;
}
