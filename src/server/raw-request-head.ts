/** What node's parser had read of a request it refused: enough to tell which receiver it was for, and by whom. */
export interface RawRequestHead {
  method: string;
  target: string;
  /** Header names lower-cased; a repeated one keeps its first value. Only the lines read before the error. */
  headers: Record<string, string>;
}

/** A request line as node accepts it; anything else is not attributed to a route. */
const REQUEST_LINE = /^([A-Z]{1,20}) (\S{1,8192}) HTTP\/1\.[01]$/;
/** A header line's name (RFC 9110 token); the line ends the scan at the first one that is not. */
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*)$/;
/** How much of the packet is read: node refuses heads over 16 KiB anyway. */
const MAX_SCAN_BYTES = 16 * 1024;

/**
 * The request line and the headers before the first malformed line, from `clientError`'s `rawPacket`; undefined
 * when the packet does not start with a request line (a later chunk of a long head, or not HTTP at all).
 */
export function parseRawHead(packet: Buffer): RawRequestHead | undefined {
  const lines = packet.subarray(0, MAX_SCAN_BYTES).toString('latin1').split('\r\n');
  const line = REQUEST_LINE.exec(lines[0] ?? '');
  if (!line) return undefined;
  const headers: Record<string, string> = {};
  for (const text of lines.slice(1)) {
    const header = HEADER_LINE.exec(text);
    if (!header) break;
    const name = header[1]!.toLowerCase();
    headers[name] ??= header[2]!;
  }
  return { method: line[1]!, target: line[2]!, headers };
}
