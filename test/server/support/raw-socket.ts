import { connect, type Socket } from 'node:net';

/** A raw TCP client: sees exactly the bytes the server writes (a `100 Continue`, a status line) and when it closes. */
export interface RawClient {
  socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves once the received text matches. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves with everything received once the server has closed the connection, and how long after `openedAt`. */
  closed: Promise<{ text: string; afterMs: number }>;
  openedAt: number;
}

export function openRaw(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    let text = '';
    const waiters: { pattern: RegExp; resolve: (t: string) => void }[] = [];
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    const openedAt = Date.now();
    const closed = new Promise<{ text: string; afterMs: number }>((done) => {
      socket.on('close', () => done({ text, afterMs: Date.now() - openedAt }));
    });
    socket.on('data', (chunk: string) => {
      text += chunk;
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(text)) w.resolve(text);
        else waiters.push(w);
      }
    });
    // A reset after the server's answer is how an unread upload ends; the test reads what arrived before it.
    socket.on('error', () => {});
    socket.once('connect', () => resolve({
      socket,
      openedAt,
      closed,
      received: () => text,
      waitFor: (pattern) => (pattern.test(text) ? Promise.resolve(text) : new Promise((r) => waiters.push({ pattern, resolve: r }))),
    }));
    socket.once('error', reject);
  });
}

/** A request head in wire form. */
export function head(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The first response in the received text: status line, lower-cased headers, body parsed as JSON. */
export function firstResponse(text: string) {
  const start = text.indexOf('HTTP/1.1 ', text.startsWith('HTTP/1.1 100') ? 1 : 0);
  const rest = text.slice(start);
  const split = rest.indexOf('\r\n\r\n');
  const [statusLine, ...headers] = rest.slice(0, split).split('\r\n');
  const lower = headers.map((h) => h.toLowerCase());
  const length = Number(lower.find((h) => h.startsWith('content-length:'))?.split(':')[1] ?? 0);
  const body = rest.slice(split + 4, split + 4 + length);
  return { statusLine, headers: lower, body: body ? JSON.parse(body) : undefined };
}
